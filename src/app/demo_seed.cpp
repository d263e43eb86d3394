#include "app/demo_seed.hpp"

#include "core/crypto/crypto.hpp"
#include "regions/region_code.hpp"
#include "regions/region_import.hpp"
#include "registry/demo_residents.hpp"
#include "registry/vocabulary.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace shequ::app {

// The demo acts as a person at the server's console: the whole country, recorded as "console".
auth::Principal ConsolePrincipal() {
  auth::Principal console;
  console.username = "console";
  console.role = auth::Role::kAdmin;
  console.scope = auth::Scope::National();
  return console;
}

namespace {

using regions::ImportRow;

using regions::NewRegion;

// The seeds' communities and the national path above each, as the 统计用区划代码 names them.
const std::vector<ImportRow>& SeedPaths() {
  static const std::vector<std::pair<std::string, std::string>> kNodes = {
      {"61", "陕西省"},
      {"6109", "安康市"},
      {"610921", "汉阴县"},
      {"610921100", "城关镇"},
      {"610921101", "涧池镇"},
      {"610921103", "平梁镇"},
      {"610921100001", "南街社区居委会"},
      {"610921100004", "新城社区居委会"},
      {"610921101002", "紫云南郡社区居委会"},
      {"610921103002", "兴隆佳苑社区居委会"},
      {"6107", "汉中市"},
      {"610702", "汉台区"},
      {"610702001", "北关街道"},
      {"610702001014", "汤房社区居民委员会"},
      {"13", "河北省"},
      {"1307", "张家口市"},
      {"130731", "涿鹿县"},
      {"130731100", "涿鹿镇"},
      {"130731100010", "西关社区居民委员会"},
      {"23", "黑龙江省"},
      {"2305", "双鸭山市"},
      {"230503", "岭东区"},
      {"230503003", "南山街道"},
      {"230503003004", "东湖社区"},
  };
  static const std::vector<ImportRow> rows = [] {
    std::vector<ImportRow> out;
    for (const auto& [digits, name] : kNodes)
      out.push_back(regions::NationalNode(regions::FullCode(digits), name));
    return out;
  }();
  return rows;
}

struct CompoundPlan {
  std::string community;
  std::string name;
  std::vector<int> units_per_building;  // one entry per building
  int floors;
  int rooms_per_floor;
};

// Plausible structure: 兴隆佳苑 is one compound of 11 buildings and 29 units (the seeds' figures);
// the others are sized like the relocation and old-town compounds of their towns.
std::vector<CompoundPlan> Plans() {
  return {
      {"610921103002", "兴隆佳苑小区", {3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2}, 6, 2},
      {"610921101002", "紫云南郡小区", {2, 2, 2, 2, 2, 2}, 11, 2},
      {"610921100001", "南街小区", {2, 2, 2}, 5, 2},
      {"610921100001", "文庙巷小区", {1, 1}, 4, 2},
      {"610921100001", "老粮站家属院", {2}, 5, 2},
      {"610921100004", "新城花园", {2, 2, 2, 2}, 7, 2},
      {"610921100004", "月河雅居", {2, 2}, 9, 2},
      {"610702001014", "汤房小区", {2, 2, 2}, 6, 2},
      {"610702001014", "汉江花园", {2, 2}, 11, 2},
      {"610702001014", "天汉名都", {2, 2, 2}, 18, 2},
      {"610702001014", "金华小区", {1, 1}, 5, 2},
      {"610702001014", "北关家属院", {2}, 5, 2},
      {"610702001014", "兴汉苑", {2, 2}, 7, 2},
      {"610702001014", "龙岗家园", {2, 2}, 6, 2},
      {"610702001014", "汤房新村", {1, 1, 1}, 3, 2},
      {"130731100010", "西关小区", {2, 2, 2}, 6, 2},
      {"130731100010", "鼓楼家园", {2, 2}, 5, 2},
      {"230503003004", "东湖小区", {2, 2, 2}, 6, 2},
      {"230503003004", "矿建家属楼", {2, 2}, 5, 2},
      {"230503003004", "湖畔嘉园", {2, 2}, 11, 2},
  };
}

std::size_t SeedStructure(regions::RegionService& service) {
  std::size_t created = 0;
  for (const auto& plan : Plans()) {
    NewRegion compound;
    compound.name = plan.name;
    const auto compound_node = service.CreateChildrenAsConsole(plan.community, {compound}).front();
    std::vector<NewRegion> buildings(plan.units_per_building.size());
    const auto building_nodes = service.CreateChildrenAsConsole(compound_node.code, buildings);
    created += 1 + building_nodes.size();
    for (std::size_t b = 0; b < building_nodes.size(); ++b) {
      const auto unit_nodes = service.CreateChildrenAsConsole(
          building_nodes[b].code,
          std::vector<NewRegion>(static_cast<std::size_t>(plan.units_per_building[b])));
      created += unit_nodes.size();
      for (const auto& unit : unit_nodes) {
        std::vector<NewRegion> dwellings;
        for (int floor = 1; floor <= plan.floors; ++floor) {
          for (int room = 1; room <= plan.rooms_per_floor; ++room) {
            NewRegion dwelling;
            dwelling.number = floor * 100 + room;
            dwellings.push_back(dwelling);
          }
        }
        created += service.CreateChildrenAsConsole(unit.code, dwellings).size();
      }
    }
  }
  return created;
}

// Plausible names for the demo's grid workers (common surnames, two-character given names).
std::string DemoName(std::size_t i) {
  static constexpr std::string_view kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄",
                                                   "赵", "吴", "周", "徐", "孙", "马", "朱",
                                                   "胡", "郭", "何", "罗", "高", "林"};
  static constexpr std::string_view kGiven[] = {"秀英", "建华", "丽娟", "志强", "玉兰", "明",
                                                "桂芳", "海燕", "国庆", "春梅", "红霞", "德胜",
                                                "小平", "晓东", "翠花", "永刚"};
  return std::string(kSurnames[i % std::size(kSurnames)]) +
         std::string(kGiven[(i * 7 + 3) % std::size(kGiven)]);
}

