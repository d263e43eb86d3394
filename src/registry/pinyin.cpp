#include "registry/pinyin.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace shequ::registry {
namespace {

// GB 2312 files its 3,755 level-1 hanzi (0xB0A1-0xD7F9) in pinyin order, so the first code of each
// initial bounds a range: 啊 B0A1 starts A, 芭 B0C5 starts B, and so on. I, U and V start no syllable.
struct InitialStart {
  std::uint16_t code;
  char initial;
};
constexpr std::array<InitialStart, 23> kLevelOneStarts = {{
    {0xB0A1, 'A'}, {0xB0C5, 'B'}, {0xB2C1, 'C'}, {0xB4EE, 'D'}, {0xB6EA, 'E'}, {0xB7A2, 'F'},
    {0xB8C1, 'G'}, {0xB9FE, 'H'}, {0xBBF7, 'J'}, {0xBFA6, 'K'}, {0xC0AC, 'L'}, {0xC2E8, 'M'},
    {0xC4C3, 'N'}, {0xC5B6, 'O'}, {0xC5BE, 'P'}, {0xC6DA, 'Q'}, {0xC8BB, 'R'}, {0xC8F6, 'S'},
    {0xCBFA, 'T'}, {0xCDDA, 'W'}, {0xCEF4, 'X'}, {0xD1B9, 'Y'}, {0xD4D1, 'Z'},
}};
constexpr std::uint16_t kLevelOneLast = 0xD7F9;

// Surnames read differently from the reading GB 2312 files the character under (单 dān → Shàn,
// 解 jiě → Xiè), and surnames outside level 1 that only appear as surnames. Applied to the first
// hanzi of a word only, so 单 in 简单 stays D and 乐 in 欢乐 stays L.
constexpr std::pair<std::string_view, char> kSurnameReadings[] = {
    {"单", 'S'}, {"解", 'X'}, {"仇", 'Q'}, {"区", 'O'}, {"查", 'Z'}, {"乐", 'Y'}, {"尉", 'Y'},
    {"翟", 'Z'}, {"曾", 'Z'}, {"朴", 'P'}, {"盖", 'G'}, {"秘", 'B'}, {"繁", 'P'}, {"员", 'Y'},
    {"召", 'S'}, {"种", 'C'}, {"重", 'C'}, {"折", 'S'}, {"藏", 'Z'},
};

// Characters outside GB 2312 level 1 (level 2, filed by radical, or GBK only) that are common in
// surnames and given names. Anything else outside level 1 is dropped.
constexpr std::pair<std::string_view, char> kReadings[] = {
    // Surnames.
    {"覃", 'Q'},
    {"缪", 'M'},
    {"冼", 'X'},
    {"邝", 'K'},
    {"濮", 'P'},
    {"闫", 'Y'},
    {"褚", 'C'},
    {"滕", 'T'},
    {"臧", 'Z'},
    {"窦", 'D'},
    {"栾", 'L'},
    {"奚", 'X'},
    {"邬", 'W'},
    {"阚", 'K'},
    {"郗", 'X'},
    {"亓", 'Q'},
    {"佘", 'S'},
    {"邸", 'D'},
    {"訾", 'Z'},
    {"芈", 'M'},
    {"蔺", 'L'},
    {"逯", 'L'},
    {"鄢", 'Y'},
    {"邴", 'B'},
    {"岑", 'C'},
    {"佟", 'T'},
    {"晏", 'Y'},
    {"瞿", 'Q'},
    {"闵", 'M'},
    {"隗", 'W'},
    {"郦", 'L'},
    {"郜", 'G'},
    {"蒯", 'K'},
    {"暨", 'J'},
    {"庹", 'T'},
    {"笪", 'D'},
    {"郄", 'Q'},
    {"綦", 'Q'},
    {"昝", 'Z'},
    {"仉", 'Z'},
    {"禤", 'X'},
    {"嵇", 'J'},
    {"邰", 'T'},
    {"宓", 'M'},
    {"谌", 'C'},
    {"晁", 'C'},
    {"荀", 'X'},
    // Given names.
    {"淼", 'M'},
    {"昊", 'H'},
    {"琪", 'Q'},
    {"璐", 'L'},
    {"婷", 'T'},
    {"煜", 'Y'},
    {"晗", 'H'},
    {"曦", 'X'},
    {"钰", 'Y'},
    {"琦", 'Q'},
    {"泓", 'H'},
    {"翊", 'Y'},
    {"芮", 'R'},
    {"睿", 'R'},
    {"祎", 'Y'},
    {"彧", 'Y'},
    {"楠", 'N'},
    {"皓", 'H'},
    {"峥", 'Z'},
    {"妍", 'Y'},
    {"萱", 'X'},
    {"娅", 'Y'},
    {"璇", 'X'},
    {"诩", 'X'},
    {"骁", 'X'},
    {"晟", 'S'},
    {"珺", 'J'},
    {"玥", 'Y'},
    {"琨", 'K'},
    {"瑾", 'J'},
    {"熠", 'Y'},
    {"茜", 'Q'},
    {"鑫", 'X'},
    {"宸", 'C'},
    {"晖", 'H'},
    {"炜", 'W'},
    {"烨", 'Y'},
    {"瀚", 'H'},
    {"沐", 'M'},
    {"倩", 'Q'},
    {"怡", 'Y'},
    {"薇", 'W'},
    {"馨", 'X'},
    {"岚", 'L'},
    {"雯", 'W'},
    {"婧", 'J'},
    {"媛", 'Y'},
    {"姗", 'S'},
    {"娴", 'X'},
    {"蓓", 'B'},
    {"琬", 'W'},
    {"瑜", 'Y'},
    {"璟", 'J'},
    {"婕", 'J'},
    {"姣", 'J'},
    {"芸", 'Y'},
    {"菁", 'J'},
    {"琰", 'Y'},
    {"滢", 'Y'},
    {"筱", 'X'},
    {"歆", 'X'},
    {"黛", 'D'},
    {"绮", 'Q'},
    {"菡", 'H'},
    {"怿", 'Y'},
    {"昕", 'X'},
    {"旻", 'M'},
    {"昱", 'Y'},
    {"晔", 'Y'},
    {"珂", 'K'},
    {"玮", 'W'},
    {"琛", 'C'},
    {"瑄", 'X'},
    {"瑛", 'Y'},
    {"璋", 'Z'},
    {"铖", 'C'},
    {"锴", 'K'},
    {"锟", 'K'},
    {"颢", 'H'},
    {"赟", 'Y'},
    {"骞", 'Q'},
    {"奕", 'Y'},
    {"弈", 'Y'},
    {"懿", 'Y'},
    {"潇", 'X'},
    {"灏", 'H'},
    {"炫", 'X'},
    {"焱", 'Y'},
    {"珏", 'J'},
    {"珞", 'L'},
    {"瑭", 'T'},
    {"璨", 'C'},
    {"瑗", 'Y'},
    {"缇", 'T'},
    {"芃", 'P'},
    {"苒", 'R'},
    {"茗", 'M'},
    {"荟", 'H'},
    {"莺", 'Y'},
    {"菀", 'W'},
    {"蓁", 'Z'},
    {"薏", 'Y'},
    {"芊", 'Q'},
    {"婵", 'C'},
    {"娉", 'P'},
    {"嫣", 'Y'},
    {"婳", 'H'},
    {"妤", 'Y'},
    {"姝", 'S'},
    {"嫦", 'C'},
    {"恺", 'K'},
    {"桦", 'H'},
    {"栩", 'X'},
    {"梓", 'Z'},
    {"樾", 'Y'},
    {"浠", 'X'},
    {"淇", 'Q'},
    {"湉", 'T'},
    {"溱", 'Q'},
    {"潼", 'T'},
    {"濛", 'M'},
    {"熹", 'X'},
    {"炅", 'J'},
    {"煊", 'X'},
    {"祺", 'Q'},
    {"箐", 'Q'},
    {"翀", 'C'},
    {"聿", 'Y'},
    {"胤", 'Y'},
    {"芷", 'Z'},
    {"苡", 'Y'},
    {"莜", 'Y'},
    {"璠", 'F'},
    {"旸", 'Y'},
    {"晞", 'X'},
    {"暄", 'X'},
    {"曜", 'Y'},
    {"柘", 'Z'},
    {"桉", 'A'},
    {"槿", 'J'},
    {"钊", 'Z'},
    {"铄", 'S'},
    {"镕", 'R'},
    {"霏", 'F'},
    {"飒", 'S'},
    {"馥", 'F'},
    {"骐", 'Q'},
    {"麒", 'Q'},
    {"蕙", 'H'},
    {"靓", 'J'},
};

using ReadingMap = std::unordered_map<std::string_view, char>;

const ReadingMap& SurnameReadings() {
  static const ReadingMap map(std::begin(kSurnameReadings), std::end(kSurnameReadings));
  return map;
}

const ReadingMap& Readings() {
  static const ReadingMap map(std::begin(kReadings), std::end(kReadings));
  return map;
}

// One iconv handle per thread: a handle carries conversion state, so it cannot be shared.
class GbEncoder {
 public:
  GbEncoder() : handle_(iconv_open("GB18030", "UTF-8")) {}
  ~GbEncoder() {
    if (handle_ != Invalid()) iconv_close(handle_);
  }
  GbEncoder(const GbEncoder&) = delete;
  GbEncoder& operator=(const GbEncoder&) = delete;

