// `shequ keys rotate`: a new active data key, then every sealed value of the registry re-encrypted
// under it, batch by batch. Old keys stay in the file, so values not yet re-encrypted (and
// backups) still open; a running server reloads the file when it meets the new key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "core/db/database.hpp"

namespace shequ::registry {

struct RotationReport {
  std::uint32_t active_key = 0;
  std::int64_t reencrypted = 0;
};

RotationReport RotateKeys(
    db::Database& database, const std::filesystem::path& key_file,
    const std::function<void(const std::string& column, std::int64_t done)>& progress = {});

}  // namespace shequ::registry
