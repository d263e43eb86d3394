// Imports of households, housing and vehicles, and exports of the four ledgers. Each import reads
// the whole file, checks every row with the service's own field rules and the database (places in
// the importer's scope, people by the blind index of their ID number, duplicates in the file and
// against the registry), and only then writes every row in one transaction through the service's
// insert, which keeps the history and the audit log as a single create does.
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "core/errors/error.hpp"
#include "registry/address_book.hpp"
#include "registry/field_checks.hpp"
#include "registry/household_service.hpp"
#include "registry/household_store.hpp"
#include "registry/housing_service.hpp"
#include "registry/housing_store.hpp"
#include "registry/import_table.hpp"
#include "registry/org_unit_service.hpp"
#include "registry/person_service.hpp"
#include "registry/person_store.hpp"
#include "registry/registry_transfer.hpp"
#include "registry/vehicle_service.hpp"
#include "registry/vehicle_store.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {

const std::vector<ImportColumn>& HouseholdImportColumns() {
  static const std::vector<ImportColumn> kColumns = {
      {"number", {"户号"}, false, "户口簿上的户号；每行一名成员时必填，同一户号的各行为一户"},
      {"kind", {"户别", "户类型", "户口类别", "户类别"}, false, "家庭户 / 集体户，默认家庭户"},
      {"dwelling_address",
       {"住址", "地址", "房屋地址", "现住址", "居住地址"},
       false,
       "如 兴隆佳苑小区 3栋 2单元 501室；与“房屋编码”二选一，须为具体房屋"},
      {"dwelling_code", {"房屋编码", "住址编码", "地址编码"}, false, "房屋（室）的节点编码"},
      {"member_name", {"成员姓名", "姓名"}, false, "可不填；填写时须与登记的姓名一致"},
      {"member_id_number",
       {"成员公民身份号码", "公民身份号码", "身份证号", "身份证号码", "成员身份证号", "成员身份证号码"},
       false,
       "每行一名成员时必填：已登记、在册、尚未入户的人员"},
      {"relation",
       {"与户主关系", "关系", "家庭关系"},
       false,
       "户主、配偶、子、女、父亲、母亲、孙子女 …；每户须有且只有一名户主"},
      {"joined_on", {"入户日期"}, false, "YYYY-MM-DD，默认今天"},
      {"note", {"备注"}, false, "自由填写"},
      {"head_id_number",
       {"户主公民身份号码", "户主身份证号", "户主身份证号码"},
       false,
       "一户一行时填写户主（已登记、在册、尚未入户的人员）；每行一名成员时可不填，填写时须与户主一致",
       false},
      {"head_name", {"户主姓名"}, false, "可不填；填写时须与登记的姓名一致", false},
  };
  return kColumns;
}

const std::vector<ImportColumn>& HousingImportColumns() {
  static const std::vector<ImportColumn> kColumns = {
      {"dwelling_code", {"房屋编码", "编码", "地址编码"}, false, "房屋（室）的节点编码；与“地址”二选一"},
      {"dwelling_address",
       {"地址", "房屋地址", "住址", "坐落", "房屋坐落"},
       false,
       "如 兴隆佳苑小区 3栋 2单元 501室，须为具体房屋"},
      {"area_m2",
       {"建筑面积", "面积", "建筑面积（㎡）", "建筑面积(㎡)", "建筑面积（平方米）", "建筑面积(平方米)"},
       false,
       "平方米，如 89.5"},
      {"use", {"用途", "房屋用途", "规划用途"}, false, "住宅、商业、商住两用、办公、工业、其他；默认住宅"},
      {"ownership",
       {"产权性质", "产权类型", "产权类别"},
       true,
       "私有、产权共有、公共租赁住房、公有、集体所有、其他"},
      {"occupancy",
       {"使用状态", "使用状况", "使用情况", "居住状态"},
       true,
       "自住、出租、借住、空置、经营、其他"},
      {"certificate_number", {"不动产权证号", "不动产权证书号", "产权证号", "房产证号"}, false, "自由填写"},
      {"note", {"备注"}, false, "自由填写"},
  };
  return kColumns;
}