  // The two-byte GB code of one UTF-8 character, or 0 if it has none (GB18030 gives four bytes to
  // characters outside GBK).
  std::uint16_t Encode(std::string_view character) {
    if (handle_ == Invalid() || character.size() > 4) return 0;
    std::array<char, 4> in{};
    std::copy(character.begin(), character.end(), in.begin());
    std::array<char, 8> out{};
    char* in_cursor = in.data();
    std::size_t in_left = character.size();
    char* out_cursor = out.data();
    std::size_t out_left = out.size();
    iconv(handle_, nullptr, nullptr, nullptr, nullptr);
    if (iconv(handle_, &in_cursor, &in_left, &out_cursor, &out_left) == static_cast<std::size_t>(-1) ||
        out.size() - out_left != 2) {
      return 0;
    }
    return static_cast<std::uint16_t>(static_cast<unsigned char>(out[0]) << 8 |
                                      static_cast<unsigned char>(out[1]));
  }

 private:
  // (iconv_t)-1 is iconv's documented failure value.
  static iconv_t Invalid() {
    return reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1));  // NOLINT(performance-no-int-to-ptr)
  }
  iconv_t handle_;
};

char LevelOneInitial(std::uint16_t code) {
  const auto low = static_cast<unsigned>(code & 0xFF);
  if (code < kLevelOneStarts.front().code || code > kLevelOneLast || low < 0xA1 || low > 0xFE) return 0;
  const auto next =
      std::upper_bound(kLevelOneStarts.begin(), kLevelOneStarts.end(), code,
                       [](std::uint16_t c, const InitialStart& start) { return c < start.code; });
  return std::prev(next)->initial;
}

