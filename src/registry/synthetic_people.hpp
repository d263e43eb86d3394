// Plausible synthetic residents for the demo data generator and the million-resident benchmarks:
// names, valid 公民身份号码, phones and the profile fields the registry keeps, drawn with shares close
// to published national figures (surnames, age pyramid, ethnicities). Nobody real is described.
// Deterministic for a seed on every platform: only std::mt19937_64 (whose output the standard fixes)
// is used, with integer arithmetic on top instead of the library's distributions.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace shequ::registry {

struct SyntheticPerson {
  std::string name;              // surname + 1-2 given-name characters
  std::string id_number;         // valid GB 11643 number under the address code given
  std::string birth_date;        // YYYY-MM-DD, the one in id_number
  char sex = '?';                // 'M' / 'F', matching the parity of the sequence number
  std::string phone;             // 11-digit mobile number, or "" (young children, some elderly)
  std::string ethnicity;         // 汉族, 壮族, 回族 … by 2020 census shares
  std::string residence_type;    // "registered" (户籍), "floating" (流动), "lodging" (寄住)
  std::string education;         // 无, 小学 … 研究生: attained, or being studied for
  std::string employment;        // 务农, 务工, 企业职工, 学生, 学龄前, 退休, 无业 …
  std::string political_status;  // 中共党员, 共青团员 or 群众
  std::vector<std::string> group_types;  // key-group codes such as "advanced_age", "disabled"
};

class SyntheticPeople {
 public:
  // `today` (YYYY-MM-DD) fixes everyone's age; no birth date is after it. Throws
  // std::invalid_argument if it is not a date.
  SyntheticPeople(std::uint64_t seed, const std::string& today);

  // The next resident, with an ID number issued under `address_code` (six digits, GB/T 2260; throws
  // std::invalid_argument otherwise). ID numbers never repeat within one generator; callers that
  // merge several generators, or synthetic with real people, must deduplicate themselves.
  SyntheticPerson Next(std::string_view address_code);

 private:
  std::uint64_t Below(std::uint64_t bound);
  bool Chance(std::uint32_t per_ten_thousand);
  bool Issue(std::uint64_t first17);

  std::mt19937_64 engine_;
  std::chrono::year_month_day today_;
  // Open-addressing set of issued numbers (first 17 digits as an integer; 0 marks an empty slot):
  // 8 bytes a slot keeps ten million residents near 128 MB, a node-based set would need ~400 MB.
  std::vector<std::uint64_t> issued_slots_;
  std::size_t issued_count_ = 0;
};

}  // namespace shequ::registry
