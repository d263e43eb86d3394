// Answers for the public part of the tree (the children of provinces, cities, counties and
// towns: national divisions, the same for every caller), kept as finished JSON.
//
// Invariants:
//  1. Only pages of national nodes are kept, so an entry never depends on who asks.
//  2. An entry is served only while the tree version it was made under is current; every import
//     and reclassification raises the version in the database, in the same transaction, so a
//     change by any process (the import command, another server) retires every entry.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace shequ::regions {

class NationalPageCache {
 public:
  explicit NationalPageCache(std::size_t capacity = 20'000) : capacity_(capacity) {}

  // Whether the children of `code` are national nodes and so may be kept.
  static bool Keeps(std::string_view code);

  std::optional<std::string> Find(const std::string& key, std::int64_t version) const;
  void Remember(const std::string& key, std::int64_t version, std::string body);

 private:
  struct Entry {
    std::int64_t version;
    std::string body;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace shequ::regions
