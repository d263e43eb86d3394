#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shequ::regions {

// Levels of the tree. 1-5 come from the national 统计用区划代码; 6-9 are kept by communities.
enum class Level : int {
  kProvince = 1,
  kCity = 2,
  kCounty = 3,
  kTown = 4,
  kCommunity = 5,  // 社区 (居委会) or 村 (村委会)
  kCompound = 6,   // 小区
  kBuilding = 7,   // 楼栋
  kUnit = 8,       // 单元
  kDwelling = 9,   // 房屋
};

struct Region {
  std::string code;
  std::string parent_code;  // empty for a province
  int level = 0;
  std::string kind;        // province, city, county, subdistrict, town, township, residents_committee, …
  std::string name;        // official name, e.g. 兴隆佳苑社区居委会
  std::string short_name;  // name used in addresses, e.g. 兴隆佳苑社区
  std::string status = "active";  // active or retired
  std::int64_t valid_from = 0;
  std::optional<std::int64_t> valid_to;
  std::string source;  // national (imported) or local (kept by the community)
  std::optional<int> floor;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> polygon;  // GeoJSON geometry
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// A node with the path above it, root first, and its standard address.
struct RegionView {
  Region node;
  std::vector<Region> ancestors;
  std::string address;
  std::int64_t child_count = 0;
};

struct RegionPage {
  std::vector<Region> items;
  std::int64_t total = 0;
};

// A new node below a community. `number` picks the code segment (building 3 → …003); absent, the
// next free number is used. For a dwelling the number is the room number (501 → 501室, floor 5).
struct NewRegion {
  std::optional<int> number;
  std::optional<std::string> name;
  std::optional<int> floor;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> polygon;
};

struct RegionPatch {
  std::optional<std::string> name;
  std::optional<std::string> short_name;
  std::optional<std::string> kind;
  std::optional<int> floor;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> polygon;
};

}  // namespace shequ::regions
