#include "core/crypto/crypto.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>
#include <vector>

namespace shequ::crypto {

void EnsureInitialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  });
}

std::string Sha256Hex(std::string_view data) {
  EnsureInitialised();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string RandomToken(std::size_t bytes) {
  EnsureInitialised();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  return encoded;
}

std::string RandomPassword(std::size_t length) {
  EnsureInitialised();
  // Ambiguous glyphs (0/O, 1/l/I) are left out: the password is read off a screen and typed.
  static constexpr std::string_view kClasses[] = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz",
                                                  "23456789", "#%+-=@^_"};
  std::string password;
  for (std::size_t i = 0; i < length; ++i) {
    const auto& chars = kClasses[i % 4];
    password.push_back(chars[randombytes_uniform(static_cast<std::uint32_t>(chars.size()))]);
  }
  // Shuffle so the class pattern does not repeat predictably.
  for (std::size_t i = password.size(); i > 1; --i) {
    std::swap(password[i - 1], password[randombytes_uniform(static_cast<std::uint32_t>(i))]);
  }
  return password;
}

}  // namespace shequ::crypto
