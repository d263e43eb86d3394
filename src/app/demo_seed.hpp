#pragma once

#include <ostream>

#include "app/application.hpp"

namespace shequ::app {

// Creates the demo administrator (printing its generated password once) if none exists.
// Idempotent: running it again changes nothing.
int LoadDemo(Application& app, std::ostream& out);

}  // namespace shequ::app