// Length of the well-formed UTF-8 sequence at the start of `text`, or 0 if it is malformed.
std::size_t SequenceLength(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead < 0x80   ? 1
                             : lead < 0xC2 ? 0
                             : lead < 0xE0 ? 2
                             : lead < 0xF0 ? 3
                             : lead < 0xF5 ? 4
                                           : 0;
  if (length == 0 || length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::string PinyinInitials(std::string_view utf8) {
  thread_local GbEncoder encoder;
  std::string initials;
  bool word_start = true;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t length = SequenceLength(utf8.substr(i));
    if (length == 0) {  // a stray byte: skip it and carry on
      ++i;
      continue;
    }
    const std::string_view character = utf8.substr(i, length);
    i += length;
    if (length == 1) {
      const char c = character[0];
      if (c == ' ' || c == '\t') {
        word_start = true;
        continue;
      }
      word_start = false;
      if (c >= 'a' && c <= 'z') {
        initials += static_cast<char>(c - 'a' + 'A');
      } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        initials += c;
      }
      continue;
    }
    if (character == "\u3000") {  // ideographic space
      word_start = true;
      continue;
    }
    const bool as_surname = std::exchange(word_start, false);
    if (as_surname) {
      if (const auto it = SurnameReadings().find(character); it != SurnameReadings().end()) {
        initials += it->second;
        continue;
      }
    }
    if (const auto it = Readings().find(character); it != Readings().end()) {
      initials += it->second;
    } else if (const char initial = LevelOneInitial(encoder.Encode(character)); initial != 0) {
      initials += initial;
    }
  }
  return initials;
}

}  // namespace shequ::registry
