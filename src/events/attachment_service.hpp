// Photos and documents of events: whoever may see an event may add files to it and read them.
// A file's type is checked against its first bytes, not only the type it was sent as; its size is
// limited; it is written to disk (fsync'd, under its SHA-256) before its row commits, so no
// acknowledged attachment is ever without its file. A step of the workflow carries the files
// uploaded for it (StepInput::attachment_ids).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "events/attachment.hpp"
#include "events/event_service.hpp"

namespace shequ::events {

inline constexpr std::size_t kMaxAttachmentBytes = std::size_t{10} * 1024 * 1024;

// The types accepted, each known by its first bytes: JPEG, PNG, WebP, PDF and MP4.
bool AttachmentTypeAllowed(std::string_view content_type);
bool ContentMatchesType(std::string_view content_type, std::string_view bytes);

class AttachmentService {
 public:
  AttachmentService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                    const EventService& events, std::filesystem::path directory)
      : database_(database),
        clock_(clock),
        audit_(audit),
        events_(events),
        directory_(std::move(directory)) {}

  Attachment Upload(const auth::Principal& actor, std::int64_t event_id, const std::string& content_type,
                    const std::string& file_name, const std::string& bytes);
  std::vector<Attachment> List(const auth::Principal& actor, std::int64_t event_id) const;
  AttachmentFile Read(const auth::Principal& actor, std::int64_t event_id, std::int64_t attachment_id) const;

 private:
  std::filesystem::path PathOf(const std::string& sha256) const;
  void WriteDurably(const std::string& sha256, const std::string& bytes) const;

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const EventService& events_;
  std::filesystem::path directory_;
};

}  // namespace shequ::events
