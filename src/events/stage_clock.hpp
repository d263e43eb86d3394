// The deadline of the category stage an event is in, and the checkpoints the deadline watch
// keeps for it (warn before the due time; overdue, 黄牌 and 红牌 after). Stages of the category's
// limits time phases of the workflow: 受理 (accept), 派遣 (dispatch), the handler's work (处置,
// 调处, 停工 → 处罚 → 拆除 …) and 核查 (verify).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/auth/principal.hpp"
#include "events/category.hpp"
#include "events/event.hpp"
#include "events/work_calendar.hpp"

namespace shequ::events {

enum class Phase { kAccept = 0, kDispatch = 1, kWork = 2, kVerify = 3 };
Phase PhaseOf(const StageLimit& limit);

// Starts stage `index` at `now` (past the last stage: no due time, nothing to watch).
void StartStage(Event& event, const EventCategory& category, const WorkCalendar& calendar,
                const WatchSettings& settings, std::size_t index, std::int64_t now);
// Moves past every stage of phases up to `done`; a stage still running keeps its due time
// (限时办结 counts from the report, through 受理 and 派遣, when only 处置 is timed).
void CompletePhase(Event& event, const EventCategory& category, const WorkCalendar& calendar,
                   const WatchSettings& settings, Phase done, std::int64_t now);
// The handler's last stage, run again from `now` (rework after a failed check or a reopening).
void RestartWork(Event& event, const EventCategory& category, const WorkCalendar& calendar,
                 const WatchSettings& settings, std::int64_t now);
// Re-arms the watch after the due time moved (an approved extension).
void ArmWatch(Event& event, const WatchSettings& settings, std::int64_t now);
// The watch's next checkpoint after `event.alert_level` (0 warn, 1 due, 2 黄牌, 3 红牌).
std::optional<std::int64_t> NextCheck(const Event& event, const WatchSettings& settings);

// What a notification says of an event.
nlohmann::json Brief(const Event& event);
std::string NameOf(const auth::Principal& actor);
inline bool IsStaff(const auth::Principal& actor) { return actor.role != auth::Role::kResident; }

[[noreturn]] void ThrowInvalid(std::string_view field, std::string_view problem, std::string en,
                               std::string zh);
[[noreturn]] void ThrowMissing(std::string_view field, std::string en, std::string zh);

}  // namespace shequ::events
