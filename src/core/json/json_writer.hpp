// Writes JSON text straight into a string, for responses that list many records: building a
// tree of nlohmann::json values first costs an allocation per key and value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shequ::json {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts text that is already valid JSON (a stored GeoJSON geometry, say).
  JsonWriter& Raw(std::string_view json);

  template <typename T>
  JsonWriter& Optional(const std::optional<T>& value) {
    if (!value) return Null();
    if constexpr (std::is_same_v<T, std::string>) {
      return String(*value);
    } else if constexpr (std::is_floating_point_v<T>) {
      return Double(*value);
    } else {
      return Int(*value);
    }
  }

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  std::vector<bool> has_items_;  // per open container: whether a comma is due before the next item
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal (quotes and escapes included).
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace shequ::json
