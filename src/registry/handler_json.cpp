#include "registry/handler_json.hpp"

#include "core/errors/error.hpp"

namespace shequ::registry {

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json Nullable(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json Nullable(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::optional<double> OptionalNumber(const nlohmann::json& body, std::string_view key) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    const std::string field(key);
    throw Error(ErrorCode::kFieldTypeMismatch, "Field '" + field + "' must be number.",
                "字段“" + field + "”类型应为number。",
                nlohmann::json::array({{{"field", field}, {"expected", "number"}}}));
  }
  return it->get<double>();
}

bool QueryFlag(const http::RequestContext& context, std::string_view name) {
  const auto value = context.request().Query(name);
  if (!value || *value == "false") return false;
  if (*value == "true") return true;
  throw Error(ErrorCode::kInvalidQueryParameter, std::string(name) + " is true or false.",
              std::string(name) + " 须为 true 或 false。",
              nlohmann::json::array({FieldDetail(name, "invalid")}));
}

nlohmann::json ChangesJson(const std::vector<ChangeRecord>& changes) {
  auto items = nlohmann::json::array();
  for (const auto& change : changes) items.push_back(ChangeRecordJson(change));
  return {{"changes", items}};
}

nlohmann::json ChangesSchema() {
  return {{"type", "object"},
          {"required", {"changes"}},
          {"properties", {{"changes", {{"type", "array"}, {"items", ChangeRecordSchema()}}}}}};
}

nlohmann::json PageSchema(const nlohmann::json& item_schema) {
  return {{"type", "object"},
          {"required", {"items", "total", "limit", "offset"}},
          {"properties",
           {{"items", {{"type", "array"}, {"items", item_schema}}},
            {"total", schema::Integer()},
            {"limit", schema::Integer()},
            {"offset", schema::Integer()}}}};
}

namespace schema {
nlohmann::json String() { return {{"type", "string"}}; }
nlohmann::json NullableString() { return {{"type", "string"}, {"nullable", true}}; }
nlohmann::json Integer() { return {{"type", "integer"}}; }
nlohmann::json NullableInteger() { return {{"type", "integer"}, {"nullable", true}}; }
nlohmann::json Number() { return {{"type", "number"}}; }
nlohmann::json NullableNumber() { return {{"type", "number"}, {"nullable", true}}; }
nlohmann::json Boolean() { return {{"type", "boolean"}}; }
nlohmann::json Date() { return {{"type", "string"}, {"format", "date"}}; }
nlohmann::json NullableDate() { return {{"type", "string"}, {"format", "date"}, {"nullable", true}}; }
nlohmann::json Timestamp() { return {{"type", "string"}, {"format", "date-time"}}; }
nlohmann::json Enum(const std::vector<std::string>& values) { return {{"type", "string"}, {"enum", values}}; }
nlohmann::json Codes(const Vocabulary& vocabulary) {
  auto codes = nlohmann::json::array();
  for (const auto& term : vocabulary.terms) codes.push_back(term.code);
  return {{"type", "string"}, {"enum", codes}};
}
nlohmann::json CodesOrLabels(const Vocabulary& vocabulary) {
  std::string description;
  for (const auto& term : vocabulary.terms) {
    description +=
        (description.empty() ? "" : ", ") + std::string(term.code) + " (" + std::string(term.label) + ")";
  }
  return {{"type", "string"}, {"description", description}};
}
}  // namespace schema

}  // namespace shequ::registry
