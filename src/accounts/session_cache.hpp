// Recently checked sessions, so a burst of requests on one session costs one lookup, not one per
// request.
//
// Invariants:
//  1. An entry is trusted for at most `ttl` after it was read from the database; past that the
//     next request reads it again.
//  2. Every change in this process that ends or narrows a session (sign-out, account disabled,
//     scope or password changed) forgets the affected entries before it returns, so within one
//     process the cache is never staler than the database.
//  3. Across processes sharing a PostgreSQL database, a change made by another process is seen
//     within `ttl` (one second by default).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "accounts/user.hpp"

namespace shequ::accounts {

class SessionCache {
 public:
  explicit SessionCache(std::chrono::milliseconds ttl = std::chrono::seconds(1),
                        std::size_t capacity = 100'000)
      : ttl_(ttl), capacity_(capacity) {}

  std::optional<SessionRecord> Find(const std::string& token_hash, std::int64_t now) const;
  void Remember(const SessionRecord& record, std::int64_t now);
  void ForgetSession(const std::string& token_hash);
  void ForgetUser(std::int64_t user_id);

 private:
  struct Entry {
    SessionRecord record;
    std::int64_t loaded_at;
  };
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace shequ::accounts
