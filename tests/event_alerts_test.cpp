// Live updates of the workflow: assignments, new reports, escalations, summons and overdue alerts
// reach the right people's event streams, the deadline watch's alerts within a second; and the
// steps answered over HTTP with their errors.
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "events/deadline_watch.hpp"
#include "events/testing/event_test_base.hpp"

namespace shequ {
namespace {

using namespace std::chrono_literals;
using events::fixtures::At;
using testing::BodyOf;
using testing::ErrorCodeOf;

// What one signed-in user's stream received.
class Inbox {
 public:
  Inbox(notify::Notifier& notifier, const auth::Principal& who) : notifier_(notifier) {
    id_ = notifier.Subscribe(
        who,
        [this](const std::string& chunk) {
          std::lock_guard lock(mutex_);
          chunks_.push_back(chunk);
          arrived_.notify_all();
          return true;
        },
        [] {});
  }
  ~Inbox() { notifier_.Unsubscribe(id_); }
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  // The data of the first event of this name, waiting up to `timeout` for it.
  std::optional<nlohmann::json> Await(const std::string& name, std::chrono::milliseconds timeout = 0ms) {
    std::unique_lock lock(mutex_);
    std::optional<nlohmann::json> found;
    arrived_.wait_for(lock, timeout, [&] {
      for (const auto& chunk : chunks_) {
        if (chunk.find("\nevent: " + name + "\n") != std::string::npos) {
          found = nlohmann::json::parse(chunk.substr(chunk.find("\ndata: ") + 7));
          return true;
        }
      }
      return false;
    });
    return found;
  }

