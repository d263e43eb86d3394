#include "registry/person_store.hpp"

#include <algorithm>
#include <map>

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kColumns =
    "p.id, p.name, p.name_initials, p.id_number_enc, p.id_number_index, p.id_number_mask, p.birth_date, "
    "p.sex,"
    " p.phone_enc, p.phone_index, p.phone_mask, p.ethnicity, p.hukou_address, p.hukou_code, p.residence_code,"
    " p.residence_type, p.employment, p.education, p.political_status, p.photo_ref, p.status, p.version,"
    " p.created_at, p.updated_at";

Person Read(const db::Row& row) {
  Person p;
  p.id = row.Int(0);
  p.name = row.TakeText(1);
  p.name_initials = row.TakeText(2);
  p.id_number_cipher = row.OptText(3);
  p.id_number_index = row.OptText(4);
  p.id_number_mask = row.TakeText(5);
  p.birth_date = row.OptText(6);
  p.sex = row.TakeText(7);
  p.phone_cipher = row.OptText(8);
  p.phone_index = row.OptText(9);
  p.phone_mask = row.TakeText(10);
  p.ethnicity = row.TakeText(11);
  p.hukou_address = row.TakeText(12);
  p.hukou_code = row.OptText(13);
  p.residence_code = row.TakeText(14);
  p.residence_type = row.TakeText(15);
  p.employment = row.TakeText(16);
  p.education = row.TakeText(17);
  p.political_status = row.TakeText(18);
  p.photo_ref = row.TakeText(19);
  p.status = row.TakeText(20);
  p.version = row.Int(21);
  p.created_at = row.Int(22);
  p.updated_at = row.Int(23);
  return p;
}

std::vector<Person> ReadAll(db::Result rows) {
  std::vector<Person> people;
  people.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) people.push_back(Read(rows[i]));
  return people;
}

// FROM and WHERE of a search. A key-group search starts from the group rows, whose index holds
// type, residence and birth date together.
std::string FromWhere(const PersonFilter& f, db::SqlParams& params) {
  std::string sql;
  std::string where;
  const auto add = [&where](const std::string& condition) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (!f.group_type.empty()) {
    sql = " FROM person_groups g JOIN people p ON p.id = g.person_id";
    add("g.type_code = " + params.Add(f.group_type));
    add("g.ended_on IS NULL");
    const auto scope = regions::SubtreeCondition(f.prefixes, {"g.residence_code"}, params);
    if (!scope.empty()) add(scope);
    if (f.born_after) add("g.birth_date > " + params.Add(*f.born_after));
    if (f.born_on_or_before) add("g.birth_date <= " + params.Add(*f.born_on_or_before));
  } else {
    sql = " FROM people p";
    const auto scope = regions::SubtreeCondition(f.prefixes, {"p.residence_code", "p.hukou_code"}, params);
    if (!scope.empty()) add(scope);
    if (f.born_after) add("p.birth_date > " + params.Add(*f.born_after));
    if (f.born_on_or_before) add("p.birth_date <= " + params.Add(*f.born_on_or_before));
  }
  if (f.id_number_index) add("p.id_number_index = " + params.Add(*f.id_number_index));
  if (f.phone_index) add("p.phone_index = " + params.Add(*f.phone_index));
  if (!f.name_part.empty()) add("p.name LIKE " + params.Add("%" + f.name_part + "%"));
  if (!f.initials_prefix.empty()) add("p.name_initials LIKE " + params.Add(f.initials_prefix + "%"));
  if (!f.sex.empty()) add("p.sex = " + params.Add(f.sex));
  if (!f.residence_type.empty()) add("p.residence_type = " + params.Add(f.residence_type));
  if (!f.status.empty()) add("p.status = " + params.Add(f.status));
  return sql + where;
}

std::string OrderBy(const PersonFilter& f) {
  const std::string direction = f.descending ? " DESC" : "";
  std::string column = "p.name";
  if (f.sort == "birth_date") column = "p.birth_date";
  if (f.sort == "updated_at") column = "p.updated_at";
  if (f.sort == "id") return " ORDER BY p.id" + direction;
  return " ORDER BY " + column + direction + ", p.id" + direction;
}

}  // namespace

