#pragma once

#include <string>
#include <string_view>

namespace shequ::auth {

// argon2id (libsodium crypto_pwhash, interactive limits: 2 passes, 64 MiB), encoded with its
// parameters so they can be raised later without invalidating stored hashes.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);
// Spends the same effort as a real verification; used for unknown usernames so response time
// does not reveal which usernames exist.
void VerifyAgainstDummy(std::string_view password);

// 等保 2.0 §8.1.4 asks for complex passwords: at least 10 characters, three of upper case, lower
// case, digits and symbols, not containing the username, not a well-known password.
// Throws Error(kWeakPassword) listing every rule that failed.
void CheckPasswordPolicy(std::string_view password, std::string_view username);

}  // namespace shequ::auth