// 兴隆佳苑: one first-level grid (网格长), six second-level grids over its eleven buildings
// (二级网格员), and one third-level grid per unit, 29 in all (三级网格员).
void SeedGrids(Application& app) {
  const auto console = ConsolePrincipal();
  auto& grids = app.grids();
  const std::string community = "610921103002";
  const auto top =
      grids.Create(console, {.community_code = community, .name = "兴隆佳苑社区网格", .nodes = {community}});
  std::size_t person = 0;
  grids.AddMember(console, top.id, {.name = DemoName(person++), .role = "grid_leader"});
  grids.AddMember(
      console, top.id,
      {.name = DemoName(person++), .role = "paired_cadre", .organisation = "汉阴县住房和城乡建设局"});
  const auto compound = app.regions().Children(console, community, 1, 0).items.front().code;
  // 包联: the county's housing bureau pairs with the compound, two of its cadres with households.
  const std::string bureau = "汉阴县住房和城乡建设局";
  app.pairings().Assign(console, {.kind = "unit_compound", .unit_name = bureau, .region_code = compound});
  const auto buildings = app.regions().Children(console, compound, 100, 0).items;
  const std::size_t per_grid[] = {2, 2, 2, 2, 2, 1};
  std::size_t next_building = 0;
  for (std::size_t g = 0; g < std::size(per_grid); ++g) {
    std::vector<std::string> nodes;
    for (std::size_t b = 0; b < per_grid[g]; ++b) nodes.push_back(buildings[next_building++].code);
    const auto second = grids.Create(console, {.community_code = community,
                                               .parent_id = top.id,
                                               .name = "第" + std::to_string(g + 1) + "网格",
                                               .nodes = nodes});
    grids.AddMember(console, second.id, {.name = DemoName(person++), .role = "full_time"});
    for (const auto& building : nodes) {
      for (const auto& unit : app.regions().Children(console, building, 100, 0).items) {
        const auto building_name = app.regions().Get(console, building).node.name;
        const auto third = grids.Create(console, {.community_code = community,
                                                  .parent_id = second.id,
                                                  .name = building_name + unit.name,
                                                  .nodes = {unit.code}});
        grids.AddMember(console, third.id, {.name = DemoName(person++), .role = "part_time"});
        if (g == 0) {
          const auto dwelling = app.regions().Children(console, unit.code, 1, 0).items.front().code;
          app.pairings().Assign(console, {.kind = "cadre_household",
                                          .unit_name = bureau,
                                          .cadre_name = DemoName(100 + person),
                                          .region_code = dwelling});
        }
      }
    }
  }
}

