// 重点人群: kinds of key group (data, not code) and a person's membership of one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace shequ::registry {

// A field a group kind carries: {"key", "label", "type": text|number|date|enum|bool, "options"}.
struct GroupType {
  std::string code;
  std::string name;
  std::string name_en;
  std::string category;
  std::string sensitivity = "normal";  // normal, sensitive, restricted: who may see the records
  nlohmann::json fields = nlohmann::json::array();
  bool active = true;
  std::int64_t sort_order = 0;
  std::int64_t updated_at = 0;
};

struct PersonGroup {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string type_code;
  std::string residence_code;
  std::optional<std::string> birth_date;
  std::string name;  // the person's, copied for sorting
  std::string concern_level = "general";
  std::string verification = "pending";
  std::optional<std::int64_t> verified_by;
  std::optional<std::int64_t> verified_at;
  std::optional<std::string> details_cipher;
  nlohmann::json details = nlohmann::json::object();  // decrypted, only for those who may see it
  std::string started_on;
  std::optional<std::string> ended_on;
  std::string end_reason;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct GroupFields {
  std::optional<std::string> concern_level;
  std::optional<std::string> verification;
  std::optional<nlohmann::json> details;
  std::optional<std::string> started_on;
  std::optional<std::string> ended_on;  // ends the membership
  std::optional<std::string> end_reason;
};

}  // namespace shequ::registry
