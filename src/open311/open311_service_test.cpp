#include "open311/open311_service.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "core/crypto/crypto.hpp"
#include "open311/testing/open311_fixture.hpp"

namespace shequ::open311 {
namespace {

using shequ::testing::ErrorOf;

class Open311ServiceTest : public testing::Open311Fixture {
 protected:
  std::vector<std::string> Ids(const std::string& key, const RequestQuery& query = {}) {
    std::vector<std::string> ids;
    for (const auto& request : service().Requests(key, query)) ids.push_back(request.id);
    return ids;
  }
};

TEST_F(Open311ServiceTest, KeepsOnlyTheHashOfAKeyShownOnce) {
  const auto issued = service().IssueKey(app::ConsolePrincipal(), "wechat", std::string(kCommunity));
  EXPECT_GE(issued.secret.size(), 40u);
  const auto keys = service().Keys();
  const auto stored =
      std::find_if(keys.begin(), keys.end(), [](const ApiKey& k) { return k.name == "wechat"; });
  ASSERT_NE(stored, keys.end());
  EXPECT_EQ(stored->key_hash, crypto::Sha256Hex(issued.secret));
  EXPECT_EQ(stored->scope_code, kCommunity);
  EXPECT_FALSE(stored->revoked_at);
  const auto rows = app_.app().database().Read([&](db::Connection& c) {
    return c
        .Run("SELECT COUNT(*) FROM open311_api_keys WHERE name = $1 OR scope_code = $1 OR key_hash = $1",
             issued.secret)[0]
        .Int(0);
  });
  EXPECT_EQ(rows, 0) << "the key itself is never stored";
  EXPECT_EQ(ErrorOf([&] { service().IssueKey(app::ConsolePrincipal(), "wechat", std::string(kCommunity)); }),
            ErrorCode::kConflict);
  EXPECT_EQ(ErrorOf([&] { service().IssueKey(app::ConsolePrincipal(), "nowhere", "619999999999"); }),
            ErrorCode::kFieldInvalid);
  EXPECT_EQ(ErrorOf([&] { service().IssueKey(app::ConsolePrincipal(), "", std::string(kCommunity)); }),
            ErrorCode::kFieldInvalid);
}

TEST_F(Open311ServiceTest, ARevokedKeyNeitherFilesNorReads) {
  service().Submit(Filing());
  const auto revoked = service().RevokeKey(app::ConsolePrincipal(), "hotline");
  EXPECT_TRUE(revoked.revoked_at);
  const auto before = EventCount();
  EXPECT_EQ(ErrorOf([&] { service().Submit(Filing()); }), ErrorCode::kForbidden);
  EXPECT_EQ(ErrorOf([&] { service().Requests(key_, {}); }), ErrorCode::kForbidden);
  EXPECT_EQ(ErrorOf([&] { service().Requests("not-a-key", {}); }), ErrorCode::kForbidden);
  EXPECT_EQ(EventCount(), before);
  // By id as well; revoking twice keeps the first time.
  const auto county = service().Keys().at(1);
  EXPECT_EQ(service().RevokeKey(app::ConsolePrincipal(), std::to_string(county.id)).name, "county-app");
  app_.clock().Advance(std::chrono::minutes(5));
  EXPECT_EQ(service().RevokeKey(app::ConsolePrincipal(), "county-app").revoked_at,
            service().Keys().at(1).revoked_at);
  EXPECT_EQ(ErrorOf([&] { service().RevokeKey(app::ConsolePrincipal(), "nobody"); }), ErrorCode::kNotFound);
}

TEST_F(Open311ServiceTest, FilesAnEventAsTheOpen311Channel) {
  const auto submitted = service().Submit(Filing());
  EXPECT_TRUE(std::regex_match(submitted.id, std::regex(R"(610921103002-20260310-\d{4})"))) << submitted.id;
  EXPECT_EQ(submitted.service_notice, "处置时限：1个工作日");
  const auto event = EventByReference(submitted.id);
  EXPECT_EQ(event.source, "open311");
  EXPECT_EQ(event.reporter_name, "Lei Li");
  EXPECT_FALSE(event.reporter_id);
  EXPECT_EQ(event.region_code, compound_);
  EXPECT_EQ(event.category_code, "order.noise");
  EXPECT_EQ(event.title, "噪声扰民：夜间广场舞音响太大，影响休息");
  EXPECT_EQ(event.description, "夜间广场舞音响太大，影响休息");

  // Without a name the client is the reporter; a long description gives a title excerpt.
  auto anonymous = Filing();
  anonymous.first_name.clear();
  anonymous.last_name.clear();
  anonymous.description = std::string(60, 'x');
  const auto second = EventByReference(service().Submit(anonymous).id);
  EXPECT_EQ(second.reporter_name, "Open311: hotline");
  EXPECT_EQ(second.title, "噪声扰民：" + std::string(30, 'x') + "…");
}

TEST_F(Open311ServiceTest, PlacesARequestInTheJurisdictionWhenNoAddressIdNamesOne) {
  auto request = Filing();
  request.address_id.clear();
  request.latitude = 32.89;
  request.longitude = 108.51;
  request.address_string = "兴隆佳苑 3栋 门口";
  request.jurisdiction_id = std::string(kCommunity);
  const auto event = EventByReference(service().Submit(request).id);
  EXPECT_EQ(event.region_code, kCommunity);
  EXPECT_EQ(event.latitude, 32.89);
  EXPECT_EQ(event.description, "夜间广场舞音响太大，影响休息\n地址：兴隆佳苑 3栋 门口");
  // A town above the place is not a place: an address_id is then needed.
  request.jurisdiction_id = "610921103000";
  EXPECT_EQ(ErrorOf([&] { service().Submit(request); }), ErrorCode::kInvalidQueryParameter);
}

TEST_F(Open311ServiceTest, BadInputChangesNothing) {
  const auto before = EventCount();
  const auto expect = [&](ErrorCode code, const std::function<void(NewServiceRequest&)>& spoil) {
    auto request = Filing();
    spoil(request);
    EXPECT_EQ(ErrorOf([&] { service().Submit(request); }), code);
  };
  expect(ErrorCode::kForbidden, [](auto& r) { r.api_key.clear(); });
  expect(ErrorCode::kScopeViolation, [&](auto& r) { r.address_id = neighbour_compound_; });
  expect(ErrorCode::kNotFound, [](auto& r) { r.service_code = "order.unheard_of"; });
  expect(ErrorCode::kNotFound, [](auto& r) { r.service_code = "order"; });  // a class, not a service
  expect(ErrorCode::kFieldMissing, [](auto& r) { r.service_code.clear(); });
  expect(ErrorCode::kFieldMissing, [](auto& r) { r.address_id.clear(); });
  expect(ErrorCode::kInvalidQueryParameter, [](auto& r) { r.latitude = 32.9; });
  expect(ErrorCode::kInvalidQueryParameter, [](auto& r) { r.address_id = "building-3"; });
  expect(ErrorCode::kNotFound, [](auto& r) { r.jurisdiction_id = "sfgov.org"; });
  expect(ErrorCode::kInvalidQueryParameter, [](auto& r) { r.jurisdiction_id = std::string(kNeighbour); });
  expect(ErrorCode::kFieldInvalid, [](auto& r) {
    r.latitude = 48.85;  // Paris
    r.longitude = 2.35;
  });
  expect(ErrorCode::kFieldInvalid, [&](auto& r) { r.address_id = compound_ + "999"; });  // no such building
  EXPECT_EQ(EventCount(), before);
  EXPECT_EQ(app_.app().database().Read(
                [](db::Connection& c) { return c.Run("SELECT COUNT(*) FROM open311_requests")[0].Int(0); }),
            0);
}

TEST_F(Open311ServiceTest, WithoutAKeyOnlyRequestsFiledThroughOpen311AreVisible) {
  const auto internal = InternalCase(compound_, "家庭纠纷调解");
  const auto filed = service().Submit(Filing()).id;
  EXPECT_EQ(Ids(""), std::vector<std::string>{filed});
  EXPECT_EQ(ErrorOf([&] { service().Request("", "", internal.reference); }), ErrorCode::kNotFound);
  EXPECT_EQ(service().Request("", "", filed).id, filed);
  // A key reads every event of its area, and nothing outside it.
  EXPECT_EQ(Ids(key_), (std::vector<std::string>{filed, internal.reference}));
  EXPECT_EQ(Ids(county_key_).size(), 2u);
  EXPECT_TRUE(Ids(neighbour_key_).empty());
  EXPECT_EQ(ErrorOf([&] { service().Request(neighbour_key_, "", internal.reference); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(ErrorOf([&] { service().Requests(key_, {.jurisdiction_id = std::string(kNeighbour)}); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(Ids("", {.jurisdiction_id = std::string(kNeighbour)}).size(), 0u);
  EXPECT_EQ(ErrorOf([&] { service().Requests("", {.jurisdiction_id = "610921999999"}); }),
            ErrorCode::kNotFound);
}

TEST_F(Open311ServiceTest, FoldsWorkflowStatesIntoOpenAndClosed) {
  const std::vector<std::pair<std::string_view, std::string>> cases = {
      {events::kAccepted, "已受理"}, {events::kInProgress, "处置中"}, {events::kClosed, "已结案"},
      {events::kMerged, "已合并"},   {events::kRejected, "不予受理"}, {events::kShelved, "已挂账"}};
  std::map<std::string, std::pair<bool, std::string>> expected;
  for (const auto& [state, note] : cases) {
    const auto id = service().Submit(Filing()).id;
    SetState(EventByReference(id).id, state);
    expected[id] = {!events::IsFinished(state), note};
  }
  for (const auto& request : service().Requests("", {})) {
    EXPECT_EQ(request.open, expected.at(request.id).first) << request.id;
    EXPECT_EQ(request.status_notes, expected.at(request.id).second) << request.id;
  }
  EXPECT_EQ(Ids("", {.open = true}).size(), 3u);
  EXPECT_EQ(Ids("", {.open = false}).size(), 3u);
  EXPECT_EQ(Ids("", {}).size(), 6u);
}

TEST_F(Open311ServiceTest, DescribesARequestWithItsDeadlineAgencyAndAddress) {
  const auto id = service().Submit(Filing()).id;
  const auto event = EventByReference(id);
  const auto request = service().Request("", "", id);
  ASSERT_TRUE(event.due_at);
  EXPECT_EQ(request.expected_at, event.due_at);
  EXPECT_EQ(request.requested_at, event.reported_at);
  EXPECT_EQ(request.updated_at, event.updated_at);
  EXPECT_EQ(request.agency_responsible, "兴隆佳苑社区居委会");
  EXPECT_EQ(request.address, "陕西省安康市汉阴县平梁镇兴隆佳苑社区 兴隆佳苑小区");
  EXPECT_EQ(request.address_id, compound_);
  EXPECT_EQ(request.service_name, "噪声扰民");
  EXPECT_EQ(request.media_url, "https://example.org/noise.jpg");
  EXPECT_TRUE(request.open);
  auto security = Filing();
  security.service_code = "order.security";
  EXPECT_EQ(service().Request("", "", service().Submit(security).id).agency_responsible, "派出所");
}

TEST_F(Open311ServiceTest, ListsTheLastNinetyDaysUnlessAskedOtherwise) {
  const auto old = service().Submit(Filing()).id;
  app_.clock().Advance(std::chrono::hours(24 * 100));
  const auto recent = service().Submit(Filing()).id;
  EXPECT_EQ(Ids(""), std::vector<std::string>{recent});
  const auto march = *ParseTimestamp("2026-03-01T00:00:00+08:00");
  EXPECT_EQ(Ids("", {.start = march}), std::vector<std::string>{old});
  EXPECT_EQ(Ids("", {.start = march, .end = march + 20LL * 24 * 3600 * 1000}), std::vector<std::string>{old});
  EXPECT_EQ(Ids("", {.ids = {old, recent}}).size(), 2u) << "ids override the window";
  EXPECT_EQ(Ids("", {.service_codes = {"order.security"}}).size(), 0u);
  EXPECT_EQ(
      ErrorOf([&] { service().Requests("", {.start = march, .end = march + 91LL * 24 * 3600 * 1000}); }),
      ErrorCode::kInvalidQueryParameter);
  EXPECT_EQ(ErrorOf([&] { service().Requests("", {.start = march, .end = march - 1}); }),
            ErrorCode::kInvalidQueryParameter);
  EXPECT_EQ(Ids("", {.ids = {old, recent}, .page_size = 1}).size(), 2u) << "ids are not paged";
  EXPECT_EQ(
      Ids("", {.start = march - 1, .end = march + 89LL * 24 * 3600 * 1000, .page = 2, .page_size = 1}).size(),
      0u);
}

TEST_F(Open311ServiceTest, OffersTheActiveLeafCategoriesAsServices) {
  const auto services = service().Services("");
  const auto noise = std::find_if(services.begin(), services.end(),
                                  [](const Service& s) { return s.code == "order.noise"; });
  ASSERT_NE(noise, services.end());
  EXPECT_EQ(noise->name, "噪声扰民");
  EXPECT_EQ(noise->group, "社会治安");
  EXPECT_EQ(noise->description, "Noise nuisance");
  for (const auto& s : services) EXPECT_NE(s.code.find('.'), std::string::npos) << s.code << " is a class";
  EXPECT_EQ(service().Definition(std::string(kCommunity), "order.noise").code, "order.noise");
  EXPECT_EQ(ErrorOf([&] { service().Definition("", "order"); }), ErrorCode::kNotFound);
  EXPECT_EQ(ErrorOf([&] { service().Services("610921103009"); }), ErrorCode::kNotFound);
  EXPECT_EQ(ErrorOf([&] { service().Services(compound_); }), ErrorCode::kNotFound) << "below a community";
}

}  // namespace
}  // namespace shequ::open311
