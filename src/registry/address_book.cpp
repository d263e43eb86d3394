#include "registry/address_book.hpp"

#include <map>

#include "regions/region_store.hpp"
#include "registry/registry_context.hpp"

namespace shequ::registry {
namespace {

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    // U+3000 (ideographic space) is E3 80 80.
    if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

void AddressBook::Add(const std::string& key, const std::string& code) {
  auto [it, inserted] = by_text_.emplace(key, code);
  if (!inserted && it->second != code) it->second.clear();
}

AddressBook AddressBook::Load(db::Connection& c, const std::vector<std::string>& prefixes) {
  AddressBook book;
  const auto nodes = regions::RegionStore::CommunityAndBelow(c, prefixes);
  std::vector<std::string> communities;
  for (const auto& node : nodes) {
    if (node.level == 5) communities.push_back(node.code);
  }
  // The national part (陕西省安康市汉阴县平梁镇兴隆佳苑社区) comes from the community's standard address.
  const auto national = AddressesOf(c, communities);
  // Nodes come ordered by code, so a parent is always seen before its children.
  std::map<std::string, std::string> local;  // code → path below the community, without spaces
  std::map<std::string, std::string> community_of;
  for (const auto& node : nodes) {
    book.levels_[node.code] = node.level;
    if (node.level == 5) {
      local[node.code] = "";
      community_of[node.code] = node.code;
      book.Add(WithoutSpaces(node.short_name), node.code);
      if (auto it = national.find(node.code); it != national.end())
        book.Add(WithoutSpaces(it->second), node.code);
      continue;
    }
    const auto parent = local.find(node.parent_code);
    if (parent == local.end()) continue;  // its community lies outside the prefixes
    const auto path = parent->second + WithoutSpaces(node.short_name);
    local[node.code] = path;
    const auto community = community_of[node.parent_code];
    community_of[node.code] = community;
    book.Add(path, node.code);
    if (auto it = national.find(community); it != national.end())
      book.Add(WithoutSpaces(it->second) + path, node.code);
  }
  // Community-qualified local paths (兴隆佳苑社区3栋…): the community's short name + path.
  std::map<std::string, std::string> short_names;
  for (const auto& node : nodes) {
    if (node.level == 5) short_names[node.code] = WithoutSpaces(node.short_name);
  }
  for (const auto& [code, path] : local) {
    if (path.empty()) continue;
    book.Add(short_names[community_of[code]] + path, code);
  }
  return book;
}

AddressBook::Match AddressBook::Find(std::string_view text) const {
  const auto key = WithoutSpaces(text);
  if (levels_.contains(key)) return {key, ""};
  const auto it = by_text_.find(key);
  if (it == by_text_.end()) return {std::nullopt, "unknown_address"};
  if (it->second.empty()) return {std::nullopt, "ambiguous_address"};
  return {it->second, ""};
}

int AddressBook::LevelOf(const std::string& code) const {
  const auto it = levels_.find(code);
  return it == levels_.end() ? 0 : it->second;
}

}  // namespace shequ::registry
