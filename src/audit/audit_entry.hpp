#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace shequ::audit {

enum class Outcome { kSuccess, kFailure, kDenied };
std::string_view OutcomeName(Outcome outcome);
std::optional<Outcome> ParseOutcome(std::string_view name);

struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t at = 0;  // epoch ms
  std::optional<std::int64_t> actor_id;
  std::string actor_name;  // the username, or what was typed at a failed sign-in, or "system"
  std::string actor_role;
  std::string action;       // "<module>.<verb>", e.g. "accounts.login"
  std::string object_type;  // "user", "session" …
  std::string object_id;
  std::string region_code;  // where the object lives, for scoped review
  Outcome result = Outcome::kSuccess;
  std::string ip;
  nlohmann::json detail = nlohmann::json::object();  // what changed: {"field": [old, new]}
};

struct AuditFilter {
  std::optional<std::string> actor;
  std::optional<std::string> action;
  std::optional<std::string> object_type;
  std::optional<std::string> object_id;
  std::optional<Outcome> result;
  std::optional<std::int64_t> from;       // inclusive, epoch ms
  std::optional<std::int64_t> to;         // exclusive
  std::optional<std::int64_t> before_id;  // cursor: entries older than this id
  std::int64_t limit = 50;
};

}  // namespace shequ::audit