const std::vector<ImportColumn>& VehicleImportColumns() {
  static const std::vector<ImportColumn> kColumns = {
      {"plate", {"号牌号码", "车牌号", "车牌号码", "号牌", "车牌"}, true, "如 陕G12345、陕GD12345"},
      {"vehicle_type",
       {"车辆类型", "车型"},
       false,
       "小型汽车、大型汽车、摩托车、电动自行车、挂车、其他；默认小型汽车"},
      {"brand", {"品牌", "品牌型号", "厂牌型号"}, false, "自由填写"},
      {"color", {"颜色", "车身颜色"}, false, "自由填写"},
      {"owner_id_number",
       {"车主公民身份号码", "车主身份证号", "车主身份证号码"},
       false,
       "已登记的人员；与“车主姓名”至少填一项"},
      {"owner_name",
       {"车主姓名", "车主", "所有人"},
       false,
       "未登记的车主填姓名；同时填身份证号时须与登记的姓名一致"},
      {"region_address",
       {"停放地址", "停放地", "停放位置", "地址"},
       true,
       "社区、小区、楼栋或房屋，如 兴隆佳苑小区；与“停放地编码”二选一"},
      {"region_code", {"停放地编码", "停放地址编码", "地址编码"}, false, "节点编码"},
      {"permit_number", {"停车证号", "停车证编号"}, false, "自由填写"},
      {"permit_valid_until", {"停车证有效期", "停车证有效期至", "有效期至"}, false, "YYYY-MM-DD"},
  };
  return kColumns;
}

namespace {

constexpr int kDwellingLevel = 9;

// The two columns a place may come in: a code, or an address resolved in the importer's scope.
struct PlaceColumns {
  std::string_view code;
  std::string_view address;
};

// The faults of one row, each under the header the file gives its field.
class RowFaults {
 public:
  RowFaults(ImportErrors& errors, const ImportTable& table, const std::vector<ImportColumn>& columns,
            int line)
      : errors_(errors), table_(table), columns_(columns), line_(line) {}

  void Add(std::string_view field, std::string code, std::string en, std::string zh) {
    errors_.Add({line_, HeaderFor(field), std::string(field), std::move(code), std::move(en), std::move(zh)});
  }
  // A service's field problems; `skip` is a field the importer checks itself.
  void AddAll(const Problems& problems, std::string_view skip = {}) {
    for (const auto& p : problems.items()) {
      if (p.field != skip) Add(p.field, p.code, p.message, p.message_zh);
    }
  }
  int line() const { return line_; }

 private:
  // The file's header of `field`, else of the column standing in for it (an address for a code),
  // else the template's header.
  std::string HeaderFor(std::string_view field) const {
    if (table_.Has(field)) return table_.HeaderOf(field);
    static const std::map<std::string_view, std::vector<std::string_view>> kStandIns = {
        {"dwelling_code", {"dwelling_address"}}, {"dwelling_address", {"dwelling_code"}},
        {"region_code", {"region_address"}},     {"region_address", {"region_code"}},
        {"owner_name", {"owner_id_number"}},     {"owner_person_id", {"owner_id_number"}},
    };
    if (const auto it = kStandIns.find(field); it != kStandIns.end()) {
      for (const auto other : it->second) {
        if (table_.Has(other)) return table_.HeaderOf(other);
      }
    }
    for (const auto& column : columns_) {
      if (column.field == field) return std::string(column.headers.front());
    }
    return std::string(field);
  }

