#include "registry/synthetic_people.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "registry/identifiers.hpp"

namespace shequ::registry {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;
using std::chrono::years;

// A value and its weight; a table's weights are relative and need not sum to anything in particular.
template <typename T>
struct Weighted {
  T value;
  std::uint32_t weight;
};

template <typename T, std::size_t N>
struct WeightTable {
  std::array<Weighted<T>, N> entries;
  std::uint64_t total;
};

template <typename T, std::size_t N>
constexpr WeightTable<T, N> Tabulate(const std::array<Weighted<T>, N>& entries) {
  std::uint64_t total = 0;
  for (const auto& entry : entries) total += entry.weight;
  return {entries, total};
}

// The entry that `draw` (uniform below the table's total) falls on. Tables list heavy entries first,
// so the walk is short where it matters.
template <typename T, std::size_t N>
const T& Select(const WeightTable<T, N>& table, std::uint64_t draw) {
  for (const auto& entry : table.entries) {
    if (draw < entry.weight) return entry.value;
    draw -= entry.weight;
  }
  return table.entries.back().value;
}

using Text = Weighted<std::string_view>;

// Surnames in thousandths of a percent of the population: the hundred commonest at their shares in
// the 2020 公安部 household-register figures (approximately), then rarer ones weighted about three
// times their own share so that they also carry the thousands of surnames not listed, then
// compound surnames.
constexpr auto kSurnames = Tabulate(std::to_array<Text>(
    {{"王", 7120}, {"李", 7000}, {"张", 6740}, {"刘", 5380}, {"陈", 4620}, {"杨", 3080}, {"黄", 2420},
     {"赵", 2310}, {"吴", 2020}, {"周", 1890}, {"徐", 1450}, {"孙", 1380}, {"马", 1290}, {"朱", 1260},
     {"胡", 1150}, {"郭", 1130}, {"何", 1060}, {"林", 1010}, {"高", 1000}, {"罗", 950},  {"郑", 870},
     {"梁", 830},  {"谢", 770},  {"宋", 730},  {"唐", 720},  {"许", 680},  {"韩", 670},  {"冯", 650},
     {"邓", 640},  {"曹", 580},  {"彭", 560},  {"曾", 550},  {"肖", 540},  {"田", 520},  {"董", 510},
     {"袁", 470},  {"潘", 470},  {"于", 450},  {"蒋", 450},  {"蔡", 440},  {"余", 440},  {"杜", 430},
     {"叶", 420},  {"程", 410},  {"苏", 400},  {"魏", 400},  {"吕", 390},  {"丁", 380},  {"任", 370},
     {"沈", 360},  {"姚", 360},  {"卢", 350},  {"姜", 340},  {"崔", 330},  {"钟", 330},  {"谭", 320},
     {"陆", 310},  {"汪", 300},  {"范", 300},  {"金", 290},  {"石", 290},  {"廖", 280},  {"贾", 270},
     {"夏", 270},  {"韦", 260},  {"付", 260},  {"方", 250},  {"白", 250},  {"邹", 240},  {"孟", 240},
     {"熊", 240},  {"秦", 230},  {"邱", 230},  {"江", 220},  {"尹", 220},  {"薛", 210},  {"闫", 210},
     {"段", 200},  {"雷", 200},  {"侯", 200},  {"龙", 190},  {"史", 190},  {"陶", 180},  {"黎", 180},
     {"贺", 180},  {"顾", 170},  {"毛", 170},  {"郝", 170},  {"龚", 160},  {"邵", 160},  {"万", 160},
     {"钱", 150},  {"严", 150},  {"覃", 150},  {"武", 150},  {"戴", 140},  {"莫", 140},  {"孔", 140},
     {"向", 130},  {"汤", 130},  {"常", 414},  {"康", 398},  {"易", 382},  {"乔", 366},  {"赖", 366},
     {"文", 350},  {"施", 334},  {"洪", 334},  {"辛", 318},  {"柯", 318},  {"庄", 302},  {"樊", 302},
     {"殷", 286},  {"凌", 286},  {"左", 270},  {"倪", 270},  {"管", 255},  {"鲁", 255},  {"葛", 255},
     {"聂", 255},  {"季", 239},  {"纪", 239},  {"申", 239},  {"温", 239},  {"詹", 223},  {"屈", 223},
     {"牛", 223},  {"祝", 223},  {"包", 223},  {"耿", 223},  {"饶", 207},  {"齐", 207},  {"岳", 207},
     {"关", 207},  {"甘", 191},  {"章", 191},  {"游", 191},  {"苗", 191},  {"翟", 191},  {"褚", 191},
     {"涂", 175},  {"焦", 175},  {"靳", 159},  {"欧", 159},  {"费", 159},  {"单", 159},  {"卓", 143},
     {"宁", 143},  {"阮", 143},  {"蓝", 143},  {"梅", 143},  {"时", 143},  {"邢", 143},  {"符", 143},
     {"裴", 143},  {"俞", 143},  {"舒", 127},  {"滕", 127},  {"窦", 127},  {"卜", 127},  {"解", 127},
     {"安", 127},  {"鲍", 127},  {"毕", 127},  {"霍", 127},  {"庞", 127},  {"童", 127},  {"骆", 127},
     {"祁", 127},  {"华", 127},  {"柴", 111},  {"车", 111},  {"喻", 111},  {"仇", 95},   {"朴", 95},
     {"查", 95},   {"缪", 95},   {"燕", 95},   {"臧", 95},   {"艾", 95},   {"房", 95},   {"娄", 95},
     {"穆", 95},   {"戚", 95},   {"冉", 95},   {"项", 95},   {"阎", 95},   {"尤", 95},   {"翁", 95},
     {"麦", 95},   {"蒲", 95},   {"栾", 80},   {"谈", 80},   {"闵", 80},   {"佟", 80},   {"岑", 80},
     {"甄", 80},   {"柏", 80},   {"区", 64},   {"盖", 64},   {"乐", 64},   {"冼", 64},   {"邝", 64},
     {"奚", 64},   {"湛", 64},   {"祖", 64},   {"晏", 64},   {"瞿", 64},   {"邬", 64},   {"虞", 64},
     {"荆", 64},   {"尉", 48},   {"钮", 48},   {"宿", 48},   {"濮", 32},   {"欧阳", 40}, {"司马", 10},
     {"诸葛", 5},  {"上官", 5}}));

// Given-name characters, commonest first; every one is 3 bytes of UTF-8.
constexpr std::string_view kMaleGivenNames =
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建亮成峰国志文海东博晨轩子豪睿泽宸铭"
    "皓昊然天佑翔锋鸿振立新荣庆春德福生兵忠诚武毅雄彬权松柏森栋梁朋坤祥瑞江河山川岩晓光辰煜骁晟琨泓彧翊"
    "嘉航哲逸启正卫红金宏伦钢力永清利民义兴胜良学盛元全安贵洪政达勤奇顺晖炜昌剑耀晋熙朗烨楷恒远弘瀚霖沐"
    "骏驰一诺锦程家乐景";
constexpr std::string_view kFemaleGivenNames =
    "芳娜敏静丽艳娟霞燕玲桂英秀兰萍红梅琳洁慧颖雪琴倩婷璐瑶琪萱妍涵欣怡悦雨思梦佳嘉晶莉丹凤珍云彤露薇蕾"
    "茜娅璇玥珺瑾晗曦钰琦祎楠桐诗语可馨月若心宁紫晴岚雯婧媛姗婉娴淑贞惠美春华莹晓清蓉菲菊荷莲珊琼爱凡冰"
    "洋翠芬花霖蕊卉蓓蔓莎琬瑜璟妮娇婕姣秋冬素亚平玉彩萌朵沁一依伊诺安然子熙欢乐芸菁芝琰滢筱笑甜柔舒歆彦"
    "黛茹姿娥凌绮菡";
constexpr std::size_t kHanziBytes = 3;
static_assert(kMaleGivenNames.size() % kHanziBytes == 0 && kFemaleGivenNames.size() % kHanziBytes == 0);

// 2020 census population by five-year age group, in units of 10,000 (0-4, 5-9, …, 95-99, 100+).
constexpr std::array<std::uint32_t, 21> kAgeGroups = {7788, 9024, 8526,  7268,  7494,  9185, 12415,
                                                      9901, 9296, 11422, 12116, 10140, 7338, 7401,
                                                      4959, 3105, 2039,  1152,  433,   89,   12};
constexpr int kOldestAge = 100;

constexpr WeightTable<int, kOldestAge + 1> AgeTable() {
  std::array<Weighted<int>, kOldestAge + 1> ages{};
  for (int age = 0; age <= kOldestAge; ++age) {
    // Spread each group evenly over its years; 100+ is one "year".
    const std::uint32_t group = kAgeGroups[static_cast<std::size_t>(age / 5)];
    ages[static_cast<std::size_t>(age)] = {age, age == kOldestAge ? group : group / 5};
  }
  return Tabulate(ages);
}
constexpr auto kAges = AgeTable();

// Mobile prefixes in use by the three carriers (and 170/171 resellers).
constexpr std::array<std::uint16_t, 48> kMobilePrefixes = {
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 147, 150, 151, 152, 153,
    155, 156, 157, 158, 159, 166, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180,
    181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 193, 195, 196, 197, 198, 199};

// 2020 census, in hundredths of a percent.
constexpr auto kEthnicities = Tabulate(std::to_array<Text>(
    {{"汉族", 9128}, {"壮族", 139},     {"维吾尔族", 83}, {"回族", 80},    {"苗族", 78},   {"满族", 74},
     {"彝族", 70},   {"土家族", 68},    {"藏族", 50},     {"蒙古族", 45},  {"布依族", 25}, {"侗族", 25},
     {"瑶族", 23},   {"白族", 15},      {"哈尼族", 12},   {"朝鲜族", 12},  {"黎族", 11},   {"哈萨克族", 11},
     {"傣族", 9},    {"畲族", 5},       {"傈僳族", 5},    {"东乡族", 5},   {"仡佬族", 4},  {"拉祜族", 4},
     {"佤族", 3},    {"水族", 3},       {"纳西族", 2},    {"羌族", 2},     {"土族", 2},    {"仫佬族", 2},
     {"锡伯族", 1},  {"柯尔克孜族", 1}, {"景颇族", 1},    {"达斡尔族", 1}, {"撒拉族", 1}}));

constexpr auto kResidenceTypes =
    Tabulate(std::to_array<Text>({{"registered", 80}, {"floating", 15}, {"lodging", 5}}));

// Education attained (or being studied for) by age band, in percent; younger cohorts studied longer.
constexpr auto kEducation15To17 = Tabulate(std::to_array<Text>({{"高中", 60}, {"中专", 28}, {"初中", 12}}));
constexpr auto kEducation18To22 = Tabulate(
    std::to_array<Text>({{"本科", 32}, {"大专", 28}, {"高中", 18}, {"初中", 13}, {"中专", 8}, {"小学", 1}}));
constexpr auto kEducation23To29 = Tabulate(std::to_array<Text>(
    {{"本科", 30}, {"大专", 24}, {"初中", 16}, {"高中", 14}, {"中专", 8}, {"研究生", 7}, {"小学", 1}}));
constexpr auto kEducation30To39 = Tabulate(std::to_array<Text>(
    {{"初中", 28}, {"本科", 22}, {"大专", 20}, {"高中", 14}, {"中专", 8}, {"研究生", 4}, {"小学", 4}}));
constexpr auto kEducation40To49 = Tabulate(std::to_array<Text>({{"初中", 40},
                                                                {"高中", 17},
                                                                {"大专", 13},
                                                                {"本科", 12},
                                                                {"小学", 9},
                                                                {"中专", 6},
                                                                {"研究生", 2},
                                                                {"无", 1}}));
constexpr auto kEducation50To59 = Tabulate(std::to_array<Text>({{"初中", 42},
                                                                {"高中", 20},
                                                                {"小学", 16},
                                                                {"大专", 8},
                                                                {"本科", 6},
                                                                {"中专", 5},
                                                                {"无", 2},
                                                                {"研究生", 1}}));
constexpr auto kEducation60To69 = Tabulate(std::to_array<Text>(
    {{"初中", 35}, {"小学", 33}, {"高中", 15}, {"无", 7}, {"大专", 4}, {"本科", 3}, {"中专", 3}}));
constexpr auto kEducation70To79 = Tabulate(std::to_array<Text>(
    {{"小学", 44}, {"初中", 20}, {"无", 20}, {"高中", 9}, {"大专", 3}, {"本科", 2}, {"中专", 2}}));
constexpr auto kEducation80Plus = Tabulate(std::to_array<Text>(
    {{"小学", 40}, {"无", 40}, {"初中", 11}, {"高中", 5}, {"大专", 2}, {"本科", 1}, {"中专", 1}}));

// Occupations of working-age adults not in study or retired, in percent.
constexpr auto kWorkWithHigherEducation = Tabulate(std::to_array<Text>(
    {{"企业职工", 50}, {"机关事业单位", 22}, {"个体经营", 10}, {"务工", 8}, {"无业", 8}, {"务农", 2}}));
constexpr auto kWorkOtherwise = Tabulate(std::to_array<Text>(
    {{"务工", 35}, {"企业职工", 22}, {"务农", 18}, {"个体经营", 12}, {"无业", 10}, {"机关事业单位", 3}}));
constexpr auto kWork60To69 =
    Tabulate(std::to_array<Text>({{"退休", 55}, {"务农", 25}, {"无业", 15}, {"个体经营", 3}, {"务工", 2}}));
constexpr auto kWork70Plus = Tabulate(std::to_array<Text>({{"退休", 60}, {"无业", 30}, {"务农", 10}}));

bool HasHigherEducation(std::string_view education) {
  return education == "大专" || education == "本科" || education == "研究生";
}

// Male share per ten thousand: births after 2000 skewed male, women outlive men.
std::uint32_t MaleShare(int age) {
  if (age < 20) return 5350;
  if (age < 60) return 5100;
  if (age < 80) return 4900;
  return 4300;
}

std::uint32_t PhoneShare(int age) {
  if (age < 10) return 0;
  if (age < 16) return 3500;
  if (age < 70) return 9600;
  if (age < 80) return 8500;
  return 5500;
}

std::uint32_t DisabilityShare(int age) {
  if (age < 15) return 150;
  if (age < 60) return 480;
  if (age < 80) return 1100;
  return 2200;
}

// Party members among adults not in 机关事业单位, per ten thousand, by age.
std::uint32_t PartyShare(int age) {
  if (age < 23) return 150;
  if (age < 35) return 450;
  if (age < 60) return 550;
  return 750;
}

void AppendDigits(std::string& out, std::uint64_t value, int width) {
  std::array<char, 20> digits{};
  for (int i = width - 1; i >= 0; --i) {
    digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits.data(), static_cast<std::size_t>(width));
}

std::uint64_t ParseAddressCode(std::string_view code) {
  if (code.size() != 6 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw std::invalid_argument("address code must be six digits: " + std::string(code));
  }
  std::uint64_t value = 0;
  for (char c : code) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  return value;
}

year_month_day ParseDate(std::string_view text) {
  const auto number = [&](std::size_t pos, std::size_t length) {
    int value = 0;
    for (std::size_t i = pos; i < pos + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year >= 0 && month >= 0 && day >= 0) {
      const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                std::chrono::day{static_cast<unsigned>(day)}};
      if (date.ok()) return date;
    }
  }
  throw std::invalid_argument("today must be a YYYY-MM-DD date: " + std::string(text));
}