// The other demo communities: a first-level grid each, and one second-level grid per compound.
void SeedSimpleGrids(Application& app) {
  const auto console = ConsolePrincipal();
  std::size_t person = 200;
  for (const auto* community :
       {"610921101002", "610921100001", "610921100004", "610702001014", "130731100010", "230503003004"}) {
    const auto top =
        app.grids().Create(console, {.community_code = community,
                                     .name = app.regions().Get(console, community).node.short_name + "网格",
                                     .nodes = {community}});
    app.grids().AddMember(console, top.id, {.name = DemoName(person++), .role = "grid_leader"});
    for (const auto& compound : app.regions().Children(console, community, 100, 0).items) {
      const auto grid = app.grids().Create(console, {.community_code = community,
                                                     .parent_id = top.id,
                                                     .name = compound.name + "网格",
                                                     .nodes = {compound.code}});
      app.grids().AddMember(console, grid.id, {.name = DemoName(person++), .role = "full_time"});
      app.grids().AddMember(console, grid.id, {.name = DemoName(person++), .role = "building_leader"});
    }
  }
}

// One account for each kind of user of 兴隆佳苑, sharing one generated password, so that a new
// user can sign in as each of them: the county, the town's command centre, the community office,
// a grid worker serving 第1网格 (their scope is that grid), two county departments that events
// are dispatched to and summoned by 吹哨, and a resident.
void SeedDemoAccounts(Application& app, std::ostream& out) {
  const auto console = ConsolePrincipal();
  const std::string community = "610921103002";
  const auto password = crypto::RandomPassword(16);
  const auto grids = app.grids().ListByCommunity(console, community);
  const auto first_grid =
      std::find_if(grids.begin(), grids.end(), [](const auto& g) { return g.name == "第1网格"; });
  struct Plan {
    const char* username;
    const char* display_name;
    const char* role;
    std::vector<std::string> scopes;
  };
  const std::vector<Plan> plans = {
      {"county", "汉阴县领导", "county", {"610921000000"}},
      {"street", "平梁镇指挥中心", "street", {"610921103000"}},
      {"community", "兴隆佳苑社区工作人员", "community", {community}},
      {"gridworker", "", "grid_worker",
       first_grid != grids.end() ? first_grid->nodes : std::vector<std::string>{community}},
      {"department", "县住建局", "department", {"610921000000"}},
      {"department2", "县综合执法局", "department", {"610921000000"}},
      {"resident", "兴隆佳苑居民", "resident", {community}},
  };
  const auto grid_worker_name = DemoName(60);
  for (const auto& plan : plans) {
    accounts::NewUser user;
    user.username = plan.username;
    user.display_name = std::string(plan.role) == "grid_worker" ? grid_worker_name : plan.display_name;
    user.role = plan.role;
    user.scopes = plan.scopes;
    user.password = password;
    const auto created = app.accounts().Create(nullptr, user);
    if (user.role == "grid_worker" && first_grid != grids.end()) {
      app.grids().AddMember(console, first_grid->id,
                            {.user_id = created.id, .name = grid_worker_name, .role = "full_time"});
    }
    out << "demo: account " << plan.username << " role " << plan.role << " (" << user.display_name << ")\n";
  }
  out << "demo: the demo accounts' password (shown once, keep it): " << password << "\n";
}

// The demo community's residents as households: the residents of one dwelling form one, the eldest
// its head, so that household pages and counts have something to show.
int FormDemoHouseholds(Application& app, const std::string& community) {
  const auto console = ConsolePrincipal();
  std::map<std::string, std::vector<registry::Person>> by_dwelling;
  constexpr std::int64_t kPage = 500;
  for (std::int64_t offset = 0;; offset += kPage) {
    auto page = app.registry().people.Search(
        console,
        {.region = community, .status = "living", .sort = "birth_date", .limit = kPage, .offset = offset});
    const auto count = static_cast<std::int64_t>(page.items.size());
    for (auto& person : page.items) by_dwelling[person.residence_code].push_back(std::move(person));
    if (count < kPage) break;
  }
  const auto year_of = [](const registry::Person& person) {
    return person.birth_date && person.birth_date->size() >= 4 ? std::stoi(person.birth_date->substr(0, 4))
                                                               : 0;
  };
  int formed = 0;
  for (const auto& [dwelling, residents] : by_dwelling) {
    const auto& head = residents.front();  // the eldest: the page is sorted by birth date
    try {
      const auto household =
          app.registry().households.Create(console, {.dwelling_code = dwelling, .head_person_id = head.id});
      bool spouse = false;
      for (std::size_t i = 1; i < residents.size(); ++i) {
        const auto& member = residents[i];
        const auto gap = year_of(member) - year_of(head);
        std::string relation = "other_relative";
        if (!spouse && gap < 15 && member.sex != head.sex) {
          relation = "spouse";
          spouse = true;
        } else if (gap >= 18) {
          relation = member.sex == "F" ? "daughter" : "son";
        }
        app.registry().households.AddMember(console, household.household.id,
                                            {.person_id = member.id, .relation = relation});
      }
      ++formed;
    } catch (const std::exception&) {
      // A resident living at the community itself rather than at a dwelling forms no household.
    }
  }
  return formed;
}

}  // namespace

