#include "registry/person_service.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/errors/error.hpp"
#include "registry/testing/registry_test_base.hpp"
#include "support/test_database.hpp"

namespace shequ::registry {
namespace {

constexpr const char* kIdNumber = "610921198003152511";  // a valid GB 11643 number, born 1980-03-15, male
constexpr const char* kPhone = "13912345678";

class PersonServiceTest : public fixtures::RegistryTestBase {
 protected:
  PersonService& people() { return app_.app().registry().people; }
  KeyGroupService& groups() { return app_.app().registry().groups; }

  PersonView Register(const std::string& name, const std::string& id_number, const std::string& phone = "") {
    NewPerson request;
    request.fields.name = name;
    request.fields.id_number = id_number;
    if (!phone.empty()) request.fields.phone = phone;
    request.fields.residence_code = dwelling_;
    request.arrived_on = "2025-12-01";
    return people().Create(community_, request);
  }
};

TEST_F(PersonServiceTest, RegistersWithDerivedBirthAndSexAndShowsOnlyMasks) {
  const auto view = Register("张三", kIdNumber, kPhone);
  EXPECT_EQ(view.person.birth_date, "1980-03-15");
  EXPECT_EQ(view.person.sex, "M");
  EXPECT_EQ(view.person.id_number_mask, "610921**********11");
  EXPECT_EQ(view.person.phone_mask, "139****5678");
  EXPECT_EQ(view.person.name_initials, "ZS");
  EXPECT_NE(view.residence_address.find("501室"), std::string::npos) << view.residence_address;
  const auto history = people().History(community_, view.person.id);
  ASSERT_EQ(history.events.size(), 1U);
  EXPECT_EQ(history.events[0].kind, "registered");
}

TEST_F(PersonServiceTest, RefusesBadAndDuplicateIdNumbersNamingTheFault) {
  Register("张三", kIdNumber);
  try {
    Register("李四", "61092119800315251X");
    FAIL() << "a wrong check character is refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["field"], "id_number");
    EXPECT_EQ(e.details()[0]["problem"], "check_character");
  }
  EXPECT_EQ(testing::ErrorOf([&] { Register("王五", kIdNumber); }), ErrorCode::kConflict);
  EXPECT_EQ(testing::ErrorOf([&] { Register("王五", "610921800315251"); }), ErrorCode::kConflict)
      << "the 15-digit form of the same number is the same person";
  NewPerson outside;
  outside.fields.name = "赵六";
  outside.fields.residence_code = dwelling_;
  EXPECT_EQ(testing::ErrorOf([&] { people().Create(neighbour_, outside); }), ErrorCode::kScopeViolation);
}

TEST_F(PersonServiceTest, SearchesByNameInitialsIdPhoneGroupAndAgeInsideScopeOnly) {
  const auto zhang = Register("张三", kIdNumber, kPhone);
  Register("李小红", "610921201505060021");
  PersonQuery query;
  query.text = "张";
  EXPECT_EQ(people().Search(community_, query).total, 1);
  query.text = "lxh";
  ASSERT_EQ(people().Search(community_, query).total, 1);
  EXPECT_EQ(people().Search(community_, query).items[0].name, "李小红");
  query.text.clear();
  query.id_number = kIdNumber;
  EXPECT_EQ(people().Search(community_, query).items.at(0).id, zhang.person.id);
  query.id_number.clear();
  query.phone = "139 1234 5678";
  EXPECT_EQ(people().Search(community_, query).total, 1);
  query.phone.clear();
  query.age_min = 40;
  query.age_max = 60;
  EXPECT_EQ(people().Search(community_, query).total, 1) << "only the one born in 1980";
  groups().Add(community_, zhang.person.id, "veteran", {});
  query.group_type = "veteran";
  query.region = compound_;
  EXPECT_EQ(people().Search(community_, query).total, 1);
  query.age_min = 50;
  EXPECT_EQ(people().Search(community_, query).total, 0);
  EXPECT_EQ(people().Search(neighbour_, PersonQuery{}).total, 0) << "another community sees nobody";
  EXPECT_EQ(testing::ErrorOf([&] { people().Get(neighbour_, zhang.person.id); }), ErrorCode::kNotFound);
  PersonQuery elsewhere;
  elsewhere.region = "610921103002";
  EXPECT_EQ(testing::ErrorOf([&] { people().Search(neighbour_, elsewhere); }), ErrorCode::kNotFound);
}

TEST_F(PersonServiceTest, GroupSearchesFromTheIndexMatchTheJoinedSearch) {
  const std::vector<std::pair<std::string, std::string>> veterans = {{"赵一", "110105194912310038"},
                                                                     {"钱二", "110105195001010020"},
                                                                     {"孙三", "110105194501010014"},
                                                                     {"李四", "110105194001010026"},
                                                                     {"周五", "110105196001010017"}};
  for (const auto& [name, id] : veterans)
    groups().Add(community_, Register(name, id).person.id, "veteran", {});
  for (const auto* sort : {"name", "birth_date", "id"}) {
    for (bool descending : {false, true}) {
      PersonQuery fast;
      fast.group_type = "veteran";
      fast.age_min = 60;
      fast.sort = sort;
      fast.descending = descending;
      fast.limit = 3;
      fast.offset = 1;
      auto joined = fast;
      joined.status = "living";  // a filter on people's own columns takes the joined path
      const auto a = people().Search(community_, fast);
      const auto b = people().Search(community_, joined);
      EXPECT_EQ(a.total, b.total);
      ASSERT_EQ(a.items.size(), b.items.size()) << sort;
      for (std::size_t i = 0; i < a.items.size(); ++i)
        EXPECT_EQ(a.items[i].id, b.items[i].id) << sort << " " << i;
    }
  }
  // A rename moves the person in name order on both paths: the index's copy of the name follows.
  PersonQuery by_name;
  by_name.group_type = "veteran";
  const auto before = people().Search(community_, by_name);
  PersonFields patch;
  patch.name = "龥龥";
  people().Update(community_, before.items.front().id, patch);
  auto joined = by_name;
  joined.status = "living";
  const auto fast = people().Search(community_, by_name);
  const auto slow = people().Search(community_, joined);
  ASSERT_EQ(fast.items.size(), 5U);
  for (std::size_t i = 0; i < fast.items.size(); ++i) EXPECT_EQ(fast.items[i].id, slow.items[i].id) << i;
  EXPECT_NE(fast.items.front().id, before.items.front().id);
}

TEST_F(PersonServiceTest, KeepsEveryChangeWithMasksAndRefusesStaleVersions) {
  const auto view = Register("张三", kIdNumber, kPhone);
  PersonFields patch;
  patch.phone = "13800138000";
  patch.employment = "务工";
  patch.expected_version = view.person.version;
  const auto changed = people().Update(community_, view.person.id, patch);
  EXPECT_EQ(changed.person.version, view.person.version + 1);
  const auto history = people().History(community_, view.person.id);
  ASSERT_EQ(history.changes.size(), 2U);
  bool saw_phone = false;
  for (const auto& change : history.changes) {
    if (change.field != "phone") continue;
    saw_phone = true;
    EXPECT_EQ(change.old_value, "139****5678");
    EXPECT_EQ(change.new_value, "138****8000");
    EXPECT_EQ(change.actor_name, "community");
  }
  EXPECT_TRUE(saw_phone);
  EXPECT_EQ(testing::ErrorOf([&] { people().Update(community_, view.person.id, patch); }),
            ErrorCode::kConflict)
      << "version " << view.person.version << " is stale now";
  PersonFields move;
  move.residence_code = other_dwelling_;
  EXPECT_EQ(testing::ErrorOf([&] { people().Update(community_, view.person.id, move); }),
            ErrorCode::kFieldInvalid)
      << "a move is an event, not an overwrite";
}

TEST_F(PersonServiceTest, RevealNeedsAReasonAndIsAudited) {
  const auto view = Register("张三", kIdNumber, kPhone);
  EXPECT_EQ(testing::ErrorOf([&] { people().Reveal(community_, view.person.id, {"id_number"}, " "); }),
            ErrorCode::kFieldInvalid);
  const auto values = people().Reveal(community_, view.person.id, {"id_number", "phone"}, "走访核实身份");
  EXPECT_EQ(values.id_number, kIdNumber);
  EXPECT_EQ(values.phone, kPhone);
  audit::AuditFilter filter;
  filter.action = "people.reveal";
  const auto entries = app_.app().audit().Search(filter);
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].actor_name, "community");
  EXPECT_EQ(entries[0].detail["reason"], "走访核实身份");
  EXPECT_EQ(entries[0].object_id, std::to_string(view.person.id));
  EXPECT_EQ(testing::ErrorOf([&] { people().Reveal(neighbour_, view.person.id, {"phone"}, "查看"); }),
            ErrorCode::kNotFound);
}

