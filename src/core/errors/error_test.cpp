#include "core/errors/error.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

namespace shequ {
namespace {

TEST(ErrorTable, EveryCodeHasOneDistinctSnakeCaseRowWithBothLanguages) {
  std::set<std::string_view> names;
  std::set<int> codes;
  const std::regex snake("[a-z]+(_[a-z]+)*");
  for (const auto& info : AllErrors()) {
    EXPECT_TRUE(std::regex_match(std::string(info.name), snake)) << info.name;
    EXPECT_TRUE(names.insert(info.name).second) << "duplicate name " << info.name;
    EXPECT_TRUE(codes.insert(static_cast<int>(info.code)).second) << info.name;
    EXPECT_GE(info.http_status, 400);
    EXPECT_LT(info.http_status, 600);
    EXPECT_FALSE(info.message.empty());
    EXPECT_FALSE(info.message_zh.empty());
    EXPECT_EQ(&InfoFor(info.code), &info);
  }
  // Enumerators are numbered 1..N without gaps, so N rows mean every enumerator has one.
  EXPECT_EQ(*codes.begin(), 1);
  EXPECT_EQ(*codes.rbegin(), static_cast<int>(codes.size()));
}

TEST(ErrorTable, RendersTheOneErrorShape) {
  const Error error(ErrorCode::kFieldMissing, nlohmann::json::array({FieldDetail("username", "missing")}));
  const auto json = error.ToJson();
  EXPECT_EQ(json["error"]["code"], "field_missing");
  EXPECT_EQ(json["error"]["message"], "A required field is missing.");
  EXPECT_EQ(json["error"]["message_zh"], "缺少必填字段。");
  EXPECT_EQ(json["error"]["details"][0]["field"], "username");
}

TEST(ErrorTable, WrapsASingleDetailObjectInAnArray) {
  const Error error(ErrorCode::kConflict, nlohmann::json{{"field", "x"}});
  EXPECT_TRUE(error.ToJson()["error"]["details"].is_array());
}

}  // namespace
}  // namespace shequ

namespace shequ {
namespace {

// docs/errors.md is the published table; it must list every code with its status.
TEST(ErrorDocs, ThePublishedTableListsEveryCodeWithItsStatus) {
  std::ifstream file(std::string(SHEQU_SOURCE_DIR) + "/docs/errors.md");
  ASSERT_TRUE(file) << "docs/errors.md is missing";
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  for (const auto& info : AllErrors()) {
    const std::string row = "| " + std::string(info.name) + " | " + std::to_string(info.http_status) + " |";
    EXPECT_NE(text.find(row), std::string::npos) << "docs/errors.md lacks the row for " << info.name;
  }
}

}  // namespace
}  // namespace shequ