// The same day `count` years before `date`, or the month's last day where it has none (29 February).
sys_days YearsBefore(const year_month_day& date, int count) {
  const year_month_day earlier = date - years{count};
  if (earlier.ok()) return sys_days{earlier};
  return sys_days{
      std::chrono::year_month_day_last{earlier.year(), std::chrono::month_day_last{earlier.month()}}};
}

std::uint64_t Mix(std::uint64_t key) {  // splitmix64's finaliser: spreads ID numbers over the slots
  key ^= key >> 30;
  key *= 0xBF58476D1CE4E5B9ULL;
  key ^= key >> 27;
  key *= 0x94D049BB133111EBULL;
  return key ^ (key >> 31);
}

}  // namespace

SyntheticPeople::SyntheticPeople(std::uint64_t seed, const std::string& today)
    : engine_(seed), today_(ParseDate(today)) {}

std::uint64_t SyntheticPeople::Below(std::uint64_t bound) {
  // Rejects the top 2^64 mod bound values so every result is equally likely.
  const std::uint64_t threshold = (0 - bound) % bound;
  while (true) {
    const std::uint64_t value = engine_();
    if (value >= threshold) return value % bound;
  }
}

bool SyntheticPeople::Chance(std::uint32_t per_ten_thousand) { return Below(10000) < per_ten_thousand; }

