#include "open311/open311_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/auth/scope.hpp"
#include "core/crypto/crypto.hpp"
#include "core/errors/error.hpp"
#include "events/category_store.hpp"
#include "events/event_store.hpp"
#include "open311/open311_store.hpp"
#include "regions/region_code.hpp"
#include "regions/region_store.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::open311 {
namespace {

constexpr std::int64_t kDayMillis = std::int64_t{24} * 3600 * 1000;
constexpr std::int64_t kLongestSpan = 90 * kDayMillis;  // the spec's widest date range
constexpr std::size_t kLongestDescription = 4000;       // the spec's limit, in characters
constexpr std::size_t kTitleExcerpt = 30;               // characters of the description in a title

[[noreturn]] void BadParameter(std::string_view parameter, std::string en, std::string zh) {
  throw Error(ErrorCode::kInvalidQueryParameter, std::move(en), std::move(zh),
              nlohmann::json::array({{{"parameter", parameter}}}));
}

[[noreturn]] void NotFound(std::string en, std::string zh) {
  throw Error(ErrorCode::kNotFound, std::move(en), std::move(zh));
}

[[noreturn]] void KeyRefused(std::string en, std::string zh) {
  throw Error(ErrorCode::kForbidden, std::move(en), std::move(zh),
              nlohmann::json::array({{{"parameter", "api_key"}}}));
}

std::size_t Characters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The first `count` characters of UTF-8 text, whole characters only.
std::string FirstCharacters(std::string_view utf8, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && seen++ == count) {
      return std::string(utf8.substr(0, i));
    }
  }
  return std::string(utf8);
}

// 已受理, 处置中 …: the workflow state as the people handling it say it.
std::string StateNote(std::string_view state) {
  static const std::map<std::string_view, std::string_view> kNotes = {
      {events::kReported, "已上报"},   {events::kAccepted, "已受理"}, {events::kDispatched, "已派遣"},
      {events::kInProgress, "处置中"}, {events::kResolved, "已处置"}, {events::kVerified, "已核查"},
      {events::kClosed, "已结案"},     {events::kShelved, "已挂账"},  {events::kRejected, "不予受理"},
      {events::kMerged, "已合并"}};
  const auto it = kNotes.find(state);
  return std::string(it == kNotes.end() ? state : it->second);
}

// What the agency will do: the first stage's time limit, "处置时限：4个工作小时".
std::string NoticeOf(const events::EventCategory& category) {
  if (category.limits.empty()) return "";
  static const std::map<std::string_view, std::string_view> kUnits = {{"working_minutes", "个工作分钟"},
                                                                      {"working_hours", "个工作小时"},
                                                                      {"working_days", "个工作日"},
                                                                      {"minutes", "分钟"},
                                                                      {"hours", "小时"},
                                                                      {"days", "天"}};
  const auto& limit = category.limits.front();
  const auto unit = kUnits.find(limit.unit);
  return limit.label + "时限：" + std::to_string(limit.amount) +
         std::string(unit == kUnits.end() ? std::string_view(limit.unit) : unit->second);
}

// Services are the active categories nobody files below: whole classes are not services.
std::map<std::string, Service> ServicesOf(const std::vector<events::EventCategory>& categories) {
  std::map<std::string, const events::EventCategory*> by_code;
  std::set<std::string> parents;
  for (const auto& category : categories) {
    by_code[category.code] = &category;
    if (category.parent_code && category.active) parents.insert(*category.parent_code);
  }
  std::map<std::string, Service> services;
  for (const auto& category : categories) {
    if (!category.active || !category.parent_code || parents.contains(category.code)) continue;
    const auto parent = by_code.find(*category.parent_code);
    if (parent == by_code.end() || !parent->second->active) continue;
    std::string keywords = parent->second->name;
    if (!category.name_en.empty()) keywords += "," + category.name_en;
    services[category.code] = {category.code, category.name, category.name_en, keywords,
                               parent->second->name};
  }
  return services;
}

