// Open311 over HTTP, through the dispatcher: every resource in XML and JSON, the spec's error
// format and status codes, and what a client without a key can see.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <fmt/format.h>

#include "open311/georeport_format.hpp"
#include "open311/testing/open311_fixture.hpp"

namespace shequ::open311 {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string Form(const Pairs& pairs) {
  std::string out;
  for (const auto& [key, value] : pairs) {
    out += (out.empty() ? "" : "&") + key + "=";
    for (unsigned char c : value) {
      out += std::isalnum(c) || c == '-' || c == '_' || c == '.' ? std::string(1, static_cast<char>(c))
                                                                 : fmt::format("%{:02X}", c);
    }
  }
  return out;
}

class Open311ApiTest : public testing::Open311Fixture {
 protected:
  http::Response Get(const std::string& target) { return app_.Get("/open311/v2/" + target); }

  http::Response PostForm(const std::string& target, const Pairs& body) {
    return app_.Call(http::Method::kPost, "/open311/v2/" + target, "", Form(body),
                     "application/x-www-form-urlencoded");
  }

  Pairs NoiseComplaint() const {
    return {{"api_key", key_},
            {"service_code", "order.noise"},
            {"address_id", compound_},
            {"description", "夜间广场舞音响太大"},
            {"first_name", "Lei"},
            {"last_name", "Li"},
            {"email", "lilei@example.org"},
            {"phone", "13800138000"},
            {"media_url", "https://example.org/noise.jpg"}};
  }

  std::string File() {
    const auto response = PostForm("requests.json", NoiseComplaint());
    EXPECT_EQ(response.status, 200) << response.body;
    return shequ::testing::BodyOf(response)[0]["service_request_id"].get<std::string>();
  }

  // The XML body, parsed; fails the test unless it is well-formed and declared as UTF-8 XML.
  static pugi::xml_document Xml(const http::Response& response) {
    EXPECT_EQ(response.content_type, "text/xml; charset=utf-8");
    EXPECT_TRUE(response.body.starts_with(R"(<?xml version="1.0" encoding="utf-8"?>)")) << response.body;
    pugi::xml_document document;
    EXPECT_TRUE(document.load_string(response.body.c_str())) << response.body;
    return document;
  }

  static nlohmann::json Json(const http::Response& response) {
    EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
    return shequ::testing::BodyOf(response);
  }