std::int64_t PersonStore::Insert(db::Connection& c, const Person& p) {
  return c
      .Run(
          "INSERT INTO people (name, name_initials, id_number_enc, id_number_index, id_number_mask, "
          "birth_date,"
          " sex, phone_enc, phone_index, phone_mask, ethnicity, hukou_address, hukou_code, residence_code,"
          " residence_type, employment, education, political_status, photo_ref, status, version, created_at,"
          " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
          "$18,"
          " $19, $20, $21, $22, $23) RETURNING id",
          p.name, p.name_initials, p.id_number_cipher, p.id_number_index, p.id_number_mask, p.birth_date,
          p.sex, p.phone_cipher, p.phone_index, p.phone_mask, p.ethnicity, p.hukou_address, p.hukou_code,
          p.residence_code, p.residence_type, p.employment, p.education, p.political_status, p.photo_ref,
          p.status, p.version, p.created_at, p.updated_at)[0]
      .Int(0);
}

std::optional<Person> PersonStore::Find(db::Connection& c, std::int64_t id) {
  static const std::string kFind = "SELECT " + std::string(kColumns) + " FROM people p WHERE p.id = $1";
  auto rows = c.Run(kFind, id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

std::vector<Person> PersonStore::FindMany(db::Connection& c, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  db::SqlParams params;
  std::string list;
  for (auto id : ids) list += (list.empty() ? "" : ", ") + params.Add(id);
  return ReadAll(c.Execute("SELECT " + std::string(kColumns) + " FROM people p WHERE p.id IN (" + list + ")",
                           params.values()));
}

std::optional<std::int64_t> PersonStore::FindIdByIdNumberIndex(db::Connection& c, const std::string& index) {
  auto rows = c.Run("SELECT id FROM people WHERE id_number_index = $1", index);
  if (rows.empty()) return std::nullopt;
  return rows[0].Int(0);
}

std::set<std::string> PersonStore::ExistingIdNumberIndexes(db::Connection& c,
                                                           const std::vector<std::string>& indexes) {
  std::set<std::string> existing;
  constexpr std::size_t kChunk = 500;
  for (std::size_t start = 0; start < indexes.size(); start += kChunk) {
    db::SqlParams params;
    std::string list;
    for (std::size_t i = start; i < std::min(indexes.size(), start + kChunk); ++i) {
      list += (list.empty() ? "" : ", ") + params.Add(indexes[i]);
    }
    auto rows = c.Execute("SELECT id_number_index FROM people WHERE id_number_index IN (" + list + ")",
                          params.values());
    for (std::size_t i = 0; i < rows.size(); ++i) existing.insert(rows[i].Text(0));
  }
  return existing;
}

bool PersonStore::Update(db::Connection& c, const Person& p, std::int64_t expected_version) {
  return c.Run(
              "UPDATE people SET name = $2, name_initials = $3, id_number_enc = $4, id_number_index = $5,"
              " id_number_mask = $6, birth_date = $7, sex = $8, phone_enc = $9, phone_index = $10,"
              " phone_mask = $11, ethnicity = $12, hukou_address = $13, hukou_code = $14, residence_code = "
              "$15,"
              " residence_type = $16, employment = $17, education = $18, political_status = $19,"
              " photo_ref = $20, status = $21, version = $22, updated_at = $23 WHERE id = $1 AND version = "
              "$24",
              p.id, p.name, p.name_initials, p.id_number_cipher, p.id_number_index, p.id_number_mask,
              p.birth_date, p.sex, p.phone_cipher, p.phone_index, p.phone_mask, p.ethnicity, p.hukou_address,
              p.hukou_code, p.residence_code, p.residence_type, p.employment, p.education, p.political_status,
              p.photo_ref, p.status, p.version, p.updated_at, expected_version)
             .affected_rows == 1;
}

namespace {

// A key-group search filtered only by group, place and age, sorted by name, birth date or id, is
// answered from the index of current memberships: the count and the page's ids come from the
// index alone, and only the page's people are read.
bool FromGroupIndexAlone(const PersonFilter& f) {
  return !f.group_type.empty() && !f.id_number_index && !f.phone_index && f.name_part.empty() &&
         f.initials_prefix.empty() && f.sex.empty() && f.residence_type.empty() && f.status.empty() &&
         (f.sort == "name" || f.sort == "birth_date" || f.sort == "id");
}

PersonPage SearchGroupIndex(db::Connection& c, const PersonFilter& f, bool with_total) {
  db::SqlParams params;
  std::string where =
      " FROM person_groups g WHERE g.type_code = " + params.Add(f.group_type) + " AND g.ended_on IS NULL";
  const auto scope = regions::SubtreeCondition(f.prefixes, {"g.residence_code"}, params);
  if (!scope.empty()) where += " AND " + scope;
  if (f.born_after) where += " AND g.birth_date > " + params.Add(*f.born_after);
  if (f.born_on_or_before) where += " AND g.birth_date <= " + params.Add(*f.born_on_or_before);
  PersonPage page;
  if (with_total) page.total = c.Execute("SELECT COUNT(*)" + where, params.values())[0].Int(0);
  const std::string direction = f.descending ? " DESC" : "";
  const std::string order =
      f.sort == "id" ? "g.person_id" + direction : "g." + f.sort + direction + ", g.person_id" + direction;
  const auto limit = params.Add(f.limit);
  const auto offset = params.Add(f.offset);
  auto ids =
      c.Execute("SELECT g.person_id" + where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset,
                params.values());
  std::vector<std::int64_t> wanted;
  for (std::size_t i = 0; i < ids.size(); ++i) wanted.push_back(ids[i].Int(0));
  auto people = PersonStore::FindMany(c, wanted);
  std::map<std::int64_t, std::size_t> position;
  for (std::size_t i = 0; i < wanted.size(); ++i) position[wanted[i]] = i;
  std::sort(people.begin(), people.end(),
            [&](const Person& a, const Person& b) { return position[a.id] < position[b.id]; });
  page.items = std::move(people);
  return page;
}

}  // namespace

PersonPage PersonStore::Search(db::Connection& c, const PersonFilter& filter, bool with_total) {
  if (FromGroupIndexAlone(filter)) return SearchGroupIndex(c, filter, with_total);
  db::SqlParams params;
  const auto from_where = FromWhere(filter, params);
  PersonPage page;
  if (with_total) page.total = c.Execute("SELECT COUNT(*)" + from_where, params.values())[0].Int(0);
  const auto limit = params.Add(filter.limit);
  const auto offset = params.Add(filter.offset);
  page.items = ReadAll(c.Execute("SELECT " + std::string(kColumns) + from_where + OrderBy(filter) +
                                     " LIMIT " + limit + " OFFSET " + offset,
                                 params.values()));
  return page;
}

void PersonStore::ForEach(db::Connection& c, PersonFilter filter,
                          const std::function<void(const Person&)>& visit) {
  // Keyset pages by id keep memory flat however long the list.
  filter.sort = "id";
  filter.descending = false;
  std::int64_t after = 0;
  while (true) {
    db::SqlParams params;
    auto from_where = FromWhere(filter, params);
    from_where += (from_where.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ");
    from_where += "p.id > " + params.Add(after);
    auto rows = c.Execute("SELECT " + std::string(kColumns) + from_where + " ORDER BY p.id LIMIT 5000",
                          params.values());
    if (rows.empty()) return;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto person = Read(rows[i]);
      after = person.id;
      visit(person);
    }
  }
}

std::int64_t PersonStore::InsertEvent(db::Connection& c, const PersonEvent& e) {
  return c
      .Run(
          "INSERT INTO person_events (person_id, kind, occurred_on, from_code, to_code, place, note, "
          "recorded_by,"
          " recorded_by_name, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
          e.person_id, e.kind, e.occurred_on, e.from_code, e.to_code, e.place, e.note, e.recorded_by,
          e.recorded_by_name, e.recorded_at)[0]
      .Int(0);
}

std::vector<PersonEvent> PersonStore::Events(db::Connection& c, std::int64_t person_id) {
  auto rows = c.Run(
      "SELECT id, person_id, kind, occurred_on, from_code, to_code, place, note, recorded_by, "
      "recorded_by_name,"
      " recorded_at FROM person_events WHERE person_id = $1 ORDER BY occurred_on DESC, id DESC",
      person_id);
  std::vector<PersonEvent> events;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    events.push_back({row.Int(0), row.Int(1), row.TakeText(2), row.TakeText(3), row.OptText(4),
                      row.OptText(5), row.TakeText(6), row.TakeText(7), row.OptInt(8), row.TakeText(9),
                      row.Int(10)});
  }
  return events;
}

std::optional<std::pair<std::int64_t, std::string>> PersonStore::CurrentHousehold(db::Connection& c,
                                                                                  std::int64_t person_id) {
  auto rows =
      c.Run("SELECT household_id, relation FROM household_members WHERE person_id = $1 AND left_on IS NULL",
            person_id);
  if (rows.empty()) return std::nullopt;
  return std::pair{rows[0].Int(0), rows[0].Text(1)};
}

void PersonStore::LeaveHousehold(db::Connection& c, std::int64_t person_id, const std::string& on,
                                 const std::string& reason) {
  c.Run(
      "UPDATE household_members SET left_on = $2, left_reason = $3 WHERE person_id = $1 AND left_on IS NULL",
      person_id, on, reason);
}

void PersonStore::SyncGroupCopies(db::Connection& c, const Person& p) {
  c.Run("UPDATE person_groups SET residence_code = $2, birth_date = $3, name = $4 WHERE person_id = $1", p.id,
        p.residence_code, p.birth_date, p.name);
}

}  // namespace shequ::registry
