#pragma once

#include "core/module.hpp"

namespace shequ::events {

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest();

}  // namespace shequ::events
