// The steps of the workflow and the deadline watch (EventService::Take, EventService::Watch).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/errors/error.hpp"
#include "core/time_format.hpp"
#include "events/attachment_store.hpp"
#include "events/category_store.hpp"
#include "events/event_service.hpp"
#include "events/event_store.hpp"
#include "events/stage_clock.hpp"
#include "events/workflow.hpp"

namespace shequ::events {
namespace {

constexpr std::int64_t kMinute = 60'000;

[[noreturn]] void Refuse(std::string en, std::string zh) {
  throw Error(ErrorCode::kForbidden, std::move(en), std::move(zh));
}

[[noreturn]] void WrongState(const Step& step, const Event& event) {
  auto allowed = nlohmann::json::array();
  for (const auto state : step.from) allowed.push_back(state);
  throw Error(ErrorCode::kConflict,
              fmt::format("An event that is {} cannot take this step ({}).", event.state, step.action),
              fmt::format("事件当前为“{}”，不能{}。", StateLabel(event.state), step.label),
              nlohmann::json::array({{{"problem", "invalid_transition"},
                                      {"state", event.state},
                                      {"action", step.action},
                                      {"allowed_from", allowed}}}));
}

}  // namespace

EventView EventService::Take(const auth::Principal& actor, std::int64_t id, std::string_view action,
                             const StepInput& input) {
  const auto* step = FindStep(action);
  if (step == nullptr) throw Error(ErrorCode::kRouteNotFound);
  if (step->needs_note && input.note.empty()) {
    ThrowMissing("note", "Say why (note).", "请填写原因或说明（note）。");
  }
  if (input.note.size() > 6000)
    ThrowInvalid("note", "too_long", "At most 2000 characters.", "说明不能超过 2000 个字。");
  const auto calendar = calendar_.Current();
  auto outcome = database_.Write([&](db::Connection& c) {
    auto found = EventStore::Find(c, id);
    if (!found || !Visible(c, actor, *found)) throw Error(ErrorCode::kNotFound);
    Event event = std::move(*found);
    if (!StartsFrom(*step, event.state)) WrongState(*step, event);
    if (input.version && *input.version != event.version) {
      throw Error(ErrorCode::kConflict, "The event changed meanwhile; reload it.",
                  "事件已被他人更新，请刷新后重试。",
                  nlohmann::json::array({{{"problem", "stale_version"}, {"version", event.version}}}));
    }
    const auto category = categories_.Find(event.category_code);
    if (!category) throw Error(ErrorCode::kInternal);
    const auto settings = *settings_.Get(clock_.NowMillis());
    const auto now = clock_.NowMillis();
    const auto from_state = event.state;
    const bool late = event.due_at && now > *event.due_at;
    const bool is_handler = event.handler_id && *event.handler_id == actor.user_id;
    // The console acts without an account: it holds nothing itself.
    const auto self = actor.user_id > 0 ? std::optional(actor.user_id) : std::nullopt;
    const auto require_handler = [&] {
      if (!is_handler) Refuse("Only the event's handler can take this step.", "只有承办人才能进行此操作。");
    };
    Outcome result;
    nlohmann::json detail = nlohmann::json::object();
    std::string timeline_action(step->action);
    const auto hand_to = [&](std::optional<std::int64_t> user, const std::string& name) {
      event.owner_id = user;
      event.owner_name = name;
    };
    const auto dispatcher_name = [&]() -> std::string {
      if (!event.dispatcher_id || !accounts_) return "";
      const auto account = accounts_(*event.dispatcher_id);
      return account ? account->name : "";
    };
    const auto reopen = [&](const std::string& why) {
      event.state = std::string(kAccepted);
      event.finished_at.reset();
      event.satisfaction.reset();
      event.satisfaction_comment.clear();
      ++event.reopen_count;
      hand_to(event.dispatcher_id, dispatcher_name());
      RestartWork(event, *category, *calendar, settings, now);
      detail["reason"] = why;
    };

    if (action == "accept") {
      event.state = std::string(kAccepted);
      hand_to(self, NameOf(actor));
      event.dispatcher_id = self;
      if (!event.accepted_at) event.accepted_at = now;
      CompletePhase(event, *category, *calendar, settings, Phase::kAccept, now);
    } else if (action == "reject") {
      event.state = std::string(kRejected);
      event.finished_at = now;
      event.next_check_at.reset();
    } else if (action == "dispatch") {
      if (!input.assignee_id) {
        ThrowMissing("assignee_id", "Name the handler (assignee_id).", "请选择承办人（assignee_id）。");
      }
      const auto assignee = Account(*input.assignee_id, "assignee_id");
      if (assignee.role == auth::Role::kResident || !assignee.scope.Contains(event.region_code)) {
        ThrowInvalid("assignee_id", "outside_scope", "The handler must be staff working where the event is.",
                     "承办人须为负责该地点的工作人员。");
      }
      event.state = std::string(kDispatched);
      event.handler_id = assignee.id;
      event.handler_name = assignee.name;
      if (assignee.role == auth::Role::kDepartment) event.department = assignee.name;
      event.dispatcher_id = self;
      if (!event.accepted_at) event.accepted_at = now;
      hand_to(assignee.id, assignee.name);
      CompletePhase(event, *category, *calendar, settings, Phase::kDispatch, now);
      detail = {{"assignee_id", assignee.id}, {"assignee", assignee.name}};
      result.notices.push_back({"event.assigned", assignee.id, "", {}});
    } else if (action == "start") {
      require_handler();
      event.state = std::string(kInProgress);
    } else if (action == "feedback") {
      require_handler();
      const auto index = static_cast<std::size_t>(event.stage_index);
      const bool more_work = index + 1 < category->limits.size() &&
                             PhaseOf(category->limits[index]) == Phase::kWork &&
                             PhaseOf(category->limits[index + 1]) == Phase::kWork;
      if (index < category->limits.size()) detail["stage"] = category->limits[index].label;
      if (more_work) {
        // A stage of the handler's work is done (停工 → 处罚): the next one starts now.
        StartStage(event, *category, *calendar, settings, index + 1, now);
      } else {
        event.state = std::string(kResolved);
        event.resolved_at = now;
        hand_to(event.dispatcher_id, dispatcher_name());
        CompletePhase(event, *category, *calendar, settings, Phase::kWork, now);
      }
    } else if (action == "return") {
      require_handler();
      event.state = std::string(kAccepted);
      detail = {{"handler", event.handler_name}};
      event.handler_id.reset();
      event.handler_name.clear();
      event.extension_until.reset();
      event.extension_by.reset();
      hand_to(event.dispatcher_id, dispatcher_name());
    } else if (action == "extension") {
      require_handler();
      if (!input.until || !event.due_at || *input.until <= *event.due_at) {
        ThrowInvalid("until", "not_later", "Ask for a time after the current due time.",
                     "延期时间须晚于当前办结时限。");
      }
      if (event.extension_until) {
        throw Error(ErrorCode::kConflict, "An extension is already waiting for a decision.",
                    "已有待审批的延期申请。");
      }
      event.extension_until = input.until;
      event.extension_by = actor.user_id;
      timeline_action = "extension_request";
      detail = {{"until", FormatTimestamp(*input.until)}};
    } else if (action == "extension/approve" || action == "extension/deny") {
      if (!event.extension_until) {
        throw Error(ErrorCode::kConflict, "No extension has been asked for.", "没有待审批的延期申请。");
      }
      if (event.extension_by && *event.extension_by == actor.user_id) {
        Refuse("Someone other than the one who asked decides an extension.", "延期申请须由他人审批。");
      }
      detail = {{"until", FormatTimestamp(*event.extension_until)}};
      if (action == "extension/approve") {
        event.due_at = event.extension_until;
        ArmWatch(event, settings, now);
        if (event.supervision == "yellow" && *event.due_at > now) event.supervision = "normal";
        timeline_action = "extension_approved";
      } else {
        timeline_action = "extension_denied";
      }
      event.extension_until.reset();
      event.extension_by.reset();
    } else if (action == "escalate") {
      const std::string target = input.level.empty() ? std::string(LevelAbove(event.level)) : input.level;
      if (LevelRank(target) < 0 || LevelRank(target) <= LevelRank(event.level)) {
        ThrowInvalid("level", "not_higher", "Escalate to a level above the current one.",
                     "只能上报至更高层级。");
      }
      if (target == "department") {
        event.department = input.department.empty() ? category->department : input.department;
        if (event.department.empty()) {
          ThrowInvalid("department", "missing", "Name the department that takes it.",
                       "请指明承办的职能部门。");
        }
      }
      detail = {{"from_level", event.level}, {"to_level", target}, {"department", event.department}};
      event.level = target;
      event.state = std::string(kReported);
      hand_to(std::nullopt, "");
      event.handler_id.reset();
      event.handler_name.clear();
      event.dispatcher_id.reset();
      event.extension_until.reset();
      event.extension_by.reset();
      result.notices.push_back({"event.escalated", std::nullopt, target, {}});
    } else if (action == "verify") {
      if (is_handler)
        Refuse("Someone other than the handler verifies the result.", "核查须由承办人以外的人员进行。");
      if (!input.passed) {
        ThrowMissing("passed", "Say whether it passed (passed).", "请填写核查结论（passed）。");
      }
      detail = {{"passed", *input.passed}};
      if (*input.passed) {
        event.state = std::string(kVerified);
        hand_to(self, NameOf(actor));
        CompletePhase(event, *category, *calendar, settings, Phase::kVerify, now);
      } else {
        if (input.note.empty()) {
          ThrowMissing("note", "Say what is still wrong (note).", "请说明核查未通过的原因（note）。");
        }
        event.state = std::string(kInProgress);
        event.resolved_at.reset();
        hand_to(event.handler_id, event.handler_name);
        RestartWork(event, *category, *calendar, settings, now);
        if (event.handler_id) result.notices.push_back({"event.assigned", event.handler_id, "", {}});
      }
    } else if (action == "close") {
      event.state = std::string(kClosed);
      event.finished_at = now;
      event.next_check_at.reset();
    } else if (action == "shelve") {
      event.previous_state = event.state;
      event.state = std::string(kShelved);
      event.next_check_at.reset();
    } else if (action == "resume") {
      event.state = event.previous_state.value_or(std::string(kAccepted));
      event.previous_state.reset();
      // The stage that was running starts over: time on the shelf does not count against it.
      StartStage(event, *category, *calendar, settings, static_cast<std::size_t>(event.stage_index), now);
    } else if (action == "merge") {
      if (!input.into) {
        ThrowMissing("into", "Name the event to merge into (into).", "请指明合并到的事件（into）。");
      }
      auto target = *input.into == event.id ? std::nullopt : EventStore::Find(c, *input.into);
      if (!target || !Visible(c, actor, *target) || IsFinished(target->state)) {
        ThrowInvalid("into", "unknown_event", "Merge into another open event in your area.",
                     "须合并到您辖区内另一件未办结的事件。");
      }
      event.state = std::string(kMerged);
      event.merged_into = target->id;
      event.finished_at = now;
      event.next_check_at.reset();
      detail = {{"into", target->id}, {"into_reference", target->reference}};
      EventStore::AddTimeline(c, {0,
                                  target->id,
                                  now,
                                  self,
                                  NameOf(actor),
                                  "merged_in",
                                  target->state,
                                  target->state,
                                  input.note,
                                  {{"from", event.id}, {"from_reference", event.reference}}});
    } else if (action == "supervise") {
      static const std::set<std::string, std::less<>> kMarks = {"normal", "yellow", "red"};
      if (!kMarks.contains(input.mark)) {
        ThrowInvalid("mark", "unknown_value", "mark is normal, yellow or red.",
                     "督办标记须为 normal、yellow 或 red。");
      }
      detail = {{"from", event.supervision}, {"to", input.mark}};
      event.supervision = input.mark;
      if (event.owner_id) result.notices.push_back({"event.supervised", event.owner_id, "", {}});
      if (event.handler_id && event.handler_id != event.owner_id) {
        result.notices.push_back({"event.supervised", event.handler_id, "", {}});
      }
    } else if (action == "summons") {
      if (input.department_ids.empty()) {
        throw Error(ErrorCode::kFieldMissing, "Name the departments to summon (department_ids).",
                    "请选择吹哨的职能部门（department_ids）。",
                    nlohmann::json::array({FieldDetail("department_ids", "missing")}));
      }
      const auto minutes = input.minutes.value_or(settings.summons_minutes);
      if (minutes < 1 || minutes > 1440)
        ThrowInvalid("minutes", "out_of_range", "1-1440 minutes.", "报到时限须为 1-1440 分钟。");
      auto summoned = nlohmann::json::array();
      for (const auto department_id : input.department_ids) {
        const auto department = Account(department_id, "department_ids");
        if (department.role != auth::Role::kDepartment || !department.scope.Contains(event.region_code)) {
          ThrowInvalid("department_ids", "not_a_department",
                       "Summon department accounts that serve this place.",
                       "只能向负责该地点的职能部门账号吹哨。");
        }
        Summons summons{0,          event.id, department.id,           department.name, self, NameOf(actor),
                        input.note, now,      now + minutes * kMinute, std::nullopt,    ""};
        summons.id = EventStore::AddSummons(c, summons);
        summoned.push_back({{"summons_id", summons.id}, {"department", department.name}});
        result.notices.push_back({"event.summoned", department.id, "", {{"summons_id", summons.id}}});
      }
      detail = {{"departments", summoned}, {"minutes", minutes}};
    } else if (action == "check-in") {
      if (!input.summons_id) {
        ThrowMissing("summons_id", "Name the summons (summons_id).", "请指明报到的吹哨记录（summons_id）。");
      }
      const auto all = EventStore::SummonsOf(c, event.id);
      const auto it =
          std::find_if(all.begin(), all.end(), [&](const Summons& s) { return s.id == *input.summons_id; });
      if (it == all.end() || it->department_user_id != actor.user_id) throw Error(ErrorCode::kNotFound);
      if (input.note.empty()) {
        ThrowMissing("note", "Say what the department will do (note).", "请填写部门响应意见（note）。");
      }
      if (!EventStore::CheckIn(c, it->id, now, input.note)) {
        throw Error(ErrorCode::kConflict, "Already checked in.", "已报到。");
      }
      detail = {{"summons_id", it->id}, {"late", now > it->due_at}, {"department", it->department_name}};
      if (it->summoned_by) result.notices.push_back({"event.checked_in", it->summoned_by, "", {}});
    } else if (action == "reopen") {
      const bool reporter = event.reporter_id && *event.reporter_id == actor.user_id;
      if (!reporter && !(permissions_ && permissions_(actor, kSupervise))) {
        Refuse("The reporter or a supervisor reopens an event.", "只有报告人或督办人员可以重新打开事件。");
      }
      reopen(input.note);
    } else if (action == "rating") {
      static const std::set<std::string, std::less<>> kRatings = {"satisfied", "basically_satisfied",
                                                                  "dissatisfied"};
      if (!event.reporter_id || *event.reporter_id != actor.user_id) {
        Refuse("Only the reporter rates the result.", "只有报告人可以评价办理结果。");
      }
      if (!kRatings.contains(input.satisfaction)) {
        ThrowInvalid(
            "satisfaction", "unknown_value",
            "satisfaction is satisfied, basically_satisfied or dissatisfied.",
            "评价须为 满意（satisfied）、基本满意（basically_satisfied）或 不满意（dissatisfied）。");
      }
      if (event.satisfaction) throw Error(ErrorCode::kConflict, "Already rated.", "已评价。");
      detail = {{"satisfaction", input.satisfaction}};
      if (input.reopen && input.satisfaction == "dissatisfied") {
        // Recorded on the timeline; the reopened event is rated again when it closes anew.
        reopen(input.note.empty() ? "不满意" : input.note);
        detail["reopened"] = true;
      } else {
        event.satisfaction = input.satisfaction;
        event.satisfaction_comment = input.note;
      }
    }

    if (late && from_state != event.state) event.ever_overdue = true;
    event.updated_at = now;
    if (!EventStore::Update(c, event)) {
      throw Error(ErrorCode::kConflict, "The event changed meanwhile; reload it.",
                  "事件已被他人更新，请刷新后重试。");
    }
    ++event.version;
    if (!input.attachment_ids.empty()) detail["attachment_ids"] = input.attachment_ids;
    const auto entry = EventStore::AddTimeline(c, {0, event.id, now, self, NameOf(actor), timeline_action,
                                                   from_state, event.state, input.note, detail});
    if (AttachmentStore::Link(c, event.id, input.attachment_ids, entry) !=
        static_cast<std::int64_t>(input.attachment_ids.size())) {
      ThrowInvalid("attachment_ids", "unknown_attachment",
                   "Name files uploaded to this event and not used yet.",
                   "附件须为本事件已上传且未被使用的文件。");
    }
    auto audit =
        audit::AuditLog::By(actor, "events." + std::string(step->action), "event", std::to_string(event.id));
    audit.region_code = event.region_code;
    audit.detail = {{"from", from_state}, {"to", event.state}};
    if (!detail.empty()) audit.detail["detail"] = detail;
    audit_.Record(c, audit);
    for (auto& notice : result.notices) {
      auto data = Brief(event);
      if (notice.data.is_object()) data.update(notice.data);
      notice.data = std::move(data);
    }
    result.view = EventView{event,
                            EventStore::Timeline(c, event.id),
                            EventStore::SummonsOf(c, event.id),
                            {},
                            AttachmentStore::OfEvent(c, event.id)};
    return result;
  });
  Publish(outcome.notices);
  return std::move(outcome.view);
}

std::size_t EventService::Watch(std::int64_t now) {
  constexpr std::int64_t kBatch = 500;
  std::size_t looked_at = 0;
  for (;;) {
    auto outcome = database_.Write([&](db::Connection& c) {
      const auto settings = *settings_.Get(clock_.NowMillis());
      std::vector<Notice> notices;
      auto due = EventStore::DueForCheck(c, now, kBatch);
      for (auto& event : due) {
        const auto notify_holders = [&](const char* name) {
          if (event.owner_id) notices.push_back({name, event.owner_id, "", Brief(event)});
          if (event.handler_id && event.handler_id != event.owner_id) {
            notices.push_back({name, event.handler_id, "", Brief(event)});
          }
        };
        const auto system_entry = [&](const std::string& action, const std::string& from,
                                      const std::string& note, nlohmann::json detail) {
          EventStore::AddTimeline(c, {0, event.id, now, std::nullopt, "系统", action, from, event.state, note,
                                      std::move(detail)});
        };
        bool moved = false;  // escalated: level, state and holder change, not only the alerts
        // Every checkpoint already passed is handled in one go (a watch that was down catches up).
        for (auto next = NextCheck(event, settings); next && *next <= now;
             next = NextCheck(event, settings)) {
          ++event.alert_level;
          if (event.alert_level == 1) {
            notify_holders("event.warning");
          } else if (event.alert_level == 2) {
            event.ever_overdue = true;
            system_entry("overdue", event.state, "已超过办结时限",
                         {{"due_at", FormatTimestamp(*event.due_at)}});
            notify_holders("event.overdue");
            // Nobody has been sent to it: the level above takes it (小事不出网格, else up).
            const auto above = LevelAbove(event.level);
            if (settings.auto_escalate && (event.state == kReported || event.state == kAccepted) &&
                LevelRank(above) >= 0 && LevelRank(above) <= LevelRank("street")) {
              const auto from = event.state;
              nlohmann::json detail = {{"from_level", event.level}, {"to_level", above}};
              event.level = std::string(above);
              event.state = std::string(kReported);
              event.owner_id.reset();
              event.owner_name.clear();
              event.dispatcher_id.reset();
              moved = true;
              system_entry("auto_escalate", from, "超时未派遣，自动上报", detail);
              notices.push_back({"event.escalated", std::nullopt, std::string(above), Brief(event)});
            }
          } else {
            const std::string mark = event.alert_level == 3 ? "yellow" : "red";
            if (event.supervision != "red") {
              system_entry("supervise", event.state, mark == "yellow" ? "超时黄牌督办" : "超时红牌督办",
                           {{"from", event.supervision}, {"to", mark}});
              event.supervision = mark;
            }
            notify_holders("event.supervised");
            // 红牌 also tells the level above.
            if (mark == "red" && !LevelAbove(event.level).empty()) {
              notices.push_back(
                  {"event.supervised", std::nullopt, std::string(LevelAbove(event.level)), Brief(event)});
            }
          }
        }
        event.next_check_at = NextCheck(event, settings);
        event.updated_at = now;
        // false: moved on meanwhile; the next pass looks again
        if (moved) {
          EventStore::Update(c, event);
        } else {
          EventStore::UpdateAlerts(c, event);
        }
      }
      for (const auto& late : EventStore::TakeLateSummons(c, now)) {
        EventStore::AddTimeline(c, {0,
                                    late.event_id,
                                    now,
                                    std::nullopt,
                                    "系统",
                                    "summons_late",
                                    std::nullopt,
                                    "",
                                    late.department_name + " 未在时限内报到",
                                    {{"summons_id", late.id}, {"department", late.department_name}}});
        if (late.summoned_by) {
          notices.push_back(
              {"event.summons_late",
               late.summoned_by,
               "",
               {{"id", late.event_id}, {"summons_id", late.id}, {"department", late.department_name}}});
        }
      }
      return std::pair(due.size(), std::move(notices));
    });
    looked_at += outcome.first;
    Publish(outcome.second);
    if (static_cast<std::int64_t>(outcome.first) < kBatch) break;
  }
  return looked_at;
}

}  // namespace shequ::events
