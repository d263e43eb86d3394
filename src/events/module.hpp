#pragma once

#include "core/module.hpp"
#include "events/attachment_service.hpp"
#include "events/category_service.hpp"
#include "events/event_service.hpp"
#include "events/kpi_service.hpp"

namespace shequ::events {

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(CategoryService& categories, CalendarService& calendar, EventService& events,
                        AttachmentService& attachments, const KpiService& kpis, const Clock& clock);

}  // namespace shequ::events
