// The world the registry's database tests start from: 平梁镇's national nodes, one compound of
// 兴隆佳苑社区 with building 3, unit 2 and dwellings 501 and 502, and signed-in principals — the
// community, a neighbouring community, a grid worker of the compound and the street.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"

namespace shequ::registry::fixtures {

class RegistryTestBase : public ::testing::Test {
 protected:
  RegistryTestBase() {
    regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(regions::fixtures::PingliangTown(), "test");
    auto& regions = app_.app().regions();
    compound_ = regions.CreateChildrenAsConsole("610921103002", {regions::NewRegion{.name = "兴隆佳苑小区"}})
                    .front()
                    .code;
    const auto building =
        regions.CreateChildrenAsConsole(compound_, {regions::NewRegion{.number = 3}}).front().code;
    unit_ = regions.CreateChildrenAsConsole(building, {regions::NewRegion{.number = 2}}).front().code;
    dwelling_ = regions.CreateChildrenAsConsole(unit_, {regions::NewRegion{.number = 501}}).front().code;
    other_dwelling_ =
        regions.CreateChildrenAsConsole(unit_, {regions::NewRegion{.number = 502}}).front().code;
    app_.CreateUser("community", "community", {"610921103002"});
    app_.CreateUser("neighbour", "community", {"610921103003"});
    app_.CreateUser("gridder", "grid_worker", {compound_});
    app_.CreateUser("street", "street", {"610921103000"});
    community_ = Principal("community");
    neighbour_ = Principal("neighbour");
    gridder_ = Principal("gridder");
    street_ = Principal("street");
  }

  auth::Principal Principal(const std::string& username) {
    return app_.app().sessions().Authenticate(app_.Login(username), "127.0.0.1");
  }

  shequ::testing::TestApp app_;
  std::string compound_, unit_, dwelling_, other_dwelling_;
  auth::Principal community_, neighbour_, gridder_, street_;
};

}  // namespace shequ::registry::fixtures
