#include "core/json/json_reader.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"

namespace shequ::json {
namespace {

ErrorCode CodeOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.code();
  }
  ADD_FAILURE() << "no error thrown";
  return ErrorCode::kInternal;
}

TEST(JsonReader, MalformedJsonAndNonObjectsAreTheirOwnErrors) {
  EXPECT_EQ(CodeOf([] { ParseObject("{\"a\":"); }), ErrorCode::kInvalidJson);
  EXPECT_EQ(CodeOf([] { ParseObject(""); }), ErrorCode::kInvalidJson);
  EXPECT_EQ(CodeOf([] { ParseObject("[1,2]"); }), ErrorCode::kFieldTypeMismatch);
}

TEST(JsonReader, NamesTheFieldThatIsMissingOrMistyped) {
  const auto body = ParseObject(R"({"name":"张三","age":"forty","tags":["a",2]})");
  ObjectReader reader(body, "person");
  EXPECT_EQ(reader.RequireString("name"), "张三");
  try {
    reader.RequireInt("age");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFieldTypeMismatch);
    EXPECT_EQ(error.details()[0]["field"], "person.age");
  }
  try {
    reader.RequireString("phone");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFieldMissing);
    EXPECT_EQ(error.details()[0]["field"], "person.phone");
  }
  try {
    reader.StringArray("tags", true);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.details()[0]["field"], "person.tags[1]");
  }
}

TEST(JsonReader, NullCountsAsAbsent) {
  const auto body = ParseObject(R"({"name":null})");
  ObjectReader reader(body);
  EXPECT_FALSE(reader.OptionalString("name").has_value());
  EXPECT_EQ(CodeOf([&] { reader.RequireString("name"); }), ErrorCode::kFieldMissing);
}

TEST(JsonReader, RejectsUnknownFieldsByName) {
  const auto body = ParseObject(R"({"username":"a","pasword":"x"})");
  try {
    ObjectReader(body).RejectUnknown({"username", "password"});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(error.details()[0]["field"], "pasword");
    EXPECT_EQ(error.details()[0]["problem"], "unknown_field");
  }
}

}  // namespace
}  // namespace shequ::json
