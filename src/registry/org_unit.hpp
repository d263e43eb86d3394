// 实有单位: an enterprise, shop, social organisation or office located in the tree. The contact
// phone exists here only sealed (ciphertext and blind index) and as its mask.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shequ::registry {

struct OrgUnit {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> credit_code;  // 统一社会信用代码, upper-case; none for some 个体工商户
  std::string kind;
  std::string industry;
  std::string region_code;
  std::string address;  // 门牌 as written, for units on a street rather than in a compound
  std::string legal_representative;
  std::string contact_name;
  std::optional<std::string> contact_phone_cipher;
  std::optional<std::string> contact_phone_index;
  std::string contact_phone_mask;
  std::optional<std::int64_t> employees;
  std::string status = "active";
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// The fields a create or a PATCH carries; absent means "not given" (unchanged).
struct OrgUnitFields {
  std::optional<std::string> name;
  std::optional<std::string> credit_code;  // "" clears it
  std::optional<std::string> kind;
  std::optional<std::string> industry;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
  std::optional<std::string> legal_representative;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;  // clear, validated and sealed by the service; "" clears it
  std::optional<std::int64_t> employees;
  std::optional<std::int64_t> expected_version;  // PATCH: refuse when the record moved on
};

struct OrgUnitQuery {
  std::string text;  // part of the name, or a whole credit code
  std::string kind;
  std::string region;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct OrgUnitPage {
  std::vector<OrgUnit> items;
  std::int64_t total = 0;
  std::map<std::string, std::string> addresses;  // region code → address
};

}  // namespace shequ::registry
