// The one list of modules, in dependency order. A module's manifest (src/<module>/module.cpp)
// says what it brings: migrations, permissions, routes.
#include "accounts/account_store.hpp"
#include "accounts/module.hpp"
#include "app/application.hpp"
#include "audit/module.hpp"
#include "core/errors/error.hpp"
#include "core/http/openapi.hpp"
#include "events/module.hpp"
#include "open311/module.hpp"
#include "regions/module.hpp"
#include "registry/module.hpp"

#include <filesystem>

namespace shequ::app {

Application::Application(ApplicationOptions options)
    : options_(std::move(options)),
      clock_(options_.clock != nullptr ? *options_.clock : system_clock_),
      database_(db::Database::Open(options_.database_url, options_.pool_size)) {
  audit_ = std::make_unique<audit::AuditLog>(*database_, clock_);
  session_cache_ = std::make_unique<accounts::SessionCache>(options_.session_cache_ttl);
  accounts_ =
      std::make_unique<accounts::AccountService>(*database_, clock_, *audit_, notifier_, *session_cache_);
  sessions_ = std::make_unique<accounts::SessionService>(*database_, clock_, *audit_, notifier_,
                                                         *session_cache_, options_.sessions);

  regions_ = std::make_unique<regions::RegionService>(*database_, clock_, *audit_);
  grids_ = std::make_unique<regions::GridService>(*database_, clock_, *audit_);
  accounts_->CheckRegionsWith(
      [this](const std::vector<std::string>& codes) { return regions_->UnknownCodes(codes); });
  // A grid worker's scope is their grids' nodes: sessions read them, and forget them on change.
  sessions_->ExtendScopesWith([this](std::int64_t user_id) { return grids_->ServedNodes(user_id); });
  grids_->OnScopeChanged([this](std::int64_t user_id) { session_cache_->ForgetUser(user_id); });
  pairings_ = std::make_unique<regions::PairingService>(*database_, clock_, *audit_);
  // Grid members and paired cadres may be accounts: named only if the actor may see them.
  const auto lookup = [this](const auth::Principal& actor,
                             std::int64_t user_id) -> std::optional<std::string> {
    try {
      return accounts_->Get(actor, user_id).display_name;
    } catch (const Error&) {
      return std::nullopt;
    }
  };
  grids_->LookUpAccountsWith(lookup);
  pairings_->LookUpAccountsWith(lookup);

  vault_ = options_.vault
               ? options_.vault
               : registry::Vault::FromKeyFile(
                     options_.key_file.empty() ? DefaultKeyFile(options_.database_url) : options_.key_file);
  registry_context_ = std::make_unique<registry::RegistryContext>(registry::RegistryContext{
      *database_, clock_, *audit_, *vault_, [this](const auth::Principal& who, std::string_view permission) {
        return permissions_.Allows(who.role, permission);
      }});
  registry_ = std::make_unique<registry::RegistryServices>(*registry_context_);
  calendar_ = std::make_unique<events::CalendarService>(*database_, clock_, *audit_);
  categories_ = std::make_unique<events::CategoryService>(*database_, clock_, *audit_, *calendar_);
  events_ = std::make_unique<events::EventService>(*database_, clock_, *audit_, *calendar_, *categories_,
                                                   notifier_);
  // Events are dispatched to accounts, and summon departments: each with the scope it works in,
  // its grids included.
  events_->LookUpAccountsWith([this](std::int64_t user_id) -> std::optional<events::Assignee> {
    const auto user =
        database_->Read([&](db::Connection& c) { return accounts::AccountStore::FindById(c, user_id); });
    if (!user) return std::nullopt;
    auto codes = user->scopes;
    for (auto& node : grids_->ServedNodes(user_id)) codes.push_back(std::move(node));
    return events::Assignee{
        .id = user->id,
        .name = user->display_name.empty() ? user->username : user->display_name,
        .role = user->role,
        .scope = user->role == auth::Role::kAdmin ? auth::Scope::National() : auth::Scope::Of(codes),
        .active = !user->disabled};
  });
  kpis_ = std::make_unique<events::KpiService>(*database_, clock_);
  attachments_ = std::make_unique<events::AttachmentService>(
      *database_, clock_, *audit_, *events_,
      options_.attachments_dir.empty() ? DefaultAttachmentsDir(options_.database_url)
                                       : options_.attachments_dir);
  events_->CheckPermissionsWith([this](const auth::Principal& who, std::string_view permission) {
    return permissions_.Allows(who.role, permission);
  });
  open311_ = std::make_unique<open311::Open311Service>(*database_, clock_, *audit_, *events_);

  modules_.push_back(SystemManifest());
  modules_.push_back(audit::Manifest(*audit_));
  modules_.push_back(accounts::Manifest(*accounts_, *sessions_, options_.cookies, permissions_));
  modules_.push_back(regions::Manifest(*regions_, *grids_, *pairings_));
  modules_.push_back(registry::Manifest(*registry_));
  modules_.push_back(events::Manifest(*categories_, *calendar_, *events_, *attachments_, *kpis_, clock_));
  modules_.push_back(open311::Manifest(*open311_));

  for (auto& module : modules_) {
    for (const auto& grant : module.permissions) permissions_.Grant(grant.permission, grant.roles);
    for (auto& route : module.routes) router_.Add(route);
  }
  dispatcher_ = std::make_unique<http::Dispatcher>(
      router_, permissions_,
      [this](const http::Request& request) { return accounts::AuthenticateRequest(*sessions_, request); });
  if (!options_.web_dir.empty()) {
    web_ = std::make_unique<http::StaticSite>(options_.web_dir);
    dispatcher_->OnUnmatched([this](const http::Request& request) { return web_->Serve(request); });
  }
  // A refused attempt changes nothing but is still recorded (等保 2.0 安全审计).
  dispatcher_->OnDenied(
      [this](const http::Request& request, const auth::Principal& who, const http::Route& route) {
        auto entry = audit::AuditLog::By(who, "access.denied", "route", route.pattern);
        entry.result = audit::Outcome::kDenied;
        entry.detail = {{"method", http::MethodName(request.method)},
                        {"path", request.path},
                        {"permission", route.permission}};
        audit_->RecordNow(entry);
      });
}

std::string DefaultKeyFile(const std::string& database_url) {
  constexpr std::string_view kSqlite = "sqlite://";
  if (database_url.starts_with(kSqlite)) {
    auto path = std::filesystem::path(database_url.substr(kSqlite.size()));
    return path.replace_extension(".key").string();
  }
  return "./data/shequ.key";
}

std::string DefaultAttachmentsDir(const std::string& database_url) {
  constexpr std::string_view kSqlite = "sqlite://";
  if (database_url.starts_with(kSqlite)) {
    return (std::filesystem::path(database_url.substr(kSqlite.size())).parent_path() / "attachments")
        .string();
  }
  return "./data/attachments";
}

std::vector<db::AppliedMigration> Application::Migrate() {
  std::vector<db::ModuleMigrations> all;
  for (const auto& module : modules_) {
    if (!module.migrations.empty()) all.push_back({module.name, module.migrations});
  }
  return db::Migrator(*database_).Apply(all);
}

ModuleManifest Application::SystemManifest() {
  using http::Method;
  const nlohmann::json status = {
      {"type", "object"}, {"required", {"status"}}, {"properties", {{"status", {{"type", "string"}}}}}};
  return {
      .name = "system",
      .routes =
          {
              {.method = Method::kGet,
               .pattern = "/healthz",
               .permission = std::string(http::kPublic),
               .handler =
                   [](auto&) {
                     return http::Json({{"status", "ok"}});
                   },
               .doc = {.summary = "Liveness: the process answers",
                       .tag = "system",
                       .response_schema = status}},
              {.method = Method::kGet,
               .pattern = "/readyz",
               .permission = std::string(http::kPublic),
               .handler =
                   [this](auto&) {
                     database_->Ping();
                     return http::Json(
                         {{"status", "ok"}, {"database", db::BackendName(database_->backend())}});
                   },
               .doc = {.summary = "Readiness: the database answers",
                       .tag = "system",
                       .response_schema = status}},
              {.method = Method::kGet,
               .pattern = "/metrics",
               .permission = std::string(http::kPublic),
               .handler =
                   [this](auto&) {
                     http::Response response;
                     response.content_type = "text/plain; version=0.0.4; charset=utf-8";
                     response.body = metrics_.RenderPrometheus();
                     return response;
                   },
               .doc = {.summary = "Prometheus metrics: requests and latency by route and status",
                       .tag = "system",
                       .response_schema = {{"type", "string"}},
                       .content_type = "text/plain"}},
              {.method = Method::kGet,
               .pattern = "/api/openapi.json",
               .permission = std::string(http::kPublic),
               .handler =
                   [this](auto&) {
                     return http::Json(http::BuildOpenApi(router_, permissions_, std::string(kVersion)));
                   },
               .doc = {.summary = "This OpenAPI 3 document",
                       .tag = "system",
                       .response_schema = {{"type", "object"}, {"required", {"openapi", "paths"}}}}},
          },
  };
}

}  // namespace shequ::app
