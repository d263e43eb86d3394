#include "core/auth/password.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"

namespace shequ::auth {
namespace {

TEST(Password, HashesWithArgon2idAndVerifies) {
  const auto hash = HashPassword("Correct-Horse-42");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "Correct-Horse-42"));
  EXPECT_FALSE(VerifyPassword(hash, "Correct-Horse-43"));
  EXPECT_FALSE(VerifyPassword(hash, ""));
  EXPECT_NE(hash, HashPassword("Correct-Horse-42")) << "each hash has its own salt";
}

TEST(Password, RejectsGarbageHashes) { EXPECT_FALSE(VerifyPassword("not-a-hash", "anything")); }

std::vector<std::string> FailedRules(const std::string& password, const std::string& username = "zhangsan") {
  try {
    CheckPasswordPolicy(password, username);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kWeakPassword);
    std::vector<std::string> rules;
    for (const auto& detail : error.details()) rules.push_back(detail["problem"]);
    return rules;
  }
  return {};
}

TEST(Password, PolicyAcceptsLongMixedPasswords) {
  EXPECT_TRUE(FailedRules("Hanyin-Grid-2026").empty());
  EXPECT_TRUE(FailedRules("xinglong7jiayuan").size() == 1);  // two classes only
  EXPECT_TRUE(FailedRules("社区网格Grid2026").empty()) << "non-ASCII counts as a symbol class";
}

TEST(Password, PolicyNamesEachFailedRule) {
  EXPECT_EQ(FailedRules("Ab1-"), std::vector<std::string>({"too_short"}));
  EXPECT_EQ(FailedRules("alllowercaseletters"), std::vector<std::string>({"needs_three_character_classes"}));
  EXPECT_EQ(FailedRules("Zhangsan-2026x"), std::vector<std::string>({"contains_username"}));
  EXPECT_EQ(FailedRules("My-Password-9"), std::vector<std::string>({"too_common"}));
  EXPECT_EQ(FailedRules(std::string(129, 'a') + "A1"), std::vector<std::string>({"too_long"}));
}

}  // namespace
}  // namespace shequ::auth