  ImportErrors& errors_;
  const ImportTable& table_;
  const std::vector<ImportColumn>& columns_;
  int line_;
};

// An empty cell of a closed list is a value not given: the default, or "required" by the rules.
std::optional<std::string> Given(std::optional<std::string> cell) {
  if (cell && cell->empty()) return std::nullopt;
  return cell;
}

// The node a row names, and the column it was read from (for its faults).
struct Place {
  std::optional<std::string> code;
  std::string_view field;
  bool given = false;  // the row names a place, resolved or not
};

// Unknown addresses are not echoed: the answer says nothing of other areas.
Place ResolvePlace(const AddressBook& book, const ImportTable& table, const tabular::TableRow& row,
                   PlaceColumns columns, RowFaults& faults, bool required) {
  const auto code_text = table.Cell(row, columns.code).value_or("");
  const auto address_text = table.Cell(row, columns.address).value_or("");
  const auto& where = code_text.empty() ? address_text : code_text;
  Place place{std::nullopt, code_text.empty() ? columns.address : columns.code, !where.empty()};
  if (where.empty()) {
    if (required)
      faults.Add(place.field, "required", "Give the address or its code.", "请填写地址或地址编码。");
    return place;
  }
  const auto match = book.Find(where);
  if (match.code) {
    place.code = match.code;
  } else if (match.problem == "ambiguous_address") {
    faults.Add(place.field, "ambiguous_address",
               "The address names several places; give more of it or the code.",
               "地址“" + where + "”对应多处，请写全或填写编码。");
  } else {
    faults.Add(place.field, "unknown_address", "No such address in your area.", "您的管辖范围内没有该地址。");
  }
  return place;
}

bool IsDwelling(const AddressBook& book, const std::string& code, std::string_view field, RowFaults& faults) {
  if (book.LevelOf(code) == kDwellingLevel) return true;
  faults.Add(field, "wrong_level", "Give a dwelling (a room of a unit), not a larger area.",
             "须为具体房屋（室），不能是小区、楼栋或单元。");
  return false;
}

// A person named in a row by ID number: the number checked as people's are, then found by its
// blind index. Anyone the importer may not see is "unknown_person", whether registered or not.
struct NamedPerson {
  std::string id_number;  // normalised; empty when the cell is empty or invalid
  std::optional<Person> person;
};

NamedPerson FindNamedPerson(db::Connection& c, const RegistryContext& context, const auth::Principal& actor,
                            const std::string& text, const std::string& today, std::string_view field,
                            RowFaults& faults) {
  NamedPerson named;
  if (text.empty()) return named;
  PersonFields raw;
  raw.id_number = text;
  Problems problems;
  const auto checked = CheckPersonFields(raw, today, false, problems);
  for (const auto& p : problems.items()) faults.Add(field, p.code, p.message, p.message_zh);
  if (!problems.empty() || !checked.id_number) return named;
  named.id_number = *checked.id_number;
  if (const auto id =
          PersonStore::FindIdByIdNumberIndex(c, context.vault.Index(named.id_number, kIdNumberContext))) {
    named.person = PersonStore::Find(c, *id);
  }
  if (named.person && !VisibleTo(actor.scope, *named.person)) named.person.reset();
  return named;
}

// A name given beside an ID number must be the registered one: it catches a mistyped number.
void CheckSameName(const Person& person, const std::optional<std::string>& name, std::string_view field,
                   RowFaults& faults) {
  if (name && !name->empty() && Trim(*name) != person.name) {
    faults.Add(field, "name_mismatch", "The name differs from the registered person's with this ID number.",
               "姓名与该公民身份号码登记的姓名不一致。");
  }
}

// "与第 N 行重复" for a value seen on an earlier line of the file.
void DuplicateInFile(RowFaults& faults, std::string_view field, int first_line, std::string_view what_zh) {
  faults.Add(field, "duplicate_in_file", "The same value is on line " + std::to_string(first_line) + ".",
             "与第 " + std::to_string(first_line) + " 行的" + std::string(what_zh) + "重复。");
}

std::optional<double> ParseArea(std::string text, RowFaults& faults) {
  for (std::string_view unit : {"平方米", "㎡", "m²", "m2", "M2"}) {
    if (text.size() > unit.size() && text.ends_with(unit)) {
      text = Trim(std::string_view(text).substr(0, text.size() - unit.size()));
      break;
    }
  }
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    faults.Add("area_m2", "not_a_number", "Give the floor area as a number of m².",
               "建筑面积应为数字（平方米）。");
    return std::nullopt;
  }
  return value;
}

// One household as checked, ready to insert.
struct CheckedHousehold {
  int line = 0;
  HouseholdFields fields;
  std::vector<NewHouseholdMember> members;
};

// A household value in the member layout: the first row that gives it decides; a later row giving
// another is a fault.
struct SharedValue {
  std::optional<std::string> value;
  int line = 0;
  void Take(const std::optional<std::string>& given, std::string_view field, std::string_view what_zh,
            RowFaults& faults) {
    if (!given || given->empty()) return;
    if (!value) {
      value = given;
      line = faults.line();
    } else if (*value != *given) {
      faults.Add(field, "differs_in_household",
                 "Another row of this household (line " + std::to_string(line) + ") gives another value.",
                 "与同户第 " + std::to_string(line) + " 行填写的" + std::string(what_zh) + "不一致。");
    }
  }
};

void RecordImport(const RegistryContext& context, db::Connection& c, const auth::Principal& actor,
                  std::string_view object_type, nlohmann::json detail) {
  auto entry = audit::AuditLog::By(actor, "registry.import", std::string(object_type), "");
  entry.detail = std::move(detail);
  context.audit.Record(c, entry);
}

}  // namespace

