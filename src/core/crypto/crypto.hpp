#pragma once

#include <string>
#include <string_view>

namespace shequ::crypto {

// Initialises libsodium once; every function here calls it, so callers need not.
void EnsureInitialised();

std::string Sha256Hex(std::string_view data);
// `bytes` random bytes from the OS CSPRNG, base64url without padding.
std::string RandomToken(std::size_t bytes);
// A password of `length` characters drawn from letters, digits and symbols, meeting the policy.
std::string RandomPassword(std::size_t length);

}  // namespace shequ::crypto