TEST_F(PersonServiceTest, MovesAndDeathAreEventsThatEndGroupMemberships) {
  const auto view = Register("张三", kIdNumber);
  const auto id = view.person.id;
  groups().Add(community_, id, "veteran", {});
  people().RecordEvent(community_, id,
                       {.kind = "relocate", .occurred_on = "2026-01-02", .to_code = other_dwelling_});
  EXPECT_EQ(people().Get(community_, id).person.residence_code, other_dwelling_);
  EXPECT_EQ(testing::ErrorOf(
                [&] { people().RecordEvent(community_, id, {.kind = "move_in", .to_code = dwelling_}); }),
            ErrorCode::kConflict)
      << "only someone who moved out moves in";
  people().RecordEvent(community_, id,
                       {.kind = "move_out", .occurred_on = "2026-03-01", .place = "西安市雁塔区"});
  EXPECT_EQ(people().Get(community_, id).person.status, "moved_out");
  EXPECT_TRUE(people().Get(community_, id).groups.at(0).ended_on.has_value());
  people().RecordEvent(community_, id,
                       {.kind = "move_in", .occurred_on = "2026-06-01", .to_code = dwelling_});
  people().RecordEvent(community_, id, {.kind = "death", .occurred_on = "2026-09-09"});
  const auto person = people().Get(community_, id).person;
  EXPECT_EQ(person.status, "deceased");
  EXPECT_EQ(
      testing::ErrorOf([&] { people().RecordEvent(community_, id, {.kind = "move_out", .place = "x"}); }),
      ErrorCode::kConflict);
  const auto history = people().History(community_, id);
  ASSERT_EQ(history.events.size(), 5U);
  EXPECT_EQ(history.events[0].kind, "death");
  EXPECT_EQ(history.events[1].kind, "move_in");
  EXPECT_EQ(history.events[2].kind, "move_out");
  EXPECT_EQ(history.events[2].place, "西安市雁塔区");
  EXPECT_EQ(history.events[3].kind, "relocate");
  EXPECT_EQ(history.events[3].from_code, dwelling_);
}