ImportReport RegistryTransfer::ImportHouseholds(const auth::Principal& actor, std::string_view bytes,
                                                const ImportOptions& options) {
  const auto file = ReadImportTable(bytes, options.format);
  ImportReport report;
  const auto& columns = HouseholdImportColumns();
  const ImportTable table(file, columns, options, report);
  // One row per member when the file says who each row is and how they relate to the head.
  const bool by_member = table.Has("relation") || table.Has("member_id_number");
  if (by_member) {
    table.Require({"number"}, "户号");
    table.Require({"member_id_number"}, "成员公民身份号码");
    table.Require({"relation"}, "与户主关系");
  }
  table.Require({"dwelling_code", "dwelling_address"}, "住址”或“房屋编码");
  const PlaceColumns place{"dwelling_code", "dwelling_address"};
  const auto today = ChinaToday(context_.clock);
  ImportErrors errors;
  std::vector<CheckedHousehold> checked;

  context_.database.Read([&](db::Connection& c) {
    const auto book = AddressBook::Load(c, actor.scope.Prefixes());
    std::map<std::string, int> first_line_of_person;  // normalised ID number → line
    std::map<std::string, int> first_line_of_number;
    const auto person_once = [&](const NamedPerson& named, std::string_view field, RowFaults& faults) {
      if (named.id_number.empty()) return;
      const auto [it, fresh] = first_line_of_person.emplace(named.id_number, faults.line());
      if (!fresh) DuplicateInFile(faults, field, it->second, "公民身份号码");
    };
    // A person who may join a new household, as the service decides.
    const auto may_join = [&](const NamedPerson& named, std::string_view field, RowFaults& faults) {
      if (named.id_number.empty()) return false;
      if (const auto problem = JoiningProblem(c, actor, named.person, field, 0)) {
        faults.Add(field, problem->code, problem->message, problem->message_zh);
        return false;
      }
      return true;
    };
    const auto joined_on = [&](const tabular::TableRow& row, RowFaults& faults, const Person* person) {
      std::optional<std::string> date;
      if (const auto text = table.Cell(row, "joined_on"); text && !text->empty()) {
        Problems problems;
        CheckDate(NormaliseImportDate(*text), "joined_on", problems, date, today);
        faults.AddAll(problems);
      }
      if (person && person->birth_date && date && *date < *person->birth_date) {
        faults.Add("joined_on", "before_birth", "The date is before the person's birth.",
                   "日期早于出生日期。");
      }
      return date;
    };

    if (!by_member) {
      for (const auto& row : file.rows) {
        RowFaults faults(errors, table, columns, row.line);
        HouseholdFields raw;
        raw.number = table.Cell(row, "number");
        raw.kind = Given(table.Cell(row, "kind"));
        raw.note = table.Cell(row, "note");
        const auto dwelling = ResolvePlace(book, table, row, place, faults, true);
        raw.dwelling_code = dwelling.code;
        if (dwelling.code) IsDwelling(book, *dwelling.code, dwelling.field, faults);
        Problems problems;
        auto fields = CheckHouseholdFields(raw, today, true, problems);
        faults.AddAll(problems, "dwelling_code");
        CheckedHousehold household{row.line, std::move(fields), {}};
        const auto head = FindNamedPerson(c, context_, actor, table.Cell(row, "head_id_number").value_or(""),
                                          today, "head_id_number", faults);
        person_once(head, "head_id_number", faults);
        const auto date = joined_on(row, faults, head.person ? &*head.person : nullptr);
        if (may_join(head, "head_id_number", faults)) {
          CheckSameName(*head.person, table.Cell(row, "head_name"), "head_name", faults);
          household.members.push_back({.person_id = head.person->id, .relation = "head", .joined_on = date});
        }
        if (const auto& number = household.fields.number; number && !number->empty()) {
          const auto [it, fresh] = first_line_of_number.emplace(*number, row.line);
          if (!fresh) DuplicateInFile(faults, "number", it->second, "户号");
        }
        checked.push_back(std::move(household));
      }
    } else {
      // Rows of one 户号 form one household, in the order the numbers first appear.
      struct Group {
        int first_line = 0;
        SharedValue kind, note, dwelling;
        bool place_given = false;  // a row names a place; its faults are reported there
        std::optional<NewHouseholdMember> head;
        int head_line = 0;
        std::string head_id_number;
        std::vector<std::pair<int, std::string>> stated_heads;  // line, 户主公民身份号码 given
        std::vector<NewHouseholdMember> members;
      };
      std::vector<std::string> order;
      std::map<std::string, Group> groups;
      for (const auto& row : file.rows) {
        RowFaults faults(errors, table, columns, row.line);
        const auto number = Trim(table.Cell(row, "number").value_or(""));
        if (number.empty()) {
          faults.Add("number", "required", "Give the household number: its rows form one household.",
                     "请填写户号，同一户号的各行为一户。");
        }
        // A row without a number is checked all the same but joins no household.
        Group orphan;
        auto& group = number.empty() ? orphan : groups[number];
        if (!number.empty() && group.first_line == 0) {
          order.push_back(number);
          group.first_line = row.line;
        }
        group.kind.Take(table.Cell(row, "kind"), "kind", "户别", faults);
        group.note.Take(table.Cell(row, "note"), "note", "备注", faults);
        const auto dwelling = ResolvePlace(book, table, row, place, faults, false);
        group.place_given = group.place_given || dwelling.given;
        if (dwelling.code && IsDwelling(book, *dwelling.code, dwelling.field, faults)) {
          group.dwelling.Take(dwelling.code, dwelling.field, "住址", faults);
        }
        std::optional<std::string> relation;
        if (const auto text = table.Cell(row, "relation"); text && !text->empty()) {
          Problems problems;
          CheckTerm(text, HouseholdRelations(), problems, relation, "relation");
          faults.AddAll(problems);
        } else {
          faults.Add("relation", "required", "Give the relation to the head (户主 for the head).",
                     "请填写与户主关系（户主本人填“户主”）。");
        }
        const auto member_text = table.Cell(row, "member_id_number").value_or("");
        if (member_text.empty()) {
          faults.Add("member_id_number", "required", "Give the member's ID number.",
                     "请填写成员的公民身份号码。");
        }
        const auto member =
            FindNamedPerson(c, context_, actor, member_text, today, "member_id_number", faults);
        person_once(member, "member_id_number", faults);
        const auto date = joined_on(row, faults, member.person ? &*member.person : nullptr);
        const bool joins = may_join(member, "member_id_number", faults);
        if (joins) CheckSameName(*member.person, table.Cell(row, "member_name"), "member_name", faults);
        if (relation == "head") {
          if (group.head_line != 0) {
            faults.Add("relation", "head_exists",
                       "Line " + std::to_string(group.head_line) + " is the head of this household already.",
                       "同户第 " + std::to_string(group.head_line) + " 行已是户主，每户只能有一名户主。");
          } else {
            group.head_line = row.line;
            group.head_id_number = member.id_number;
          }
        }
        if (const auto stated = table.Cell(row, "head_id_number"); stated && !stated->empty()) {
          const auto head = FindNamedPerson(c, context_, actor, *stated, today, "head_id_number", faults);
          if (!head.id_number.empty()) group.stated_heads.emplace_back(row.line, head.id_number);
        }
        if (joins && relation) {
          NewHouseholdMember joining{
              .person_id = member.person->id, .relation = *relation, .joined_on = date};
          if (*relation == "head" && group.head_line == row.line) {
            group.head = joining;
          } else {
            group.members.push_back(joining);
          }
        }
      }
      for (const auto& number : order) {
        auto& group = groups[number];
        RowFaults faults(errors, table, columns, group.first_line);
        if (group.head_line == 0) {
          faults.Add("relation", "head_required",
                     "The household " + number + " has no row whose relation is 户主.",
                     "户号 " + number + " 没有“户主”行，每户须有一名户主。");
        }
        for (const auto& [line, stated] : group.stated_heads) {
          if (group.head_line != 0 && !group.head_id_number.empty() && stated != group.head_id_number) {
            RowFaults row_faults(errors, table, columns, line);
            row_faults.Add("head_id_number", "head_mismatch",
                           "The head's ID number differs from the row whose relation is 户主.",
                           "户主公民身份号码与本户“户主”行的成员不一致。");
          }
        }
        if (!group.place_given) {
          faults.Add("dwelling_code", "required", "Give the household's dwelling on one of its rows.",
                     "请在本户任一行填写住址或房屋编码。");
        }
        HouseholdFields raw;
        raw.number = number;
        raw.kind = group.kind.value;
        raw.note = group.note.value;
        raw.dwelling_code = group.dwelling.value;
        Problems problems;
        auto fields = CheckHouseholdFields(raw, today, true, problems);
        // A household value's fault belongs to the row that gave it.
        for (const auto& p : problems.items()) {
          if (p.field == "dwelling_code") continue;
          const int line = p.field == "kind" ? group.kind.line : p.field == "note" ? group.note.line : 0;
          RowFaults at(errors, table, columns, line != 0 ? line : group.first_line);
          at.Add(p.field, p.code, p.message, p.message_zh);
        }
        CheckedHousehold household{group.first_line, std::move(fields), {}};
        if (group.head) household.members.push_back(*group.head);
        for (auto& member : group.members) household.members.push_back(std::move(member));
        checked.push_back(std::move(household));
      }
    }

    // Household numbers held in the importer's area already, a whole file at a time.
    std::vector<std::string> numbers;
    for (const auto& household : checked) {
      if (household.fields.number && !household.fields.number->empty())
        numbers.push_back(*household.fields.number);
    }
    const auto existing = HouseholdStore::ExistingNumbers(c, actor.scope.Prefixes(), numbers);
    for (const auto& household : checked) {
      if (household.fields.number && existing.contains(*household.fields.number)) {
        RowFaults faults(errors, table, columns, household.line);
        faults.Add("number", "already_registered", "A household with this number is registered already.",
                   "该户号已登记。");
      }
    }
  });
  if (!errors.empty()) errors.Throw();
  if (options.dry_run) return report;

  context_.database.Write([&](db::Connection& c) {
    for (const auto& household : checked) {
      HouseholdService::InsertChecked(c, context_, actor, household.fields, household.members);
      ++report.imported;
      report.members += static_cast<std::int64_t>(household.members.size());
    }
    RecordImport(context_, c, actor, "households",
                 {{"rows", report.rows}, {"households", report.imported}, {"members", report.members}});
  });
  return report;
}

