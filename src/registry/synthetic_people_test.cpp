#include "registry/synthetic_people.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "registry/identifiers.hpp"
#include "registry/pinyin.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kToday = "2026-11-24";
constexpr std::string_view kTodayCompact = "20261124";

int AgeOn(const std::string& birth_date) {
  const int born = std::stoi(birth_date.substr(0, 4));
  const bool had_birthday = birth_date.substr(5) <= std::string(kToday.substr(5));
  return std::stoi(std::string(kToday.substr(0, 4))) - born - (had_birthday ? 0 : 1);
}

bool Has(const SyntheticPerson& person, std::string_view group) {
  return std::find(person.group_types.begin(), person.group_types.end(), group) != person.group_types.end();
}

std::size_t CharacterCount(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<SyntheticPerson> Generate(std::uint64_t seed, int count) {
  SyntheticPeople people(seed, std::string(kToday));
  std::vector<SyntheticPerson> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) out.push_back(people.Next(i % 2 == 0 ? "610921" : "110105"));
  return out;
}

// One shared sample for the tests that only look at shares.
const std::vector<SyntheticPerson>& Sample() {
  static const auto sample = Generate(20261124, 100'000);
  return sample;
}

TEST(SyntheticPeople, IssuesIdNumbersThatParseAndAgree) {
  SyntheticPeople people(7, std::string(kToday));
  for (int i = 0; i < 20'000; ++i) {
    const std::string code = i % 3 == 0 ? "440305" : "610921";
    const auto person = people.Next(code);
    const auto id = ParseIdNumber(person.id_number, kTodayCompact);
    ASSERT_EQ(id.problem, IdNumberProblem::kNone) << person.id_number;
    EXPECT_EQ(id.number, person.id_number);
    EXPECT_EQ(id.address_code, code);
    EXPECT_EQ(id.birth_date, person.birth_date);
    EXPECT_EQ(id.sex, person.sex);
  }
}

TEST(SyntheticPeople, NamesAreASurnameAndOneOrTwoCharacters) {
  int compound = 0;
  for (const auto& person : Sample()) {
    const std::size_t length = CharacterCount(person.name);
    ASSERT_GE(length, 2u) << person.name;
    ASSERT_LE(length, 4u) << person.name;
    // Every character has a known reading, so the pinyin search finds everyone.
    ASSERT_EQ(PinyinInitials(person.name).size(), length) << person.name;
    if (person.name.starts_with("欧阳") || person.name.starts_with("司马") ||
        person.name.starts_with("诸葛") || person.name.starts_with("上官")) {
      ++compound;
    }
  }
  EXPECT_GT(compound, 0);
}

TEST(SyntheticPeople, IsDeterministicForASeed) {
  const auto first = Generate(42, 100);
  const auto again = Generate(42, 100);
  const auto other = Generate(43, 100);
  int differing = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].name, again[i].name);
    EXPECT_EQ(first[i].id_number, again[i].id_number);
    EXPECT_EQ(first[i].phone, again[i].phone);
    EXPECT_EQ(first[i].ethnicity, again[i].ethnicity);
    EXPECT_EQ(first[i].residence_type, again[i].residence_type);
    EXPECT_EQ(first[i].education, again[i].education);
    EXPECT_EQ(first[i].employment, again[i].employment);
    EXPECT_EQ(first[i].political_status, again[i].political_status);
    EXPECT_EQ(first[i].group_types, again[i].group_types);
    if (first[i].id_number != other[i].id_number) ++differing;
  }
  EXPECT_GT(differing, 95) << "another seed gives other people";
}

TEST(SyntheticPeople, DrawsSurnamesAtTheirPublishedShares) {
  std::map<std::string, int> counts;
  for (const auto& person : Sample()) {
    // Compound surnames are rare enough to ignore; take the first character.
    ++counts[person.name.substr(0, 3)];
  }
  const double total = static_cast<double>(Sample().size());
  for (const char* surname : {"王", "李", "张"}) {
    const double share = counts[surname] / total * 100;
    EXPECT_GE(share, 5.5) << surname;
    EXPECT_LE(share, 8.5) << surname;
  }
  EXPECT_GT(counts["刘"], counts["黄"]);
  EXPECT_GT(counts["黄"], counts["汤"]);
}

TEST(SyntheticPeople, FollowsAPlausibleAgePyramid) {
  int under15 = 0, aged80 = 0, aged30to59 = 0, oldest = 0;
  for (const auto& person : Sample()) {
    const int age = AgeOn(person.birth_date);
    ASSERT_GE(age, 0);
    ASSERT_LE(age, 100);
    oldest = std::max(oldest, age);
    under15 += age < 15;
    aged80 += age >= 80;
    aged30to59 += age >= 30 && age < 60;
  }
  const double total = static_cast<double>(Sample().size());
  EXPECT_GE(aged80 / total, 0.01);
  EXPECT_LE(aged80 / total, 0.06);
  EXPECT_GE(under15 / total, 0.10);
  EXPECT_LE(under15 / total, 0.25);
  EXPECT_GE(aged30to59 / total, 0.35);
  EXPECT_GE(oldest, 95);
}

