#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/errors/error.hpp"
#include "events/stage_clock.hpp"
#include "events/testing/event_test_base.hpp"
#include "events/workflow.hpp"

namespace shequ::events {
namespace {

using fixtures::At;
using fixtures::Local;
using shequ::testing::ErrorOf;

class EventWorkflowTest : public fixtures::EventTestBase {
 protected:
  std::vector<std::string> Actions(const EventView& view) {
    std::vector<std::string> actions;
    for (const auto& entry : view.timeline) actions.push_back(entry.action);
    return actions;
  }

  // An event brought to `state` along the usual path.
  std::int64_t EventIn(std::string_view state) {
    const auto id = Report(resident_, "facilities.manhole").event.id;
    if (state == kReported) return id;
    if (state == kRejected) return Take(community_, id, "reject", {.note = "重复上报"}).event.id;
    if (state == kMerged) {
      const auto other = Report(resident_, "facilities.manhole").event.id;
      return Take(community_, id, "merge", {.into = other}).event.id;
    }
    Take(community_, id, "accept");
    if (state == kAccepted) return id;
    if (state == kShelved) return Take(community_, id, "shelve", {.note = "待资金"}).event.id;
    Take(community_, id, "dispatch", {.assignee_id = gridder_.user_id});
    if (state == kDispatched) return id;
    Take(gridder_, id, "start");
    if (state == kInProgress) return id;
    Take(gridder_, id, "feedback", {.note = "已处置"});
    if (state == kResolved) return id;
    Take(checker_, id, "verify", {.passed = true});
    if (state == kVerified) return id;
    Take(community_, id, "close");
    return id;
  }
};

TEST_F(EventWorkflowTest, FromReportToRatingEachStageOnItsOwnClock) {
  // 井盖缺失: 受理 within 1 working hour, 处置 within 4 more.
  const auto report = Report(resident_, "facilities.manhole");
  EXPECT_EQ(report.event.state, "reported");
  EXPECT_FALSE(report.event.owner_id) << "a resident's report waits for staff";
  EXPECT_EQ(Local(*report.event.due_at), "2026-02-13T17:30") << "受理: one working hour";
  Later(30);
  const auto accepted = Take(community_, report.event.id, "accept");
  EXPECT_EQ(accepted.event.state, "accepted");
  EXPECT_EQ(accepted.event.owner_id, community_.user_id) << "首问负责: whoever takes it holds it";
  EXPECT_EQ(Local(*accepted.event.due_at), "2026-02-14T12:00")
      << "处置 starts at 17:00: half an hour today, three and a half on the make-up Saturday";
  const auto dispatched = Take(community_, report.event.id, "dispatch", {.assignee_id = gridder_.user_id});
  EXPECT_EQ(dispatched.event.state, "dispatched");
  EXPECT_EQ(dispatched.event.owner_id, gridder_.user_id) << "handed over: the handler holds it now";
  EXPECT_EQ(dispatched.event.handler_id, gridder_.user_id);
  EXPECT_EQ(Local(*dispatched.event.due_at), "2026-02-14T12:00") << "the 处置 clock runs on";
  EXPECT_EQ(Take(gridder_, report.event.id, "start").event.state, "in_progress");
  const auto resolved = Take(gridder_, report.event.id, "feedback", {.note = "已更换井盖"});
  EXPECT_EQ(resolved.event.state, "resolved");
  EXPECT_EQ(resolved.event.owner_id, community_.user_id) << "back to the dispatcher to verify";
  EXPECT_EQ(Take(checker_, report.event.id, "verify", {.passed = true}).event.state, "verified");
  const auto closed = Take(community_, report.event.id, "close");
  EXPECT_EQ(closed.event.state, "closed");
  EXPECT_TRUE(closed.event.finished_at);
  EXPECT_FALSE(closed.event.ever_overdue);
  const auto rated =
      Take(resident_, report.event.id, "rating", {.note = "很快", .satisfaction = "satisfied"});
  EXPECT_EQ(rated.event.satisfaction, "satisfied");
  EXPECT_EQ(rated.event.state, "closed");
  EXPECT_EQ(Actions(rated), (std::vector<std::string>{"report", "accept", "dispatch", "start", "feedback",
                                                      "verify", "close", "rating"}));
  EXPECT_EQ(rated.timeline[1].from_state, "reported");
  EXPECT_EQ(rated.timeline[1].actor_name, "community");
  EXPECT_EQ(rated.timeline[4].note, "已更换井盖");
  EXPECT_EQ(ErrorOf([&] { Take(resident_, report.event.id, "rating", {.satisfaction = "satisfied"}); }),
            ErrorCode::kConflict)
      << "rated once";
}

TEST_F(EventWorkflowTest, EveryStepRefusedFromEveryStateItDoesNotStartFrom) {
  const std::vector<std::string_view> states = {kReported, kAccepted, kDispatched, kInProgress, kResolved,
                                                kVerified, kClosed,   kShelved,    kRejected,   kMerged};
  int refused = 0;
  for (const auto state : states) {
    const auto id = EventIn(state);
    ASSERT_EQ(events().Get(community_, id).event.state, state);
    for (const auto& step : Steps()) {
      if (StartsFrom(step, state)) continue;
      // The admin holds every permission, so only the state can refuse.
      auth::Principal admin = community_;
      admin.role = auth::Role::kAdmin;
      admin.scope = auth::Scope::National();
      try {
        Take(admin, id, step.action, {.note = "说明", .passed = true, .satisfaction = "satisfied"});
        ADD_FAILURE() << step.action << " from " << state << " was allowed";
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kConflict) << step.action << " from " << state;
        EXPECT_EQ(e.details()[0]["problem"], "invalid_transition") << step.action << " from " << state;
        ++refused;
      }
      EXPECT_EQ(events().Get(community_, id).event.state, state) << "nothing changed";
    }
  }
  EXPECT_GT(refused, 100);
}

TEST_F(EventWorkflowTest, OnlyTheHandlerWorksOnItAndSomeoneElseVerifies) {
  const auto id = Dispatched().event.id;
  EXPECT_EQ(ErrorOf([&] { Take(community_, id, "start"); }), ErrorCode::kForbidden);
  Take(gridder_, id, "start");
  EXPECT_EQ(ErrorOf([&] { Take(checker_, id, "feedback", {.note = "好了"}); }), ErrorCode::kForbidden);
  EXPECT_EQ(ErrorOf([&] { Take(gridder_, id, "feedback"); }), ErrorCode::kFieldMissing)
      << "反馈 says what was done";
  Take(gridder_, id, "feedback", {.note = "已处置"});
  auth::Principal handler_as_supervisor = gridder_;
  handler_as_supervisor.role = auth::Role::kCommunity;
  EXPECT_EQ(ErrorOf([&] { Take(handler_as_supervisor, id, "verify", {.passed = true}); }),
            ErrorCode::kForbidden)
      << "有人监督: never the handler";
  EXPECT_EQ(ErrorOf([&] { Take(checker_, id, "verify", {.passed = false}); }), ErrorCode::kFieldMissing)
      << "a failed check says what is wrong";
  const auto rework = Take(checker_, id, "verify", {.note = "井盖不平", .passed = false});
  EXPECT_EQ(rework.event.state, "in_progress");
  EXPECT_EQ(rework.event.owner_id, gridder_.user_id) << "back to the handler";
  EXPECT_EQ(Local(*rework.event.due_at), "2026-02-14T11:30") << "4 working hours from Friday 16:30 again";
  EXPECT_EQ(ErrorOf([&] { Take(neighbour_, id, "start"); }), ErrorCode::kNotFound)
      << "outside the area: no such event";
}

TEST_F(EventWorkflowTest, DispatchNeedsStaffWorkingThere) {
  const auto id = Report(community_, "facilities.manhole").event.id;
  Take(community_, id, "accept");
  EXPECT_EQ(ErrorOf([&] { Take(community_, id, "dispatch"); }), ErrorCode::kFieldMissing);
  EXPECT_EQ(ErrorOf([&] { Take(community_, id, "dispatch", {.assignee_id = resident_.user_id}); }),
            ErrorCode::kFieldInvalid);
  EXPECT_EQ(ErrorOf([&] { Take(community_, id, "dispatch", {.assignee_id = neighbour_.user_id}); }),
            ErrorCode::kFieldInvalid)
      << "the next community's staff do not work here";
  EXPECT_EQ(ErrorOf([&] { Take(community_, id, "dispatch", {.assignee_id = 999999}); }),
            ErrorCode::kFieldInvalid);
  const auto to_department = Take(community_, id, "dispatch", {.assignee_id = department_.user_id});
  EXPECT_EQ(to_department.event.department, "housing-bureau");
}

TEST_F(EventWorkflowTest, ReturnedToTheDispatcherWithTheReason) {
  const auto id = Dispatched().event.id;
  EXPECT_EQ(ErrorOf([&] { Take(gridder_, id, "return"); }), ErrorCode::kFieldMissing);
  const auto back = Take(gridder_, id, "return", {.note = "不属于网格，应由供水公司处理"});
  EXPECT_EQ(back.event.state, "accepted");
  EXPECT_EQ(back.event.owner_id, community_.user_id);
  EXPECT_FALSE(back.event.handler_id);
  EXPECT_EQ(back.timeline.back().note, "不属于网格，应由供水公司处理");
  EXPECT_EQ(back.timeline.back().detail["handler"], "gridder");
}

TEST_F(EventWorkflowTest, ExtensionsAreAskedForAndDecidedBySomeoneElse) {
  const auto view = Dispatched();
  const auto id = view.event.id;
  const auto due = *view.event.due_at;
  EXPECT_EQ(ErrorOf([&] { Take(gridder_, id, "extension", {.note = "等配件", .until = due - 1}); }),
            ErrorCode::kFieldInvalid)
      << "later, not earlier";
  EXPECT_EQ(ErrorOf([&] { Take(community_, id, "extension/approve"); }), ErrorCode::kConflict)
      << "nothing asked";
  const auto asked = Take(gridder_, id, "extension", {.note = "等配件", .until = At("2026-02-25T17:30:00")});
  EXPECT_EQ(asked.event.extension_until, At("2026-02-25T17:30:00"));
  EXPECT_EQ(asked.event.due_at, due) << "not before it is approved";
  EXPECT_EQ(
      ErrorOf([&] { Take(gridder_, id, "extension", {.note = "再等", .until = At("2026-02-26T17:30:00")}); }),
      ErrorCode::kConflict)
      << "one request at a time";
  const auto approved = Take(community_, id, "extension/approve");
  EXPECT_EQ(approved.event.due_at, At("2026-02-25T17:30:00"));
  EXPECT_FALSE(approved.event.extension_until);
  Take(gridder_, id, "extension", {.note = "仍缺配件", .until = At("2026-02-27T17:30:00")});
  const auto denied = Take(community_, id, "extension/deny", {.note = "不予延期"});
  EXPECT_EQ(denied.event.due_at, At("2026-02-25T17:30:00"));
  EXPECT_EQ(Actions(denied).back(), "extension_denied");
}

TEST_F(EventWorkflowTest, ShelvedEventsStayInViewWithoutAlertsAndResumeOnAFreshClock) {
  const auto id = Dispatched().event.id;
  const auto shelved = Take(community_, id, "shelve", {.note = "需改造资金，暂无法解决"});
  EXPECT_EQ(shelved.event.state, "shelved");
  EXPECT_FALSE(shelved.event.next_check_at) << "the watch leaves it alone";
  EXPECT_EQ(events().List(community_, {.state = "open"}).total, 1) << "still in view";
  app_.clock().Set(At("2026-03-02T09:00:00"));
  const auto resumed = Take(community_, id, "resume");
  EXPECT_EQ(resumed.event.state, "dispatched") << "where it was";
  EXPECT_EQ(Local(*resumed.event.due_at), "2026-03-02T15:00")
      << "4 working hours from Monday 09:00, lunch aside";
}

TEST_F(EventWorkflowTest, DuplicatesAreSuggestedAndMerged) {
  const auto first = Report(community_, "facilities.manhole", "3栋门口井盖缺失");
  EXPECT_TRUE(first.possible_duplicates.empty());
  const auto noise = Report(community_, "order.noise", "夜间施工噪声");
  EXPECT_TRUE(noise.possible_duplicates.empty()) << "another category";
  const auto second = Report(gridder_, "facilities.manhole", "井盖丢了");
  ASSERT_EQ(second.possible_duplicates.size(), 1U);
  EXPECT_EQ(second.possible_duplicates[0].id, first.event.id);
  EXPECT_EQ(events().Duplicates(community_, first.event.id).front().id, second.event.id);
  EXPECT_EQ(ErrorOf([&] { Take(community_, second.event.id, "merge", {.into = second.event.id}); }),
            ErrorCode::kFieldInvalid);
  const auto merged = Take(community_, second.event.id, "merge", {.into = first.event.id});
  EXPECT_EQ(merged.event.state, "merged");
  EXPECT_EQ(merged.event.merged_into, first.event.id);
  EXPECT_EQ(Actions(events().Get(community_, first.event.id)).back(), "merged_in");
  EXPECT_TRUE(events().Duplicates(community_, first.event.id).empty()) << "a merged event is no longer open";
  const auto third = Report(community_, "facilities.manhole", "井盖");
  const auto closed = Closed();
  EXPECT_EQ(ErrorOf([&] { Take(community_, third.event.id, "merge", {.into = closed.event.id}); }),
            ErrorCode::kFieldInvalid)
      << "not into a closed event";
}

TEST_F(EventWorkflowTest, EscalationClimbsLevelByLevelToTheCategorysDepartment) {
  const auto id = Report(gridder_, "facilities.manhole").event.id;
  EXPECT_EQ(events().Get(gridder_, id).event.level, "street") << "the category's default level";
  const auto grid_event = Report(gridder_, "environment.exposed_garbage").event.id;
  EXPECT_EQ(ErrorOf([&] { Take(gridder_, grid_event, "escalate"); }), ErrorCode::kFieldMissing) << "why";
  const auto up = Take(gridder_, grid_event, "escalate", {.note = "网格内无法处置"});
  EXPECT_EQ(up.event.level, "community");
  EXPECT_EQ(up.event.state, "reported");
  EXPECT_FALSE(up.event.owner_id) << "waits for the community to take it";
  Take(community_, grid_event, "accept");
  EXPECT_EQ(ErrorOf([&] { Take(community_, grid_event, "escalate", {.note = "x", .level = "grid"}); }),
            ErrorCode::kFieldInvalid)
      << "never down";
  EXPECT_EQ(Take(community_, grid_event, "escalate", {.note = "需街道协调"}).event.level, "street");
  EXPECT_EQ(ErrorOf([&] { Take(street_, grid_event, "escalate", {.note = "职能部门处理"}); }),
            ErrorCode::kFieldInvalid)
      << "暴露垃圾 names no department: say which";
  const auto to_department =
      Take(street_, grid_event, "escalate", {.note = "职能部门处理", .department = "县城市管理局"});
  EXPECT_EQ(to_department.event.level, "department");
  EXPECT_EQ(to_department.event.department, "县城市管理局");
  EXPECT_EQ(Take(street_, id, "escalate", {.note = "交住建局"}).event.department, "县住建局")
      << "the category's department by default";
}

TEST_F(EventWorkflowTest, DissatisfactionReopensAndTheNextResultIsRatedAgain) {
  const auto id = Closed().event.id;
  EXPECT_EQ(ErrorOf([&] { Take(gridder_, id, "rating", {.satisfaction = "satisfied"}); }),
            ErrorCode::kForbidden)
      << "only the reporter rates";
  EXPECT_EQ(ErrorOf([&] { Take(resident_, id, "rating", {.satisfaction = "great"}); }),
            ErrorCode::kFieldInvalid);
  const auto reopened =
      Take(resident_, id, "rating", {.note = "井盖还是松的", .satisfaction = "dissatisfied", .reopen = true});
  EXPECT_EQ(reopened.event.state, "accepted");
  EXPECT_EQ(reopened.event.reopen_count, 1);
  EXPECT_EQ(reopened.event.owner_id, community_.user_id) << "back to the dispatcher";
  EXPECT_FALSE(reopened.event.finished_at);
  Take(community_, id, "dispatch", {.assignee_id = gridder_.user_id});
  Take(gridder_, id, "start");
  Take(gridder_, id, "feedback", {.note = "重新固定"});
  Take(checker_, id, "verify", {.passed = true});
  Take(community_, id, "close");
  EXPECT_EQ(Take(resident_, id, "rating", {.satisfaction = "basically_satisfied"}).event.satisfaction,
            "basically_satisfied");
  EXPECT_EQ(ErrorOf([&] { Take(gridder_, id, "reopen", {.note = "x"}); }), ErrorCode::kForbidden)
      << "a grid worker is neither the reporter nor a supervisor";
  EXPECT_EQ(Take(checker_, id, "reopen", {.note = "回访发现未修好"}).event.reopen_count, 2);
}

TEST_F(EventWorkflowTest, MultiStageWorkAdvancesStageByStage) {
  // 私搭乱建: 停工 in 4 working hours, 处罚 in 7 working days, 拆除 in 20 working days.
  app_.clock().Set(At("2026-03-02T09:00:00"));
  const auto id = Report(street_, "construction.illegal_building", "违规搭建彩钢房").event.id;
  Take(street_, id, "accept");
  Take(street_, id, "dispatch", {.assignee_id = department_.user_id});
  Take(department_, id, "start");
  const auto stopped = Take(department_, id, "feedback", {.note = "已责令停工"});
  EXPECT_EQ(stopped.event.state, "in_progress");
  EXPECT_EQ(stopped.event.stage_index, 1);
  EXPECT_EQ(stopped.timeline.back().detail["stage"], "停工");
  EXPECT_EQ(Local(*stopped.event.due_at), "2026-03-11T17:30") << "处罚: 7 working days from Monday";
  Take(department_, id, "feedback", {.note = "已下达处罚决定"});
  const auto demolished = Take(department_, id, "feedback", {.note = "已拆除"});
  EXPECT_EQ(demolished.event.state, "resolved");
  EXPECT_EQ(demolished.event.owner_id, street_.user_id);
}

TEST_F(EventWorkflowTest, DepartmentsSummonedCheckInAndSayWhatTheyWillDo) {
  const auto id = Dispatched().event.id;
  EXPECT_EQ(ErrorOf([&] { Take(street_, id, "summons"); }), ErrorCode::kFieldMissing);
  EXPECT_EQ(ErrorOf([&] { Take(street_, id, "summons", {.department_ids = {community_.user_id}}); }),
            ErrorCode::kFieldInvalid)
      << "only departments are summoned";
  const auto summoned =
      Take(street_, id, "summons", {.note = "井盖问题多次反映", .department_ids = {department_.user_id}});
  ASSERT_EQ(summoned.summons.size(), 1U);
  const auto summons = summoned.summons[0];
  EXPECT_EQ(summons.due_at - summons.summoned_at, 30 * 60'000) << "30 minutes by default";
  EXPECT_EQ(ErrorOf([&] { Take(department_, id, "check-in", {.summons_id = summons.id}); }),
            ErrorCode::kFieldMissing)
      << "a check-in says what the department will do";
  Later(20);
  const auto checked = Take(department_, id, "check-in", {.note = "今日派人更换", .summons_id = summons.id});
  EXPECT_EQ(checked.summons[0].response, "今日派人更换");
  EXPECT_EQ(checked.summons[0].checked_in_at, app_.clock().NowMillis());
  EXPECT_EQ(checked.timeline.back().detail["late"], false);
  EXPECT_EQ(ErrorOf([&] { Take(department_, id, "check-in", {.note = "again", .summons_id = summons.id}); }),
            ErrorCode::kConflict);
  const auto second = Take(street_, id, "summons",
                           {.note = "再次吹哨", .department_ids = {department_.user_id}, .minutes = 10});
  Later(15);
  const auto late = Take(department_, id, "check-in", {.note = "到场", .summons_id = second.summons[1].id});
  EXPECT_EQ(late.timeline.back().detail["late"], true);
}

TEST_F(EventWorkflowTest, ADepartmentSeesOnlyTheEventsItIsGivenOrSummonedTo) {
  const auto seen = [&](std::int64_t id) { return ErrorOf([&] { events().Get(department_, id); }); };
  const auto listed = [&] {
    std::vector<std::int64_t> ids;
    for (const auto& e : events().List(department_, {.limit = 200}).items) ids.push_back(e.id);
    return ids;
  };
  const auto others = Report(gridder_, "environment.exposed_garbage").event.id;
  const auto given = Report(gridder_, "facilities.manhole").event.id;
  EXPECT_EQ(seen(others), ErrorCode::kNotFound) << "the county is its area, not its business";
  EXPECT_EQ(seen(given), ErrorCode::kNotFound);
  EXPECT_TRUE(listed().empty());
  EXPECT_EQ(ErrorOf([&] { Take(department_, given, "accept"); }), ErrorCode::kNotFound);

  Take(street_, given, "escalate", {.note = "交部门处理", .department = NameOf(department_)});
  EXPECT_FALSE(seen(given).has_value()) << "given to it by name";
  Take(department_, given, "accept");
  const auto summoned = Dispatched().event.id;
  EXPECT_EQ(seen(summoned), ErrorCode::kNotFound);
  Take(street_, summoned, "summons", {.note = "吹哨", .department_ids = {department_.user_id}});
  EXPECT_FALSE(seen(summoned).has_value()) << "summoned to it";
  auto ids = listed();
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{given, summoned}));
  EXPECT_EQ(seen(others), ErrorCode::kNotFound);
  EXPECT_EQ(events().List(street_, {.limit = 200}).total, 3) << "the street still sees all of them";
}