ImportReport RegistryTransfer::ImportHousing(const auth::Principal& actor, std::string_view bytes,
                                             const ImportOptions& options) {
  const auto file = ReadImportTable(bytes, options.format);
  ImportReport report;
  const auto& columns = HousingImportColumns();
  const ImportTable table(file, columns, options, report);
  table.Require({"dwelling_code", "dwelling_address"}, "房屋编码”或“地址");
  table.Require({"ownership"}, "产权性质");
  table.Require({"occupancy"}, "使用状态");
  ImportErrors errors;
  std::vector<HousingFields> checked;

  context_.database.Read([&](db::Connection& c) {
    const auto book = AddressBook::Load(c, actor.scope.Prefixes());
    std::map<std::string, int> first_line_of_dwelling;
    for (const auto& row : file.rows) {
      RowFaults faults(errors, table, columns, row.line);
      HousingFields raw;
      const auto dwelling =
          ResolvePlace(book, table, row, {"dwelling_code", "dwelling_address"}, faults, true);
      raw.dwelling_code = dwelling.code;
      if (const auto area = table.Cell(row, "area_m2"); area && !area->empty())
        raw.area_m2 = ParseArea(*area, faults);
      raw.use = Given(table.Cell(row, "use"));
      raw.ownership = Given(table.Cell(row, "ownership"));
      raw.occupancy = Given(table.Cell(row, "occupancy"));
      raw.certificate_number = table.Cell(row, "certificate_number");
      raw.note = table.Cell(row, "note");
      Problems problems;
      auto fields = CheckHousingFields(raw, true, problems);
      faults.AddAll(problems, "dwelling_code");
      if (dwelling.code && IsDwelling(book, *dwelling.code, dwelling.field, faults)) {
        const auto [it, fresh] = first_line_of_dwelling.emplace(*dwelling.code, row.line);
        if (!fresh) {
          DuplicateInFile(faults, dwelling.field, it->second, "房屋");
        } else if (HousingStore::Find(c, *dwelling.code)) {
          faults.Add(dwelling.field, "already_recorded", "The dwelling has a housing record already.",
                     "该房屋已有房屋信息，请在系统中修改原记录。");
        }
      }
      checked.push_back(std::move(fields));
    }
  });
  if (!errors.empty()) errors.Throw();
  if (options.dry_run) return report;

  context_.database.Write([&](db::Connection& c) {
    for (const auto& fields : checked) {
      HousingService::InsertChecked(c, context_, actor, fields);
      ++report.imported;
    }
    RecordImport(context_, c, actor, "housing", {{"rows", report.imported}});
  });
  return report;
}

