#include "regions/region_service.hpp"

#include "core/auth/scope.hpp"
#include "core/errors/error.hpp"
#include "regions/region_code.hpp"
#include "regions/region_store.hpp"

namespace shequ::regions {
namespace {

[[noreturn]] void Invalid(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldInvalid, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

void CheckCoordinates(const std::optional<double>& latitude, const std::optional<double>& longitude) {
  if (latitude && (*latitude < -90 || *latitude > 90)) {
    Invalid("latitude", "out_of_range", "Latitude must be within -90..90.", "纬度须在 -90 到 90 之间。");
  }
  if (longitude && (*longitude < -180 || *longitude > 180)) {
    Invalid("longitude", "out_of_range", "Longitude must be within -180..180.",
            "经度须在 -180 到 180 之间。");
  }
}

void CheckPolygon(const std::optional<std::string>& polygon) {
  if (!polygon) return;
  const auto geometry = nlohmann::json::parse(*polygon, nullptr, false);
  if (!geometry.is_object() || !geometry.contains("type") || !geometry.contains("coordinates") ||
      (geometry["type"] != "Polygon" && geometry["type"] != "MultiPolygon")) {
    Invalid("polygon", "not_geojson_polygon", "Polygon must be a GeoJSON Polygon or MultiPolygon.",
            "边界须为 GeoJSON Polygon 或 MultiPolygon。");
  }
}

void CheckName(const std::string& name) {
  if (name.empty() || name.size() > 200) {
    Invalid("name", "bad_length", "Name must have 1-200 bytes.", "名称长度须为 1-200 字节。");
  }
}

audit::AuditEntry Entry(const auth::Principal* actor, std::string action, const Region& region) {
  audit::AuditEntry entry;
  if (actor != nullptr) {
    entry = audit::AuditLog::By(*actor, std::move(action), "region", region.code);
  } else {
    entry.actor_name = "console";
    entry.action = std::move(action);
    entry.object_type = "region";
    entry.object_id = region.code;
  }
  entry.region_code = region.code;
  return entry;
}

}  // namespace

bool RegionService::Visible(const auth::Principal& actor, const Region& region) {
  return region.level <= static_cast<int>(Level::kCommunity) || actor.scope.Overlaps(region.code);
}

RegionView RegionService::ViewOf(db::Connection& c, Region node) const {
  RegionView view;
  view.ancestors = RegionStore::FindMany(c, AncestorCodes(node.code));
  auto path = view.ancestors;
  path.push_back(node);
  view.address = StandardAddress(path);
  view.child_count = RegionStore::CountChildren(c, node.code);
  view.node = std::move(node);
  return view;
}

RegionView RegionService::Get(const auth::Principal& actor, const std::string& code) const {
  return database_.Read([&](db::Connection& c) {
    auto node = RegionStore::Find(c, code);
    if (!node || !Visible(actor, *node)) throw Error(ErrorCode::kNotFound);
    return ViewOf(c, std::move(*node));
  });
}

RegionPage RegionService::Children(const auth::Principal& actor, const std::string& code, std::int64_t limit,
                                   std::int64_t offset) const {
  // Outside a transaction: the tree is read-mostly, and each statement is consistent by itself.
  return database_.Once([&](db::Connection& c) {
    auto node = RegionStore::Find(c, code);
    if (!node || !Visible(actor, *node)) throw Error(ErrorCode::kNotFound);
    // Below a community everything is private: a caller whose scope is only part of the node
    // (a grid worker's buildings) sees just the children on the way to that part.
    if (node->level >= static_cast<int>(Level::kCommunity) && !actor.scope.Contains(node->code)) {
      RegionPage page = RegionStore::Children(c, code, 100000, 0);
      std::erase_if(page.items, [&](const Region& child) { return !actor.scope.Overlaps(child.code); });
      page.total = static_cast<std::int64_t>(page.items.size());
      const auto size = static_cast<std::int64_t>(page.items.size());
      const auto begin = std::min(size, offset);
      const auto end = std::min(size, begin + limit);
      page.items = std::vector<Region>(page.items.begin() + begin, page.items.begin() + end);
      return page;
    }
    return RegionStore::Children(c, code, limit, offset);
  });
}

RegionPage RegionService::Search(const auth::Principal& actor, const std::string& text,
                                 std::optional<int> level, std::int64_t limit) const {
  if (text.empty() && !level) return Roots(actor, limit);
  if (text.size() > 100) {
    throw Error(ErrorCode::kInvalidQueryParameter, "Query parameter 'q' must have 1-100 bytes.",
                "查询参数“q”长度须为 1-100 字节。", nlohmann::json::array({{{"parameter", "q"}}}));
  }
  return database_.Read(
      [&](db::Connection& c) { return RegionStore::Search(c, actor.scope.Prefixes(), text, level, limit); });
}

RegionPage RegionService::Roots(const auth::Principal& actor, std::int64_t limit) const {
  return database_.Read([&](db::Connection& c) {
    // Nationwide: the provinces. Otherwise the nodes of the scope itself, where a tree starts.
    if (actor.scope.national()) return RegionStore::Search(c, {""}, "", 1, limit);
    RegionPage page;
    for (const auto& code : actor.scope.codes()) {
      if (auto node = RegionStore::Find(c, code)) page.items.push_back(std::move(*node));
    }
    page.total = static_cast<std::int64_t>(page.items.size());
    if (static_cast<std::int64_t>(page.items.size()) > limit)
      page.items.resize(static_cast<std::size_t>(limit));
    return page;
  });
}

Region RegionService::BuildChild(db::Connection& c, const Region& parent, const NewRegion& request) const {
  if (ChildDigits(parent.level) == 0) {
    throw Error(ErrorCode::kFieldInvalid,
                "Nodes can be added only below a community, compound, building or unit.",
                "只能在社区、小区、楼栋或单元下添加节点。",
                nlohmann::json::array({FieldDetail("parent", "not_extendable")}));
  }
  if (parent.status != "active") {
    throw Error(ErrorCode::kConflict, "The parent node is retired.", "上级节点已撤销。");
  }
  int number = 0;
  if (request.number) {
    number = *request.number;
  } else {
    const auto last = RegionStore::LastChildCode(c, parent.code);
    number = last ? std::stoi(last->substr(parent.code.size())) + 1 : 1;
  }
  const auto code = ChildCode(parent, number);
  if (!code) {
    Invalid("number", "out_of_range",
            "Number must be from 1 to " + std::string(ChildDigits(parent.level), '9') + ".",
            "编号须在 1 到 " + std::string(ChildDigits(parent.level), '9') + " 之间。");
  }
  if (RegionStore::Find(c, *code)) {
    throw Error(ErrorCode::kConflict, "A node with that number exists already.", "该编号的节点已存在。",
                nlohmann::json::array({FieldDetail("number", "taken")}));
  }
  Region child;
  child.code = *code;
  child.parent_code = parent.code;
  child.level = parent.level + 1;
  child.kind = KindFromName(child.level, "");
  if (child.level == static_cast<int>(Level::kCompound) && !request.name) {
    throw Error(ErrorCode::kFieldMissing, "A compound needs a name.", "小区须有名称。",
                nlohmann::json::array({FieldDetail("name", "missing")}));
  }
  child.name = request.name.value_or(DefaultName(child.level, number));
  CheckName(child.name);
  child.short_name = child.name;
  child.status = "active";
  child.source = "local";
  child.floor = request.floor;
  if (child.level == static_cast<int>(Level::kDwelling) && !child.floor)
    child.floor = number >= 100 ? number / 100 : 1;
  if (child.floor && (*child.floor < -10 || *child.floor > 200)) {
    Invalid("floor", "out_of_range", "Floor must be within -10..200.", "楼层须在 -10 到 200 之间。");
  }
  CheckCoordinates(request.latitude, request.longitude);
  CheckPolygon(request.polygon);
  child.latitude = request.latitude;
  child.longitude = request.longitude;
  child.polygon = request.polygon;
  child.valid_from = child.created_at = child.updated_at = clock_.NowMillis();
  return child;
}

RegionView RegionService::CreateChild(const auth::Principal& actor, const std::string& parent_code,
                                      const NewRegion& request) {
  return database_.Write([&](db::Connection& c) {
    auto parent = RegionStore::Find(c, parent_code);
    if (!parent || !Visible(actor, *parent)) throw Error(ErrorCode::kNotFound);
    if (!actor.scope.Contains(parent->code)) {
      // Visible national node outside the scope: the caller may look, not add.
      throw Error(ErrorCode::kNotFound);
    }
    const Region child = BuildChild(c, *parent, request);
    RegionStore::Insert(c, child);
    auto entry = Entry(&actor, "regions.create", child);
    entry.detail = {{"name", child.name}, {"parent", parent->code}};
    audit_.Record(c, entry);
    return ViewOf(c, child);
  });
}

std::vector<Region> RegionService::CreateChildrenAsConsole(const std::string& parent_code,
                                                           const std::vector<NewRegion>& requests) {
  return database_.Write([&](db::Connection& c) {
    auto parent = RegionStore::Find(c, parent_code);
    if (!parent) throw Error(ErrorCode::kNotFound);
    std::vector<Region> children;
    for (const auto& request : requests) {
      children.push_back(BuildChild(c, *parent, request));
      RegionStore::Insert(c, children.back());
      auto entry = Entry(nullptr, "regions.create", children.back());
      entry.detail = {{"name", children.back().name}, {"parent", parent->code}};
      audit_.Record(c, entry);
    }
    return children;
  });
}

std::vector<std::string> RegionService::CreateEstateAsConsole(const std::string& community_code,
                                                              const std::string& name, int buildings,
                                                              int units, int floors, int rooms) {
  return database_.Write([&](db::Connection& c) {
    const auto community = RegionStore::Find(c, community_code);
    if (!community) throw Error(ErrorCode::kNotFound);
    std::vector<std::string> dwellings;
    const auto add = [&](const Region& parent, NewRegion request) {
      auto child = BuildChild(c, parent, request);
      RegionStore::Insert(c, child);
      return child;
    };
    const auto compound = add(*community, NewRegion{.name = name});
    for (int b = 1; b <= buildings; ++b) {
      const auto building = add(compound, NewRegion{.number = b});
      for (int u = 1; u <= units; ++u) {
        const auto unit = add(building, NewRegion{.number = u});
        for (int f = 1; f <= floors; ++f) {
          for (int r = 1; r <= rooms; ++r)
            dwellings.push_back(add(unit, NewRegion{.number = f * 100 + r}).code);
        }
      }
    }
    auto entry = Entry(nullptr, "regions.create", compound);
    entry.detail = {{"name", name}, {"parent", community_code}, {"dwellings", dwellings.size()}};
    audit_.Record(c, entry);
    return dwellings;
  });
}

std::vector<std::string> RegionService::DwellingCodesUnder(const std::string& code) const {
  return database_.Read([&](db::Connection& c) {
    std::vector<std::string> codes;
    for (const auto& node : RegionStore::CommunityAndBelow(c, {std::string(auth::SignificantPrefix(code))})) {
      if (node.level == static_cast<int>(Level::kDwelling)) codes.push_back(node.code);
    }
    return codes;
  });
}

std::vector<std::string> RegionService::UnknownCodes(const std::vector<std::string>& codes) const {
  return database_.Read([&](db::Connection& c) {
    std::vector<std::string> unknown;
    if (RegionStore::Empty(c)) return unknown;
    for (const auto& code : codes) {
      if (!RegionStore::Find(c, code)) unknown.push_back(code);
    }
    return unknown;
  });
}

std::int64_t RegionService::TreeVersion() const {
  return database_.Once([](db::Connection& c) { return RegionStore::TreeVersion(c); });
}

RegionView RegionService::Update(const auth::Principal& actor, const std::string& code,
                                 const RegionPatch& patch) {
  return database_.Write([&](db::Connection& c) {
    auto found = RegionStore::Find(c, code);
    if (!found || !Visible(actor, *found)) throw Error(ErrorCode::kNotFound);
    Region region = *found;
    const bool national = region.level <= static_cast<int>(Level::kCommunity);
    // National nodes are the statistical tree: only their classification and display name are
    // kept locally, and only by administrators; their official name comes from the import.
    if (national && (actor.role != auth::Role::kAdmin || patch.name || patch.floor)) {
      throw Error(ErrorCode::kForbidden,
                  "National divisions change only by import; administrators may reclassify them.",
                  "国家区划只能通过导入更新；管理员可调整其类别。");
    }
    if (!national && !actor.scope.Contains(code)) throw Error(ErrorCode::kNotFound);
    nlohmann::json changes = nlohmann::json::object();
    const auto set_text = [&changes](const char* field, std::string& current,
                                     const std::optional<std::string>& next) {
      if (next && current != *next) {
        changes[field] = nlohmann::json::array({current, *next});
        current = *next;
      }
    };
    const auto set_optional = [&changes](const char* field, auto& current, const auto& next) {
      if (next && current != next) {
        changes[field] =
            nlohmann::json::array({current ? nlohmann::json(*current) : nlohmann::json(nullptr), *next});
        current = next;
      }
    };
    if (patch.name) CheckName(*patch.name);
    if (patch.short_name) CheckName(*patch.short_name);
    if (patch.kind && (patch.kind->empty() || patch.kind->size() > 40)) {
      Invalid("kind", "bad_length", "Kind must have 1-40 bytes.", "类别长度须为 1-40 字节。");
    }
    CheckCoordinates(patch.latitude, patch.longitude);
    CheckPolygon(patch.polygon);
    set_text("name", region.name, patch.name);
    if (patch.name && !patch.short_name && !national) region.short_name = region.name;
    set_text("short_name", region.short_name, patch.short_name);
    set_text("kind", region.kind, patch.kind);
    set_optional("floor", region.floor, patch.floor);
    set_optional("latitude", region.latitude, patch.latitude);
    set_optional("longitude", region.longitude, patch.longitude);
    set_optional("polygon", region.polygon, patch.polygon);
    if (!changes.empty()) {
      region.updated_at = clock_.NowMillis();
      RegionStore::Update(c, region);
      if (national) RegionStore::BumpTreeVersion(c);
      auto entry = Entry(&actor, "regions.update", region);
      entry.detail = changes;
      audit_.Record(c, entry);
    }
    return ViewOf(c, region);
  });
}

void RegionService::Delete(const auth::Principal& actor, const std::string& code) {
  database_.Write([&](db::Connection& c) {
    auto region = RegionStore::Find(c, code);
    if (!region || !Visible(actor, *region)) throw Error(ErrorCode::kNotFound);
    if (region->level <= static_cast<int>(Level::kCommunity)) {
      throw Error(ErrorCode::kForbidden, "National divisions are retired by import, never deleted.",
                  "国家区划只能通过导入撤销，不能删除。");
    }
    if (!actor.scope.Contains(code)) throw Error(ErrorCode::kNotFound);
    if (RegionStore::CountChildren(c, code) > 0) {
      throw Error(ErrorCode::kConflict, "Remove the nodes below it first.", "请先删除其下级节点。",
                  nlohmann::json::array({{{"reason", "has_children"}}}));
    }
    RegionStore::Delete(c, code);
    auto entry = Entry(&actor, "regions.delete", *region);
    entry.detail = {{"name", region->name}};
    audit_.Record(c, entry);
  });
}

}  // namespace shequ::regions
