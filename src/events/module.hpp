#pragma once

#include "core/module.hpp"
#include "events/category_service.hpp"
#include "events/event_service.hpp"

namespace shequ::events {

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(CategoryService& categories, CalendarService& calendar, EventService& events,
                        const Clock& clock);

}  // namespace shequ::events