ImportReport RegistryTransfer::ImportVehicles(const auth::Principal& actor, std::string_view bytes,
                                              const ImportOptions& options) {
  const auto file = ReadImportTable(bytes, options.format);
  ImportReport report;
  const auto& columns = VehicleImportColumns();
  const ImportTable table(file, columns, options, report);
  table.Require({"plate"}, "号牌号码");
  table.Require({"owner_id_number", "owner_name"}, "车主公民身份号码”或“车主姓名");
  table.Require({"region_code", "region_address"}, "停放地址”或“停放地编码");
  const auto today = ChinaToday(context_.clock);
  ImportErrors errors;
  std::vector<VehicleFields> checked;
  std::vector<int> lines;

  context_.database.Read([&](db::Connection& c) {
    const auto book = AddressBook::Load(c, actor.scope.Prefixes());
    std::map<std::string, int> first_line_of_plate;
    for (const auto& row : file.rows) {
      RowFaults faults(errors, table, columns, row.line);
      VehicleFields raw;
      raw.plate = table.Cell(row, "plate");
      raw.vehicle_type = Given(table.Cell(row, "vehicle_type"));
      raw.brand = table.Cell(row, "brand");
      raw.color = table.Cell(row, "color");
      // The owner: a registered person by ID number (the name then only cross-checks), or a name.
      const auto owner_text = table.Cell(row, "owner_id_number").value_or("");
      if (!owner_text.empty()) {
        const auto owner = FindNamedPerson(c, context_, actor, owner_text, today, "owner_id_number", faults);
        if (owner.person) {
          raw.owner_person_id = owner.person->id;
          CheckSameName(*owner.person, table.Cell(row, "owner_name"), "owner_name", faults);
        } else {
          if (!owner.id_number.empty()) {
            faults.Add("owner_id_number", "unknown_person", "No such person in your area.",
                       "您的管辖范围内没有此人。");
          }
          raw.owner_person_id = 0;  // the owner's fault is reported; "required" would repeat it
        }
      } else {
        raw.owner_name = table.Cell(row, "owner_name");
      }
      raw.region_code = ResolvePlace(book, table, row, {"region_code", "region_address"}, faults, true).code;
      raw.permit_number = table.Cell(row, "permit_number");
      if (const auto until = table.Cell(row, "permit_valid_until"); until && !until->empty())
        raw.permit_valid_until = NormaliseImportDate(*until);
      Problems problems;
      auto fields = CheckVehicleFields(raw, true, problems);
      faults.AddAll(problems, "region_code");
      if (fields.plate) {
        const auto [it, fresh] = first_line_of_plate.emplace(*fields.plate, row.line);
        if (!fresh) DuplicateInFile(faults, "plate", it->second, "号牌号码");
      }
      checked.push_back(std::move(fields));
      lines.push_back(row.line);
    }
    // Plates registered already, anywhere: a plate is registered once.
    std::vector<std::string> plates;
    for (const auto& fields : checked) {
      if (fields.plate) plates.push_back(*fields.plate);
    }
    const auto existing = VehicleStore::ExistingPlates(c, plates);
    for (std::size_t i = 0; i < checked.size(); ++i) {
      if (checked[i].plate && existing.contains(*checked[i].plate)) {
        RowFaults faults(errors, table, columns, lines[i]);
        faults.Add("plate", "already_registered", "A vehicle with this plate is registered already.",
                   "该号牌的车辆已登记。");
      }
    }
  });
  if (!errors.empty()) errors.Throw();
  if (options.dry_run) return report;

  context_.database.Write([&](db::Connection& c) {
    for (const auto& fields : checked) {
      VehicleService::InsertChecked(c, context_, actor, fields);
      ++report.imported;
    }
    RecordImport(context_, c, actor, "vehicles", {{"rows", report.imported}});
  });
  return report;
}

