// Synthetic residents for the demo and the benchmarks, written through the registry's own rules
// (checked, sealed, with their first history event and key groups) in batched transactions.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "registry/registry_context.hpp"

namespace shequ::registry {

struct ResidentPlan {
  std::int64_t count = 0;
  std::uint64_t seed = 2026;
  std::size_t batch = 20'000;  // people a transaction
};

// Spreads `plan.count` people over `dwellings` (cycling through them) and returns how many were
// written. `progress` hears the running total after each batch.
std::int64_t GenerateResidents(const RegistryContext& context, const std::vector<std::string>& dwellings,
                               const ResidentPlan& plan,
                               const std::function<void(std::int64_t)>& progress = {});

// The same people as CSV rows with the import's headers, for import benchmarks and trials.
void WriteResidentsCsv(std::ostream& out, const std::vector<std::string>& dwellings, const ResidentPlan& plan,
                       const std::string& today);

}  // namespace shequ::registry