// A community or a node above one; an empty id means every jurisdiction.
std::optional<regions::Region> CheckJurisdiction(db::Connection& c, const std::string& jurisdiction_id) {
  if (jurisdiction_id.empty()) return std::nullopt;
  std::optional<regions::Region> node;
  if (jurisdiction_id.size() == 12 && auth::IsRegionCode(jurisdiction_id)) {
    node = regions::RegionStore::Find(c, jurisdiction_id);
  }
  if (!node || node->level > static_cast<int>(regions::Level::kCommunity) || node->status != "active") {
    NotFound("jurisdiction_id names no jurisdiction here.", "jurisdiction_id 不是本系统的辖区。");
  }
  return node;
}

// Which events a caller may read: with a key, every event in its scope; without, only those that
// came in through Open311.
events::EventFilter VisibleTo(const std::optional<ApiKey>& key, const std::string& jurisdiction_id) {
  events::EventFilter filter;
  if (!key) {
    filter.prefixes = regions::SearchPrefixes(auth::Scope::National(), jurisdiction_id);
    filter.source = "open311";
    return filter;
  }
  try {
    filter.prefixes = regions::SearchPrefixes(auth::Scope::Of({key->scope_code}), jurisdiction_id);
  } catch (const Error& error) {
    if (error.code() != ErrorCode::kNotFound) throw;
    NotFound("jurisdiction_id is outside the area of this api_key.",
             "jurisdiction_id 不在该 api_key 的范围内。");
  }
  return filter;
}

std::vector<ServiceRequest> Describe(db::Connection& c, const std::vector<events::Event>& found) {
  std::map<std::string, events::EventCategory> categories;
  for (auto& category : events::CategoryStore::All(c)) categories[category.code] = std::move(category);
  std::set<std::string> codes;
  std::vector<std::int64_t> ids;
  for (const auto& event : found) {
    for (auto& code : regions::AncestorCodes(event.region_code)) codes.insert(std::move(code));
    codes.insert(event.region_code);
    ids.push_back(event.id);
  }
  std::map<std::string, regions::Region> places;
  for (auto& region : regions::RegionStore::FindMany(c, {codes.begin(), codes.end()})) {
    places[region.code] = std::move(region);
  }
  const auto media = Open311Store::MediaOf(c, ids);
  std::vector<ServiceRequest> requests;
  for (const auto& event : found) {
    ServiceRequest request;
    request.id = event.reference;
    request.open = !events::IsFinished(event.state);
    request.status_notes = StateNote(event.state);
    const auto& category = categories[event.category_code];
    request.service_code = event.category_code;
    request.service_name = category.name;
    request.description = event.description;
    request.service_notice = NoticeOf(category);
    request.agency_responsible = category.department;
    if (request.agency_responsible.empty()) {
      if (auto community = places.find(event.region_code.substr(0, 12)); community != places.end()) {
        request.agency_responsible = community->second.name;
      }
    }
    request.requested_at = event.reported_at;
    request.updated_at = event.updated_at;
    request.expected_at = event.due_at;
    std::vector<regions::Region> path;
    auto path_codes = regions::AncestorCodes(event.region_code);
    path_codes.push_back(event.region_code);
    for (const auto& code : path_codes) {
      if (auto place = places.find(code); place != places.end()) path.push_back(place->second);
    }
    request.address = regions::StandardAddress(path);
    request.address_id = event.region_code;
    request.latitude = event.latitude;
    request.longitude = event.longitude;
    if (auto urls = media.find(event.id); urls != media.end()) {
      request.media_url = urls->second.substr(0, urls->second.find('\n'));
    }
    requests.push_back(std::move(request));
  }
  return requests;
}

