// The setting Open311 tests share: two communities of 平梁镇 with a compound each, a key for the
// first community and one for the county, and helpers to file requests and record internal cases.
#pragma once

#include <gtest/gtest.h>

#include "app/demo_seed.hpp"
#include "core/time_format.hpp"
#include "events/event_store.hpp"
#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"

namespace shequ::open311::testing {

class Open311Fixture : public ::testing::Test {
 protected:
  static constexpr std::string_view kCommunity = "610921103002";  // 兴隆佳苑社区
  static constexpr std::string_view kNeighbour = "610921103003";  // 月河社区

  Open311Fixture() {
    regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(regions::fixtures::PingliangTown(), "test");
    compound_ = Compound(kCommunity, "兴隆佳苑小区");
    neighbour_compound_ = Compound(kNeighbour, "月河小区");
    app_.clock().Set(*ParseTimestamp("2026-03-10T09:00:00+08:00"));  // a Tuesday
    key_ = service().IssueKey(app::ConsolePrincipal(), "hotline", std::string(kCommunity)).secret;
    county_key_ = service().IssueKey(app::ConsolePrincipal(), "county-app", "610921000000").secret;
    neighbour_key_ = service().IssueKey(app::ConsolePrincipal(), "riverside", std::string(kNeighbour)).secret;
  }

  Open311Service& service() { return app_.app().open311(); }

  std::string Compound(std::string_view community, const std::string& name) {
    return app_.app()
        .regions()
        .CreateChildrenAsConsole(std::string(community), {regions::NewRegion{.name = name}})
        .front()
        .code;
  }

  // A noise complaint at the first compound, as a hotline app sends it.
  NewServiceRequest Filing() const {
    NewServiceRequest request;
    request.api_key = key_;
    request.service_code = "order.noise";
    request.address_id = compound_;
    request.description = "夜间广场舞音响太大，影响休息";
    request.first_name = "Lei";
    request.last_name = "Li";
    request.media_urls = {"https://example.org/noise.jpg"};
    return request;
  }

  // A community's own case, recorded by its staff on patrol: never public.
  events::Event InternalCase(const std::string& region_code, const std::string& title) {
    return app_.app()
        .events()
        .Report(
            app::ConsolePrincipal(),
            {.category_code = "order.noise", .region_code = region_code, .title = title, .source = "patrol"})
        .event;
  }

  events::Event EventByReference(const std::string& reference) {
    return app_.app().database().Read([&](db::Connection& c) {
      events::EventFilter filter;
      filter.prefixes = {""};
      filter.references = {reference};
      auto page = events::EventStore::Search(c, filter);
      EXPECT_EQ(page.items.size(), 1u) << reference;
      return page.items.at(0);
    });
  }

  std::int64_t EventCount() {
    return app_.app().database().Read([](db::Connection& c) {
      events::EventFilter filter;
      filter.prefixes = {""};
      return events::EventStore::Search(c, filter).total;
    });
  }

  // Workflow transitions belong to the events module; tests only need an event to be in a state.
  void SetState(std::int64_t event_id, std::string_view state) {
    app_.app().database().Write([&](db::Connection& c) {
      c.Run("UPDATE events SET state = $1 WHERE id = $2", std::string(state), event_id);
    });
  }

  shequ::testing::TestApp app_;
  std::string compound_;
  std::string neighbour_compound_;
  std::string key_;
  std::string county_key_;
  std::string neighbour_key_;
};

}  // namespace shequ::open311::testing
