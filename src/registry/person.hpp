// 实有人口: a resident as the registry keeps them. Protected values exist here only sealed
// (ciphertext and blind index) and as masks; clear values leave the service only through a reveal.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shequ::registry {

struct Person {
  std::int64_t id = 0;
  std::string name;
  std::string name_initials;  // pinyin initials, for search ("ZS" finds 张三)
  std::optional<std::string> id_number_cipher;
  std::optional<std::string> id_number_index;
  std::string id_number_mask;
  std::optional<std::string> birth_date;  // YYYY-MM-DD, from the ID number when there is one
  std::string sex;                        // M, F or "" when unknown
  std::optional<std::string> phone_cipher;
  std::optional<std::string> phone_index;
  std::string phone_mask;
  std::string ethnicity;
  std::string hukou_address;              // 户籍地 as written in the 户口簿
  std::optional<std::string> hukou_code;  // the same place as a node of the tree, when it is one
  std::string residence_code;             // 居住地: a node of the tree (community or below)
  std::string residence_type = "registered";
  std::string employment;
  std::string education;
  std::string political_status;
  std::string photo_ref;
  std::string status = "living";
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// The fields a create or a PATCH carries; absent means "not given" (unchanged).
struct PersonFields {
  std::optional<std::string> name;
  std::optional<std::string> id_number;  // clear, validated and sealed by the service
  std::optional<std::string> phone;
  std::optional<std::string> birth_date;  // only for people without an ID number
  std::optional<std::string> sex;
  std::optional<std::string> ethnicity;
  std::optional<std::string> hukou_address;
  std::optional<std::string> hukou_code;
  std::optional<std::string> residence_code;  // on create; later moves are events
  std::optional<std::string> residence_type;
  std::optional<std::string> employment;
  std::optional<std::string> education;
  std::optional<std::string> political_status;
  std::optional<std::string> photo_ref;
  std::optional<std::int64_t> expected_version;  // PATCH: refuse when the record moved on
};

struct NewPerson {
  PersonFields fields;
  std::string arrival = "registered";     // birth, registered or move_in: the first history event
  std::optional<std::string> arrived_on;  // default today
};

// What happened to a person: born, registered, moved in or out, relocated, died.
struct PersonEvent {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string kind;
  std::string occurred_on;
  std::optional<std::string> from_code;
  std::optional<std::string> to_code;
  std::string place;  // free text for places outside the tree ("迁往西安市雁塔区")
  std::string note;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_by_name;
  std::int64_t recorded_at = 0;
};

struct NewPersonEvent {
  std::string kind;
  std::optional<std::string> occurred_on;
  std::optional<std::string> to_code;
  std::string place;
  std::string note;
};

struct PersonQuery {
  std::string text;       // part of the name, or pinyin initials (ASCII letters)
  std::string id_number;  // exact
  std::string phone;      // exact
  std::string region;     // a subtree (address) inside the caller's scope
  std::string group_type;
  std::optional<int> age_min;
  std::optional<int> age_max;
  std::string sex;
  std::string residence_type;
  std::string status;
  std::string sort = "name";  // name, birth_date, updated_at, id
  bool descending = false;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct PersonPage {
  std::vector<Person> items;
  std::int64_t total = 0;
  std::map<std::string, std::string> addresses;                     // residence code → address
  std::map<std::int64_t, std::vector<std::string>> current_groups;  // person → group kinds in force
};

}  // namespace shequ::registry