TEST_F(PersonServiceTest, RestrictedGroupsAreHiddenFromGridWorkersAndDetailsAreEncrypted) {
  const auto view = Register("张三", kIdNumber, kPhone);
  GroupFields fields;
  fields.details = nlohmann::json{{"correction_type", "缓刑"}, {"term_end", "2031-07-19"}};
  groups().Add(community_, view.person.id, "community_correction", fields);
  GroupFields disability;
  disability.details = nlohmann::json{{"disability_level", "二级"}};
  groups().Add(community_, view.person.id, "disabled", disability);
  EXPECT_EQ(people().Get(community_, view.person.id).groups.size(), 2U);
  EXPECT_EQ(people().Get(gridder_, view.person.id).groups.size(), 1U) << "the restricted one is hidden";
  PersonQuery query;
  query.group_type = "community_correction";
  EXPECT_EQ(testing::ErrorOf([&] { people().Search(gridder_, query); }), ErrorCode::kForbidden);
  const auto details = groups().ForPerson(community_, view.person.id);
  ASSERT_EQ(details.size(), 2U);
  EXPECT_EQ(details[0].details["correction_type"], "缓刑");
  GroupFields bad;
  bad.details = nlohmann::json{{"disability_level", "九级"}};
  EXPECT_EQ(testing::ErrorOf([&] { groups().Add(community_, view.person.id, "left_behind_child", bad); }),
            ErrorCode::kFieldInvalid);

  // At rest: no clear ID number, phone or group detail in any registry table.
  const auto cells_containing = [&](const std::string& needle) {
    int found = 0;
    app_.app().database().Read([&](db::Connection& c) {
      for (const char* table :
           {"people", "person_groups", "person_events", "registry_changes", "audit_log"}) {
        auto rows = c.Run(std::string("SELECT * FROM ") + table);
        for (std::size_t r = 0; r < rows.size(); ++r) {
          for (const auto& cell : rows.rows[r]) {
            if (const auto* text = std::get_if<std::string>(&cell);
                text && text->find(needle) != std::string::npos)
              ++found;
          }
        }
      }
    });
    return found;
  };
  EXPECT_EQ(cells_containing(kIdNumber), 0);
  EXPECT_EQ(cells_containing(kPhone), 0);
  EXPECT_EQ(cells_containing("2031-07-19"), 0);
  EXPECT_GE(cells_containing("张三"), 1) << "names are not encrypted: the check itself can find text";

  // And the files themselves: the SQLite database and its write-ahead log hold no clear value.
  const auto& url = app_.database_url();
  if (url.starts_with("sqlite://")) {
    const std::string path = url.substr(9);
    std::string bytes;
    for (const auto& file : {path, path + "-wal"}) {
      std::ifstream in(file, std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    ASSERT_GT(bytes.size(), 4096U);
    EXPECT_NE(bytes.find("张三"), std::string::npos) << "the scan reads real data";
    EXPECT_EQ(bytes.find(kIdNumber), std::string::npos);
    EXPECT_EQ(bytes.find(kPhone), std::string::npos);
    EXPECT_EQ(bytes.find("2031-07-19"), std::string::npos) << "a detail of a restricted record";
  }
}

}  // namespace
}  // namespace shequ::registry
