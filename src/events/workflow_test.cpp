#include "events/workflow.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "events/event.hpp"

namespace shequ::events {
namespace {

TEST(Workflow, EveryStepHasARouteNameALabelAndAKnownPermission) {
  std::set<std::string_view> actions;
  const std::set<std::string_view> permissions = {kHandle, kSupervise, kWhistle, kCheckIn, kAnyone};
  for (const auto& step : Steps()) {
    EXPECT_TRUE(actions.insert(step.action).second) << step.action << " twice";
    EXPECT_FALSE(step.label.empty()) << step.action;
    EXPECT_TRUE(permissions.contains(step.permission)) << step.action;
    EXPECT_FALSE(step.from.empty()) << step.action;
    EXPECT_EQ(FindStep(step.action), &step);
  }
  EXPECT_EQ(FindStep("teleport"), nullptr);
}

TEST(Workflow, FinishedEventsTakeOnlyReopeningAndRating) {
  for (const auto& step : Steps()) {
    EXPECT_FALSE(StartsFrom(step, kRejected)) << step.action;
    EXPECT_FALSE(StartsFrom(step, kMerged)) << step.action;
    if (StartsFrom(step, kClosed)) {
      EXPECT_TRUE(step.action == "reopen" || step.action == "rating") << step.action;
    }
  }
}

TEST(Workflow, TheHappyPathIsAChain) {
  EXPECT_TRUE(StartsFrom(*FindStep("accept"), kReported));
  EXPECT_TRUE(StartsFrom(*FindStep("dispatch"), kAccepted));
  EXPECT_TRUE(StartsFrom(*FindStep("start"), kDispatched));
  EXPECT_TRUE(StartsFrom(*FindStep("feedback"), kInProgress));
  EXPECT_TRUE(StartsFrom(*FindStep("verify"), kResolved));
  EXPECT_TRUE(StartsFrom(*FindStep("close"), kVerified));
  EXPECT_TRUE(StartsFrom(*FindStep("rating"), kClosed));
  EXPECT_FALSE(StartsFrom(*FindStep("close"), kResolved)) << "核查 before 结案";
  EXPECT_FALSE(StartsFrom(*FindStep("dispatch"), kReported)) << "受理 before 派遣";
}

TEST(Workflow, LevelsClimbFromGridToDepartment) {
  EXPECT_EQ(LevelAbove("grid"), "community");
  EXPECT_EQ(LevelAbove("community"), "street");
  EXPECT_EQ(LevelAbove("street"), "department");
  EXPECT_EQ(LevelAbove("department"), "");
  EXPECT_LT(LevelRank("grid"), LevelRank("department"));
  EXPECT_EQ(LevelRank("moon"), -1);
  EXPECT_EQ(StateLabel(kInProgress), "处置中");
  EXPECT_EQ(LevelLabel("street"), "街道");
}

}  // namespace
}  // namespace shequ::events
