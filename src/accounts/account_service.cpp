#include "accounts/account_service.hpp"

#include <algorithm>

#include "accounts/account_store.hpp"
#include "core/auth/password.hpp"
#include "core/errors/error.hpp"

namespace shequ::accounts {
namespace {

[[noreturn]] void Invalid(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldInvalid, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

std::vector<std::string> CheckScopes(auth::Role role, std::vector<std::string> scopes) {
  for (const auto& code : scopes) {
    if (!auth::IsRegionCode(code)) {
      Invalid("scopes", "not_a_region_code", "Scope '" + code + "' is not a region code.",
              "管辖范围“" + code + "”不是有效的区划代码。");
    }
  }
  std::sort(scopes.begin(), scopes.end());
  scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());
  if (role == auth::Role::kAdmin && !scopes.empty()) {
    Invalid("scopes", "admin_is_national", "Administrators see the whole country; give no scopes.",
            "系统管理员管辖全国，无需指定管辖范围。");
  }
  if (role != auth::Role::kAdmin && scopes.empty()) {
    Invalid("scopes", "required", "Every account except an administrator needs at least one scope.",
            "除系统管理员外，每个账号须至少指定一个管辖范围。");
  }
  return scopes;
}

void RefuseUnknown(const AccountService::UnknownRegions& unknown_regions,
                   const std::vector<std::string>& scopes) {
  if (!unknown_regions || scopes.empty()) return;
  const auto unknown = unknown_regions(scopes);
  if (unknown.empty()) return;
  nlohmann::json details = nlohmann::json::array();
  for (const auto& code : unknown)
    details.push_back({{"field", "scopes"}, {"problem", "unknown_region"}, {"code", code}});
  throw Error(ErrorCode::kFieldInvalid, "A scope names no place in the region tree.",
              "管辖范围中有区划树里不存在的区划代码。", details);
}

nlohmann::json Change(const auto& before, const auto& after) {
  return nlohmann::json::array({before, after});
}

}  // namespace

bool IsValidUsername(std::string_view username) {
  if (username.size() < 3 || username.size() > 32) return false;
  const auto ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  };
  return std::all_of(username.begin(), username.end(), ok) &&
         std::isalnum(static_cast<unsigned char>(username[0]));
}