std::string RegistryTransfer::HouseholdsTemplate() const {
  return ImportTemplate(
      "户信息", HouseholdImportColumns(),
      {{"0001", "家庭户", "兴隆佳苑小区 3栋 2单元 501室", "", "张三", "11010519491231002X", "户主", "", ""},
       {"0001", "", "", "", "李四", "440524188001010014", "配偶", "", ""}},
      {"每行一名成员：同一户号的各行为一户，户别、住址、备注填在其中任一行即可。",
       "也可一户一行：填写户号、户别、住址和“户主公民身份号码”，不填成员列。",
       "成员和户主须已在人口信息中登记（可先导入人口）。"});
}

std::string RegistryTransfer::HousingTemplate() const {
  return ImportTemplate("房屋信息", HousingImportColumns(),
                        {{"", "兴隆佳苑小区 3栋 2单元 501室", "89.5", "住宅", "私有", "自住",
                          "陕(2020)汉阴县不动产权第0001234号", ""}},
                        {"已有房屋信息的房屋不能重复导入，请在系统中修改。"});
}

std::string RegistryTransfer::VehiclesTemplate() const {
  return ImportTemplate("车辆信息", VehicleImportColumns(),
                        {{"陕G12345", "小型汽车", "大众", "白", "11010519491231002X", "张三", "兴隆佳苑小区",
                          "", "P-0001", "2026-12-31"}},
                        {"号牌号码不能与已登记的车辆重复。"});
}

namespace {

std::string Number(const std::optional<double>& value) { return value ? fmt::format("{}", *value) : ""; }

std::string_view PlateKindLabel(std::string_view kind) {
  if (kind == "ordinary") return "普通号牌";
  if (kind == "new_energy_small") return "小型新能源";
  if (kind == "new_energy_large") return "大型新能源";
  if (kind == "special") return "专用号牌";
  return kind;
}

}  // namespace

