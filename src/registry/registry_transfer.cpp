#include "registry/registry_transfer.hpp"

#include <set>

#include "core/db/sql_params.hpp"
#include "core/errors/error.hpp"
#include "regions/subtree_filter.hpp"
#include "registry/address_book.hpp"
#include "registry/identifiers.hpp"
#include "registry/import_table.hpp"
#include "registry/key_group_service.hpp"
#include "registry/key_group_store.hpp"
#include "registry/person_service.hpp"
#include "registry/person_store.hpp"
#include "registry/vocabulary.hpp"
#include "tabular/xlsx_writer.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::vector<std::string> SplitList(const std::string& text) {
  // 、，,;； and spaces all separate the groups of one cell.
  std::vector<std::string> parts;
  std::string current;
  const auto flush = [&] {
    if (!current.empty()) parts.push_back(current);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest(text.data() + i, text.size() - i);
    bool separator = false;
    for (std::string_view sep : {"、", "，", "；", ",", ";", " "}) {
      if (rest.starts_with(sep)) {
        flush();
        i += sep.size();
        separator = true;
        break;
      }
    }
    if (!separator) current += text[i++];
  }
  flush();
  return parts;
}

}  // namespace

const std::vector<ImportColumn>& PersonImportColumns() {
  static const std::vector<ImportColumn> kColumns = {
      {"name", {"姓名", "名字"}, true, "必填"},
      {"id_number",
       {"公民身份号码", "身份证号", "身份证号码", "证件号码"},
       false,
       "18 位或 15 位，出生日期和性别由号码得出"},
      {"sex", {"性别"}, false, "男 / 女；有身份证号时可不填"},
      {"birth_date", {"出生日期", "出生年月"}, false, "YYYY-MM-DD；无身份证号时填写"},
      {"phone", {"联系电话", "手机号", "手机号码", "电话"}, false, "11 位手机号或带区号的固定电话"},
      {"ethnicity", {"民族"}, false, "如 汉族、回族"},
      {"hukou_address", {"户籍地", "户籍地址", "户籍所在地"}, false, "户口簿上的地址"},
      {"residence_code", {"居住地编码", "房屋编码", "地址编码"}, false, "居住地节点编码；与“居住地址”二选一"},
      {"residence_address", {"居住地址", "现住址", "居住地"}, false, "如 兴隆佳苑小区 3栋 2单元 501室"},
      {"residence_type", {"人口类型", "居住类型"}, false, "户籍人口 / 流动人口 / 寄住人口，默认户籍人口"},
      {"education", {"文化程度", "学历"}, false, "小学、初中、高中、中专、大专、本科、研究生 …"},
      {"employment", {"就业情况", "职业", "工作单位"}, false, "自由填写"},
      {"political_status", {"政治面貌"}, false, "中共党员、共青团员、群众 …"},
      {"groups", {"重点人群", "人群类别"}, false, "多个用顿号分隔，如 独居老人、残疾人"},
  };
  return kColumns;
}

namespace {

// The header a field was read from, for error reports; birth date and sex fall back to the ID
// number's column, from which they are derived.
std::string ColumnOf(const ImportTable& table, const std::string& field) {
  if (table.Has(field)) return table.HeaderOf(field);
  if (field == "residence_code" || field == "residence_address") {
    for (const char* f : {"residence_address", "residence_code"}) {
      if (table.Has(f)) return table.HeaderOf(f);
    }
  }
  if ((field == "birth_date" || field == "sex") && table.Has("id_number")) return table.HeaderOf("id_number");
  return field;
}

struct CheckedRow {
  int line = 0;
  PersonFields fields;
  std::vector<std::string> groups;
  std::string id_index;
};

}  // namespace

