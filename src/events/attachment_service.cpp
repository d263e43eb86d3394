#include "events/attachment_service.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>

#include "core/crypto/crypto.hpp"
#include "core/errors/error.hpp"
#include "events/attachment_store.hpp"
#include "events/stage_clock.hpp"

namespace shequ::events {
namespace {

void SyncPath(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw std::runtime_error("cannot open " + path.string());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw std::runtime_error("cannot sync " + path.string());
}

}  // namespace

bool AttachmentTypeAllowed(std::string_view type) {
  return type == "image/jpeg" || type == "image/png" || type == "image/webp" || type == "application/pdf" ||
         type == "video/mp4";
}

bool ContentMatchesType(std::string_view type, std::string_view bytes) {
  if (type == "image/jpeg") return bytes.starts_with("\xFF\xD8\xFF");
  if (type == "image/png") return bytes.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8));
  if (type == "image/webp")
    return bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP";
  if (type == "application/pdf") return bytes.starts_with("%PDF-");
  if (type == "video/mp4") return bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp";
  return false;
}

std::filesystem::path AttachmentService::PathOf(const std::string& sha256) const {
  return directory_ / sha256.substr(0, 2) / sha256;
}

void AttachmentService::WriteDurably(const std::string& sha256, const std::string& bytes) const {
  const auto path = PathOf(sha256);
  if (std::filesystem::exists(path)) return;  // the same content, stored already
  std::filesystem::create_directories(path.parent_path());
  const auto temporary = path.string() + ".part" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + temporary);
  }
  SyncPath(temporary, O_RDONLY);
  std::filesystem::rename(temporary, path);
  SyncPath(path.parent_path(), O_RDONLY | O_DIRECTORY);
}

Attachment AttachmentService::Upload(const auth::Principal& actor, std::int64_t event_id,
                                     const std::string& content_type, const std::string& file_name,
                                     const std::string& bytes) {
  const auto view = events_.Get(actor, event_id);  // 404 unless the caller may see it
  if (!AttachmentTypeAllowed(content_type)) {
    throw Error(ErrorCode::kUnsupportedMediaType, "Send a JPEG, PNG or WebP photo, a PDF or an MP4 video.",
                "仅支持 JPEG、PNG、WebP 图片，PDF 文件或 MP4 视频。",
                nlohmann::json::array(
                    {{{"field", "content_type"}, {"problem", "not_allowed"}, {"value", content_type}}}));
  }
  if (bytes.empty() || bytes.size() > kMaxAttachmentBytes) {
    throw Error(ErrorCode::kPayloadTooLarge, "A file holds 1 byte to 10 MiB.",
                "文件大小须在 10 MiB 以内且不能为空。",
                nlohmann::json::array({{{"limit", kMaxAttachmentBytes}}}));
  }
  if (!ContentMatchesType(content_type, bytes)) {
    ThrowInvalid("content_type", "content_mismatch", "The file is not what its type says.",
                 "文件内容与声明的类型不符。");
  }
  if (file_name.size() > 200) ThrowInvalid("name", "too_long", "At most 200 bytes.", "文件名过长。");
  Attachment attachment;
  attachment.event_id = view.event.id;
  attachment.sha256 = crypto::Sha256Hex(bytes);
  attachment.content_type = content_type;
  attachment.size = static_cast<std::int64_t>(bytes.size());
  attachment.file_name = file_name;
  attachment.uploaded_by = actor.user_id > 0 ? std::optional(actor.user_id) : std::nullopt;
  attachment.uploaded_by_name = NameOf(actor);
  attachment.uploaded_at = clock_.NowMillis();
  WriteDurably(attachment.sha256, bytes);
  return database_.Write([&](db::Connection& c) {
    attachment.id = AttachmentStore::Insert(c, attachment);
    auto audit = audit::AuditLog::By(actor, "events.attach", "event", std::to_string(event_id));
    audit.region_code = view.event.region_code;
    audit.detail = {
        {"attachment_id", attachment.id}, {"sha256", attachment.sha256}, {"size", attachment.size}};
    audit_.Record(c, audit);
    return attachment;
  });
}

std::vector<Attachment> AttachmentService::List(const auth::Principal& actor, std::int64_t event_id) const {
  events_.Get(actor, event_id);
  return database_.Read([&](db::Connection& c) { return AttachmentStore::OfEvent(c, event_id); });
}

AttachmentFile AttachmentService::Read(const auth::Principal& actor, std::int64_t event_id,
                                       std::int64_t attachment_id) const {
  events_.Get(actor, event_id);
  const auto attachment =
      database_.Read([&](db::Connection& c) { return AttachmentStore::Find(c, attachment_id); });
  if (!attachment || attachment->event_id != event_id) throw Error(ErrorCode::kNotFound);
  std::ifstream in(PathOf(attachment->sha256), std::ios::binary);
  if (!in) throw Error(ErrorCode::kInternal);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return {*attachment, bytes.str()};
}

}  // namespace shequ::events