TEST_F(EventWorkflowTest, AStaleVersionChangesNothing) {
  const auto report = Report(resident_, "facilities.manhole");
  Take(community_, report.event.id, "accept");
  EXPECT_EQ(ErrorOf([&] {
              Take(checker_, report.event.id, "dispatch",
                   {.version = report.event.version, .assignee_id = gridder_.user_id});
            }),
            ErrorCode::kConflict);
  EXPECT_EQ(events().Get(community_, report.event.id).event.state, "accepted");
}

TEST_F(EventWorkflowTest, WorkListsFilterByHolderLevelAndState) {
  const auto waiting = Report(resident_, "order.noise").event.id;
  const auto mine = Dispatched().event.id;
  EXPECT_EQ(events().List(gridder_, {.mine = true}).items.front().id, mine);
  const auto pool = events().List(community_, {.unassigned = true});
  ASSERT_EQ(pool.total, 1);
  EXPECT_EQ(pool.items[0].id, waiting);
  EXPECT_EQ(events().List(community_, {.level = "street"}).total, 1) << "井盖 starts at street level";
  Closed();
  EXPECT_EQ(events().List(community_, {.state = "open"}).total, 2);
  EXPECT_EQ(events().List(community_, {.state = "closed"}).total, 1);
  app_.clock().Set(At("2026-02-25T09:00:00"));
  EXPECT_EQ(events().List(community_, {.state = "overdue"}).total, 2);
}

}  // namespace
}  // namespace shequ::events
