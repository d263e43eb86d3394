// HTTP of events: intake, work lists, the steps of the workflow, the deadline watch's settings.
#pragma once

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "events/attachment_service.hpp"
#include "events/event_service.hpp"

namespace shequ::events {

nlohmann::json EventSchema();
nlohmann::json EventPageSchema();
nlohmann::json NewEventSchema();
nlohmann::json StepSchema();
nlohmann::json SettingsSchema();
nlohmann::json AttachmentSchema();

http::Response ReportEvent(EventService& events, http::RequestContext& context);
http::Response GetEvent(const EventService& events, http::RequestContext& context);
http::Response ListEvents(const EventService& events, http::RequestContext& context);
// One step of the workflow: POST /api/events/{id}/<action>.
http::Response TakeStep(EventService& events, http::RequestContext& context, std::string_view action);
http::Response EventDuplicates(const EventService& events, http::RequestContext& context);
http::Response GetWatchSettings(const EventService& events, http::RequestContext& context);
http::Response PutWatchSettings(EventService& events, http::RequestContext& context);
http::Response UploadAttachment(AttachmentService& attachments, http::RequestContext& context);
http::Response ListAttachments(const AttachmentService& attachments, http::RequestContext& context);
http::Response DownloadAttachment(const AttachmentService& attachments, http::RequestContext& context);

}  // namespace shequ::events