ExportFile RegistryTransfer::ExportHouseholds(const auth::Principal& actor,
                                              const HouseholdService& households, const HouseholdQuery& query,
                                              std::string_view format) const {
  CheckExportFormat(format);
  const std::vector<std::string> header = {
      "户号", "户别", "住址", "房屋编码", "户主姓名", "户主公民身份号码", "现有人数", "备注"};
  std::vector<std::vector<std::string>> rows;
  households.ForEach(actor, query, [&](const HouseholdRow& row, const std::string& address) {
    const auto& h = row.household;
    rows.push_back({h.number, std::string(HouseholdKinds().Label(h.kind)), address, h.dwelling_code,
                    row.head_name, row.head_id_number_mask, std::to_string(row.member_count), h.note});
  });
  auto file = MakeExportFile(format, "households", "户信息", header, rows);
  auto entry = audit::AuditLog::By(actor, "registry.export", "households", "");
  entry.detail = {{"rows", file.rows}, {"format", format}, {"region", query.region}, {"kind", query.kind}};
  context_.audit.RecordNow(entry);
  return file;
}

ExportFile RegistryTransfer::ExportHousing(const auth::Principal& actor, const HousingService& housing,
                                           const HousingQuery& query, std::string_view format) const {
  CheckExportFormat(format);
  const std::vector<std::string> header = {"房屋编码", "地址",     "建筑面积（㎡）", "用途",
                                           "产权性质", "使用状态", "不动产权证号",   "备注"};
  std::vector<std::vector<std::string>> rows;
  housing.ForEach(actor, query, [&](const Housing& h, const std::string& address) {
    rows.push_back({h.dwelling_code, address, Number(h.area_m2), std::string(HousingUses().Label(h.use)),
                    std::string(HousingOwnerships().Label(h.ownership)),
                    std::string(HousingOccupancies().Label(h.occupancy)), h.certificate_number, h.note});
  });
  auto file = MakeExportFile(format, "housing", "房屋信息", header, rows);
  auto entry = audit::AuditLog::By(actor, "registry.export", "housing", "");
  entry.detail = {{"rows", file.rows},
                  {"format", format},
                  {"region", query.region},
                  {"use", query.use},
                  {"ownership", query.ownership},
                  {"occupancy", query.occupancy}};
  context_.audit.RecordNow(entry);
  return file;
}

ExportFile RegistryTransfer::ExportVehicles(const auth::Principal& actor, const VehicleService& vehicles,
                                            const VehicleQuery& query, std::string_view format) const {
  CheckExportFormat(format);
  const std::vector<std::string> header = {"号牌号码", "号牌种类", "车辆类型",   "品牌",     "颜色",
                                           "车主姓名", "停放地址", "停放地编码", "停车证号", "停车证有效期"};
  std::vector<std::vector<std::string>> rows;
  vehicles.ForEach(actor, query, [&](const Vehicle& v, const std::string& address) {
    rows.push_back({v.plate, std::string(PlateKindLabel(v.plate_kind)),
                    std::string(VehicleTypes().Label(v.vehicle_type)), v.brand, v.color, v.owner_name,
                    address, v.region_code, v.permit_number, v.permit_valid_until.value_or("")});
  });
  auto file = MakeExportFile(format, "vehicles", "车辆信息", header, rows);
  auto entry = audit::AuditLog::By(actor, "registry.export", "vehicles", "");
  entry.detail = {{"rows", file.rows},
                  {"format", format},
                  {"region", query.region},
                  {"vehicle_type", query.vehicle_type},
                  {"permit_expired", query.permit_expired}};
  context_.audit.RecordNow(entry);
  return file;
}

ExportFile RegistryTransfer::ExportUnits(const auth::Principal& actor, const OrgUnitService& units,
                                         const OrgUnitQuery& query, std::string_view format) const {
  CheckExportFormat(format);
  const std::vector<std::string> header = {"单位名称", "统一社会信用代码", "单位类型", "行业",
                                           "所在地",   "所在地编码",       "门牌地址", "法定代表人",
                                           "联系人",   "联系电话",         "从业人数"};
  std::vector<std::vector<std::string>> rows;
  units.ForEach(actor, query, [&](const OrgUnit& u, const std::string& address) {
    rows.push_back({u.name, u.credit_code.value_or(""), std::string(OrgUnitKinds().Label(u.kind)), u.industry,
                    address, u.region_code, u.address, u.legal_representative, u.contact_name,
                    u.contact_phone_mask, u.employees ? std::to_string(*u.employees) : ""});
  });
  auto file = MakeExportFile(format, "units", "单位信息", header, rows);
  auto entry = audit::AuditLog::By(actor, "registry.export", "units", "");
  entry.detail = {{"rows", file.rows}, {"format", format}, {"region", query.region}, {"kind", query.kind}};
  context_.audit.RecordNow(entry);
  return file;
}

}  // namespace shequ::registry
