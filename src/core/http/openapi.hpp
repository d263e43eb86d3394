#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/http/dispatcher.hpp"
#include "core/http/router.hpp"

namespace shequ::http {

// The OpenAPI 3 document, built from the routes themselves, so it cannot drift from them.
nlohmann::json BuildOpenApi(const Router& router, const PermissionTable& permissions,
                            const std::string& version);

}  // namespace shequ::http
