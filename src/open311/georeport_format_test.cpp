#include "open311/georeport_format.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "core/time_format.hpp"

namespace shequ::open311 {
namespace {

TEST(GeoreportFormat, WritesXmlByTheSparkConvention) {
  nlohmann::ordered_json request;
  request["service_request_id"] = "610921103002-20260310-0001";
  request["status"] = "open";
  request["lat"] = 32.89;
  request["media_url"] = nullptr;
  request["metadata"] = false;
  const auto xml = ToXml("service_requests", nlohmann::ordered_json::array({request, request}));
  EXPECT_TRUE(xml.starts_with(R"(<?xml version="1.0" encoding="utf-8"?>)")) << xml;
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str()));
  const auto root = document.child("service_requests");
  EXPECT_EQ(std::distance(root.children("request").begin(), root.children("request").end()), 2);
  const auto first = root.child("request");
  EXPECT_STREQ(first.child_value("service_request_id"), "610921103002-20260310-0001");
  EXPECT_STREQ(first.child_value("lat"), "32.89");
  EXPECT_STREQ(first.child_value("metadata"), "false");
  EXPECT_TRUE(first.child("media_url")) << "null is an empty element";
  EXPECT_STREQ(first.child_value("media_url"), "");
  EXPECT_EQ(std::string(first.first_child().name()), "service_request_id") << "fields keep their order";
}

TEST(GeoreportFormat, NamesListItemsInTheSingular) {
  EXPECT_EQ(SingularOf("service_requests"), "request");
  EXPECT_EQ(SingularOf("service_request_updates"), "request_update");
  EXPECT_EQ(SingularOf("services"), "service");
  EXPECT_EQ(SingularOf("errors"), "error");
  EXPECT_EQ(SingularOf("formats"), "format");
  nlohmann::ordered_json discovery;
  discovery["endpoints"] = nlohmann::ordered_json::array({{{"formats", {"text/xml", "application/json"}}}});
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(ToXml("discovery", discovery).c_str()));
  const auto formats = document.child("discovery").child("endpoints").child("endpoint").child("formats");
  EXPECT_STREQ(formats.first_child().child_value(), "text/xml");
  EXPECT_STREQ(formats.last_child().name(), "format");
}

TEST(GeoreportFormat, RendersErrorsInEitherFormatWithTheStatus) {
  const auto json = RenderErrors(Format::kJson, 403, "api_key is not valid.");
  EXPECT_EQ(json.status, 403);
  EXPECT_EQ(json.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(nlohmann::json::parse(json.body),
            nlohmann::json::parse(R"([{"code":403,"description":"api_key is not valid."}])"));
  const auto xml = RenderErrors(Format::kXml, 404, "a <b> & c");
  EXPECT_EQ(xml.content_type, "text/xml; charset=utf-8");
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.body.c_str()));
  EXPECT_STREQ(document.child("errors").child("error").child_value("code"), "404");
  EXPECT_STREQ(document.child("errors").child("error").child_value("description"), "a <b> & c");
}

TEST(GeoreportFormat, DatesCarryTheChinaOffsetAndNeedAZone) {
  const auto instant = *ParseTimestamp("2026-02-13T08:30:00Z");
  EXPECT_EQ(FormatDateTime(instant + 999), "2026-02-13T16:30:00+08:00");
  EXPECT_EQ(ParseDateTime("2026-02-13T16:30:00+08:00"), instant);
  EXPECT_EQ(ParseDateTime("2026-02-13T08:30:00Z"), instant);
  EXPECT_EQ(ParseDateTime("2026-02-13T03:30:00-05:00"), instant);
  EXPECT_FALSE(ParseDateTime("2026-02-13T16:30:00"));
  EXPECT_FALSE(ParseDateTime("2026-02-13"));
  EXPECT_FALSE(ParseDateTime("yesterday"));
}

}  // namespace
}  // namespace shequ::open311
