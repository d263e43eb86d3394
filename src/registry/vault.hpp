// Protected values of the registry (ID numbers, phones, sensitive group details): encrypted with
// the keys of the key file, indexed by HMAC for exact lookup, shown masked.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "core/crypto/field_cipher.hpp"

namespace shequ::registry {

// The contexts bind a ciphertext to its column: a value copied elsewhere does not decrypt.
inline constexpr std::string_view kIdNumberContext = "people.id_number";
inline constexpr std::string_view kPhoneContext = "people.phone";
inline constexpr std::string_view kUnitPhoneContext = "org_units.contact_phone";
inline constexpr std::string_view kGroupDetailsContext = "person_groups.details";

struct SealedValue {
  std::optional<std::string> cipher;  // null when the value is empty
  std::optional<std::string> index;
  std::string mask;
};

class Vault {
 public:
  // Keys from `key_file`, created (mode 0600) when it does not exist yet.
  static std::shared_ptr<Vault> FromKeyFile(const std::filesystem::path& key_file);
  static std::shared_ptr<Vault> ForTesting();

  std::string Encrypt(std::string_view value, std::string_view context) const;
  // Reloads the key file once when the value names a key this process has not seen, so values
  // re-encrypted by `shequ keys rotate` stay readable without a restart.
  std::string Decrypt(const std::string& cipher, std::string_view context) const;
  std::string Index(std::string_view value, std::string_view context) const;
  bool NeedsReencryption(const std::string& cipher) const;

  SealedValue SealIdNumber(std::string_view number) const;
  SealedValue SealPhone(std::string_view phone, std::string_view context = kPhoneContext) const;

 private:
  Vault(std::filesystem::path key_file, crypto::KeyRing keys);
  struct Keys {
    std::shared_ptr<const crypto::KeyRing> ring;
    std::shared_ptr<const crypto::FieldCipher> cipher;
  };
  static Keys KeysOf(crypto::KeyRing ring);
  Keys Current() const;

  std::filesystem::path key_file_;
  mutable std::shared_mutex mutex_;
  mutable Keys keys_;  // replaced when the key file gained a key
};

}  // namespace shequ::registry