int LoadDemo(Application& app, std::ostream& out) {
  regions::RegionImporter importer(app.database(), app.clock(), app.audit());
  importer.AddNational(SeedPaths(), "demo");
  bool seeded = false;
  {
    const auto console = ConsolePrincipal();
    seeded = app.regions().Children(console, "610921103002", 1, 0).total > 0;
  }
  if (!seeded) {
    out << "demo: created " << SeedStructure(app.regions())
        << " compounds, buildings, units and dwellings in 7 communities\n";
    SeedGrids(app);
    SeedSimpleGrids(app);
    out << "demo: drew the grids: 兴隆佳苑 1 first-level, 6 second-level and 29 third-level; the other six\n"
        << "demo: communities one first-level grid and one per compound, each with its workers\n";
  } else {
    out << "demo: the demo communities exist already\n";
  }

  if (app.accounts().HasAdmin()) {
    out << "demo: an administrator exists already\n";
    return 0;
  }
  accounts::NewUser admin;
  admin.username = "admin";
  admin.display_name = "系统管理员";
  admin.role = "admin";
  admin.password = crypto::RandomPassword(16);
  app.accounts().Create(nullptr, admin);
  out << "demo: created administrator 'admin'\n"
      << "demo: password (shown once, keep it): " << admin.password << "\n";
  SeedDemoAccounts(app, out);
  return 0;
}

int LoadDemoResidents(Application& app, const DemoResidents& plan, std::ostream& out) {
  if (plan.count <= 0) return 0;
  if (plan.csv_path.empty() && app.registry().people.Search(ConsolePrincipal(), {.limit = 1}).total > 0) {
    out << "demo: residents exist already\n";
    return 0;
  }
  static const char* const kCommunities[] = {"610921103002", "610921101002", "610921100001", "610921100004",
                                             "610702001014", "130731100010", "230503003004"};
  std::vector<std::string> dwellings;
  for (const auto* community : kCommunities) {
    for (auto& code : app.regions().DwellingCodesUnder(community)) dwellings.push_back(std::move(code));
  }
  // About three residents a dwelling: estates of 20 buildings × 3 units × 6 floors × 2 rooms.
  const auto wanted = static_cast<std::size_t>(plan.count / 3 + 1);
  std::size_t estate = 0;
  while (dwellings.size() < wanted) {
    const auto* community = kCommunities[estate % std::size(kCommunities)];
    const auto name = "安居苑" + std::to_string(estate / std::size(kCommunities) + 1) + "区";
    for (auto& code : app.regions().CreateEstateAsConsole(community, name, 20, 3, 6, 2))
      dwellings.push_back(std::move(code));
    ++estate;
  }
  if (estate > 0)
    out << "demo: added " << estate << " housing estates, " << dwellings.size() << " dwellings in all\n";
  registry::ResidentPlan resident_plan{.count = plan.count, .seed = plan.seed};
  if (!plan.csv_path.empty()) {
    std::ofstream csv(plan.csv_path, std::ios::binary);
    registry::WriteResidentsCsv(csv, dwellings, resident_plan, registry::ChinaToday(app.clock()));
    if (!csv) throw std::runtime_error("cannot write " + plan.csv_path);
    out << "demo: wrote " << plan.count << " residents to " << plan.csv_path << "\n";
    return 0;
  }
  const auto started = std::chrono::steady_clock::now();
  const auto written =
      registry::GenerateResidents(app.registry_context(), dwellings, resident_plan, [&](std::int64_t done) {
        if (done % 200'000 == 0) out << "demo: " << done << " residents\n";
      });
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << "demo: generated " << written << " residents in " << seconds << " s\n";
  const auto households = FormDemoHouseholds(app, "610921103002");
  out << "demo: formed " << households << " households in 兴隆佳苑社区\n";
  return 0;
}

}  // namespace shequ::app
