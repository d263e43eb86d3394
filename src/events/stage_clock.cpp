#include "events/stage_clock.hpp"

#include <algorithm>

#include "core/errors/error.hpp"
#include "core/time_format.hpp"
#include "events/category_service.hpp"

namespace shequ::events {

constexpr std::int64_t kMinute = 60'000;

Phase PhaseOf(const StageLimit& limit) {
  if (limit.stage == "accept") return Phase::kAccept;
  if (limit.stage == "dispatch") return Phase::kDispatch;
  if (limit.stage == "verify") return Phase::kVerify;
  return Phase::kWork;
}

void StartStage(Event& e, const EventCategory& category, const WorkCalendar& calendar,
                const WatchSettings& settings, std::size_t index, std::int64_t now) {
  e.stage_index = static_cast<std::int64_t>(index);
  e.alert_level = 0;
  if (index >= category.limits.size()) {
    e.due_at.reset();
    e.stage_started_at.reset();
    e.warn_at.reset();
    e.next_check_at.reset();
    return;
  }
  e.stage_started_at = now;
  e.due_at = DueAt(calendar, now, category.limits[index]);
  ArmWatch(e, settings, now);
}

void CompletePhase(Event& e, const EventCategory& category, const WorkCalendar& calendar,
                   const WatchSettings& settings, Phase done, std::int64_t now) {
  auto index = static_cast<std::size_t>(e.stage_index);
  const auto before = index;
  while (index < category.limits.size() && PhaseOf(category.limits[index]) <= done) ++index;
  if (index != before || index >= category.limits.size())
    StartStage(e, category, calendar, settings, index, now);
}

void RestartWork(Event& e, const EventCategory& category, const WorkCalendar& calendar,
                 const WatchSettings& settings, std::int64_t now) {
  std::size_t index = category.limits.size();
  for (std::size_t i = category.limits.size(); i-- > 0;) {
    if (PhaseOf(category.limits[i]) == Phase::kWork) {
      index = i;
      break;
    }
  }
  StartStage(e, category, calendar, settings, index, now);
}

void ArmWatch(Event& e, const WatchSettings& settings, std::int64_t now) {
  e.alert_level = 0;
  if (!e.due_at) {
    e.warn_at.reset();
    e.next_check_at.reset();
    return;
  }
  const auto start = std::min(e.stage_started_at.value_or(now), *e.due_at);
  e.warn_at = start + static_cast<std::int64_t>(static_cast<double>(*e.due_at - start) * settings.warn_ratio);
  e.next_check_at = std::max(now, std::min(*e.warn_at, *e.due_at));
}

std::optional<std::int64_t> NextCheck(const Event& e, const WatchSettings& s) {
  if (!e.due_at || IsFinished(e.state) || e.state == kShelved) return std::nullopt;
  switch (e.alert_level) {
    case 0:
      return e.warn_at && *e.warn_at < *e.due_at ? *e.warn_at : *e.due_at;
    case 1:
      return *e.due_at;
    case 2:
      return *e.due_at + s.yellow_after_minutes * kMinute;
    case 3:
      return *e.due_at + s.red_after_minutes * kMinute;
    default:
      return std::nullopt;
  }
}

nlohmann::json Brief(const Event& e) {
  return {{"id", e.id},
          {"reference", e.reference},
          {"title", e.title},
          {"state", e.state},
          {"level", e.level},
          {"region_code", e.region_code},
          {"category_code", e.category_code},
          {"due_at", e.due_at ? nlohmann::json(FormatTimestamp(*e.due_at)) : nlohmann::json(nullptr)},
          {"supervision", e.supervision},
          {"department", e.department}};
}

std::string NameOf(const auth::Principal& actor) {
  return actor.display_name.empty() ? actor.username : actor.display_name;
}

void ThrowInvalid(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldInvalid, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

void ThrowMissing(std::string_view field, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldMissing, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, "missing")}));
}

}  // namespace shequ::events
