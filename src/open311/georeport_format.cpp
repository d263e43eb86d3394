#include "open311/georeport_format.hpp"

#include <pugixml.hpp>

#include <sstream>

#include "core/time_format.hpp"

namespace shequ::open311 {
namespace {

constexpr std::int64_t kChinaOffsetMillis = std::int64_t{8} * 3600 * 1000;

void Fill(pugi::xml_node element, std::string_view name, const nlohmann::ordered_json& value) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) Fill(element.append_child(key.c_str()), key, child);
  } else if (value.is_array()) {
    const auto item = SingularOf(name);
    for (const auto& child : value) Fill(element.append_child(item.c_str()), item, child);
  } else if (value.is_string()) {
    element.text().set(value.get_ref<const std::string&>().c_str());
  } else if (value.is_boolean()) {
    element.text().set(value.get<bool>() ? "true" : "false");
  } else if (!value.is_null()) {
    element.text().set(value.dump().c_str());
  }
}

}  // namespace

std::string_view Extension(Format format) { return format == Format::kXml ? "xml" : "json"; }

std::string SingularOf(std::string_view list_name) {
  if (list_name == "service_requests") return "request";
  if (list_name == "service_request_updates") return "request_update";
  if (list_name.ends_with('s')) list_name.remove_suffix(1);
  return std::string(list_name);
}

std::string ToXml(std::string_view root, const nlohmann::ordered_json& body) {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  const std::string root_name(root);
  Fill(document.append_child(root_name.c_str()), root_name, body);
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

http::Response Render(Format format, std::string_view root, const nlohmann::ordered_json& body, int status) {
  http::Response response;
  response.status = status;
  if (format == Format::kXml) {
    response.content_type = "text/xml; charset=utf-8";
    response.body = ToXml(root, body);
  } else {
    response.content_type = "application/json; charset=utf-8";
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return response;
}

http::Response RenderErrors(Format format, int status, std::string_view description) {
  nlohmann::ordered_json error;
  error["code"] = status;
  error["description"] = description;
  return Render(format, "errors", nlohmann::ordered_json::array({error}), status);
}

std::string FormatDateTime(std::int64_t epoch_millis) {
  // FormatTimestamp gives "YYYY-MM-DDTHH:MM:SS.mmmZ"; shifted by eight hours it reads as local time.
  return FormatTimestamp(epoch_millis + kChinaOffsetMillis).substr(0, 19) + "+08:00";
}

std::optional<std::int64_t> ParseDateTime(std::string_view text) {
  const bool zoned = text.ends_with('Z') ||
                     (text.size() > 6 && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-') &&
                      text[text.size() - 3] == ':');
  if (text.size() < 20 || text[10] != 'T' || !zoned) return std::nullopt;
  return ParseTimestamp(text);
}

}  // namespace shequ::open311
