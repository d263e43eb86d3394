#pragma once

#include "audit/audit_log.hpp"
#include "core/module.hpp"

namespace shequ::audit {

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(const AuditLog& log);

}  // namespace shequ::audit