 private:
  notify::Notifier& notifier_;
  std::uint64_t id_ = 0;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<std::string> chunks_;
};

class EventAlertsTest : public events::fixtures::EventTestBase {
 protected:
  notify::Notifier& notifier() { return app_.app().notifier(); }
};

TEST_F(EventAlertsTest, NewReportsReachTheGridAndTheCommunity) {
  auth::Principal console;
  console.role = auth::Role::kAdmin;
  console.scope = auth::Scope::National();
  const auto grid = app_.app().grids().Create(
      console, {.community_code = "610921103002", .name = "一网格", .nodes = {compound_}});
  app_.app().grids().AddMember(console, grid.id,
                               {.user_id = gridder_.user_id, .name = "网格员", .role = "full_time"});
  Inbox grid_worker(notifier(), gridder_);
  Inbox community(notifier(), community_);
  Inbox neighbour(notifier(), neighbour_);
  const auto report = Report(resident_, "environment.exposed_garbage", "垃圾堆放");
  EXPECT_EQ(report.event.grid_id, grid.id);
  ASSERT_TRUE(grid_worker.Await("event.reported"));
  const auto told = community.Await("event.reported");
  ASSERT_TRUE(told);
  EXPECT_EQ((*told)["reference"], report.event.reference);
  EXPECT_FALSE(neighbour.Await("event.reported")) << "another community hears nothing";
}

TEST_F(EventAlertsTest, AssignmentsEscalationsAndSummonsReachTheirPeople) {
  Inbox grid_worker(notifier(), gridder_);
  Inbox street(notifier(), street_);
  Inbox department(notifier(), department_);
  const auto id = Dispatched().event.id;
  const auto assigned = grid_worker.Await("event.assigned");
  ASSERT_TRUE(assigned);
  EXPECT_EQ((*assigned)["id"], id);
  Take(street_, id, "summons", {.note = "吹哨", .department_ids = {department_.user_id}});
  ASSERT_TRUE(department.Await("event.summoned"));
  const auto garbage = Report(gridder_, "environment.exposed_garbage", "垃圾").event.id;
  Take(gridder_, garbage, "escalate", {.note = "处理不了"});
  EXPECT_FALSE(street.Await("event.escalated")) << "it went to the community";
  Take(community_, garbage, "escalate", {.note = "需街道"});
  const auto escalated = street.Await("event.escalated");
  ASSERT_TRUE(escalated);
  EXPECT_EQ((*escalated)["level"], "street");
}

TEST_F(EventAlertsTest, TheWatchInTheBackgroundRaisesOverdueAlertsWithinASecond) {
  const auto id = Dispatched().event.id;
  Inbox grid_worker(notifier(), gridder_);
  events::DeadlineWatch watch(app_.app().events(), app_.clock(), 50ms);
  app_.clock().Set(At("2026-02-14T11:31:00"));  // past Saturday 11:30
  const auto started = std::chrono::steady_clock::now();
  const auto alert = grid_worker.Await("event.overdue", 1s);
  ASSERT_TRUE(alert) << "no overdue alert within a second";
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  EXPECT_EQ((*alert)["id"], id);
}

TEST_F(EventAlertsTest, StepsOverHttpAnswerWithTheEventOrTheErrorShape) {
  const auto community = app_.Login("community");
  const auto grid_worker = app_.Login("gridder");
  const auto resident = app_.Login("resident");
  auto created = app_.Post(
      "/api/events",
      {{"category_code", "facilities.manhole"}, {"region_code", compound_}, {"title", "井盖缺失"}}, resident);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto path = "/api/events/" + std::to_string(BodyOf(created)["id"].get<std::int64_t>());
  EXPECT_EQ(app_.Post(path + "/accept", nlohmann::json::object(), resident).status, 403)
      << "residents do not accept";
  auto accepted = app_.Call(http::Method::kPost, path + "/accept", community);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(BodyOf(accepted)["state"], "accepted");
  EXPECT_EQ(BodyOf(accepted)["state_label"], "已受理");
  const auto again = app_.Post(path + "/accept", nlohmann::json::object(), community);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCodeOf(again), "conflict");
  EXPECT_EQ(BodyOf(again)["error"]["details"][0]["problem"], "invalid_transition");
  EXPECT_NE(BodyOf(again)["error"]["message_zh"].get<std::string>().find("已受理"), std::string::npos);
  EXPECT_EQ(ErrorCodeOf(app_.Post(path + "/dispatch", {{"assignee", 1}}, community)), "field_invalid")
      << "unknown fields are refused";
  const auto dispatched = app_.Post(path + "/dispatch", {{"assignee_id", gridder_.user_id}}, community);
  ASSERT_EQ(dispatched.status, 200) << dispatched.body;
  EXPECT_EQ(BodyOf(dispatched)["handler_name"], "gridder");
  EXPECT_EQ(app_.Post(path + "/extension", {{"note", "等"}, {"until", "tomorrow"}}, grid_worker).status, 422);
  const auto mine = BodyOf(app_.Get("/api/events?mine=true&state=open", grid_worker));
  ASSERT_EQ(mine["total"], 1);
  EXPECT_GT(mine["items"][0]["remaining_minutes"].get<std::int64_t>(), 0);
  const auto event = BodyOf(app_.Get(path, community));
  EXPECT_EQ(event["timeline"].size(), 3U);
  EXPECT_EQ(event["timeline"][2]["detail"]["assignee"], "gridder");
}

TEST_F(EventAlertsTest, WorkListsOverHttpFilterByTextHandlerAndReportTime) {
  const auto dispatched = Dispatched();  // 井盖缺失, handled by the grid worker, reported at 16:30
  Later(60);
  const auto later = Report(resident_, "environment.exposed_garbage", "楼下垃圾 100%满了");
  const auto community = app_.Login("community");  // after the hour, in which a session idles out
  const auto total_of = [&](const std::string& query) {
    const auto response = app_.Get("/api/events?" + query, community);
    EXPECT_EQ(response.status, 200) << query << ": " << response.body;
    return BodyOf(response)["total"].get<std::int64_t>();
  };
  EXPECT_EQ(total_of("q=%E4%BA%95%E7%9B%96"), 1) << "井盖, in the title";
  EXPECT_EQ(total_of("q=" + later.event.reference), 1) << "the reference number";
  EXPECT_EQ(total_of("q=100%25"), 1) << "a percent sign is a character, not a wildcard";
  EXPECT_EQ(total_of("q=10%25%25"), 0);
  EXPECT_EQ(total_of("handler=" + std::to_string(gridder_.user_id)), 1);
  EXPECT_EQ(total_of("handler=" + std::to_string(community_.user_id)), 0);
  EXPECT_EQ(total_of("from=2026-02-13T17:00:00%2B08:00"), 1) << "only the later report";
  EXPECT_EQ(total_of("to=2026-02-13T17:00:00%2B08:00"), 1) << "only the earlier one";
  EXPECT_EQ(total_of("from=2026-02-13T16:30:00%2B08:00&to=2026-02-13T17:30:00%2B08:00"), 1)
      << "from is inclusive, to exclusive: the 17:30 report is left out";
  EXPECT_EQ(total_of("from=2026-02-13T16:30:00%2B08:00&to=2026-02-13T17:30:00.001%2B08:00"), 2);
  EXPECT_EQ(total_of("department=" + std::string("%E5%8E%BF%E4%BD%8F%E5%BB%BA%E5%B1%80")), 0)
      << "nothing has gone to a department";
  const auto bad = app_.Get("/api/events?from=yesterday", community);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(BodyOf(bad)["error"]["details"][0]["problem"], "not_a_time");
  EXPECT_EQ(app_.Get("/api/events?handler=x", community).status, 400);
  EXPECT_EQ(dispatched.event.handler_id, gridder_.user_id);
}

}  // namespace
}  // namespace shequ
