// JSON pieces the household, housing, vehicle and unit handlers share: nullable values, numbers
// from bodies, boolean query parameters, history bodies, and the schema fragments that describe
// them in the OpenAPI document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "registry/change_log.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {

nlohmann::json Nullable(const std::optional<std::string>& value);
nlohmann::json Nullable(const std::optional<std::int64_t>& value);
nlohmann::json Nullable(const std::optional<double>& value);

// A JSON number member of `body` (null or absent: nullopt); a string or other type is a 422.
std::optional<double> OptionalNumber(const nlohmann::json& body, std::string_view key);
// "true" or "false" (absent: false); anything else is an invalid query parameter.
bool QueryFlag(const http::RequestContext& context, std::string_view name);

// {"changes": [...]}, newest first, and its schema.
nlohmann::json ChangesJson(const std::vector<ChangeRecord>& changes);
nlohmann::json ChangesSchema();

// {"items": [...], "total", "limit", "offset"} with items of `item_schema`.
nlohmann::json PageSchema(const nlohmann::json& item_schema);

namespace schema {
nlohmann::json String();
nlohmann::json NullableString();
nlohmann::json Integer();
nlohmann::json NullableInteger();
nlohmann::json Number();
nlohmann::json NullableNumber();
nlohmann::json Boolean();
nlohmann::json Date();
nlohmann::json NullableDate();
nlohmann::json Timestamp();
nlohmann::json Enum(const std::vector<std::string>& values);
// A response field holding a code of `vocabulary`.
nlohmann::json Codes(const Vocabulary& vocabulary);
// A request field taking a code or a label of `vocabulary`, both listed in its description.
nlohmann::json CodesOrLabels(const Vocabulary& vocabulary);
}  // namespace schema

}  // namespace shequ::registry