ImportReport RegistryTransfer::ImportPeople(const auth::Principal& actor, std::string_view bytes,
                                            const ImportOptions& options) {
  const auto file = ReadImportTable(bytes, options.format);
  ImportReport report;
  const ImportTable table(file, PersonImportColumns(), options, report);
  table.Require({"name"}, "姓名");
  table.Require({"residence_code", "residence_address"}, "居住地址”或“居住地编码");
  const auto cell = [&](const tabular::TableRow& row, const char* field) { return table.Cell(row, field); };

  const auto today = ChinaToday(context_.clock);
  ImportErrors errors;
  std::vector<CheckedRow> checked;
  checked.reserve(file.rows.size());
  context_.database.Read([&](db::Connection& c) {
    const auto book = AddressBook::Load(c, actor.scope.Prefixes());
    std::map<std::string, GroupType> group_types;  // by code and by name
    for (const auto& type : KeyGroupStore::Types(c)) {
      if (!type.active) continue;
      group_types[type.code] = type;
      group_types[type.name] = type;
    }
    std::map<std::string, int> first_line_of_id;
    for (const auto& row : file.rows) {
      const auto add = [&](const std::string& field, std::string code, std::string en, std::string zh) {
        errors.Add({row.line, ColumnOf(table, field), field, std::move(code), std::move(en), std::move(zh)});
      };
      PersonFields raw;
      raw.name = cell(row, "name");
      raw.id_number = cell(row, "id_number");
      raw.sex = cell(row, "sex");
      raw.birth_date = cell(row, "birth_date");
      raw.phone = cell(row, "phone");
      raw.ethnicity = cell(row, "ethnicity");
      raw.hukou_address = cell(row, "hukou_address");
      raw.residence_type = cell(row, "residence_type");
      raw.education = cell(row, "education");
      raw.employment = cell(row, "employment");
      raw.political_status = cell(row, "political_status");
      // The residence: a code, or an address resolved inside the importer's scope.
      const auto code_text = cell(row, "residence_code").value_or("");
      const auto address_text = cell(row, "residence_address").value_or("");
      const auto& where = code_text.empty() ? address_text : code_text;
      const auto field = code_text.empty() ? "residence_address" : "residence_code";
      if (where.empty()) {
        add(field, "required", "Give the residence.", "请填写居住地址。");
      } else if (const auto match = book.Find(where); match.code) {
        raw.residence_code = match.code;
      } else if (match.problem == "ambiguous_address") {
        add(field, "ambiguous_address", "The address names several places; give more of it or the code.",
            "地址“" + where + "”对应多处，请写全或填写居住地编码。");
      } else {
        add(field, "unknown_address", "No such address in your area.", "您的管辖范围内没有该地址。");
      }
      Problems problems;
      auto fields = CheckPersonFields(raw, today, false, problems);
      for (const auto& p : problems.items()) add(p.field, p.code, p.message, p.message_zh);
      CheckedRow out;
      out.line = row.line;
      if (fields.id_number && !fields.id_number->empty()) {
        auto [it, fresh] = first_line_of_id.emplace(*fields.id_number, row.line);
        if (!fresh) {
          add("id_number", "duplicate_in_file",
              "The same ID number is on line " + std::to_string(it->second) + ".",
              "与第 " + std::to_string(it->second) + " 行的公民身份号码重复。");
        }
        out.id_index = context_.vault.Index(*fields.id_number, kIdNumberContext);
      }
      for (const auto& name : SplitList(cell(row, "groups").value_or(""))) {
        const auto it = group_types.find(name);
        if (it == group_types.end()) {
          add("groups", "unknown_group", "No such key group: " + name, "没有重点人群类别“" + name + "”。");
        } else if (!context_.MaySee(actor, it->second.sensitivity)) {
          add("groups", "group_forbidden", "Your role may not keep this key group: " + name,
              "您的角色无权登记“" + name + "”。");
        } else if (std::find(out.groups.begin(), out.groups.end(), it->second.code) == out.groups.end()) {
          out.groups.push_back(it->second.code);
        }
      }
      out.fields = std::move(fields);
      checked.push_back(std::move(out));
    }
    // Against the registry, a whole file at a time.
    std::vector<std::string> indexes;
    for (const auto& row : checked) {
      if (!row.id_index.empty()) indexes.push_back(row.id_index);
    }
    const auto existing = PersonStore::ExistingIdNumberIndexes(c, indexes);
    for (const auto& row : checked) {
      if (!row.id_index.empty() && existing.contains(row.id_index)) {
        errors.Add({row.line, ColumnOf(table, "id_number"), "id_number", "already_registered",
                    "A person with this ID number is registered already.", "该公民身份号码已登记。"});
      }
    }
  });
  if (!errors.empty()) errors.Throw();
  if (options.dry_run) return report;

  context_.database.Write([&](db::Connection& c) {
    for (const auto& row : checked) {
      const auto id = PersonService::InsertChecked(c, context_, actor, row.fields, "registered", today);
      for (const auto& group : row.groups) {
        KeyGroupService::AddChecked(c, context_, id, group, *row.fields.residence_code, row.fields.birth_date,
                                    *row.fields.name, today);
        ++report.group_memberships;
      }
      ++report.imported;
    }
    auto entry = audit::AuditLog::By(actor, "registry.import", "people", "");
    entry.detail = {{"rows", report.imported}, {"group_memberships", report.group_memberships}};
    context_.audit.Record(c, entry);
  });
  return report;
}

