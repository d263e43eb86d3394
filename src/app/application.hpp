// The assembled server: one database, the services of every module, and the route table built
// from their manifests. The command line and the tests both start from here.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "accounts/account_handlers.hpp"
#include "accounts/account_service.hpp"
#include "accounts/session_service.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "core/db/migrator.hpp"
#include "core/http/dispatcher.hpp"
#include "core/http/metrics.hpp"
#include "core/http/router.hpp"
#include "core/http/static_site.hpp"
#include "core/module.hpp"
#include "core/notify/notifier.hpp"
#include "events/attachment_service.hpp"
#include "events/category_service.hpp"
#include "events/event_service.hpp"
#include "events/kpi_service.hpp"
#include "open311/open311_service.hpp"
#include "regions/grid_service.hpp"
#include "regions/pairing_service.hpp"
#include "regions/region_service.hpp"
#include "registry/module.hpp"

namespace shequ::app {

inline constexpr std::string_view kVersion = "0.1.0";

struct ApplicationOptions {
  std::string database_url = "sqlite://./data/shequ.db";
  std::size_t pool_size = 8;
  accounts::SessionPolicy sessions;
  accounts::CookieSettings cookies;
  // How long a checked session is trusted without a database read; 0 reads it on every request.
  std::chrono::milliseconds session_cache_ttl = std::chrono::seconds(1);
  const Clock* clock = nullptr;  // null: the system clock
  // Field keys: the file (created, mode 0600, when missing) or, for tests, keys given directly.
  std::string key_file;  // empty: DefaultKeyFile(database_url)
  std::shared_ptr<registry::Vault> vault;
  // Where event photos and documents are kept; empty: DefaultAttachmentsDir(database_url).
  std::string attachments_dir;
  // The built web front end (web/dist) served beside the API; empty: the API alone.
  std::string web_dir;
};

// Beside an SQLite database file ("data/shequ.db" → "data/attachments"); ./data/attachments
// otherwise (servers sharing a PostgreSQL database name a shared volume).
std::string DefaultAttachmentsDir(const std::string& database_url);

// Beside an SQLite database file ("data/shequ.db" → "data/shequ.key"); ./data/shequ.key otherwise.
// Production installations name a file on another volume with --key-file.
std::string DefaultKeyFile(const std::string& database_url);

class Application {
 public:
  explicit Application(ApplicationOptions options);

  std::vector<db::AppliedMigration> Migrate();

  db::Database& database() { return *database_; }
  const http::Router& router() const { return router_; }
  const http::PermissionTable& permissions() const { return permissions_; }
  const http::Dispatcher& dispatcher() const { return *dispatcher_; }
  http::Metrics& metrics() { return metrics_; }
  notify::Notifier& notifier() { return notifier_; }
  accounts::AccountService& accounts() { return *accounts_; }
  accounts::SessionService& sessions() { return *sessions_; }
  regions::RegionService& regions() { return *regions_; }
  regions::GridService& grids() { return *grids_; }
  regions::PairingService& pairings() { return *pairings_; }
  registry::RegistryServices& registry() { return *registry_; }
  const registry::RegistryContext& registry_context() const { return *registry_context_; }
  registry::Vault& vault() { return *vault_; }
  events::CategoryService& categories() { return *categories_; }
  events::CalendarService& calendar() { return *calendar_; }
  events::EventService& events() { return *events_; }
  const events::KpiService& kpis() const { return *kpis_; }
  events::AttachmentService& attachments() { return *attachments_; }
  open311::Open311Service& open311() { return *open311_; }
  const Clock& clock() const { return clock_; }
  const audit::AuditLog& audit() const { return *audit_; }
  const std::vector<ModuleManifest>& modules() const { return modules_; }

 private:
  ModuleManifest SystemManifest();

  ApplicationOptions options_;
  SystemClock system_clock_;
  const Clock& clock_;
  std::unique_ptr<db::Database> database_;
  notify::Notifier notifier_;
  http::Metrics metrics_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<accounts::SessionCache> session_cache_;
  std::unique_ptr<accounts::AccountService> accounts_;
  std::unique_ptr<accounts::SessionService> sessions_;
  std::unique_ptr<regions::RegionService> regions_;
  std::unique_ptr<regions::GridService> grids_;
  std::unique_ptr<regions::PairingService> pairings_;
  std::shared_ptr<registry::Vault> vault_;
  std::unique_ptr<registry::RegistryContext> registry_context_;
  std::unique_ptr<registry::RegistryServices> registry_;
  std::unique_ptr<events::CalendarService> calendar_;
  std::unique_ptr<events::CategoryService> categories_;
  std::unique_ptr<events::EventService> events_;
  std::unique_ptr<events::KpiService> kpis_;
  std::unique_ptr<events::AttachmentService> attachments_;
  std::unique_ptr<open311::Open311Service> open311_;
  std::vector<ModuleManifest> modules_;
  http::Router router_;
  http::PermissionTable permissions_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::StaticSite> web_;
};

}  // namespace shequ::app
