#pragma once

#include "audit/audit_log.hpp"
#include "core/http/route.hpp"

namespace shequ::audit {

http::Response ListAudit(const AuditLog& log, http::RequestContext& context);
nlohmann::json ToJson(const AuditEntry& entry);

}  // namespace shequ::audit
