#include "events/category_service.hpp"

#include <regex>
#include <set>

#include "core/errors/error.hpp"
#include "events/calendar_store.hpp"
#include "events/category_store.hpp"

namespace shequ::events {
namespace {

constexpr std::int64_t kMinuteMs = std::int64_t{60} * 1000;

[[noreturn]] void Invalid(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldInvalid, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

void CheckLevel(const std::string& level) {
  static const std::set<std::string, std::less<>> kLevels = {"grid", "community", "street", "department"};
  if (!kLevels.contains(level)) {
    Invalid("default_level", "unknown_value", "default_level is grid, community, street or department.",
            "默认处置层级须为 grid（网格）、community（社区）、street（街道）或 department（部门）。");
  }
}

void CheckLimits(const std::vector<StageLimit>& limits) {
  static const std::set<std::string, std::less<>> kUnits = {
      "working_minutes", "working_hours", "working_days", "minutes", "hours", "days"};
  static const std::regex kStage("[a-z][a-z_]{0,29}");
  std::set<std::string> stages;
  for (std::size_t i = 0; i < limits.size(); ++i) {
    const auto& l = limits[i];
    const auto field = "limits[" + std::to_string(i) + "]";
    if (!std::regex_match(l.stage, kStage) || !stages.insert(l.stage).second) {
      Invalid(field + ".stage", "invalid_stage", "Each stage has its own name (a-z, _).",
              "各阶段须有不重复的英文代码。");
    }
    if (!kUnits.contains(l.unit)) {
      Invalid(field + ".unit", "unknown_unit",
              "unit is working_minutes, working_hours, working_days, minutes, hours or days.",
              "时限单位须为工作分钟、工作小时、工作日或自然分钟、小时、天。");
    }
    if (l.amount < 1 || l.amount > 10'000) {
      Invalid(field + ".amount", "out_of_range", "amount is 1 to 10000.", "时限须在 1 到 10000 之间。");
    }
    if (l.label.empty() || l.label.size() > 60) {
      Invalid(field + ".label", "required", "Name the stage.", "请填写阶段名称。");
    }
  }
}

void CheckDate(const std::string& date) {
  if (!IsCalendarDate(date)) {
    Invalid("day", "invalid_date", "Give the day as YYYY-MM-DD.", "日期格式应为 YYYY-MM-DD。");
  }
}

}  // namespace

std::int64_t DueAt(const WorkCalendar& calendar, std::int64_t start, const StageLimit& limit) {
  if (limit.unit == "working_days") return calendar.AddWorkingDays(start, static_cast<int>(limit.amount));
  if (limit.unit == "working_hours") return calendar.AddWorkingMinutes(start, limit.amount * 60);
  if (limit.unit == "working_minutes") return calendar.AddWorkingMinutes(start, limit.amount);
  if (limit.unit == "days") return start + limit.amount * 24 * 60 * kMinuteMs;
  if (limit.unit == "hours") return start + limit.amount * 60 * kMinuteMs;
  return start + limit.amount * kMinuteMs;
}

CalendarService::CalendarService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database),
      clock_(clock),
      audit_(audit),
      current_(
          [this] {
            return WorkCalendar(database_.Read([](db::Connection& c) { return CalendarStore::Days(c); }));
          },
          kMinuteMs) {}

std::shared_ptr<const WorkCalendar> CalendarService::Current() const {
  return current_.Get(clock_.NowMillis());
}

std::vector<CalendarDay> CalendarService::Days(int year) const {
  const auto prefix = std::to_string(year) + "-";
  auto days = database_.Read([](db::Connection& c) { return CalendarStore::Days(c); });
  std::erase_if(days, [&](const CalendarDay& d) { return !d.date.starts_with(prefix); });
  return days;
}

CalendarDay CalendarService::Put(const auth::Principal& actor, const CalendarDay& day) {
  CheckDate(day.date);
  if (day.kind != "holiday" && day.kind != "workday") {
    Invalid("kind", "unknown_value", "kind is holiday or workday.",
            "类型须为 holiday（放假）或 workday（调休上班）。");
  }
  if (day.name.empty() || day.name.size() > 60)
    Invalid("name", "required", "Name the day.", "请填写名称，如“春节”。");
  auto saved = database_.Write([&](db::Connection& c) {
    CalendarStore::Put(c, day);
    auto entry = audit::AuditLog::By(actor, "events.calendar_put", "calendar_day", day.date);
    entry.detail = {{"kind", day.kind}, {"name", day.name}};
    audit_.Record(c, entry);
    return day;
  });
  current_.Forget();
  return saved;
}

void CalendarService::Remove(const auth::Principal& actor, const std::string& date) {
  database_.Write([&](db::Connection& c) {
    if (!CalendarStore::Remove(c, date)) throw Error(ErrorCode::kNotFound);
    audit_.Record(c, audit::AuditLog::By(actor, "events.calendar_remove", "calendar_day", date));
  });
  current_.Forget();
}

CategoryService::CategoryService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                 const CalendarService& calendar)
    : database_(database),
      clock_(clock),
      audit_(audit),
      calendar_(calendar),
      by_code_(
          [this] {
            std::map<std::string, EventCategory, std::less<>> by_code;
            for (auto& category : database_.Read([](db::Connection& c) { return CategoryStore::All(c); })) {
              auto code = category.code;
              by_code.emplace(std::move(code), std::move(category));
            }
            return by_code;
          },
          kMinuteMs) {}

