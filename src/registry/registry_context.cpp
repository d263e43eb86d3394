#include "registry/registry_context.hpp"

#include <map>
#include <set>

#include "regions/region_code.hpp"
#include "regions/region_store.hpp"

namespace shequ::registry {

bool RegistryContext::MaySee(const auth::Principal& actor, std::string_view sensitivity) const {
  if (sensitivity == "normal") return true;
  if (sensitivity == "sensitive") return permits(actor, "registry.sensitive");
  return permits(actor, "registry.restricted");
}

std::map<std::string, std::string> AddressesOf(db::Connection& c, const std::vector<std::string>& codes) {
  std::set<std::string> wanted;
  for (const auto& code : codes) {
    if (code.empty()) continue;
    for (auto& ancestor : regions::AncestorCodes(code)) wanted.insert(std::move(ancestor));
    wanted.insert(code);
  }
  std::map<std::string, regions::Region> nodes;
  for (auto& node : regions::RegionStore::FindMany(c, {wanted.begin(), wanted.end()})) {
    auto code = node.code;
    nodes.emplace(std::move(code), std::move(node));
  }
  std::map<std::string, std::string> addresses;
  for (const auto& code : codes) {
    if (code.empty() || addresses.contains(code)) continue;
    std::vector<regions::Region> path;
    for (const auto& ancestor : regions::AncestorCodes(code)) {
      if (auto it = nodes.find(ancestor); it != nodes.end()) path.push_back(it->second);
    }
    if (auto it = nodes.find(code); it != nodes.end()) path.push_back(it->second);
    addresses[code] = regions::StandardAddress(path);
  }
  return addresses;
}

}  // namespace shequ::registry
