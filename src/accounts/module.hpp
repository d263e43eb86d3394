#pragma once

#include "accounts/account_handlers.hpp"
#include "core/module.hpp"

namespace shequ::accounts {

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(AccountService& accounts, SessionService& sessions, const CookieSettings& cookies,
                        const http::PermissionTable& permissions);

}  // namespace shequ::accounts
