// Field problems found while checking a record. A request reports all of them at once (422 with
// one detail per field); an import reports them by row and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace shequ::registry {

struct Problem {
  std::string field;
  std::string code;  // machine-readable: "check_character", "unknown_address" …
  std::string message;
  std::string message_zh;
};

class Problems {
 public:
  void Add(std::string_view field, std::string_view code, std::string message, std::string message_zh);
  bool empty() const { return items_.empty(); }
  const std::vector<Problem>& items() const { return items_; }
  // Throws Error(kFieldInvalid) naming every problem, the first one's text as the message.
  void ThrowIfAny() const;

 private:
  std::vector<Problem> items_;
};

}  // namespace shequ::registry
