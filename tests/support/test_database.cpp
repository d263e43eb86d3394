#include "support/test_database.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <unistd.h>

#include "core/crypto/crypto.hpp"

namespace shequ::testing {
namespace {

// Temporary SQLite directories made by this test process, removed when it exits.
class TemporaryDirectories {
 public:
  ~TemporaryDirectories() {
    for (const auto& dir : dirs_) {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  }
  void Add(std::filesystem::path dir) {
    std::lock_guard lock(mutex_);
    dirs_.push_back(std::move(dir));
  }

 private:
  std::mutex mutex_;
  std::vector<std::filesystem::path> dirs_;
};

TemporaryDirectories& Temporaries() {
  static TemporaryDirectories temporaries;
  return temporaries;
}

}  // namespace

db::Backend BackendUnderTest() {
  const char* backend = std::getenv("SHEQU_TEST_BACKEND");
  if (backend == nullptr || std::string_view(backend) == "sqlite") return db::Backend::kSqlite;
  if (std::string_view(backend) == "postgres") return db::Backend::kPostgres;
  throw std::runtime_error("SHEQU_TEST_BACKEND must be sqlite or postgres");
}

std::string FreshDatabaseUrl() {
  static std::atomic<int> counter{0};
  std::string token = crypto::RandomToken(6);
  for (auto& c : token)
    c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : 'x';
  const std::string name =
      "shequ_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + token;
  if (BackendUnderTest() == db::Backend::kSqlite) {
    const auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(dir);
    Temporaries().Add(dir);
    return "sqlite://" + (dir / "shequ.db").string();
  }
  const char* admin_url = std::getenv("SHEQU_TEST_PG_URL");
  if (admin_url == nullptr) {
    throw std::runtime_error(
        "SHEQU_TEST_PG_URL is not set: run the suite with scripts/test.sh, which starts PostgreSQL");
  }
  {
    auto admin = db::Database::Open(admin_url, 1);
    auto connection = admin->Acquire();
    connection->ExecuteScript("CREATE DATABASE " + name);
  }
  std::string url = admin_url;
  const auto slash = url.rfind('/');
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace shequ::testing