std::string RegistryTransfer::PeopleTemplate() const {
  return ImportTemplate(
      "人口信息", PersonImportColumns(),
      {{"张三", "11010519491231002X", "", "", "13800138000", "汉族", "陕西省汉阴县城关镇", "",
        "兴隆佳苑小区 3栋 2单元 501室", "户籍人口", "高中", "务工", "群众", "独居老人"}},
      {});
}

ExportFile MakeExportFile(std::string_view format, std::string_view basename, const std::string& sheet_name,
                          const std::vector<std::string>& header,
                          const std::vector<std::vector<std::string>>& rows) {
  ExportFile file;
  file.rows = static_cast<std::int64_t>(rows.size());
  if (format == "csv") {
    file.bytes = tabular::WriteCsv(header, rows);
    file.content_type = "text/csv; charset=utf-8";
    file.filename = std::string(basename) + ".csv";
  } else {
    file.bytes = tabular::WriteXlsx({tabular::Sheet{sheet_name, header, rows, {}}});
    file.content_type = std::string(kXlsxType);
    file.filename = std::string(basename) + ".xlsx";
  }
  return file;
}

void CheckExportFormat(std::string_view format) {
  if (format != "xlsx" && format != "csv") {
    throw Error(ErrorCode::kInvalidQueryParameter, "format is xlsx or csv.", "format 须为 xlsx 或 csv。",
                nlohmann::json::array({FieldDetail("format", "invalid")}));
  }
}

ExportFile RegistryTransfer::ExportPeople(const auth::Principal& actor, const PersonService& people,
                                          const PersonQuery& query, std::string_view format) const {
  CheckExportFormat(format);
  std::map<std::string, std::string> group_names;
  for (const auto& type : context_.database.Read([](db::Connection& c) { return KeyGroupStore::Types(c); })) {
    group_names[type.code] = type.name;
  }
  const std::vector<std::string> header = {"姓名",     "性别",     "出生日期", "公民身份号码", "联系电话",
                                           "民族",     "户籍地",   "居住地址", "居住地编码",   "人口类型",
                                           "文化程度", "就业情况", "政治面貌", "状态",         "重点人群"};
  std::vector<std::vector<std::string>> rows;
  people.ForEach(actor, query,
                 [&](const Person& p, const std::string& address, const std::vector<std::string>& groups) {
                   std::string group_text;
                   for (const auto& code : groups)
                     group_text += (group_text.empty() ? "" : "、") + group_names[code];
                   rows.push_back({p.name, std::string(Sexes().Label(p.sex)), p.birth_date.value_or(""),
                                   p.id_number_mask, p.phone_mask, p.ethnicity, p.hukou_address, address,
                                   p.residence_code, std::string(ResidenceTypes().Label(p.residence_type)),
                                   std::string(EducationLevels().Label(p.education)), p.employment,
                                   std::string(PoliticalStatuses().Label(p.political_status)),
                                   std::string(PersonStatuses().Label(p.status)), group_text});
                 });
  auto file = MakeExportFile(format, "people", "人口信息", header, rows);
  auto entry = audit::AuditLog::By(actor, "registry.export", "people", "");
  entry.detail = {
      {"rows", file.rows}, {"format", format}, {"region", query.region}, {"group_type", query.group_type}};
  context_.audit.RecordNow(entry);
  return file;
}

}  // namespace shequ::registry
