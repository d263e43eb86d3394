#include "registry/identifiers.hpp"

#include <array>
#include <chrono>
#include <vector>

namespace shequ::registry {
namespace {

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ValidDate(int year, int month, int day) {
  using namespace std::chrono;
  return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

// Splits UTF-8 text into characters (code points as strings).
std::vector<std::string> Characters(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.emplace_back(text.substr(i, length));
    i += length;
  }
  return out;
}

constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

}  // namespace

std::string_view ProblemName(IdNumberProblem problem) {
  switch (problem) {
    case IdNumberProblem::kNone:
      return "ok";
    case IdNumberProblem::kLength:
      return "length";
    case IdNumberProblem::kCharacters:
      return "characters";
    case IdNumberProblem::kBirthDate:
      return "birth_date";
    case IdNumberProblem::kFutureBirthDate:
      return "birth_date_in_future";
    case IdNumberProblem::kCheckCharacter:
      return "check_character";
  }
  return "unknown";
}

char IdNumberCheckCharacter(std::string_view first17) {
  // GB 11643-1999 §7: S = Σ aᵢ·wᵢ with wᵢ = 2^(17−i) mod 11; Y = S mod 11; Y → 1 0 X 9 8 7 6 5 4 3 2.
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

IdNumber ParseIdNumber(std::string_view text, std::string_view today) {
  IdNumber id;
  std::string number(text);
  if (!number.empty() && number.back() == 'x') number.back() = 'X';
  if (number.size() == 15) {
    if (!AllDigits(number)) return {.problem = IdNumberProblem::kCharacters};
    // GB 11643-1989 numbers have a 2-digit year of the 1900s and no check character.
    number = number.substr(0, 6) + "19" + number.substr(6);
    number += IdNumberCheckCharacter(number);
    id.upgraded = true;
  } else if (number.size() != 18) {
    return {.problem = IdNumberProblem::kLength};
  }
  if (!AllDigits(std::string_view(number).substr(0, 17)) ||
      !(AllDigits(std::string_view(number).substr(17)) || number[17] == 'X')) {
    return {.problem = IdNumberProblem::kCharacters};
  }
  const int year = std::stoi(number.substr(6, 4));
  const int month = std::stoi(number.substr(10, 2));
  const int day = std::stoi(number.substr(12, 2));
  if (year < 1800 || !ValidDate(year, month, day)) return {.problem = IdNumberProblem::kBirthDate};
  if (number.substr(6, 8) > today) return {.problem = IdNumberProblem::kFutureBirthDate};
  if (!id.upgraded && IdNumberCheckCharacter(number) != number[17]) {
    return {.problem = IdNumberProblem::kCheckCharacter};
  }
  id.number = number;
  id.address_code = number.substr(0, 6);
  id.birth_date = number.substr(6, 4) + "-" + number.substr(10, 2) + "-" + number.substr(12, 2);
  id.sex = (number[16] - '0') % 2 == 1 ? 'M' : 'F';
  return id;
}

std::optional<char> CreditCodeCheckCharacter(std::string_view first17) {
  // GB 32100-2015 §4.3 (GB/T 17710, MOD 31-3): weights 3^(i-1) mod 31; C = 31 − (Σ mod 31), 31 → 0.
  static constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                   29, 25, 13, 8,  24, 10, 30, 28};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const auto value = kCreditAlphabet.find(first17[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kWeights[i];
  }
  const int check = 31 - sum % 31;
  return kCreditAlphabet[check == 31 ? 0 : check];
}

bool IsValidCreditCode(std::string_view code) {
  if (code.size() != 18) return false;
  const auto check = CreditCodeCheckCharacter(code.substr(0, 17));
  return check && *check == code[17];
}

std::optional<std::string> NormalisePlate(std::string_view text) {
  static const std::string kProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
  static const std::string kSuffixes = "学警挂领港澳";
  std::vector<std::string> chars;
  for (auto& c : Characters(text)) {
    if (c != " " && c != "·" && c != "•" && c != "-") chars.push_back(c);
  }
  const auto is_letter = [](const std::string& c) {
    return c.size() == 1 && c[0] >= 'A' && c[0] <= 'Z' && c[0] != 'I' && c[0] != 'O';
  };
  const auto is_digit = [](const std::string& c) { return c.size() == 1 && c[0] >= '0' && c[0] <= '9'; };
  const auto is_alnum = [&](const std::string& c) { return is_letter(c) || is_digit(c); };
  for (auto& c : chars) {
    if (c.size() == 1 && c[0] >= 'a' && c[0] <= 'z') c[0] = static_cast<char>(c[0] - 'a' + 'A');
  }
  if (chars.size() < 7 || chars[0].size() != 3 || kProvinces.find(chars[0]) == std::string::npos ||
      !is_letter(chars[1])) {
    return std::nullopt;
  }
  bool ok = false;
  if (chars.size() == 7) {  // ordinary: five letters or digits, the last may be a use character
    ok = is_alnum(chars[2]) && is_alnum(chars[3]) && is_alnum(chars[4]) && is_alnum(chars[5]) &&
         (is_alnum(chars[6]) || (chars[6].size() == 3 && kSuffixes.find(chars[6]) != std::string::npos));
  } else if (chars.size() == 8) {  // new energy
    const bool small = is_letter(chars[2]) && std::string("DFABCEGHJK").find(chars[2]) != std::string::npos &&
                       is_alnum(chars[3]) && is_digit(chars[4]) && is_digit(chars[5]) && is_digit(chars[6]) &&
                       is_digit(chars[7]);
    const bool large = is_digit(chars[2]) && is_digit(chars[3]) && is_digit(chars[4]) && is_digit(chars[5]) &&
                       is_digit(chars[6]) && (chars[7] == "D" || chars[7] == "F");
    ok = small || large;
  }
  if (!ok) return std::nullopt;
  std::string plate;
  for (const auto& c : chars) plate += c;
  return plate;
}

std::string MaskIdNumber(std::string_view number) {
  if (number.size() <= 8) return std::string(number.size(), '*');
  return std::string(number.substr(0, 6)) + std::string(number.size() - 8, '*') +
         std::string(number.substr(number.size() - 2));
}

std::string MaskPhone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') +
         std::string(phone.substr(phone.size() - 4));
}

}  // namespace shequ::registry
