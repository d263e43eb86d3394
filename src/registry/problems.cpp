#include "registry/problems.hpp"

#include "core/errors/error.hpp"

namespace shequ::registry {

void Problems::Add(std::string_view field, std::string_view code, std::string message,
                   std::string message_zh) {
  items_.push_back({std::string(field), std::string(code), std::move(message), std::move(message_zh)});
}

void Problems::ThrowIfAny() const {
  if (items_.empty()) return;
  auto details = nlohmann::json::array();
  for (const auto& p : items_) {
    auto detail = FieldDetail(p.field, p.code);
    detail["message"] = p.message;
    detail["message_zh"] = p.message_zh;
    details.push_back(std::move(detail));
  }
  throw Error(ErrorCode::kFieldInvalid, items_.front().message, items_.front().message_zh,
              std::move(details));
}

}  // namespace shequ::registry
