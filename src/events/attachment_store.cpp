#include "events/attachment_store.hpp"

namespace shequ::events {
namespace {

constexpr std::string_view kColumns =
    "id, event_id, timeline_id, sha256, content_type, size, file_name, uploaded_by, uploaded_by_name, "
    "uploaded_at";

Attachment Read(const db::Row& row) {
  return {row.Int(0), row.Int(1),      row.OptInt(2), row.TakeText(3), row.TakeText(4),
          row.Int(5), row.TakeText(6), row.OptInt(7), row.TakeText(8), row.Int(9)};
}

}  // namespace

std::int64_t AttachmentStore::Insert(db::Connection& c, const Attachment& a) {
  return c
      .Run(
          "INSERT INTO event_attachments (event_id, sha256, content_type, size, file_name, uploaded_by,"
          " uploaded_by_name, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
          a.event_id, a.sha256, a.content_type, a.size, a.file_name, a.uploaded_by, a.uploaded_by_name,
          a.uploaded_at)[0]
      .Int(0);
}

std::optional<Attachment> AttachmentStore::Find(db::Connection& c, std::int64_t id) {
  auto rows = c.Run("SELECT " + std::string(kColumns) + " FROM event_attachments WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

std::vector<Attachment> AttachmentStore::OfEvent(db::Connection& c, std::int64_t event_id) {
  auto rows =
      c.Run("SELECT " + std::string(kColumns) + " FROM event_attachments WHERE event_id = $1 ORDER BY id",
            event_id);
  std::vector<Attachment> all;
  for (std::size_t i = 0; i < rows.size(); ++i) all.push_back(Read(rows[i]));
  return all;
}

std::int64_t AttachmentStore::Link(db::Connection& c, std::int64_t event_id,
                                   const std::vector<std::int64_t>& ids, std::int64_t timeline_id) {
  std::int64_t linked = 0;
  for (const auto id : ids) {
    linked += c.Run(
                   "UPDATE event_attachments SET timeline_id = $1 WHERE id = $2 AND event_id = $3 AND "
                   "timeline_id IS NULL",
                   timeline_id, id, event_id)
                  .affected_rows;
  }
  return linked;
}

}  // namespace shequ::events