std::optional<EventCategory> CategoryService::Find(const std::string& code) const {
  const auto snapshot = by_code_.Get(clock_.NowMillis());
  const auto found = snapshot->find(code);
  if (found == snapshot->end()) return std::nullopt;
  return found->second;
}

std::vector<EventCategory> CategoryService::List(bool include_inactive) const {
  auto categories = database_.Read([](db::Connection& c) { return CategoryStore::All(c); });
  if (!include_inactive) std::erase_if(categories, [](const EventCategory& e) { return !e.active; });
  return categories;
}

EventCategory CategoryService::Create(const auth::Principal& actor, const EventCategory& request) {
  static const std::regex kCode("[a-z][a-z0-9_]{0,39}(\\.[a-z][a-z0-9_]{0,39}){0,3}");
  if (!std::regex_match(request.code, kCode)) {
    Invalid("code", "invalid_code", "code is a dotted path of a-z, 0-9, _ (e.g. environment.garbage).",
            "代码须为小写字母、数字和下划线，用点分层，如 environment.garbage。");
  }
  if (request.name.empty() || request.name.size() > 100)
    Invalid("name", "required", "Give the name.", "请填写名称。");
  if (request.kind != "event" && request.kind != "component") {
    Invalid("kind", "unknown_value", "kind is event or component.",
            "类型须为 event（事件）或 component（部件）。");
  }
  CheckLevel(request.default_level);
  CheckLimits(request.limits);
  auto saved = database_.Write([&](db::Connection& c) {
    if (CategoryStore::Find(c, request.code)) {
      throw Error(ErrorCode::kConflict, "A category with this code exists.", "该代码的类别已存在。",
                  nlohmann::json::array({FieldDetail("code", "duplicate")}));
    }
    if (request.parent_code && !CategoryStore::Find(c, *request.parent_code)) {
      Invalid("parent_code", "unknown_parent", "No such parent category.", "上级类别不存在。");
    }
    auto category = request;
    category.updated_at = clock_.NowMillis();
    CategoryStore::Insert(c, category);
    auto entry = audit::AuditLog::By(actor, "events.category_create", "event_category", category.code);
    entry.detail = {{"name", category.name}, {"limits", nlohmann::json::parse(LimitsJson(category.limits))}};
    audit_.Record(c, entry);
    return category;
  });
  by_code_.Forget();
  return saved;
}

EventCategory CategoryService::Update(const auth::Principal& actor, const std::string& code,
                                      const CategoryPatch& patch) {
  if (patch.default_level) CheckLevel(*patch.default_level);
  if (patch.limits) CheckLimits(*patch.limits);
  if (patch.name && (patch.name->empty() || patch.name->size() > 100)) {
    Invalid("name", "required", "Give the name.", "请填写名称。");
  }
  auto saved = database_.Write([&](db::Connection& c) {
    auto category = CategoryStore::Find(c, code);
    if (!category) throw Error(ErrorCode::kNotFound);
    nlohmann::json changed = nlohmann::json::object();
    // Sets a field the patch names and remembers the change for the audit entry.
    const auto apply = [&](const char* field, auto& target, const auto& value) {
      if (!value || *value == target) return;
      changed[field] = {target, *value};
      target = *value;
    };
    apply("name", category->name, patch.name);
    apply("name_en", category->name_en, patch.name_en);
    apply("default_level", category->default_level, patch.default_level);
    apply("department", category->department, patch.department);
    apply("active", category->active, patch.active);
    if (patch.limits) {
      changed["limits"] = {nlohmann::json::parse(LimitsJson(category->limits)),
                           nlohmann::json::parse(LimitsJson(*patch.limits))};
      category->limits = *patch.limits;
    }
    if (patch.sort_order) category->sort_order = *patch.sort_order;
    category->updated_at = clock_.NowMillis();
    CategoryStore::Update(c, *category);
    auto entry = audit::AuditLog::By(actor, "events.category_update", "event_category", code);
    entry.detail = changed;
    audit_.Record(c, entry);
    return *category;
  });
  by_code_.Forget();
  return saved;
}

std::vector<StageDeadline> CategoryService::Deadlines(const std::string& code, std::int64_t start) const {
  const auto category = database_.Read([&](db::Connection& c) { return CategoryStore::Find(c, code); });
  if (!category) throw Error(ErrorCode::kNotFound);
  const auto calendar = calendar_.Current();
  std::vector<StageDeadline> deadlines;
  auto from = start;
  for (const auto& limit : category->limits) {
    const auto due = DueAt(*calendar, from, limit);
    deadlines.push_back({limit, from, due});
    from = due;
  }
  return deadlines;
}

}  // namespace shequ::events