bool SafeIdentifier(std::string_view id) {
  return !id.empty() && id.size() <= 100 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

IssuedKey Open311Service::IssueKey(const auth::Principal& actor, const std::string& name,
                                   const std::string& scope_code) {
  if (name.empty() || name.size() > 100) {
    throw Error(ErrorCode::kFieldInvalid, "Give the client a name of 1-100 bytes.",
                "客户端名称须为 1-100 字节。", nlohmann::json::array({FieldDetail("name", "bad_length")}));
  }
  return database_.Write([&](db::Connection& c) {
    const auto place =
        auth::IsRegionCode(scope_code) ? regions::RegionStore::Find(c, scope_code) : std::nullopt;
    if (!place || place->status != "active") {
      throw Error(ErrorCode::kFieldInvalid, "The scope must name a place of the region tree.",
                  "范围须为区划树中的节点。", nlohmann::json::array({FieldDetail("scope", "unknown_place")}));
    }
    if (Open311Store::KeyByName(c, name)) {
      throw Error(ErrorCode::kConflict, "A client of that name has a key already.", "该客户端名称已有密钥。",
                  nlohmann::json::array({FieldDetail("name", "taken")}));
    }
    IssuedKey issued;
    issued.secret = crypto::RandomToken(32);
    issued.key.name = name;
    issued.key.scope_code = scope_code;
    issued.key.key_hash = crypto::Sha256Hex(issued.secret);
    issued.key.created_at = clock_.NowMillis();
    issued.key.id = Open311Store::InsertKey(c, issued.key);
    auto entry =
        audit::AuditLog::By(actor, "open311.key_issue", "open311_api_key", std::to_string(issued.key.id));
    entry.region_code = scope_code;
    entry.detail = {{"name", name}, {"scope", scope_code}};
    audit_.Record(c, entry);
    return issued;
  });
}

std::vector<ApiKey> Open311Service::Keys() const {
  return database_.Read([](db::Connection& c) { return Open311Store::Keys(c); });
}

ApiKey Open311Service::RevokeKey(const auth::Principal& actor, const std::string& name_or_id) {
  return database_.Write([&](db::Connection& c) {
    auto key = Open311Store::KeyByName(c, name_or_id);
    const bool digits = !name_or_id.empty() && name_or_id.size() < 19 &&
                        std::all_of(name_or_id.begin(), name_or_id.end(), ::isdigit);
    if (!key && digits) key = Open311Store::KeyById(c, std::stoll(name_or_id));
    if (!key)
      throw Error(ErrorCode::kNotFound, "No client has that name or id.", "没有该名称或编号的客户端。");
    if (key->revoked_at) return *key;
    key->revoked_at = clock_.NowMillis();
    Open311Store::RevokeKey(c, key->id, *key->revoked_at);
    auto entry = audit::AuditLog::By(actor, "open311.key_revoke", "open311_api_key", std::to_string(key->id));
    entry.region_code = key->scope_code;
    entry.detail = {{"name", key->name}};
    audit_.Record(c, entry);
    return *key;
  });
}

std::optional<ApiKey> Open311Service::KeyFor(const std::string& api_key) const {
  if (api_key.empty()) return std::nullopt;
  const auto key = database_.Once(
      [&](db::Connection& c) { return Open311Store::KeyByHash(c, crypto::Sha256Hex(api_key)); });
  if (!key) KeyRefused("api_key is not valid.", "api_key 无效。");
  if (key->revoked_at) KeyRefused("api_key has been revoked.", "api_key 已被吊销。");
  return key;
}

std::vector<Service> Open311Service::Services(const std::string& jurisdiction_id) const {
  return database_.Read([&](db::Connection& c) {
    CheckJurisdiction(c, jurisdiction_id);
    std::vector<Service> services;
    for (auto& [code, service] : ServicesOf(events::CategoryStore::All(c)))
      services.push_back(std::move(service));
    return services;
  });
}

Service Open311Service::Definition(const std::string& jurisdiction_id,
                                   const std::string& service_code) const {
  return database_.Read([&](db::Connection& c) {
    CheckJurisdiction(c, jurisdiction_id);
    auto services = ServicesOf(events::CategoryStore::All(c));
    const auto it = services.find(service_code);
    if (it == services.end()) NotFound("service_code names no service.", "service_code 不是可受理的服务。");
    return it->second;
  });
}

std::int64_t Open311Service::Changeset() const {
  return database_.Read([](db::Connection& c) {
    std::int64_t latest = 0;
    for (const auto& category : events::CategoryStore::All(c)) latest = std::max(latest, category.updated_at);
    return latest;
  });
}

std::vector<ServiceRequest> Open311Service::Requests(const std::string& api_key,
                                                     const RequestQuery& query) const {
  const auto key = KeyFor(api_key);
  std::optional<std::int64_t> start = query.start;
  std::optional<std::int64_t> end = query.end;
  if (query.ids.empty()) {
    // The spec's window: 90 days, by default the last 90.
    if (!start && !end) end = clock_.NowMillis();
    if (!start) start = *end - kLongestSpan;
    if (!end) end = *start + kLongestSpan;
    if (*end < *start)
      BadParameter("end_date", "end_date is before start_date.", "end_date 早于 start_date。");
    if (*end - *start > kLongestSpan) {
      BadParameter("end_date", "start_date and end_date may be at most 90 days apart.",
                   "start_date 与 end_date 相隔不能超过 90 天。");
    }
  }
  return database_.Read([&](db::Connection& c) {
    CheckJurisdiction(c, query.jurisdiction_id);
    auto filter = VisibleTo(key, query.jurisdiction_id);
    filter.newest_first = true;
    if (!query.ids.empty()) {
      filter.references = query.ids;
      filter.limit = static_cast<std::int64_t>(query.ids.size());
    } else {
      filter.category_codes = query.service_codes;
      filter.reported_from = start;
      filter.reported_to = end;
      const std::vector<std::string> finished = {std::string(events::kClosed), std::string(events::kRejected),
                                                 std::string(events::kMerged)};
      if (query.open == true) filter.excluded_states = finished;
      if (query.open == false) filter.states = finished;
      filter.limit = query.page_size;
      filter.offset = (query.page - 1) * query.page_size;
    }
    return Describe(c, events::EventStore::Search(c, filter).items);
  });
}

ServiceRequest Open311Service::Request(const std::string& api_key, const std::string& jurisdiction_id,
                                       const std::string& id) const {
  const auto key = KeyFor(api_key);
  auto found = database_.Read([&](db::Connection& c) -> std::vector<ServiceRequest> {
    CheckJurisdiction(c, jurisdiction_id);
    if (!SafeIdentifier(id)) return {};
    auto filter = VisibleTo(key, jurisdiction_id);
    filter.references = {id};
    filter.limit = 1;
    return Describe(c, events::EventStore::Search(c, filter).items);
  });
  if (found.empty()) NotFound("service_request_id names no request.", "service_request_id 不是已知的诉求。");
  return std::move(found.front());
}

SubmittedRequest Open311Service::Submit(const NewServiceRequest& request) {
  if (request.api_key.empty())
    KeyRefused("api_key is required to file a request.", "提交诉求须提供 api_key。");
  const auto key = *KeyFor(request.api_key);
  if (request.service_code.empty()) {
    throw Error(ErrorCode::kFieldMissing, "service_code is required.", "须提供 service_code。",
                nlohmann::json::array({FieldDetail("service_code", "missing")}));
  }
  if (request.latitude.has_value() != request.longitude.has_value()) {
    BadParameter("long", "Give lat and long together.", "lat 与 long 须成对给出。");
  }
  // FixMyStreet sends this for reports that were never placed on a map.
  const auto address_id = request.address_id == "#NOTPINPOINTED#" ? std::string() : request.address_id;
  if (!request.latitude && request.address_string.empty() && address_id.empty()) {
    throw Error(ErrorCode::kFieldMissing, "Give lat and long, address_string or address_id.",
                "须提供 lat/long、address_string 或 address_id 之一。",
                nlohmann::json::array({FieldDetail("address_id", "missing")}));
  }
  if (Characters(request.description) > kLongestDescription) {
    BadParameter("description", "description may have at most 4000 characters.",
                 "description 不能超过 4000 个字。");
  }
  const auto key_scope = auth::Scope::Of({key.scope_code});
  struct Plan {
    std::string place;
    Service service;
    std::string notice;
  };
  const auto plan = database_.Read([&](db::Connection& c) {
    const auto jurisdiction = CheckJurisdiction(c, request.jurisdiction_id);
    const auto categories = events::CategoryStore::All(c);
    const auto services = ServicesOf(categories);
    const auto service = services.find(request.service_code);
    if (service == services.end())
      NotFound("service_code names no service.", "service_code 不是可受理的服务。");
    Plan plan{"", service->second, ""};
    for (const auto& category : categories) {
      if (category.code == request.service_code) plan.notice = NoticeOf(category);
    }
    if (!address_id.empty()) {
      if (!auth::IsRegionCode(address_id)) {
        BadParameter("address_id", "address_id must be a region code.", "address_id 须为区划代码。");
      }
      // Checked before the place is looked up, so a key learns nothing of places outside its area.
      if (!key_scope.Contains(address_id)) {
        throw Error(ErrorCode::kScopeViolation, "address_id is outside the area of this api_key.",
                    "address_id 不在该 api_key 的范围内。",
                    nlohmann::json::array({FieldDetail("address_id", "outside_scope")}));
      }
      if (jurisdiction && !auth::Scope::Of({jurisdiction->code}).Contains(address_id)) {
        BadParameter("address_id", "address_id is not inside jurisdiction_id.",
                     "address_id 不在 jurisdiction_id 辖区内。");
      }
      if (regions::LevelOfCode(address_id).value_or(0) >= static_cast<int>(regions::Level::kCommunity)) {
        plan.place = address_id;
      }
    }
    if (plan.place.empty()) {
      if (!jurisdiction || jurisdiction->level != static_cast<int>(regions::Level::kCommunity)) {
        BadParameter("address_id", "Give an address_id in a community, or a community as jurisdiction_id.",
                     "须提供社区内的 address_id，或以社区为 jurisdiction_id。");
      }
      plan.place = jurisdiction->code;
    }
    return plan;
  });

  auth::Principal channel;  // an outside client, not an account: Report keeps its source and name
  channel.user_id = 0;
  channel.role = auth::Role::kResident;
  channel.username = "open311:" + key.name;
  channel.display_name = "Open311: " + key.name;
  channel.scope = key_scope;
  events::NewEvent event;
  event.category_code = request.service_code;
  event.region_code = plan.place;
  event.latitude = request.latitude;
  event.longitude = request.longitude;
  event.title = plan.service.name;
  if (!request.description.empty()) {
    auto excerpt = FirstCharacters(request.description, kTitleExcerpt);
    std::replace(excerpt.begin(), excerpt.end(), '\n', ' ');
    event.title += "：" + excerpt + (excerpt.size() < request.description.size() ? "…" : "");
  }
  event.description = request.description;
  if (!request.address_string.empty()) {
    event.description += (event.description.empty() ? "" : "\n") + ("地址：" + request.address_string);
  }
  event.source = "open311";
  const auto reporter = request.first_name +
                        (request.first_name.empty() || request.last_name.empty() ? "" : " ") +
                        request.last_name;
  event.reporter_name = reporter.empty() ? channel.display_name : reporter;
  std::string media;
  for (const auto& url : request.media_urls) media += (media.empty() ? "" : "\n") + url;
  const auto view = events_.Report(channel, event, [&](db::Connection& c, const events::Event& made) {
    Open311Store::InsertRequest(c, made.id, key.id, media);
  });
  return {view.event.reference, plan.notice};
}

}  // namespace shequ::open311
