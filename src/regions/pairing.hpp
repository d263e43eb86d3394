#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace shequ::regions {

// unit_compound: a department or unit (县直单位) paired with a compound (单位包联小区).
// cadre_household: one of its cadres paired with a household, held at the household's dwelling
// (干部包联户).
struct Pairing {
  std::int64_t id = 0;
  std::string kind;
  std::string unit_name;
  std::optional<std::int64_t> cadre_user_id;
  std::string cadre_name;
  std::string region_code;
  std::int64_t started_at = 0;
  std::optional<std::int64_t> ended_at;
  std::string end_reason;
};

struct NewPairing {
  std::string kind;
  std::string unit_name;
  std::optional<std::int64_t> cadre_user_id;
  std::string cadre_name;
  std::string region_code;
};

}  // namespace shequ::regions
