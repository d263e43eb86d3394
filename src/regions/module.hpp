#pragma once

#include "core/module.hpp"
#include "regions/grid_service.hpp"
#include "regions/pairing_service.hpp"
#include "regions/region_service.hpp"

namespace shequ::regions {

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(RegionService& regions, GridService& grids, PairingService& pairings);

}  // namespace shequ::regions
