// The wire format of GeoReport v2: XML first, and JSON as its mechanical ("Spark") mapping. A
// document is built once as ordered JSON under the name of its outer element; XML wraps it in
// that element (each list's items in the singular of the list's name), JSON drops the wrapper.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/http/request.hpp"

namespace shequ::open311 {

enum class Format { kXml, kJson };

std::string_view Extension(Format format);  // "xml", "json"

// The element of one item of a list: service_requests → request, otherwise without the final "s".
std::string SingularOf(std::string_view list_name);

// `<?xml version="1.0" encoding="utf-8"?><root>…</root>`: objects become child elements in order,
// lists wrap their items, null an empty element, booleans true/false.
std::string ToXml(std::string_view root, const nlohmann::ordered_json& body);

http::Response Render(Format format, std::string_view root, const nlohmann::ordered_json& body,
                      int status = 200);

// `<errors><error><code/><description/></error></errors>`, or its JSON array, with the status.
http::Response RenderErrors(Format format, int status, std::string_view description);

// China Standard Time with its offset and no fraction: 2026-02-13T16:30:00+08:00.
std::string FormatDateTime(std::int64_t epoch_millis);
// A W3C datetime with a mandatory zone (Z or ±hh:mm); nullopt for anything else.
std::optional<std::int64_t> ParseDateTime(std::string_view text);

}  // namespace shequ::open311
