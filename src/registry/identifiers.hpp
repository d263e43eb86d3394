// Identifiers the registry validates: 公民身份号码 (GB 11643), 统一社会信用代码 (GB 32100) and
// motor-vehicle plates (GA 36), and the masks lists and exports show them with. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shequ::registry {

enum class IdNumberProblem { kNone, kLength, kCharacters, kBirthDate, kFutureBirthDate, kCheckCharacter };
std::string_view ProblemName(IdNumberProblem problem);

struct IdNumber {
  IdNumberProblem problem = IdNumberProblem::kNone;
  std::string number;        // the 18-character form (a 15-digit number is upgraded), X upper-case
  std::string address_code;  // GB/T 2260 county at issue; may name a county since abolished
  std::string birth_date;    // YYYY-MM-DD
  char sex = '?';            // 'M' for an odd sequence number, 'F' for an even one
  bool upgraded = false;     // given in the 15-digit form of GB 11643-1989
};

// GB 11643-1999: 6-digit address, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
// character. `today` (YYYYMMDD) bounds the birth date.
IdNumber ParseIdNumber(std::string_view text, std::string_view today);
char IdNumberCheckCharacter(std::string_view first17);

// GB 32100-2015: 18 characters from 0-9 and A-Z without I, O, Z, S, V; the last is the GB/T 17710
// (ISO 7064 MOD 31-3) check character of the first 17.
bool IsValidCreditCode(std::string_view code);
std::optional<char> CreditCodeCheckCharacter(std::string_view first17);

// Plates of GA 36-2018: province + issuing-office letter + 5 characters (ordinary; the last may
// be 学 警 挂 领 港 澳), or 6 for new-energy vehicles (small: D/F/A-K first; large: D/F last).
// Spaces and the middle dot are ignored.
std::optional<std::string> NormalisePlate(std::string_view text);

// Masks for lists and exports: ID 6 + … + 2 (610921**********12), phone 3 + **** + 4.
std::string MaskIdNumber(std::string_view number);
std::string MaskPhone(std::string_view phone);

}  // namespace shequ::registry
