// Open311 GeoReport v2: the clients that may file requests (API keys), the services offered (leaf
// event categories) and the service requests clients see (events, folded to open/closed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shequ::open311 {

// A client allowed to file requests inside one region. Only the SHA-256 of its key is kept.
struct ApiKey {
  std::int64_t id = 0;
  std::string name;
  std::string scope_code;
  std::string key_hash;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> revoked_at;
};

// A key as issued: the secret is shown this once and never again.
struct IssuedKey {
  ApiKey key;
  std::string secret;
};

// A service of the service list: a leaf event category.
struct Service {
  std::string code;
  std::string name;         // the category's Chinese name
  std::string description;  // its English name
  std::string keywords;
  std::string group;  // the name of the class above it
};

struct RequestQuery {
  std::string jurisdiction_id;
  std::vector<std::string> ids;  // when given, every other criterion is ignored
  std::vector<std::string> service_codes;
  std::optional<std::int64_t> start;  // requested_datetime bounds, epoch ms
  std::optional<std::int64_t> end;
  std::optional<bool> open;  // nullopt: open and closed
  std::int64_t page = 1;
  std::int64_t page_size = 1000;
};

// One service request as any client may see it: nothing about who reported it.
struct ServiceRequest {
  std::string id;  // the event's reference, 610921103002-20261122-0007
  bool open = true;
  std::string status_notes;  // the workflow state in Chinese
  std::string service_code;
  std::string service_name;
  std::string description;
  std::string agency_responsible;
  std::string service_notice;
  std::int64_t requested_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> expected_at;  // the due time of the current stage
  std::string address;
  std::string address_id;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string media_url;
};

// What a client posts. Email, phone, device and account ids are accepted but not kept: they would
// be contact data in clear, and nothing here answers the reporter through them.
struct NewServiceRequest {
  std::string api_key;
  std::string jurisdiction_id;
  std::string service_code;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string address_string;
  std::string address_id;
  std::string description;
  std::string first_name;
  std::string last_name;
  std::vector<std::string> media_urls;
};

struct SubmittedRequest {
  std::string id;
  std::string service_notice;
};

}  // namespace shequ::open311
