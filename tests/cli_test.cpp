// The command line: help everywhere, clear failures, idempotent migrate and demo.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace shequ {
namespace {

using testing::RunShequ;

TEST(Cli, EverySubcommandHasHelp) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                {"serve", "--help"},
                                                                {"migrate", "--help"},
                                                                {"user", "--help"},
                                                                {"user", "add", "--help"},
                                                                {"user", "list", "--help"},
                                                                {"demo", "--help"},
                                                                {"keys", "rotate", "--help"},
                                                                {"apikey", "add", "--help"},
                                                                {"apikey", "list", "--help"},
                                                                {"apikey", "revoke", "--help"},
                                                                {"import", "--help"}}) {
    const auto result = RunShequ(args);
    EXPECT_EQ(result.exit_code, 0) << args.front() << ": " << result.output;
    EXPECT_NE(result.output.find("--"), std::string::npos) << result.output;
  }
  EXPECT_NE(RunShequ({"serve", "--help"}).output.find("--listen"), std::string::npos);
}

TEST(Cli, UnknownFlagsAndBadValuesFailWithAMessage) {
  auto unknown = RunShequ({"serve", "--colour", "red"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.output.find("--colour"), std::string::npos) << unknown.output;
  auto no_command = RunShequ({});
  EXPECT_NE(no_command.exit_code, 0);
  auto threads = RunShequ({"serve", "--threads", "0"});
  EXPECT_NE(threads.exit_code, 0);
  auto listen = RunShequ({"serve", "--db", testing::FreshDatabaseUrl(), "--listen", "localhost"});
  EXPECT_NE(listen.exit_code, 0);
  EXPECT_NE(listen.output.find("HOST:PORT"), std::string::npos) << listen.output;
  auto db = RunShequ({"migrate", "--db", "mysql://x"});
  EXPECT_NE(db.exit_code, 0);
  EXPECT_NE(db.output.find("sqlite://"), std::string::npos) << db.output;
}

TEST(Cli, GeneratesImportsAndRotatesKeys) {
  const auto url = testing::FreshDatabaseUrl();
  const auto dir = std::filesystem::temp_directory_path() / ("shequ-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto key_file = (dir / "shequ.key").string();
  auto demo = RunShequ({"demo", "--db", url, "--key-file", key_file, "--people", "300"});
  ASSERT_EQ(demo.exit_code, 0) << demo.output;
  EXPECT_NE(demo.output.find("generated 300 residents"), std::string::npos) << demo.output;

  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  };
  const auto bad = write("bad.csv", "姓名,公民身份号码,居住地编码\n张三,110105194912310021,610921103002\n");
  auto refused = RunShequ({"import", "people", "--db", url, "--key-file", key_file, bad});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("\"line\":2"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("check_character"), std::string::npos) << refused.output;
  const auto good = write("good.csv", "姓名,公民身份号码,居住地编码\n张三,11010519491231002X,610921103002\n");
  auto imported = RunShequ({"import", "people", "--db", url, "--key-file", key_file, good});
  EXPECT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("imported 1 of 1 rows"), std::string::npos) << imported.output;

  auto rotated = RunShequ({"keys", "rotate", "--db", url, "--key-file", key_file});
  EXPECT_EQ(rotated.exit_code, 0) << rotated.output;
  EXPECT_NE(rotated.output.find("key 2 is active"), std::string::npos) << rotated.output;
  auto again = RunShequ({"import", "people", "--db", url, "--key-file", key_file, good});
  EXPECT_EQ(again.exit_code, 1) << "the blind index still finds the person after rotation: " << again.output;
  EXPECT_NE(again.output.find("already_registered"), std::string::npos) << again.output;
  std::filesystem::remove_all(dir);
}

TEST(Cli, MigrateIsIdempotent) {
  const auto url = testing::FreshDatabaseUrl();
  auto first = RunShequ({"migrate", "--db", url});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("applied accounts/0001_create_accounts.sql"), std::string::npos)
      << first.output;
  auto second = RunShequ({"migrate", "--db", url});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.output.find("schema is up to date"), std::string::npos) << second.output;
}

