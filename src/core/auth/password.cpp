#include "core/auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/crypto/crypto.hpp"
#include "core/errors/error.hpp"

namespace shequ::auth {
namespace {

constexpr auto kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string HashPassword(std::string_view password) {
  crypto::EnsureInitialised();
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return encoded;
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  crypto::EnsureInitialised();
  const std::string hash(encoded_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyAgainstDummy(std::string_view password) {
  static const std::string dummy = HashPassword(crypto::RandomToken(16));
  VerifyPassword(dummy, password);
}

void CheckPasswordPolicy(std::string_view password, std::string_view username) {
  nlohmann::json failed = nlohmann::json::array();
  if (password.size() < 10) failed.push_back(FieldDetail("password", "too_short"));
  if (password.size() > 128) failed.push_back(FieldDetail("password", "too_long"));
  int classes = 0;
  classes += std::any_of(password.begin(), password.end(), [](unsigned char c) { return std::isupper(c); });
  classes += std::any_of(password.begin(), password.end(), [](unsigned char c) { return std::islower(c); });
  classes += std::any_of(password.begin(), password.end(), [](unsigned char c) { return std::isdigit(c); });
  classes += std::any_of(password.begin(), password.end(),
                         [](unsigned char c) { return !std::isalnum(c) || c >= 0x80; });
  if (classes < 3) failed.push_back(FieldDetail("password", "needs_three_character_classes"));
  const std::string lowered = Lower(password);
  if (!username.empty() && lowered.find(Lower(username)) != std::string::npos) {
    failed.push_back(FieldDetail("password", "contains_username"));
  }
  static constexpr std::string_view kCommon[] = {"password", "12345678", "qwerty",   "admin123", "1qaz2wsx",
                                                 "abc123",   "p@ssw0rd", "iloveyou", "woaini",   "88888888"};
  for (auto common : kCommon) {
    if (lowered.find(common) != std::string::npos) {
      failed.push_back(FieldDetail("password", "too_common"));
      break;
    }
  }
  if (!failed.empty()) {
    throw Error(ErrorCode::kWeakPassword,
                "The password must have at least 10 characters from three of: upper case, lower case, "
                "digits, symbols; and must not contain the username or a common password.",
                "密码须至少 10 位，包含大写字母、小写字母、数字、符号中的三类，且不得包含用户名或常见密码。",
                failed);
  }
}

}  // namespace shequ::auth
