// The steps an event can take (上报 → 受理 → 派遣 → 处置 → 反馈 → 核查 → 结案 → 评价, with 退回,
// 延期, 挂账, 重新打开, 合并, 升级, 督办 and 吹哨报到) and the states each may start from. Pure rules:
// the service applies them, the manifest makes a route of each, the tests walk the table.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace shequ::events {

struct Step {
  std::string_view action;             // the route's last segment: /api/events/{id}/<action>
  std::string_view label;              // 受理, 派遣 …, for timelines and screens
  std::string_view permission;         // who may take it (the manifest grants these to roles)
  std::vector<std::string_view> from;  // the states it starts from
  bool needs_note = false;             // a reason is required (退回, 挂账, 重新打开 …)
  std::string_view summary;            // for the API description
};

// Permissions: handling is for every member of staff; supervising (核查, 结案, 挂账, 合并, 督办,
// approving extensions) for community staff and above; 吹哨 for streets and above; check-ins
// for departments.
inline constexpr std::string_view kHandle = "events.handle";
inline constexpr std::string_view kSupervise = "events.supervise";
inline constexpr std::string_view kWhistle = "events.whistle";
inline constexpr std::string_view kCheckIn = "events.check_in";
inline constexpr std::string_view kAnyone = "signed_in";

std::span<const Step> Steps();
const Step* FindStep(std::string_view action);
bool StartsFrom(const Step& step, std::string_view state);

// The level above: grid → community → street → department; "" above department.
std::string_view LevelAbove(std::string_view level);
int LevelRank(std::string_view level);  // grid 0 … department 3, -1 unknown

// Chinese names of states, levels and 督办 marks, for notes and status texts.
std::string_view StateLabel(std::string_view state);
std::string_view LevelLabel(std::string_view level);

}  // namespace shequ::events