bool SyntheticPeople::Issue(std::uint64_t first17) {
  if ((issued_count_ + 1) * 4 > issued_slots_.size() * 3) {  // keep the load under 3/4
    std::vector<std::uint64_t> old = std::move(issued_slots_);
    issued_slots_.assign(std::max<std::size_t>(std::size_t{1} << 16, old.size() * 2), 0);
    const std::size_t mask = issued_slots_.size() - 1;
    for (std::uint64_t key : old) {
      if (key == 0) continue;
      std::size_t slot = Mix(key) & mask;
      while (issued_slots_[slot] != 0) slot = (slot + 1) & mask;
      issued_slots_[slot] = key;
    }
  }
  const std::size_t mask = issued_slots_.size() - 1;
  std::size_t slot = Mix(first17) & mask;
  while (issued_slots_[slot] != 0) {
    if (issued_slots_[slot] == first17) return false;
    slot = (slot + 1) & mask;
  }
  issued_slots_[slot] = first17;
  ++issued_count_;
  return true;
}

SyntheticPerson SyntheticPeople::Next(std::string_view address_code) {
  const std::uint64_t address = ParseAddressCode(address_code);
  SyntheticPerson person;

  const int age = Select(kAges, Below(kAges.total));
  const bool male = Chance(MaleShare(age));
  person.sex = male ? 'M' : 'F';

  // Birth date: uniform over the days on which one would be `age` today. The sequence number is odd
  // for men and even for women (GB 11643); on the rare clash with an issued number draw again, and
  // after a few clashes try another birthday. (That only fails for good once some age has about
  // 180,000 people of one sex under one address code, far beyond any real county.)
  const sys_days latest = YearsBefore(today_, age);
  const sys_days earliest = YearsBefore(today_, age + 1) + days{1};
  const auto window = static_cast<std::uint64_t>((latest - earliest).count() + 1);
  std::uint64_t first17 = 0;
  for (bool issued = false; !issued;) {
    const year_month_day birth{earliest + days{static_cast<int>(Below(window))}};
    const auto birth_number = static_cast<std::uint64_t>(static_cast<int>(birth.year())) * 10000 +
                              std::uint64_t{static_cast<unsigned>(birth.month())} * 100 +
                              static_cast<unsigned>(birth.day());
    for (int attempt = 0; attempt < 16 && !issued; ++attempt) {
      const std::uint64_t sequence = male ? 2 * Below(500) + 1 : 2 * (Below(499) + 1);
      first17 = (address * 100'000'000 + birth_number) * 1000 + sequence;
      issued = Issue(first17);
    }
  }
  person.id_number.reserve(18);
  AppendDigits(person.id_number, first17, 17);
  person.id_number += IdNumberCheckCharacter(person.id_number);
  person.birth_date = person.id_number.substr(6, 4) + '-' + person.id_number.substr(10, 2) + '-' +
                      person.id_number.substr(12, 2);

  // Name: surname, then one given-name character (30%) or two. Taking the smaller of two uniform
  // draws favours the front of the list, where the commonest characters are.
  person.name = Select(kSurnames, Below(kSurnames.total));
  const std::string_view given = male ? kMaleGivenNames : kFemaleGivenNames;
  const std::uint64_t choices = given.size() / kHanziBytes;
  for (int i = Chance(3000) ? 1 : 2; i > 0; --i) {
    const std::uint64_t index = std::min(Below(choices), Below(choices));
    person.name += given.substr(index * kHanziBytes, kHanziBytes);
  }

  if (Chance(PhoneShare(age))) {
    person.phone.reserve(11);
    AppendDigits(person.phone, kMobilePrefixes[Below(kMobilePrefixes.size())], 3);
    AppendDigits(person.phone, Below(100'000'000), 8);
  }
  person.ethnicity = Select(kEthnicities, Below(kEthnicities.total));
  person.residence_type = Select(kResidenceTypes, Below(kResidenceTypes.total));

  const auto draw = [this](const auto& table) { return Select(table, Below(table.total)); };
  std::string_view education;
  if (age < 6) {
    education = "无";
  } else if (age < 12) {
    education = "小学";
  } else if (age < 15) {
    education = "初中";
  } else if (age < 18) {
    education = draw(kEducation15To17);
  } else if (age < 23) {
    education = draw(kEducation18To22);
  } else if (age < 30) {
    education = draw(kEducation23To29);
  } else if (age < 40) {
    education = draw(kEducation30To39);
  } else if (age < 50) {
    education = draw(kEducation40To49);
  } else if (age < 60) {
    education = draw(kEducation50To59);
  } else if (age < 70) {
    education = draw(kEducation60To69);
  } else if (age < 80) {
    education = draw(kEducation70To79);
  } else {
    education = draw(kEducation80Plus);
  }
  person.education = education;

  // Women retire at 50 (workers) or 55 (cadres), men at 60; a few men leave early.
  std::string_view employment;
  if (age < 6) {
    employment = "学龄前";
  } else if (age < 15) {  // NOLINT(bugprone-branch-clone): school age, then students again after 18
    employment = "学生";
  } else if (age < 18) {
    employment = education == "初中" ? (Chance(6000) ? "务工" : "无业") : "学生";
  } else if ((age < 23 && (education == "大专" || education == "本科") && Chance(7500)) ||
             (age < 27 && education == "研究生" && Chance(6000))) {
    employment = "学生";
  } else if (age >= 50 && age < 60 && Chance(male ? (age < 55 ? 0 : 800) : (age < 55 ? 3000 : 6000))) {
    employment = "退休";
  } else if (age < 60) {
    employment = draw(HasHigherEducation(education) ? kWorkWithHigherEducation : kWorkOtherwise);
  } else if (age < 70) {
    employment = draw(kWork60To69);
  } else {
    employment = draw(kWork70Plus);
  }
  person.employment = employment;

  std::string_view political_status = "群众";
  if (age >= 18 && Chance(employment == "机关事业单位" ? 2800 : PartyShare(age))) {
    political_status = "中共党员";
  } else if (age >= 14 && age <= 28 && Chance(age < 18 ? 4500 : age < 23 ? 4000 : 2000)) {
    political_status = "共青团员";
  }
  person.political_status = political_status;

  // Key groups. Living alone is counted among the empty-nest elderly (8% of 65+ in all).
  auto& groups = person.group_types;
  if (age >= 80) groups.emplace_back("advanced_age");
  const bool empty_nest = age >= 60 && Chance(2000);
  if (empty_nest) groups.emplace_back("empty_nest_elderly");
  if (empty_nest && age >= 65 && Chance(4000)) groups.emplace_back("elderly_living_alone");
  if (age >= 60 && !empty_nest && Chance(employment == "务农" ? 2000 : 300)) {
    groups.emplace_back("left_behind_elderly");
  }
  if (age < 16 && Chance(800)) groups.emplace_back("left_behind_child");
  const bool disabled = Chance(DisabilityShare(age));
  if (disabled) groups.emplace_back("disabled");
  if (Chance(disabled ? 1500 : age >= 60 ? 400 : 220)) groups.emplace_back("subsistence_allowance");
  if (male && age >= 20 && Chance(200)) groups.emplace_back("veteran");
  return person;
}

}  // namespace shequ::registry
