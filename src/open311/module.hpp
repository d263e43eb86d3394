#pragma once

#include "core/module.hpp"
#include "open311/open311_service.hpp"

namespace shequ::open311 {

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(Open311Service& service);

}  // namespace shequ::open311
