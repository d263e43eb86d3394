#include "regions/region_code.hpp"

#include <algorithm>
#include <array>

#include "core/auth/scope.hpp"

namespace shequ::regions {
namespace {

// Significant length of a code at each level, index = level.
constexpr std::array<std::size_t, 10> kLengths = {0, 2, 4, 6, 9, 12, 15, 18, 20, 24};

bool EndsWith(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }

}  // namespace

std::optional<int> LevelOfCode(std::string_view code) {
  if (!auth::IsRegionCode(code)) return std::nullopt;
  if (code.size() == 12) {
    const auto significant = auth::SignificantPrefix(code).size();
    for (int level = 1; level <= 5; ++level) {
      if (kLengths[level] == significant) return level;
    }
    return std::nullopt;  // all zeros: the country, not a node
  }
  for (int level = 6; level <= 9; ++level) {
    if (kLengths[level] == code.size()) return level;
  }
  return std::nullopt;
}

std::string FullCode(std::string_view significant) {
  std::string code(significant);
  if (code.size() < 12) code.append(12 - code.size(), '0');
  return code;
}

std::vector<std::string> AncestorCodes(std::string_view code) {
  const auto level = LevelOfCode(code);
  std::vector<std::string> ancestors;
  if (!level) return ancestors;
  for (int l = 1; l < *level; ++l) {
    const auto prefix = code.substr(0, kLengths[l]);
    auto ancestor = l <= 5 ? FullCode(prefix) : std::string(prefix);
    // A level the tree skips (东莞市 has towns but no county) repeats the level above it.
    if (ancestor == code || (!ancestors.empty() && ancestors.back() == ancestor)) continue;
    ancestors.push_back(std::move(ancestor));
  }
  return ancestors;
}

int ChildDigits(int parent_level) {
  if (parent_level < static_cast<int>(Level::kCommunity) ||
      parent_level >= static_cast<int>(Level::kDwelling)) {
    return 0;
  }
  return static_cast<int>(kLengths[parent_level + 1] - kLengths[parent_level]);
}

std::optional<std::string> ChildCode(const Region& parent, int number) {
  const int digits = ChildDigits(parent.level);
  if (digits == 0 || number < 1) return std::nullopt;
  std::string segment = std::to_string(number);
  if (static_cast<int>(segment.size()) > digits) return std::nullopt;
  segment.insert(0, digits - segment.size(), '0');
  return parent.code + segment;
}

std::string KindFromName(int level, std::string_view name) {
  switch (static_cast<Level>(level)) {
    case Level::kProvince:
      return "province";
    case Level::kCity:
      return "city";
    case Level::kCounty:
      return "county";
    case Level::kTown:
      if (EndsWith(name, "街道") || EndsWith(name, "街道办事处")) return "subdistrict";
      if (EndsWith(name, "乡")) return "township";
      if (EndsWith(name, "镇")) return "town";
      return "town_level_other";  // 开发区, 农场, 林场 …
    case Level::kCommunity:
      if (name.find("村委会") != std::string_view::npos ||
          name.find("村民委员会") != std::string_view::npos) {
        return "villagers_committee";
      }
      if (name.find("居委会") != std::string_view::npos ||
          name.find("居民委员会") != std::string_view::npos || name.find("社区") != std::string_view::npos) {
        return "residents_committee";
      }
      if (EndsWith(name, "村")) return "villagers_committee";
      return "community_other";
    case Level::kCompound:
      return "compound";
    case Level::kBuilding:
      return "building";
    case Level::kUnit:
      return "unit";
    case Level::kDwelling:
      return "dwelling";
  }
  return "unknown";
}

std::string ShortName(int level, std::string_view name) {
  if (level != static_cast<int>(Level::kCommunity)) return std::string(name);
  // 村村委会 → 村: the committee suffix repeats the last character of the place name.
  static constexpr std::string_view kSuffixes[] = {"居民委员会", "村民委员会", "居委会", "村委会"};
  for (auto suffix : kSuffixes) {
    if (name.ends_with(suffix) && name.size() > suffix.size()) {
      std::string_view stem = name.substr(0, name.size() - suffix.size());
      if (suffix.starts_with("村") && !stem.ends_with("村")) return std::string(stem) + "村";
      return std::string(stem);
    }
  }
  return std::string(name);
}

std::string DefaultName(int level, int number) {
  switch (static_cast<Level>(level)) {
    case Level::kBuilding:
      return std::to_string(number) + "栋";
    case Level::kUnit:
      return std::to_string(number) + "单元";
    case Level::kDwelling:
      return std::to_string(number) + "室";
    default:
      return std::to_string(number) + "号";
  }
}

std::string StandardAddress(const std::vector<Region>& path) {
  std::string national;
  std::string local;
  for (const auto& node : path) {
    if (node.level <= static_cast<int>(Level::kCommunity)) {
      // Placeholders of the statistical tree are not part of an address.
      if (node.short_name == "市辖区" || node.short_name == "县" || node.short_name == "省直辖县级行政区划" ||
          node.short_name == "自治区直辖县级行政区划") {
        continue;
      }
      national += node.short_name;
    } else {
      local += (local.empty() ? "" : " ") + node.short_name;
    }
  }
  return local.empty() ? national : national + " " + local;
}

}  // namespace shequ::regions
