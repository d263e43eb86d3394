#include "regions/national_page_cache.hpp"

#include "regions/region_code.hpp"

namespace shequ::regions {

bool NationalPageCache::Keeps(std::string_view code) {
  const auto level = LevelOfCode(code);
  return level && *level < static_cast<int>(Level::kCommunity);
}

std::optional<std::string> NationalPageCache::Find(const std::string& key, std::int64_t version) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return std::nullopt;
  return it->second.body;
}

void NationalPageCache::Remember(const std::string& key, std::int64_t version, std::string body) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_) entries_.clear();
  entries_.insert_or_assign(key, Entry{version, std::move(body)});
}

}  // namespace shequ::regions
