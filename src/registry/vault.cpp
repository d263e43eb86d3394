#include "registry/vault.hpp"

#include <mutex>

#include "registry/identifiers.hpp"

namespace shequ::registry {

Vault::Keys Vault::KeysOf(crypto::KeyRing ring) {
  auto shared = std::make_shared<const crypto::KeyRing>(std::move(ring));
  return {shared, std::make_shared<const crypto::FieldCipher>(shared)};
}

Vault::Vault(std::filesystem::path key_file, crypto::KeyRing keys)
    : key_file_(std::move(key_file)), keys_(KeysOf(std::move(keys))) {}

std::shared_ptr<Vault> Vault::FromKeyFile(const std::filesystem::path& key_file) {
  if (key_file.has_parent_path()) std::filesystem::create_directories(key_file.parent_path());
  return std::shared_ptr<Vault>(new Vault(key_file, crypto::KeyRing::LoadOrCreate(key_file)));
}

std::shared_ptr<Vault> Vault::ForTesting() {
  return std::shared_ptr<Vault>(new Vault({}, crypto::KeyRing::ForTesting()));
}

Vault::Keys Vault::Current() const {
  std::shared_lock lock(mutex_);
  return keys_;
}

std::string Vault::Encrypt(std::string_view value, std::string_view context) const {
  return Current().cipher->Encrypt(value, context);
}

std::string Vault::Decrypt(const std::string& cipher, std::string_view context) const {
  auto current = Current();
  const auto key = crypto::FieldCipher::KeyIdOf(cipher);
  if (key && !current.ring->Has(*key) && !key_file_.empty()) {
    std::unique_lock lock(mutex_);
    if (!keys_.ring->Has(*key)) keys_ = KeysOf(crypto::KeyRing::Load(key_file_));
    current = keys_;
  }
  return current.cipher->Decrypt(cipher, context);
}

std::string Vault::Index(std::string_view value, std::string_view context) const {
  return Current().cipher->BlindIndex(value, context);
}

bool Vault::NeedsReencryption(const std::string& cipher) const {
  return Current().cipher->NeedsReencryption(cipher);
}

SealedValue Vault::SealIdNumber(std::string_view number) const {
  if (number.empty()) return {};
  return {Encrypt(number, kIdNumberContext), Index(number, kIdNumberContext), MaskIdNumber(number)};
}

SealedValue Vault::SealPhone(std::string_view phone, std::string_view context) const {
  if (phone.empty()) return {};
  return {Encrypt(phone, context), Index(phone, context), MaskPhone(phone)};
}

}  // namespace shequ::registry
