#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shequ {

// RFC 3339 in UTC with milliseconds: "2026-11-24T05:30:00.000Z".
std::string FormatTimestamp(std::int64_t epoch_millis);
// Accepts RFC 3339 ("…Z" or "…+08:00", optional fraction) or a date ("2026-11-24", 00:00 UTC).
std::optional<std::int64_t> ParseTimestamp(std::string_view text);

}  // namespace shequ
