#include "audit/audit_store.hpp"

namespace shequ::audit {

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSuccess:
      return "success";
    case Outcome::kFailure:
      return "failure";
    case Outcome::kDenied:
      return "denied";
  }
  return "failure";
}

std::optional<Outcome> ParseOutcome(std::string_view name) {
  for (auto outcome : {Outcome::kSuccess, Outcome::kFailure, Outcome::kDenied}) {
    if (OutcomeName(outcome) == name) return outcome;
  }
  return std::nullopt;
}

std::int64_t AuditStore::Insert(db::Connection& connection, const AuditEntry& entry) {
  static constexpr std::string_view kInsert =
      "INSERT INTO audit_log (at, actor_id, actor_name, actor_role, action, object_type, object_id,"
      " region_code, result, ip, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
  return connection.Insert(kInsert, entry.at, entry.actor_id, entry.actor_name, entry.actor_role,
                           entry.action, entry.object_type, entry.object_id, entry.region_code,
                           OutcomeName(entry.result), entry.ip, entry.detail.dump());
}

std::vector<AuditEntry> AuditStore::Search(db::Connection& connection, const AuditFilter& filter) {
  std::string sql =
      "SELECT id, at, actor_id, actor_name, actor_role, action, object_type, object_id, region_code, result,"
      " ip, detail FROM audit_log WHERE 1 = 1";
  std::vector<db::Value> params;
  const auto add = [&](std::string_view condition, db::Value value) {
    params.push_back(std::move(value));
    sql += " AND ";
    sql += condition;
    sql += " $" + std::to_string(params.size());
  };
  if (filter.actor) add("actor_name =", *filter.actor);
  if (filter.action) add("action =", *filter.action);
  if (filter.object_type) add("object_type =", *filter.object_type);
  if (filter.object_id) add("object_id =", *filter.object_id);
  if (filter.result) add("result =", std::string(OutcomeName(*filter.result)));
  if (filter.from) add("at >=", *filter.from);
  if (filter.to) add("at <", *filter.to);
  if (filter.before_id) add("id <", *filter.before_id);
  params.emplace_back(filter.limit);
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(params.size());

  auto rows = connection.Execute(sql, params);
  std::vector<AuditEntry> entries;
  entries.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    AuditEntry entry;
    entry.id = row.Int(0);
    entry.at = row.Int(1);
    entry.actor_id = row.OptInt(2);
    entry.actor_name = row.Text(3);
    entry.actor_role = row.Text(4);
    entry.action = row.Text(5);
    entry.object_type = row.Text(6);
    entry.object_id = row.Text(7);
    entry.region_code = row.Text(8);
    entry.result = ParseOutcome(row.Text(9)).value_or(Outcome::kFailure);
    entry.ip = row.Text(10);
    entry.detail = nlohmann::json::parse(row.Text(11), nullptr, false);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace shequ::audit
