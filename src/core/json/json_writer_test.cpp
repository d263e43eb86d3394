#include "core/json/json_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace shequ::json {
namespace {

TEST(JsonWriter, WritesNestedValuesThatParseBack) {
  JsonWriter writer;
  writer.BeginObject()
      .Key("name")
      .String("兴隆佳苑 \"3栋\"\n\\")
      .Key("level")
      .Int(9)
      .Key("lat")
      .Double(32.89)
      .Key("ok")
      .Bool(true)
      .Key("none")
      .Null()
      .Key("list")
      .BeginArray()
      .Int(1)
      .BeginObject()
      .EndObject()
      .BeginArray()
      .EndArray()
      .String("x")
      .EndArray()
      .Key("geo")
      .Raw(R"({"type":"Point"})")
      .Key("maybe")
      .Optional(std::optional<int>())
      .Key("control")
      .String(std::string(1, '\x01'))
      .EndObject();
  const auto parsed = nlohmann::json::parse(writer.text());
  EXPECT_EQ(parsed["name"], "兴隆佳苑 \"3栋\"\n\\");
  EXPECT_EQ(parsed["level"], 9);
  EXPECT_DOUBLE_EQ(parsed["lat"].get<double>(), 32.89);
  EXPECT_EQ(parsed["ok"], true);
  EXPECT_TRUE(parsed["none"].is_null());
  EXPECT_EQ(parsed["list"].dump(), R"([1,{},[],"x"])");
  EXPECT_EQ(parsed["geo"]["type"], "Point");
  EXPECT_TRUE(parsed["maybe"].is_null());
  EXPECT_EQ(parsed["control"], "\x01");
}

TEST(JsonWriter, NonFiniteNumbersBecomeNull) {
  JsonWriter writer;
  writer.BeginArray().Double(std::nan("")).Double(1.5).EndArray();
  EXPECT_EQ(writer.text(), "[null,1.5]");
}

}  // namespace
}  // namespace shequ::json
