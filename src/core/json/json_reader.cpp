#include "core/json/json_reader.hpp"

#include "core/errors/error.hpp"

namespace shequ::json {
namespace {

[[noreturn]] void TypeMismatch(const std::string& path, std::string_view expected) {
  throw Error(ErrorCode::kFieldTypeMismatch, "Field '" + path + "' must be " + std::string(expected) + ".",
              "字段“" + path + "”类型应为" + std::string(expected) + "。",
              nlohmann::json::array({{{"field", path}, {"expected", expected}}}));
}

[[noreturn]] void Missing(const std::string& path) {
  throw Error(ErrorCode::kFieldMissing, "Field '" + path + "' is required.", "缺少必填字段“" + path + "”。",
              nlohmann::json::array({FieldDetail(path, "missing")}));
}

}  // namespace

nlohmann::json ParseObject(std::string_view body) {
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    throw Error(ErrorCode::kInvalidJson);
  }
  if (!parsed.is_object()) {
    TypeMismatch("$", "object");
  }
  return parsed;
}

ObjectReader::ObjectReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {}

const nlohmann::json* ObjectReader::Find(std::string_view key) const {
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string ObjectReader::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool ObjectReader::Has(std::string_view key) const { return Find(key) != nullptr; }

std::string ObjectReader::RequireString(std::string_view key) const {
  auto value = OptionalString(key);
  if (!value) Missing(PathOf(key));
  return *value;
}

std::optional<std::string> ObjectReader::OptionalString(std::string_view key) const {
  const auto* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) TypeMismatch(PathOf(key), "string");
  return value->get<std::string>();
}

std::int64_t ObjectReader::RequireInt(std::string_view key) const {
  auto value = OptionalInt(key);
  if (!value) Missing(PathOf(key));
  return *value;
}

std::optional<std::int64_t> ObjectReader::OptionalInt(std::string_view key) const {
  const auto* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) TypeMismatch(PathOf(key), "integer");
  return value->get<std::int64_t>();
}

std::optional<bool> ObjectReader::OptionalBool(std::string_view key) const {
  const auto* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) TypeMismatch(PathOf(key), "boolean");
  return value->get<bool>();
}

std::vector<std::string> ObjectReader::StringArray(std::string_view key, bool required) const {
  const auto* value = Find(key);
  if (value == nullptr) {
    if (required) Missing(PathOf(key));
    return {};
  }
  if (!value->is_array()) TypeMismatch(PathOf(key), "array of strings");
  std::vector<std::string> result;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    if (!item.is_string()) TypeMismatch(PathOf(key) + "[" + std::to_string(i) + "]", "string");
    result.push_back(item.get<std::string>());
  }
  return result;
}

void ObjectReader::RejectUnknown(std::initializer_list<std::string_view> allowed) const {
  nlohmann::json unknown = nlohmann::json::array();
  for (const auto& [key, value] : object_.items()) {
    bool known = false;
    for (auto name : allowed) known = known || name == key;
    if (!known) unknown.push_back(FieldDetail(PathOf(key), "unknown_field"));
  }
  if (!unknown.empty()) {
    throw Error(ErrorCode::kFieldInvalid, "The body has fields this endpoint does not accept.",
                "请求包含此接口不接受的字段。", unknown);
  }
}

}  // namespace shequ::json
