// Encryption of sensitive fields at rest (ID numbers, phone numbers, case notes): a key file kept
// outside the database, key rotation without re-encrypting everything at once, and blind indexes
// so encrypted columns can still be searched for equality.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace shequ::crypto {

// The keys of one deployment, read from a text file such as
//
//   # shequ field keys: keep this file outside the database and its backups, mode 0600
//   index <base64 of 32 bytes>
//   data 1 <base64 of 32 bytes> retired
//   data 2 <base64 of 32 bytes> active
//
// One `index` key for blind indexes, which is never rotated because index values must stay
// comparable; one or more numbered `data` keys, exactly one of them `active` (used to encrypt),
// the retired ones kept so older values still decrypt.
//
// Keys live in sodium_malloc'd memory (guard pages, locked out of swap, zeroed when freed).
// Const members may be called from many threads at once; Rotate needs exclusive access, so share a
// ring as std::shared_ptr<const KeyRing> and rotate only from the command that owns it.
// A moved-from ring may only be destroyed or assigned to.
class KeyRing {
 public:
  // Throws std::runtime_error when the file is missing, malformed (naming the line), holds a key
  // of the wrong length, has no or several active data keys, or can be read or written by group or
  // others (mode & 077 != 0).
  static KeyRing Load(const std::filesystem::path& path);
  // Writes a new file with a fresh index key and data key 1 active, mode 0600 from the start.
  // Refuses to overwrite an existing file. The directory must exist.
  static KeyRing Create(const std::filesystem::path& path);
  static KeyRing LoadOrCreate(const std::filesystem::path& path);
  // Random keys that exist only in memory, with data key 1 active.
  static KeyRing ForTesting();

  KeyRing(KeyRing&&) noexcept;
  KeyRing& operator=(KeyRing&&) noexcept;
  ~KeyRing();

  // Adds data key max+1 as the active key, retires the others and atomically replaces `path`,
  // which must be the file this ring was loaded from: if that file holds a key this ring lacks
  // (rotated by someone else meanwhile), nothing is written and std::runtime_error is thrown, so
  // no key is ever lost. Returns the new key's id.
  std::uint32_t Rotate(const std::filesystem::path& path);

  std::uint32_t active_id() const;
  bool Has(std::uint32_t id) const;

 private:
  struct State;
  explicit KeyRing(std::unique_ptr<State> state);

  std::unique_ptr<State> state_;

  friend class FieldCipher;
};

// A token that cannot be decrypted: unknown key id, bad format, tampering or the wrong context.
class DecryptError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Encrypts field values into text tokens "v1.<key id>.<base64url(nonce || ciphertext)>" with
// XChaCha20-Poly1305, whose 24-byte nonce is large enough to draw at random without risk of
// repeats. The `context`, e.g. "people.id_number", is authenticated as additional data: a value
// copied into another column does not decrypt there. Thread-safe.
class FieldCipher {
 public:
  // Throws std::invalid_argument when `keys` is null.
  explicit FieldCipher(std::shared_ptr<const KeyRing> keys);

  // Encrypts under the active key; two encryptions of one value differ.
  std::string Encrypt(std::string_view plaintext, std::string_view context) const;
  // Throws DecryptError.
  std::string Decrypt(std::string_view token, std::string_view context) const;
  // The key id named by a well-formed token's prefix, without decrypting it.
  static std::optional<std::uint32_t> KeyIdOf(std::string_view token);

  // 32 lowercase hex characters (first 16 bytes of HMAC-SHA-256 under the index key over
  // context + '\0' + value): equal for equal values in one context, different across contexts,
  // and unrelated to the plaintext for anyone without the key. Store it beside the token and
  // search by it. Normalise the value first (e.g. upper-case the ID number's final X) so equal
  // values are spelled alike. Throws std::invalid_argument if `context` contains '\0'.
  std::string BlindIndex(std::string_view value, std::string_view context) const;

  // True when the token is not under the active key (including malformed tokens, whose
  // re-encryption will then report them): the rotation command re-encrypts these rows.
  bool NeedsReencryption(std::string_view token) const;

 private:
  std::shared_ptr<const KeyRing> keys_;
};

}  // namespace shequ::crypto
