// Reads request bodies into typed values. Every failure names the field's JSON path, so a client
// (and a person at the console) can see exactly what to fix.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace shequ::json {

// Parses `body` as a JSON object; throws Error(kInvalidJson) or kFieldTypeMismatch for a non-object.
nlohmann::json ParseObject(std::string_view body);

// A view of one JSON object with typed, path-aware accessors.
class ObjectReader {
 public:
  explicit ObjectReader(const nlohmann::json& object, std::string path = "");

  std::string RequireString(std::string_view key) const;
  std::optional<std::string> OptionalString(std::string_view key) const;
  std::int64_t RequireInt(std::string_view key) const;
  std::optional<std::int64_t> OptionalInt(std::string_view key) const;
  std::optional<bool> OptionalBool(std::string_view key) const;
  std::vector<std::string> StringArray(std::string_view key, bool required) const;
  bool Has(std::string_view key) const;

  // Rejects members other than `allowed`, so a misspelt field is an error rather than ignored.
  void RejectUnknown(std::initializer_list<std::string_view> allowed) const;

 private:
  const nlohmann::json* Find(std::string_view key) const;
  std::string PathOf(std::string_view key) const;

  const nlohmann::json& object_;
  std::string path_;
};

}  // namespace shequ::json