  // An error in the spec's format, in both renderings, with the same status.
  void ExpectError(int status, const std::function<http::Response(const std::string& ext)>& call) {
    const auto json = call("json");
    EXPECT_EQ(json.status, status) << json.body;
    const auto body = Json(json);
    ASSERT_TRUE(body.is_array() && body.size() == 1) << json.body;
    EXPECT_EQ(body[0]["code"], status);
    EXPECT_FALSE(body[0]["description"].get<std::string>().empty());
    const auto xml = call("xml");
    EXPECT_EQ(xml.status, status) << xml.body;
    const auto error = Xml(xml).child("errors").child("error");
    EXPECT_EQ(std::string(error.child_value("code")), std::to_string(status)) << xml.body;
    EXPECT_STRNE(error.child_value("description"), "");
  }
};

TEST_F(Open311ApiTest, DiscoveryListsTheEndpointInBothFormats) {
  const auto json = Json(Get("discovery.json"));
  ASSERT_EQ(json["endpoints"].size(), 1u);
  EXPECT_EQ(json["endpoints"][0]["specification"], "http://wiki.open311.org/GeoReport_v2");
  EXPECT_EQ(json["endpoints"][0]["formats"], nlohmann::json({"text/xml", "application/json"}));
  EXPECT_TRUE(json["endpoints"][0]["url"].get<std::string>().ends_with("/open311/v2"));
  for (const auto* field : {"changeset", "contact", "key_service"})
    EXPECT_TRUE(json[field].is_string()) << field;
  const auto xml = Xml(Get("discovery.xml"));
  const auto endpoint = xml.child("discovery").child("endpoints").child("endpoint");
  EXPECT_STREQ(endpoint.child_value("type"), "production");
  EXPECT_STREQ(endpoint.child("formats").first_child().name(), "format");
  EXPECT_EQ(std::string(xml.child("discovery").child_value("changeset")), json["changeset"]);
}

TEST_F(Open311ApiTest, ServicesAndTheirDefinitionsInBothFormats) {
  const auto json = Json(Get("services.json"));
  ASSERT_TRUE(json.is_array());
  const auto xml = Xml(Get("services.xml?jurisdiction_id=" + std::string(kCommunity)));
  const auto services = xml.child("services").children("service");
  EXPECT_EQ(static_cast<std::size_t>(std::distance(services.begin(), services.end())), json.size());
  const auto noise = std::find_if(json.begin(), json.end(),
                                  [](const auto& s) { return s["service_code"] == "order.noise"; });
  ASSERT_NE(noise, json.end());
  EXPECT_EQ((*noise)["service_name"], "噪声扰民");
  EXPECT_EQ((*noise)["group"], "社会治安");
  EXPECT_EQ((*noise)["metadata"], false);
  EXPECT_EQ((*noise)["type"], "realtime");
  bool found = false;
  for (const auto service : services) {
    if (std::string(service.child_value("service_code")) == "order.noise") {
      found = true;
      EXPECT_STREQ(service.child_value("metadata"), "false");
      EXPECT_STREQ(service.child_value("group"), "社会治安");
    }
  }
  EXPECT_TRUE(found);

  const auto definition = Json(Get("services/order.noise.json"));
  EXPECT_EQ(definition,
            nlohmann::json({{"service_code", "order.noise"}, {"attributes", nlohmann::json::array()}}));
  const auto definition_xml = Xml(Get("services/order.noise.xml"));
  EXPECT_STREQ(definition_xml.child("service_definition").child_value("service_code"), "order.noise");
  EXPECT_TRUE(definition_xml.child("service_definition").child("attributes"));
  ExpectError(404, [&](const std::string& ext) { return Get("services/order.unheard_of." + ext); });
  ExpectError(404,
              [&](const std::string& ext) { return Get("services." + ext + "?jurisdiction_id=sfgov.org"); });
}

TEST_F(Open311ApiTest, FilesAndShowsARequestInBothFormats) {
  // Body as the spec's example sends it, jurisdiction in the query as FixMyStreet sends it.
  const auto posted = PostForm("requests.xml?jurisdiction_id=" + std::string(kCommunity), NoiseComplaint());
  ASSERT_EQ(posted.status, 200) << posted.body;
  const auto filed = Xml(posted).child("service_requests").child("request");
  const std::string id = filed.child_value("service_request_id");
  EXPECT_TRUE(id.starts_with("610921103002-20260310-")) << id;
  EXPECT_STREQ(filed.child_value("service_notice"), "处置时限：1个工作日");
  EXPECT_FALSE(filed.child("token")) << "realtime services never send a token";

  const auto shown = Json(Get("requests/" + id + ".json"));
  ASSERT_EQ(shown.size(), 1u);
  const auto event = EventByReference(id);
  EXPECT_EQ(shown[0]["service_request_id"], id);
  EXPECT_EQ(shown[0]["status"], "open");
  EXPECT_EQ(shown[0]["status_notes"], "已上报");
  EXPECT_EQ(shown[0]["service_code"], "order.noise");
  EXPECT_EQ(shown[0]["service_name"], "噪声扰民");
  EXPECT_EQ(shown[0]["description"], "夜间广场舞音响太大");
  EXPECT_EQ(shown[0]["agency_responsible"], "兴隆佳苑社区居委会");
  EXPECT_EQ(shown[0]["requested_datetime"], "2026-03-10T09:00:00+08:00");
  EXPECT_EQ(shown[0]["expected_datetime"], FormatDateTime(*event.due_at));
  EXPECT_EQ(shown[0]["address"], "陕西省安康市汉阴县平梁镇兴隆佳苑社区 兴隆佳苑小区");
  EXPECT_EQ(shown[0]["address_id"], compound_);
  EXPECT_TRUE(shown[0]["zipcode"].is_null());
  EXPECT_TRUE(shown[0]["lat"].is_null());
  EXPECT_EQ(shown[0]["media_url"], "https://example.org/noise.jpg");
  const auto xml = Xml(Get("requests/" + id + ".xml")).child("service_requests").child("request");
  EXPECT_STREQ(xml.child_value("expected_datetime"), FormatDateTime(*event.due_at).c_str());
  EXPECT_STREQ(xml.child_value("status"), "open");
  EXPECT_TRUE(xml.child("zipcode"));

  // Parameters in the query alone, as some clients post them.
  auto query = NoiseComplaint();
  query.emplace_back("lat", "32.89");
  query.emplace_back("long", "108.51");
  const auto by_query = app_.Call(http::Method::kPost, "/open311/v2/requests.json?" + Form(query));
  ASSERT_EQ(by_query.status, 200) << by_query.body;
  const auto second = shequ::testing::BodyOf(by_query)[0]["service_request_id"].get<std::string>();
  EXPECT_EQ(Json(Get("requests/" + second + ".json"))[0]["lat"], 32.89);

  const auto list = Json(Get("requests.json?status=open&service_code=order.noise,order.security"));
  EXPECT_EQ(list.size(), 2u);
  const auto list_xml = Xml(Get("requests.xml?service_request_id=" + id + "," + second));
  const auto items = list_xml.child("service_requests").children("request");
  EXPECT_EQ(std::distance(items.begin(), items.end()), 2);
  EXPECT_EQ(Json(Get("requests.json?status=closed")).size(), 0u);
  SetState(event.id, events::kClosed);
  const auto closed = Json(Get("requests.json?status=closed"));
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0]["status"], "closed");
  EXPECT_EQ(closed[0]["status_notes"], "已结案");
}