User AccountService::Create(const auth::Principal* actor, const NewUser& request) {
  User user;
  user.username = request.username;
  std::transform(user.username.begin(), user.username.end(), user.username.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (!IsValidUsername(user.username)) {
    Invalid("username", "bad_format", "A username has 3-32 characters: a-z, 0-9, '.', '_' or '-'.",
            "用户名须为 3-32 位小写字母、数字或 . _ -。");
  }
  const auto role = auth::ParseRole(request.role);
  if (!role) {
    Invalid("role", "unknown_role",
            "Role must be one of admin, county, street, community, grid_worker, department, resident.",
            "角色须为 admin、county、street、community、grid_worker、department、resident 之一。");
  }
  user.role = *role;
  user.display_name = request.display_name.empty() ? user.username : request.display_name;
  if (user.display_name.size() > 100)
    Invalid("display_name", "too_long", "Display name is too long.", "姓名过长。");
  user.scopes = CheckScopes(user.role, request.scopes);
  RefuseUnknown(unknown_regions_, user.scopes);
  if (actor != nullptr) {
    if (!auth::MayManageRole(actor->role, user.role)) throw Error(ErrorCode::kForbidden);
    if (!actor->scope.Covers(user.Scope())) {
      throw Error(ErrorCode::kScopeViolation,
                  nlohmann::json::array({FieldDetail("scopes", "outside_your_scope")}));
    }
  }
  auth::CheckPasswordPolicy(request.password, user.username);
  const std::string hash = auth::HashPassword(request.password);  // slow: outside the transaction

  user.created_at = user.updated_at = user.password_changed_at = clock_.NowMillis();
  return database_.Write([&](db::Connection& c) {
    if (AccountStore::FindWithHash(c, user.username)) {
      throw Error(ErrorCode::kUsernameTaken, nlohmann::json::array({FieldDetail("username", "taken")}));
    }
    user.id = AccountStore::InsertUser(c, user, hash);
    audit::AuditEntry entry;
    if (actor != nullptr) {
      entry = audit::AuditLog::By(*actor, "accounts.create_user", "user", std::to_string(user.id));
    } else {
      entry.actor_name = "console";
      entry.action = "accounts.create_user";
      entry.object_type = "user";
      entry.object_id = std::to_string(user.id);
    }
    entry.region_code = user.scopes.empty() ? "" : user.scopes.front();
    entry.detail = {
        {"username", user.username}, {"role", auth::RoleName(user.role)}, {"scopes", user.scopes}};
    audit_.Record(c, entry);
    return user;
  });
}

UserPage AccountService::List(const auth::Principal& actor, const UserQuery& query) const {
  return database_.Read(
      [&](db::Connection& c) { return AccountStore::List(c, actor.scope.Prefixes(), query); });
}

std::vector<User> AccountService::DepartmentsServing(const auth::Principal& actor) const {
  // A county has tens of departments: reading them all and checking scopes here is cheap.
  auto all = database_.Read([](db::Connection& c) {
    return AccountStore::List(c, {""}, {.role = auth::Role::kDepartment, .limit = 10'000}).items;
  });
  std::vector<User> serving;
  for (auto& user : all) {
    if (!user.disabled && (actor.scope.national() || user.Scope().Covers(actor.scope)))
      serving.push_back(std::move(user));
  }
  return serving;
}

User AccountService::Get(const auth::Principal& actor, std::int64_t id) const {
  return database_.Once([&](db::Connection& c) {
    auto user = AccountStore::FindById(c, id);
    if (!user || !actor.scope.Covers(user->Scope())) throw Error(ErrorCode::kNotFound);
    return *user;
  });
}

User AccountService::LoadManageable(db::Connection& c, const auth::Principal& actor, std::int64_t id) const {
  auto user = AccountStore::FindById(c, id);
  if (!user || !actor.scope.Covers(user->Scope())) throw Error(ErrorCode::kNotFound);
  if (user->id != actor.user_id && !auth::MayManageRole(actor.role, user->role))
    throw Error(ErrorCode::kForbidden);
  return *user;
}

User AccountService::Update(const auth::Principal& actor, std::int64_t id, const UserPatch& patch) {
  // Checked before the transaction: it reads the region tree on a connection of its own.
  if (patch.scopes) RefuseUnknown(unknown_regions_, *patch.scopes);
  bool sessions_ended = false;
  User updated = database_.Write([&](db::Connection& c) {
    User user = LoadManageable(c, actor, id);
    if (user.id == actor.user_id && (patch.disabled || patch.scopes)) {
      throw Error(ErrorCode::kForbidden, "You cannot disable yourself or change your own scope.",
                  "不能停用自己的账号或修改自己的管辖范围。");
    }
    nlohmann::json changes = nlohmann::json::object();
    if (patch.display_name && *patch.display_name != user.display_name) {
      if (patch.display_name->empty() || patch.display_name->size() > 100) {
        Invalid("display_name", "bad_length", "Display name must have 1-100 bytes.",
                "姓名长度须为 1-100 字节。");
      }
      changes["display_name"] = Change(user.display_name, *patch.display_name);
      user.display_name = *patch.display_name;
    }
    if (patch.scopes) {
      auto scopes = CheckScopes(user.role, *patch.scopes);
      if (!actor.scope.Covers(auth::Scope::Of(scopes))) {
        throw Error(ErrorCode::kScopeViolation,
                    nlohmann::json::array({FieldDetail("scopes", "outside_your_scope")}));
      }
      if (scopes != user.scopes) {
        changes["scopes"] = Change(user.scopes, scopes);
        user.scopes = std::move(scopes);
      }
    }
    if (patch.disabled && *patch.disabled != user.disabled) {
      changes["disabled"] = Change(user.disabled, *patch.disabled);
      user.disabled = *patch.disabled;
      if (user.disabled) {
        AccountStore::RevokeUserSessions(c, user.id, clock_.NowMillis(), "");
        sessions_ended = true;
      }
    }
    if (changes.empty()) return user;
    user.updated_at = clock_.NowMillis();
    AccountStore::UpdateUser(c, user);
    auto entry = audit::AuditLog::By(actor, "accounts.update_user", "user", std::to_string(user.id));
    entry.region_code = user.scopes.empty() ? "" : user.scopes.front();
    entry.detail = changes;
    audit_.Record(c, entry);
    // A changed scope must take effect at once: sign the user out so the next sign-in sees it.
    if (changes.contains("scopes")) {
      AccountStore::RevokeUserSessions(c, user.id, clock_.NowMillis(), "");
      sessions_ended = true;
    }
    return user;
  });
  sessions_.ForgetUser(updated.id);
  if (sessions_ended)
    notifier_.EndUser(updated.id, updated.disabled ? "account_disabled" : "account_changed");
  return updated;
}

void AccountService::ResetPassword(const auth::Principal& actor, std::int64_t id,
                                   const std::string& new_password) {
  const User target = Get(actor, id);
  auth::CheckPasswordPolicy(new_password, target.username);
  const std::string hash = auth::HashPassword(new_password);
  database_.Write([&](db::Connection& c) {
    const User user = LoadManageable(c, actor, id);
    AccountStore::SetPassword(c, user.id, hash, clock_.NowMillis());
    AccountStore::RevokeUserSessions(c, user.id, clock_.NowMillis(), actor.session_hash);
    auto entry = audit::AuditLog::By(actor, "accounts.reset_password", "user", std::to_string(user.id));
    entry.region_code = user.scopes.empty() ? "" : user.scopes.front();
    audit_.Record(c, entry);
  });
  sessions_.ForgetUser(id);
  if (id != actor.user_id) notifier_.EndUser(id, "password_reset");
}

void AccountService::ChangeOwnPassword(const auth::Principal& actor, const std::string& current,
                                       const std::string& next) {
  auto found =
      database_.Read([&](db::Connection& c) { return AccountStore::FindWithHash(c, actor.username); });
  if (!found || !auth::VerifyPassword(found->second, current)) {
    audit::AuditEntry entry =
        audit::AuditLog::By(actor, "accounts.change_password", "user", std::to_string(actor.user_id));
    entry.result = audit::Outcome::kFailure;
    entry.detail = {{"reason", "wrong_current_password"}};
    audit_.RecordNow(entry);
    throw Error(ErrorCode::kInvalidCredentials,
                nlohmann::json::array({FieldDetail("current_password", "wrong_password")}));
  }
  auth::CheckPasswordPolicy(next, actor.username);
  const std::string hash = auth::HashPassword(next);
  database_.Write([&](db::Connection& c) {
    AccountStore::SetPassword(c, actor.user_id, hash, clock_.NowMillis());
    // Other devices signed in with the old password are signed out; this one stays.
    AccountStore::RevokeUserSessions(c, actor.user_id, clock_.NowMillis(), actor.session_hash);
    audit_.Record(
        c, audit::AuditLog::By(actor, "accounts.change_password", "user", std::to_string(actor.user_id)));
  });
  sessions_.ForgetUser(actor.user_id);
}

std::vector<User> AccountService::ListAll() const {
  UserQuery query;
  query.limit = 1000000;
  return database_.Read([&](db::Connection& c) { return AccountStore::List(c, {""}, query).items; });
}

bool AccountService::HasAdmin() const {
  return database_.Read([](db::Connection& c) { return AccountStore::CountAdmins(c) > 0; });
}

}  // namespace shequ::accounts
