#include "accounts/session_service.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "support/test_app.hpp"

namespace shequ::accounts {
namespace {

using namespace std::chrono_literals;

class SessionServiceTest : public ::testing::Test {
 protected:
  SessionServiceTest() { app_.CreateUser("wangwu", "grid_worker", {"610921100001001"}); }

  SessionService& sessions() { return app_.app().sessions(); }

  ErrorCode LoginCode(const std::string& password, const std::string& ip = "10.0.0.1",
                      const std::string& user = "wangwu") {
    try {
      sessions().Login(user, password, ip, "test");
      return ErrorCode::kInternal;  // stands for "succeeded" here
    } catch (const Error& error) {
      return error.code();
    }
  }

  testing::TestApp app_;
};

TEST_F(SessionServiceTest, SignsInAndAuthenticatesTheToken) {
  const auto result = sessions().Login(" WangWu ", "Shequ-Test-2026", "10.0.0.1", "phone");
  EXPECT_GE(result.token.size(), 40u);
  const auto principal = sessions().Authenticate(result.token, "10.0.0.1");
  EXPECT_EQ(principal.username, "wangwu");
  EXPECT_EQ(principal.role, auth::Role::kGridWorker);
  EXPECT_TRUE(principal.scope.Contains("610921100001001"));
  EXPECT_FALSE(principal.scope.Contains("610921100001002"));
}

TEST_F(SessionServiceTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  EXPECT_EQ(LoginCode("wrong"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(LoginCode("Shequ-Test-2026", "10.0.0.1", "nobody"), ErrorCode::kInvalidCredentials);
  audit::AuditFilter failures;
  failures.result = audit::Outcome::kFailure;
  EXPECT_EQ(app_.app().audit().Search(failures).size(), 2u);
}

TEST_F(SessionServiceTest, ThrottlesAUsernameAfterFiveFailuresUntilTheWindowPasses) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(LoginCode("wrong", "10.0.0." + std::to_string(i)), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(LoginCode("Shequ-Test-2026", "10.0.0.99"), ErrorCode::kTooManyRequests)
      << "even the right password is refused while throttled";
  app_.clock().Advance(16min);
  EXPECT_EQ(LoginCode("Shequ-Test-2026"), ErrorCode::kInternal) << "signed in after the window";
}

TEST_F(SessionServiceTest, ASuccessResetsTheUsernameCount) {
  for (int i = 0; i < 4; ++i) LoginCode("wrong");
  EXPECT_EQ(LoginCode("Shequ-Test-2026"), ErrorCode::kInternal);
  app_.clock().Advance(1s);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(LoginCode("wrong"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(LoginCode("Shequ-Test-2026"), ErrorCode::kInternal);
}

TEST_F(SessionServiceTest, ThrottlesAnAddressGuessingManyUsernames) {
  for (int i = 0; i < 30; ++i) LoginCode("wrong", "10.9.9.9", "user" + std::to_string(i));
  EXPECT_EQ(LoginCode("Shequ-Test-2026", "10.9.9.9"), ErrorCode::kTooManyRequests);
  EXPECT_EQ(LoginCode("Shequ-Test-2026", "10.9.9.10"), ErrorCode::kInternal)
      << "other addresses are unaffected";
}

TEST_F(SessionServiceTest, SessionsExpireWhenIdleAndAtTheirLifetime) {
  const auto token = sessions().Login("wangwu", "Shequ-Test-2026", "10.0.0.1", "").token;
  app_.clock().Advance(29min);
  EXPECT_NO_THROW(sessions().Authenticate(token, "10.0.0.1")) << "activity keeps it alive";
  app_.clock().Advance(29min);
  EXPECT_NO_THROW(sessions().Authenticate(token, "10.0.0.1"));
  app_.clock().Advance(31min);
  try {
    sessions().Authenticate(token, "10.0.0.1");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kSessionExpired);
  }
  const auto busy = sessions().Login("wangwu", "Shequ-Test-2026", "10.0.0.1", "").token;
  for (int i = 0; i < 25; ++i) {
    app_.clock().Advance(29min);
    try {
      sessions().Authenticate(busy, "10.0.0.1");
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kSessionExpired);
      EXPECT_GE(i, 24) << "ended by the 12-hour lifetime, not earlier";
      return;
    }
  }
  FAIL() << "a session outlived its absolute lifetime";
}

TEST_F(SessionServiceTest, LogoutEndsTheSession) {
  const auto token = sessions().Login("wangwu", "Shequ-Test-2026", "10.0.0.1", "").token;
  sessions().Logout(sessions().Authenticate(token, "10.0.0.1"));
  EXPECT_THROW(sessions().Authenticate(token, "10.0.0.1"), Error);
  EXPECT_THROW(sessions().Authenticate("made-up-token", "10.0.0.1"), Error);
}

}  // namespace
}  // namespace shequ::accounts
