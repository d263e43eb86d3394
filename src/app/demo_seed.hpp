#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "app/application.hpp"

namespace shequ::app {

// Creates the demo administrator (printing its generated password once) if none exists.
// Idempotent: running it again changes nothing.
int LoadDemo(Application& app, std::ostream& out);

struct DemoResidents {
  std::int64_t count = 0;
  std::uint64_t seed = 2026;
  std::string csv_path;  // set: write them there instead of into the database
};
// Synthetic residents over the demo communities' dwellings, about three to a dwelling: housing
// estates are added to the demo communities when the dwellings are too few.
int LoadDemoResidents(Application& app, const DemoResidents& plan, std::ostream& out);

// The console's own principal (national scope), for commands run on the server.
auth::Principal ConsolePrincipal();

}  // namespace shequ::app
