#pragma once

#include <optional>
#include <vector>

#include "core/db/database.hpp"
#include "events/attachment.hpp"

namespace shequ::events {

// All SQL of attachments.
class AttachmentStore {
 public:
  static std::int64_t Insert(db::Connection& c, const Attachment& attachment);
  static std::optional<Attachment> Find(db::Connection& c, std::int64_t id);
  static std::vector<Attachment> OfEvent(db::Connection& c, std::int64_t event_id);
  // Ties attachments not yet carried by a step to the timeline entry of one; returns how many.
  static std::int64_t Link(db::Connection& c, std::int64_t event_id, const std::vector<std::int64_t>& ids,
                           std::int64_t timeline_id);
};

}  // namespace shequ::events
