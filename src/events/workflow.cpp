#include "events/workflow.hpp"

#include <algorithm>
#include <array>

#include "events/event.hpp"

namespace shequ::events {
namespace {

// Where a handler works: dispatched (派遣, not yet started) or in progress (处置).
const std::vector<std::string_view> kWorking = {kDispatched, kInProgress};
const std::vector<std::string_view> kUnfinished = {kReported, kAccepted, kDispatched, kInProgress,
                                                   kResolved, kVerified, kShelved};

const std::vector<Step>& Table() {
  static const std::vector<Step> kSteps = {
      {"accept", "受理", kHandle, {kReported}, false, "受理/立案: take a reported event in"},
      {"reject", "不予受理", kHandle, {kReported}, true, "不予受理: refuse a report, with the reason"},
      {"dispatch", "派遣", kHandle, {kAccepted}, false, "派遣: send an accepted event to a handler"},
      {"start", "签收处置", kHandle, {kDispatched}, false, "签收: the handler starts work"},
      {"feedback",
       "反馈",
       kHandle,
       {kInProgress},
       true,
       "反馈: the handler reports a stage done (the last stage: resolved, awaiting verification)"},
      {"return", "退回", kHandle, kWorking, true,
       "退回: the handler sends it back to the dispatcher (\"not ours: it belongs to …\")"},
      {"extension", "延期申请", kHandle, kWorking, true, "延期申请: the handler asks for a later due time"},
      {"escalate",
       "上报升级",
       kHandle,
       {kReported, kAccepted, kDispatched, kInProgress},
       true,
       "升级: hand the event to the level above (grid → community → street → department)"},
      {"verify",
       "核查",
       kSupervise,
       {kResolved},
       false,
       "核查: someone other than the handler checks the result (passed, or back to the handler)"},
      {"close", "结案", kSupervise, {kVerified}, false, "结案: close a verified event"},
      {"extension/approve", "批准延期", kSupervise, kWorking, false,
       "批准延期: grant the extension asked for"},
      {"extension/deny", "驳回延期", kSupervise, kWorking, true, "驳回延期: refuse the extension asked for"},
      {"shelve",
       "挂账",
       kSupervise,
       {kAccepted, kDispatched, kInProgress},
       true,
       "挂账: cannot be solved now; kept in view without deadline alerts"},
      {"resume", "恢复办理", kSupervise, {kShelved}, false, "恢复: take a shelved event up again"},
      {"merge",
       "合并",
       kSupervise,
       {kReported, kAccepted, kDispatched, kInProgress, kShelved},
       false,
       "合并: merge a duplicate into another open event"},
      {"supervise", "督办", kSupervise, kUnfinished, true, "督办: mark an event 黄牌 or 红牌 by hand"},
      {"summons",
       "吹哨",
       kWhistle,
       {kReported, kAccepted, kDispatched, kInProgress},
       false,
       "吹哨报到: summon departments, each to check in within the limit"},
      {"check-in", "报到", kCheckIn, kUnfinished, false,
       "报到: a summoned department checks in and responds"},
      {"reopen",
       "重新打开",
       kAnyone,
       {kVerified, kClosed},
       true,
       "重新打开: the reporter or a supervisor says it is not fixed"},
      {"rating",
       "评价",
       kAnyone,
       {kClosed},
       false,
       "评价: the reporter rates the result (不满意 may reopen it)"},
  };
  return kSteps;
}

}  // namespace

std::span<const Step> Steps() { return Table(); }

const Step* FindStep(std::string_view action) {
  for (const auto& step : Table()) {
    if (step.action == action) return &step;
  }
  return nullptr;
}

bool StartsFrom(const Step& step, std::string_view state) {
  return std::find(step.from.begin(), step.from.end(), state) != step.from.end();
}

std::string_view LevelAbove(std::string_view level) {
  if (level == "grid") return "community";
  if (level == "community") return "street";
  if (level == "street") return "department";
  return "";
}

int LevelRank(std::string_view level) {
  static constexpr std::array<std::string_view, 4> kLevels = {"grid", "community", "street", "department"};
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    if (kLevels[i] == level) return static_cast<int>(i);
  }
  return -1;
}

std::string_view StateLabel(std::string_view state) {
  if (state == kReported) return "待受理";
  if (state == kAccepted) return "已受理";
  if (state == kDispatched) return "已派遣";
  if (state == kInProgress) return "处置中";
  if (state == kResolved) return "待核查";
  if (state == kVerified) return "已核查";
  if (state == kClosed) return "已结案";
  if (state == kShelved) return "挂账";
  if (state == kRejected) return "不予受理";
  if (state == kMerged) return "已合并";
  return "";
}

std::string_view LevelLabel(std::string_view level) {
  if (level == "grid") return "网格";
  if (level == "community") return "社区";
  if (level == "street") return "街道";
  if (level == "department") return "职能部门";
  return "";
}

}  // namespace shequ::events
