// HTTP of event intake and the work lists.
#pragma once

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "events/event_service.hpp"

namespace shequ::events {

nlohmann::json EventSchema();
nlohmann::json EventPageSchema();
nlohmann::json NewEventSchema();

http::Response ReportEvent(EventService& events, http::RequestContext& context);
http::Response GetEvent(const EventService& events, http::RequestContext& context);
http::Response ListEvents(const EventService& events, http::RequestContext& context);

}  // namespace shequ::events