TEST(Cli, UserAddAndList) {
  const auto url = testing::FreshDatabaseUrl();
  auto added = RunShequ({"user", "add", "--db", url, "--username", "Grid01", "--role", "grid_worker",
                         "--scope", "610921100001001", "--display-name", "张网格", "--password-stdin"},
                        "Grid-Worker-2026\n");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_NE(added.output.find("created user grid01"), std::string::npos) << added.output;
  auto generated =
      RunShequ({"user", "add", "--db", url, "--username", "boss", "--role", "admin", "--generate-password"});
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  EXPECT_NE(generated.output.find("password (shown once): "), std::string::npos);
  auto list = RunShequ({"user", "list", "--db", url});
  EXPECT_NE(list.output.find("grid01"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("610921100001001"), std::string::npos);
  EXPECT_NE(list.output.find("(national)"), std::string::npos);

  auto no_password = RunShequ({"user", "add", "--db", url, "--username", "x1x", "--role", "resident"});
  EXPECT_EQ(no_password.exit_code, 2);
  auto bad_role =
      RunShequ({"user", "add", "--db", url, "--username", "x1x", "--role", "mayor", "--password-stdin"},
               "Long-Enough-2026\n");
  EXPECT_EQ(bad_role.exit_code, 1);
  EXPECT_NE(bad_role.output.find("field_invalid"), std::string::npos) << bad_role.output;
  auto weak = RunShequ({"user", "add", "--db", url, "--username", "x1x", "--role", "resident", "--scope",
                        "610921100001", "--password-stdin"},
                       "short\n");
  EXPECT_NE(weak.output.find("weak_password"), std::string::npos) << weak.output;
  EXPECT_EQ(RunShequ({"user", "list", "--db", url}).output.find("x1x"), std::string::npos);
}

TEST(Cli, ApiKeyAddListAndRevoke) {
  const auto url = testing::FreshDatabaseUrl();
  ASSERT_EQ(RunShequ({"demo", "--db", url}).exit_code, 0);  // the region tree the keys are scoped to
  auto added = RunShequ({"apikey", "add", "--db", url, "--name", "hotline", "--scope", "610921103002"});
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_NE(added.output.find("issued a key to hotline"), std::string::npos) << added.output;
  const auto marker = std::string("api_key (shown once): ");
  const auto at = added.output.find(marker);
  ASSERT_NE(at, std::string::npos) << added.output;
  const auto key = added.output.substr(at + marker.size(), added.output.find('\n', at) - at - marker.size());
  EXPECT_GE(key.size(), 40u);

  auto list = RunShequ({"apikey", "list", "--db", url});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("hotline"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("610921103002"), std::string::npos) << list.output;
  EXPECT_EQ(list.output.find(key), std::string::npos) << "the key is shown only once";

  auto taken = RunShequ({"apikey", "add", "--db", url, "--name", "hotline", "--scope", "610921103002"});
  EXPECT_EQ(taken.exit_code, 1);
  EXPECT_NE(taken.output.find("conflict"), std::string::npos) << taken.output;
  auto nowhere = RunShequ({"apikey", "add", "--db", url, "--name", "lost", "--scope", "619999999999"});
  EXPECT_EQ(nowhere.exit_code, 1);
  EXPECT_NE(nowhere.output.find("field_invalid"), std::string::npos) << nowhere.output;
  EXPECT_NE(RunShequ({"apikey", "add", "--db", url, "--name", "x"}).exit_code, 0) << "--scope is required";

  auto second = RunShequ({"apikey", "add", "--db", url, "--name", "wechat", "--scope", "610921000000"});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  auto by_name = RunShequ({"apikey", "revoke", "--db", url, "--name", "hotline"});
  ASSERT_EQ(by_name.exit_code, 0) << by_name.output;
  EXPECT_NE(by_name.output.find("revoked the key of hotline (id 1)"), std::string::npos) << by_name.output;
  auto by_id = RunShequ({"apikey", "revoke", "--db", url, "--id", "2"});
  EXPECT_NE(by_id.output.find("revoked the key of wechat"), std::string::npos) << by_id.output;
  EXPECT_EQ(RunShequ({"apikey", "revoke", "--db", url, "--name", "nobody"}).exit_code, 1);
  EXPECT_EQ(RunShequ({"apikey", "revoke", "--db", url}).exit_code, 2);
  const auto revoked = RunShequ({"apikey", "list", "--db", url}).output;
  EXPECT_EQ(revoked.find(" - \n"), std::string::npos) << "both keys show when they were revoked: " << revoked;
}

TEST(Cli, DemoPrintsTheAdministratorPasswordOnce) {
  const auto url = testing::FreshDatabaseUrl();
  auto first = RunShequ({"demo", "--db", url});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const auto marker = std::string("password (shown once, keep it): ");
  const auto at = first.output.find(marker);
  ASSERT_NE(at, std::string::npos) << first.output;
  const auto password =
      first.output.substr(at + marker.size(), first.output.find('\n', at) - at - marker.size());
  EXPECT_EQ(password.size(), 16u);
  auto second = RunShequ({"demo", "--db", url});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(second.output.find(marker), std::string::npos);
}

}  // namespace
}  // namespace shequ
