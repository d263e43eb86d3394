#include "registry/identifiers.hpp"

#include <gtest/gtest.h>

namespace shequ::registry {
namespace {

constexpr std::string_view kToday = "20261124";

TEST(Identifiers, AcceptsTheStandardsWorkedExamples) {
  for (const char* number : {"11010519491231002X", "440524188001010014", "370101190102039973"}) {
    EXPECT_EQ(ParseIdNumber(number, kToday).problem, IdNumberProblem::kNone) << number;
  }
  const auto id = ParseIdNumber("11010519491231002x", kToday);
  EXPECT_EQ(id.number, "11010519491231002X") << "a lower-case x is read as X";
  EXPECT_EQ(id.birth_date, "1949-12-31");
  EXPECT_EQ(id.sex, 'F') << "sequence 002 is even";
  EXPECT_EQ(id.address_code, "110105");
  EXPECT_EQ(ParseIdNumber("440524188001010014", kToday).sex, 'M');
}

TEST(Identifiers, NamesEachKindOfBadIdNumber) {
  EXPECT_EQ(ParseIdNumber("110105194912310021", kToday).problem, IdNumberProblem::kCheckCharacter);
  EXPECT_EQ(ParseIdNumber("11010519491231002", kToday).problem, IdNumberProblem::kLength);
  EXPECT_EQ(ParseIdNumber("1101051949123100X2", kToday).problem, IdNumberProblem::kCharacters);
  EXPECT_EQ(ParseIdNumber("11010519490230002X", kToday).problem, IdNumberProblem::kBirthDate)
      << "30 February";
  EXPECT_EQ(ParseIdNumber("110105202712310025", kToday).problem, IdNumberProblem::kFutureBirthDate);
  EXPECT_EQ(ParseIdNumber("", kToday).problem, IdNumberProblem::kLength);
  EXPECT_EQ(ProblemName(IdNumberProblem::kCheckCharacter), "check_character");
}

TEST(Identifiers, UpgradesTheFifteenDigitForm) {
  const auto id = ParseIdNumber("110105491231002", kToday);
  EXPECT_EQ(id.problem, IdNumberProblem::kNone);
  EXPECT_TRUE(id.upgraded);
  EXPECT_EQ(id.number, "11010519491231002X");
  EXPECT_EQ(ParseIdNumber("11010549123100A", kToday).problem, IdNumberProblem::kCharacters);
  EXPECT_EQ(ParseIdNumber("110105491331002", kToday).problem, IdNumberProblem::kBirthDate);
}

TEST(Identifiers, ChecksCreditCodes) {
  EXPECT_TRUE(IsValidCreditCode("91350100M000100Y43"));
  EXPECT_TRUE(IsValidCreditCode("91110000802100433B"));
  EXPECT_FALSE(IsValidCreditCode("91350100M000100Y44")) << "wrong check character";
  EXPECT_FALSE(IsValidCreditCode("91350100I000100Y43")) << "I is not in the alphabet";
  EXPECT_FALSE(IsValidCreditCode("91350100M000100Y4")) << "17 characters";
  EXPECT_FALSE(CreditCodeCheckCharacter("91350100M000100yz").has_value())
      << "lower case is not in the alphabet";
}

TEST(Identifiers, ReadsPlatesOfEveryKind) {
  EXPECT_EQ(NormalisePlate("陕G12345"), "陕G12345");
  EXPECT_EQ(NormalisePlate("京A·1B345"), "京A1B345");
  EXPECT_EQ(NormalisePlate("陕g 12345"), "陕G12345");
  EXPECT_EQ(NormalisePlate("粤BD12345"), "粤BD12345") << "small new-energy";
  EXPECT_EQ(NormalisePlate("粤BFA1234"), "粤BFA1234");
  EXPECT_FALSE(NormalisePlate("粤BF1A234")) << "the last four of a new-energy serial are digits";
  EXPECT_EQ(NormalisePlate("京A12345D"), "京A12345D") << "large new-energy";
  EXPECT_EQ(NormalisePlate("陕A1234学"), "陕A1234学") << "driving-school car";
  EXPECT_FALSE(NormalisePlate("陕I12345")) << "I is never used";
  EXPECT_FALSE(NormalisePlate("陕G1234")) << "too short";
  EXPECT_FALSE(NormalisePlate("秦G12345")) << "not a province abbreviation";
  EXPECT_FALSE(NormalisePlate("粤BZ12345")) << "Z does not start a new-energy serial";
  EXPECT_FALSE(NormalisePlate("京A12345X"));
  EXPECT_FALSE(NormalisePlate("陕G1234警5"));
}

TEST(Identifiers, MasksShowOnlyTheEnds) {
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105**********2X");
  EXPECT_EQ(MaskPhone("13812341234"), "138****1234");
  EXPECT_EQ(MaskPhone("123"), "***");
}

}  // namespace
}  // namespace shequ::registry
