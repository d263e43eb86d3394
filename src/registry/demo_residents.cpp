#include "registry/demo_residents.hpp"

#include <map>
#include <ostream>

#include "core/errors/error.hpp"
#include "registry/key_group_service.hpp"
#include "registry/person_service.hpp"
#include "registry/synthetic_people.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

auth::Principal Generator() {
  auth::Principal console;
  console.username = "demo";
  console.role = auth::Role::kAdmin;
  console.scope = auth::Scope::National();
  return console;
}

std::string_view ResidenceLabel(const std::string& code) { return ResidenceTypes().Label(code); }

}  // namespace

std::int64_t GenerateResidents(const RegistryContext& context, const std::vector<std::string>& dwellings,
                               const ResidentPlan& plan, const std::function<void(std::int64_t)>& progress) {
  if (dwellings.empty() || plan.count <= 0) return 0;
  const auto today = ChinaToday(context.clock);
  const auto actor = Generator();
  SyntheticPeople generator(plan.seed, today);
  std::int64_t written = 0;
  while (written < plan.count) {
    const auto batch_end =
        std::min<std::int64_t>(plan.count, written + static_cast<std::int64_t>(plan.batch));
    context.database.Write([&](db::Connection& c) {
      for (auto i = written; i < batch_end; ++i) {
        const auto& dwelling = dwellings[static_cast<std::size_t>(i) % dwellings.size()];
        const auto person = generator.Next(std::string_view(dwelling).substr(0, 6));
        PersonFields raw;
        raw.name = person.name;
        raw.id_number = person.id_number;
        raw.phone = person.phone;
        raw.ethnicity = person.ethnicity;
        raw.residence_code = dwelling;
        raw.residence_type = person.residence_type;
        raw.education = person.education;
        raw.employment = person.employment;
        raw.political_status = person.political_status;
        Problems problems;
        const auto fields = CheckPersonFields(raw, today, true, problems);
        problems.ThrowIfAny();
        const auto id = PersonService::InsertChecked(c, context, actor, fields, "registered", today);
        for (const auto& group : person.group_types) {
          KeyGroupService::AddChecked(c, context, id, group, dwelling, fields.birth_date, *fields.name,
                                      today);
        }
      }
    });
    written = batch_end;
    if (progress) progress(written);
  }
  return written;
}

void WriteResidentsCsv(std::ostream& out, const std::vector<std::string>& dwellings, const ResidentPlan& plan,
                       const std::string& today) {
  static const std::map<std::string, std::string, std::less<>> kGroupNames = {
      {"elderly_living_alone", "独居老人"},  {"empty_nest_elderly", "空巢老人"},
      {"advanced_age", "高龄老人"},          {"left_behind_elderly", "留守老人"},
      {"left_behind_child", "留守儿童"},     {"disabled", "残疾人"},
      {"subsistence_allowance", "低保对象"}, {"veteran", "退役军人"}};
  SyntheticPeople generator(plan.seed, today);
  out << "姓名,公民身份号码,联系电话,民族,居住地编码,人口类型,文化程度,就业情况,政治面貌,重点人群\n";
  for (std::int64_t i = 0; i < plan.count && !dwellings.empty(); ++i) {
    const auto& dwelling = dwellings[static_cast<std::size_t>(i) % dwellings.size()];
    const auto p = generator.Next(std::string_view(dwelling).substr(0, 6));
    std::string groups;
    for (const auto& code : p.group_types) {
      const auto it = kGroupNames.find(code);
      groups += (groups.empty() ? "" : "、") + (it == kGroupNames.end() ? code : it->second);
    }
    out << p.name << ',' << p.id_number << ',' << p.phone << ',' << p.ethnicity << ',' << dwelling << ','
        << ResidenceLabel(p.residence_type) << ',' << p.education << ',' << p.employment << ','
        << p.political_status << ',' << groups << '\n';
  }
}

}  // namespace shequ::registry