TEST_F(Open311ApiTest, ErrorsUseTheSpecsFormatAndStatus) {
  auto without_key = NoiseComplaint();
  without_key.erase(without_key.begin());
  ExpectError(403, [&](const std::string& ext) { return PostForm("requests." + ext, without_key); });
  auto wrong_key = NoiseComplaint();
  wrong_key[0].second = "guessed";
  ExpectError(403, [&](const std::string& ext) { return PostForm("requests." + ext, wrong_key); });
  service().RevokeKey(app::ConsolePrincipal(), "riverside");
  auto revoked = NoiseComplaint();
  revoked[0].second = neighbour_key_;
  ExpectError(403, [&](const std::string& ext) { return PostForm("requests." + ext, revoked); });
  ExpectError(403,
              [&](const std::string& ext) { return Get("requests." + ext + "?api_key=" + neighbour_key_); });
  auto unknown_service = NoiseComplaint();
  unknown_service[1].second = "order.unheard_of";
  ExpectError(404, [&](const std::string& ext) { return PostForm("requests." + ext, unknown_service); });
  ExpectError(404, [&](const std::string& ext) {
    return PostForm("requests." + ext + "?jurisdiction_id=610921103009", NoiseComplaint());
  });
  auto outside = NoiseComplaint();
  outside[2].second = neighbour_compound_;
  ExpectError(400, [&](const std::string& ext) { return PostForm("requests." + ext, outside); });
  auto no_service = NoiseComplaint();
  no_service[1].second = "";  // empty counts as absent
  ExpectError(400, [&](const std::string& ext) { return PostForm("requests." + ext, no_service); });
  auto bad_latitude = NoiseComplaint();
  bad_latitude.emplace_back("lat", "north");
  ExpectError(400, [&](const std::string& ext) { return PostForm("requests." + ext, bad_latitude); });
  ExpectError(400, [&](const std::string& ext) {
    return app_.Call(http::Method::kPost, "/open311/v2/requests." + ext, "", R"({"api_key":"x"})");
  });
  ExpectError(400, [&](const std::string& ext) { return Get("requests." + ext + "?start_date=2026-03-01"); });
  ExpectError(400, [&](const std::string& ext) {
    return Get("requests." + ext + "?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
  });
  ExpectError(400, [&](const std::string& ext) { return Get("requests." + ext + "?status=pending"); });
  ExpectError(404, [&](const std::string& ext) { return Get("requests/610921103002-20260310-9999." + ext); });
  ExpectError(404, [&](const std::string& ext) { return Get("requests/x." + ext + "?jurisdiction_id=1"); });
  ExpectError(404, [&](const std::string& ext) { return Get("tokens/abc." + ext); });
  EXPECT_EQ(EventCount(), 0) << "no refused request was filed";

  // An unknown format or resource is 404, still in the spec's format (XML, the required one).
  for (const auto* path :
       {"services.html", "requests/610921103002-20260310-0001.rss", "nothing", "tokens/x.csv"}) {
    const auto response = Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_STREQ(Xml(response).child("errors").child("error").child_value("code"), "404") << path;
  }
  EXPECT_EQ(PostForm("requests.html", NoiseComplaint()).status, 404);
}

TEST_F(Open311ApiTest, WithoutAKeyOnlyOpen311RequestsAndNoReporterShow) {
  const auto internal = InternalCase(compound_, "家庭纠纷调解");
  const auto filed = File();
  for (const auto* ext : {"json", "xml"}) {
    const auto listed = Get(std::string("requests.") + ext);
    EXPECT_EQ(listed.status, 200);
    EXPECT_NE(listed.body.find(filed), std::string::npos) << listed.body;
    EXPECT_EQ(listed.body.find(internal.reference), std::string::npos) << "an internal case is never public";
    EXPECT_EQ(listed.body.find("家庭纠纷"), std::string::npos);
    for (const auto* personal : {"Lei", "Li\"", ">Li<", "lilei", "13800138000", "Open311: hotline"}) {
      EXPECT_EQ(listed.body.find(personal), std::string::npos) << personal << " leaked: " << listed.body;
    }
    EXPECT_EQ(Get("requests/" + internal.reference + "." + ext).status, 404);
  }
  const auto keyed = Json(Get("requests.json?api_key=" + key_));
  EXPECT_EQ(keyed.size(), 2u);
  EXPECT_EQ(Json(Get("requests/" + internal.reference + ".json?api_key=" + key_))[0]["service_request_id"],
            internal.reference);
  EXPECT_EQ(Json(Get("requests.json?api_key=" + neighbour_key_)).size(), 0u);
  EXPECT_EQ(Get("requests/" + internal.reference + ".json?api_key=" + neighbour_key_).status, 404);
}

}  // namespace
}  // namespace shequ::open311
