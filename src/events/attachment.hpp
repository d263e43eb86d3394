// A photo or document of an event, kept on disk by content hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace shequ::events {

struct Attachment {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::optional<std::int64_t> timeline_id;  // the step that carried it, once one did
  std::string sha256;
  std::string content_type;
  std::int64_t size = 0;
  std::string file_name;
  std::optional<std::int64_t> uploaded_by;
  std::string uploaded_by_name;
  std::int64_t uploaded_at = 0;
};

struct AttachmentFile {
  Attachment attachment;
  std::string bytes;
};

}  // namespace shequ::events
