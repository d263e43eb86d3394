#include "accounts/session_cache.hpp"

#include <mutex>

namespace shequ::accounts {

std::optional<SessionRecord> SessionCache::Find(const std::string& token_hash, std::int64_t now) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end() || now - it->second.loaded_at >= ttl_.count() || now < it->second.loaded_at) {
    return std::nullopt;
  }
  return it->second.record;
}

void SessionCache::Remember(const SessionRecord& record, std::int64_t now) {
  if (ttl_.count() <= 0) return;
  std::unique_lock lock(mutex_);
  if (entries_.size() >= capacity_) entries_.clear();  // crude but bounded; entries live a second anyway
  entries_.insert_or_assign(record.token_hash, Entry{record, now});
}

void SessionCache::ForgetSession(const std::string& token_hash) {
  std::unique_lock lock(mutex_);
  entries_.erase(token_hash);
}

void SessionCache::ForgetUser(std::int64_t user_id) {
  std::unique_lock lock(mutex_);
  std::erase_if(entries_, [user_id](const auto& item) { return item.second.record.user.id == user_id; });
}

}  // namespace shequ::accounts