TEST(SyntheticPeople, GivesProfilesThatFitTheAge) {
  int adults = 0, party_members = 0, male_adults = 0, veterans = 0, han = 0, registered = 0, disabled = 0;
  for (const auto& person : Sample()) {
    const int age = AgeOn(person.birth_date);
    EXPECT_EQ(Has(person, "advanced_age"), age >= 80) << person.birth_date;
    if (age < 10) {
      EXPECT_EQ(person.phone, "") << "age " << age;
    }
    if (age < 18) {
      EXPECT_NE(person.political_status, "中共党员") << "age " << age;
    }
    if (age < 14 || age > 28) {
      EXPECT_NE(person.political_status, "共青团员") << "age " << age;
    }
    if (age < 6) {
      EXPECT_EQ(person.education, "无");
      EXPECT_EQ(person.employment, "学龄前");
    }
    if (age >= 6 && age < 15) {
      EXPECT_EQ(person.employment, "学生");
    }
    if (age < 18) {
      EXPECT_NE(person.education, "本科");
    }
    if (age < 50) {
      EXPECT_NE(person.employment, "退休");
    }
    if (Has(person, "empty_nest_elderly") || Has(person, "left_behind_elderly")) {
      EXPECT_GE(age, 60);
    }
    if (Has(person, "elderly_living_alone")) {
      EXPECT_GE(age, 65);
    }
    if (Has(person, "left_behind_child")) {
      EXPECT_LT(age, 16);
    }
    if (Has(person, "veteran")) {
      EXPECT_EQ(person.sex, 'M');
      EXPECT_GE(age, 18);
      ++veterans;
    }
    if (age >= 18) {
      ++adults;
      party_members += person.political_status == "中共党员";
      male_adults += person.sex == 'M';
    }
    han += person.ethnicity == "汉族";
    registered += person.residence_type == "registered";
    disabled += Has(person, "disabled");
  }
  const double total = static_cast<double>(Sample().size());
  EXPECT_NEAR(static_cast<double>(party_members) / adults, 0.07, 0.02);
  EXPECT_NEAR(static_cast<double>(veterans) / male_adults, 0.02, 0.01);
  EXPECT_NEAR(han / total, 0.91, 0.02);
  EXPECT_NEAR(registered / total, 0.80, 0.02);
  EXPECT_NEAR(disabled / total, 0.06, 0.015);
}

TEST(SyntheticPeople, GivesElevenDigitMobileNumbers) {
  const std::set<std::string> prefixes = {
      "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147",
      "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "171",
      "172", "173", "174", "175", "176", "177", "178", "180", "181", "182", "183", "184",
      "185", "186", "187", "188", "189", "191", "193", "195", "196", "197", "198", "199"};
  int with_phone = 0;
  for (const auto& person : Sample()) {
    if (person.phone.empty()) continue;
    ++with_phone;
    ASSERT_EQ(person.phone.size(), 11u) << person.phone;
    ASSERT_TRUE(std::all_of(person.phone.begin(), person.phone.end(), [](char c) {
      return c >= '0' && c <= '9';
    })) << person.phone;
    ASSERT_TRUE(prefixes.contains(person.phone.substr(0, 3))) << person.phone;
  }
  EXPECT_GT(with_phone, static_cast<int>(Sample().size() * 7 / 10)) << "all but children and some of the old";
}

TEST(SyntheticPeople, NeverRepeatsAnIdNumber) {
  // One address code, so every clash has to be resolved by the generator.
  SyntheticPeople people(99, std::string(kToday));
  std::unordered_set<std::string> seen;
  for (int i = 0; i < 200'000; ++i) {
    ASSERT_TRUE(seen.insert(people.Next("610921").id_number).second) << "repeated at " << i;
  }
}

TEST(SyntheticPeople, RejectsBadArguments) {
  EXPECT_THROW(SyntheticPeople(1, "2026-02-30"), std::invalid_argument);
  EXPECT_THROW(SyntheticPeople(1, "20261124"), std::invalid_argument);
  SyntheticPeople people(1, std::string(kToday));
  EXPECT_THROW(people.Next("61092"), std::invalid_argument);
  EXPECT_THROW(people.Next("61092X"), std::invalid_argument);
}

TEST(SyntheticPeople, KeepsBirthDatesOnOrBeforeALeapDay) {
  SyntheticPeople people(5, "2024-02-29");
  for (int i = 0; i < 20'000; ++i) {
    const auto person = people.Next("610921");
    ASSERT_EQ(ParseIdNumber(person.id_number, "20240229").problem, IdNumberProblem::kNone)
        << person.id_number;
  }
}

}  // namespace
}  // namespace shequ::registry
