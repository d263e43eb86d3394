#include "core/crypto/field_cipher.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <limits>
#include <map>
#include <new>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/crypto/crypto.hpp"

namespace shequ::crypto {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeyBytes = 32;
static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kKeyBytes == crypto_auth_hmacsha256_KEYBYTES);

constexpr std::string_view kFileHeader =
    "# shequ field keys: keep this file outside the database and its backups, mode 0600\n";
// A key file is a few lines; anything bigger is the wrong file.
constexpr std::size_t kMaxKeyFileBytes = std::size_t{64} * 1024;

constexpr std::string_view kTokenPrefix = "v1.";
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kBlindIndexBytes = 16;

// 32 bytes in sodium_malloc'd memory: guard pages around it, locked out of swap, read-only once
// filled, zeroed when freed.
class SecretKey {
 public:
  static SecretKey Random() {
    SecretKey key;
    randombytes_buf(key.bytes_, kKeyBytes);
    key.Seal();
    return key;
  }
  static SecretKey Copy(const unsigned char* bytes) {
    SecretKey key;
    std::copy(bytes, bytes + kKeyBytes, key.bytes_);
    key.Seal();
    return key;
  }

  SecretKey(SecretKey&& other) noexcept : bytes_(std::exchange(other.bytes_, nullptr)) {}
  SecretKey& operator=(SecretKey&& other) noexcept {
    if (this != &other) {
      Free();
      bytes_ = std::exchange(other.bytes_, nullptr);
    }
    return *this;
  }
  ~SecretKey() { Free(); }

  const unsigned char* data() const { return bytes_; }
  bool operator==(const SecretKey& other) const {
    return sodium_memcmp(bytes_, other.bytes_, kKeyBytes) == 0;
  }

 private:
  SecretKey() : bytes_(static_cast<unsigned char*>(sodium_malloc(kKeyBytes))) {
    if (bytes_ == nullptr) throw std::bad_alloc();
  }
  void Seal() { sodium_mprotect_readonly(bytes_); }
  void Free() {
    if (bytes_ != nullptr) sodium_free(bytes_);  // zeroes before freeing
  }

  unsigned char* bytes_;
};

// Zeroes a buffer that held key material when it goes out of scope, however the scope is left.
class Wipe {
 public:
  Wipe(void* data, std::size_t size) : data_(data), size_(size) {}
  explicit Wipe(std::string& text) : Wipe(text.data(), text.size()) {}
  Wipe(const Wipe&) = delete;
  Wipe& operator=(const Wipe&) = delete;
  ~Wipe() { sodium_memzero(data_, size_); }

 private:
  void* data_;
  std::size_t size_;
};

// Reads errno before building the message, which could otherwise overwrite it.
[[noreturn]] void ThrowErrno(std::string_view action, const fs::path& path) {
  const int error = errno;
  throw std::system_error(error, std::generic_category(), std::string(action) + " " + path.string());
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Close explicitly where the error matters: a failed close can mean lost writes.
  void Close(const fs::path& path) {
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) ThrowErrno("closing", path);
  }

 private:
  int fd_;
};

std::string EncodeBase64(const unsigned char* bytes, std::size_t size, int variant) {
  std::string encoded(sodium_base64_ENCODED_LEN(size, variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), bytes, size, variant);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return encoded;
}

// Decodes into `out`, which the caller sizes; returns the decoded length, or nullopt if `text` is
// not valid base64 of this variant or does not fit.
std::optional<std::size_t> DecodeBase64(std::string_view text, unsigned char* out, std::size_t capacity,
                                        int variant) {
  std::size_t decoded = 0;
  if (sodium_base642bin(out, capacity, text.data(), text.size(), nullptr, &decoded, nullptr, variant) != 0) {
    return std::nullopt;
  }
  return decoded;
}

// Canonical decimal only ("1", never "01" or "+1"), so each key id has a single spelling.
std::optional<std::uint32_t> ParseKeyId(std::string_view text) {
  if (text.empty() || text.size() > 10 || text[0] == '0') return std::nullopt;
  std::uint32_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}

std::vector<std::string_view> SplitWords(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (true) {
    pos = line.find_first_not_of(" \t", pos);
    if (pos == std::string_view::npos) break;
    const auto end = std::min(line.find_first_of(" \t", pos), line.size());
    words.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

void WriteAll(int fd, std::string_view data, const fs::path& path) {
  while (!data.empty()) {
    const auto written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      ThrowErrno("writing", path);
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
}

fs::path DirectoryOf(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// Makes a creation or rename in `directory` survive a crash, not only the file's contents.
void SyncDirectory(const fs::path& directory) {
  FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) ThrowErrno("opening directory", directory);
  if (::fsync(fd.get()) != 0) ThrowErrno("syncing directory", directory);
}

enum class Created { kYes, kAlreadyExists };

// Creates `path` with mode 0600 from the first moment (never briefly world-readable), writes
// `contents` and syncs it. A partly written file is removed again.
Created CreateSecretFile(const fs::path& path, std::string_view contents) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    if (errno == EEXIST) return Created::kAlreadyExists;
    ThrowErrno("creating key file", path);
  }
  try {
    WriteAll(fd.get(), contents, path);
    if (::fsync(fd.get()) != 0) ThrowErrno("syncing", path);
    fd.Close(path);
  } catch (...) {
    ::unlink(path.c_str());
    throw;
  }
  return Created::kYes;
}

std::string ReadKeyFile(const fs::path& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    if (errno == ENOENT) throw std::runtime_error("key file " + path.string() + " does not exist");
    ThrowErrno("opening key file", path);
  }
  // fstat on the open descriptor checks the very file that is read, not whatever the path names now.
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) ThrowErrno("inspecting key file", path);
  if (!S_ISREG(info.st_mode))
    throw std::runtime_error("key file " + path.string() + " is not a regular file");
  if ((info.st_mode & 077) != 0) {
    throw std::runtime_error(fmt::format(
        "key file {} has mode {:04o}, so group or others can access it; secrets must be 0600 (chmod 600 {})",
        path.string(), info.st_mode & 07777, path.string()));
  }
  if (static_cast<std::size_t>(info.st_size) > kMaxKeyFileBytes) {
    throw std::runtime_error("key file " + path.string() + " is too large to be a key file");
  }
  std::string contents(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t filled = 0;
  while (filled < contents.size()) {
    const auto got = ::read(fd.get(), contents.data() + filled, contents.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      sodium_memzero(contents.data(), contents.size());
      errno = error;
      ThrowErrno("reading key file", path);
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  contents.resize(filled);
  return contents;
}

// Everything a key ring holds; KeyRing::State wraps it so helpers here can work on it.
struct Keys {
  std::optional<SecretKey> index_key;
  std::map<std::uint32_t, SecretKey> data_keys;
  std::uint32_t active_id = 0;

  const SecretKey* DataKey(std::uint32_t id) const {
    const auto found = data_keys.find(id);
    return found == data_keys.end() ? nullptr : &found->second;
  }
};

Keys FreshKeys() {
  Keys keys;
  keys.index_key = SecretKey::Random();
  keys.data_keys.emplace(1, SecretKey::Random());
  keys.active_id = 1;
  return keys;
}

// The caller wipes the result: it holds every key. Appends in place into a buffer reserved up
// front, so no temporary or reallocated copy of a key is left unwiped on the heap.
std::string FormatKeyFile(const Keys& keys) {
  constexpr std::size_t kLineBytes = 96;  // "data <id> <44 base64 chars> retired\n" with room to spare
  std::string text;
  text.reserve(kFileHeader.size() + kLineBytes * (keys.data_keys.size() + 1));
  const auto append_key = [&text](const SecretKey& key) {
    char encoded[sodium_base64_ENCODED_LEN(kKeyBytes, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(encoded, sizeof encoded, key.data(), kKeyBytes, sodium_base64_VARIANT_ORIGINAL);
    text.append(encoded);
    sodium_memzero(encoded, sizeof encoded);
  };
  text.append(kFileHeader);
  text.append("index ");
  append_key(*keys.index_key);
  text.append("\n");
  for (const auto& [id, key] : keys.data_keys) {
    text.append("data ").append(std::to_string(id)).append(" ");
    append_key(key);
    text.append(id == keys.active_id ? " active\n" : " retired\n");
  }
  return text;
}

Keys ParseKeyFile(std::string_view text, const fs::path& path) {
  const auto fail = [&](std::size_t line_number, const std::string& problem) {
    return std::runtime_error(fmt::format("key file {} line {}: {}", path.string(), line_number, problem));
  };
  // Large enough for any base64 the line could hold, so a key of the wrong length is reported as
  // such rather than as bad base64.
  std::vector<unsigned char> decoded(text.size() + 1);
  Wipe wipe_decoded(decoded.data(), decoded.size());
  const auto decode_key = [&](std::string_view base64, std::size_t line_number,
                              const std::string& name) -> SecretKey {
    const auto size = DecodeBase64(base64, decoded.data(), decoded.size(), sodium_base64_VARIANT_ORIGINAL);
    if (!size) throw fail(line_number, name + " is not valid base64");
    if (*size != kKeyBytes) {
      throw fail(line_number, fmt::format("{} is {} bytes, expected {}", name, *size, kKeyBytes));
    }
    return SecretKey::Copy(decoded.data());
  };

  Keys keys;
  std::size_t index_line = 0;
  std::size_t active_line = 0;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto end = std::min(text.find('\n', pos), text.size());
    auto line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    const auto words = SplitWords(line);
    if (words.empty() || words[0].starts_with('#')) continue;

    if (words[0] == "index") {
      if (words.size() != 2) throw fail(line_number, "expected 'index <base64 key>'");
      if (index_line != 0)
        throw fail(line_number, fmt::format("second index key (first on line {})", index_line));
      keys.index_key = decode_key(words[1], line_number, "index key");
      index_line = line_number;
    } else if (words[0] == "data") {
      if (words.size() != 4) throw fail(line_number, "expected 'data <id> <base64 key> active|retired'");
      const auto id = ParseKeyId(words[1]);
      if (!id) throw fail(line_number, fmt::format("data key id '{}' is not a number from 1", words[1]));
      if (words[3] != "active" && words[3] != "retired") {
        throw fail(line_number, fmt::format("status '{}' is neither 'active' nor 'retired'", words[3]));
      }
      if (keys.data_keys.contains(*id))
        throw fail(line_number, fmt::format("data key {} appears twice", *id));
      keys.data_keys.emplace(*id, decode_key(words[2], line_number, fmt::format("data key {}", *id)));
      if (words[3] == "active") {
        if (active_line != 0) {
          throw fail(line_number, fmt::format("second active data key (key {} on line {} is already active)",
                                              keys.active_id, active_line));
        }
        keys.active_id = *id;
        active_line = line_number;
      }
    } else {
      throw fail(line_number, fmt::format("unknown entry '{}', expected 'index' or 'data'", words[0]));
    }
  }
  if (index_line == 0) throw std::runtime_error("key file " + path.string() + " has no index key");
  if (keys.data_keys.empty()) throw std::runtime_error("key file " + path.string() + " has no data keys");
  if (active_line == 0) throw std::runtime_error("key file " + path.string() + " has no active data key");
  return keys;
}

}  // namespace

struct KeyRing::State : Keys {};

KeyRing::KeyRing(std::unique_ptr<State> state) : state_(std::move(state)) {}
KeyRing::KeyRing(KeyRing&&) noexcept = default;
KeyRing& KeyRing::operator=(KeyRing&&) noexcept = default;
KeyRing::~KeyRing() = default;

KeyRing KeyRing::Load(const fs::path& path) {
  EnsureInitialised();
  auto contents = ReadKeyFile(path);
  Wipe wipe_contents(contents);
  return KeyRing(std::make_unique<State>(State{ParseKeyFile(contents, path)}));
}

KeyRing KeyRing::Create(const fs::path& path) {
  EnsureInitialised();
  auto state = std::make_unique<State>(State{FreshKeys()});
  auto contents = FormatKeyFile(*state);
  Wipe wipe_contents(contents);
  if (CreateSecretFile(path, contents) == Created::kAlreadyExists) {
    throw std::runtime_error("key file " + path.string() + " already exists; refusing to overwrite it");
  }
  SyncDirectory(DirectoryOf(path));
  return KeyRing(std::move(state));
}

KeyRing KeyRing::LoadOrCreate(const fs::path& path) {
  EnsureInitialised();
  auto state = std::make_unique<State>(State{FreshKeys()});
  auto contents = FormatKeyFile(*state);
  Wipe wipe_contents(contents);
  // Trying to create first (O_EXCL) leaves no window in which two processes both create a file.
  if (CreateSecretFile(path, contents) == Created::kAlreadyExists) return Load(path);
  SyncDirectory(DirectoryOf(path));
  return KeyRing(std::move(state));
}

KeyRing KeyRing::ForTesting() {
  EnsureInitialised();
  return KeyRing(std::make_unique<State>(State{FreshKeys()}));
}

std::uint32_t KeyRing::Rotate(const fs::path& path) {
  const auto on_disk = Load(path);
  bool disk_keys_known = *on_disk.state_->index_key == *state_->index_key;
  for (const auto& [id, key] : on_disk.state_->data_keys) {
    const auto* ours = state_->DataKey(id);
    disk_keys_known = disk_keys_known && ours != nullptr && *ours == key;
  }
  if (!disk_keys_known) {
    throw std::runtime_error("key file " + path.string() +
                             " holds keys this key ring lacks (rotated elsewhere?); load it again and retry");
  }
  const auto newest = state_->data_keys.rbegin()->first;
  if (newest == std::numeric_limits<std::uint32_t>::max()) throw std::runtime_error("data key ids exhausted");
  const auto new_id = newest + 1;

  // Write the file before touching memory, so a failed write leaves the ring as it was.
  auto rotated = std::make_unique<State>();
  rotated->index_key = SecretKey::Copy(state_->index_key->data());
  for (const auto& [id, key] : state_->data_keys) rotated->data_keys.emplace(id, SecretKey::Copy(key.data()));
  rotated->data_keys.emplace(new_id, SecretKey::Random());
  rotated->active_id = new_id;
  auto contents = FormatKeyFile(*rotated);
  Wipe wipe_contents(contents);

  // Written beside the target so rename() is atomic: readers see the old file or the new one.
  const auto temp = fs::path(path).concat(".tmp-" + RandomToken(9));
  if (CreateSecretFile(temp, contents) == Created::kAlreadyExists) {
    throw std::runtime_error("temporary key file " + temp.string() + " already exists");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw std::system_error(error, std::generic_category(), "replacing key file " + path.string());
  }
  state_ = std::move(rotated);
  SyncDirectory(DirectoryOf(path));
  return new_id;
}

std::uint32_t KeyRing::active_id() const { return state_->active_id; }

bool KeyRing::Has(std::uint32_t id) const { return state_->data_keys.contains(id); }

FieldCipher::FieldCipher(std::shared_ptr<const KeyRing> keys) : keys_(std::move(keys)) {
  if (keys_ == nullptr) throw std::invalid_argument("FieldCipher needs a key ring");
  EnsureInitialised();
}

std::string FieldCipher::Encrypt(std::string_view plaintext, std::string_view context) const {
  const auto& state = *keys_->state_;
  std::vector<unsigned char> sealed(kNonceBytes + plaintext.size() + kTagBytes);
  unsigned char* nonce = sealed.data();
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long ciphertext_size = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      sealed.data() + kNonceBytes, &ciphertext_size, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr,
      nonce, state.DataKey(state.active_id)->data());
  return fmt::format("{}{}.{}", kTokenPrefix, state.active_id,
                     EncodeBase64(sealed.data(), kNonceBytes + static_cast<std::size_t>(ciphertext_size),
                                  sodium_base64_VARIANT_URLSAFE_NO_PADDING));
}

std::string FieldCipher::Decrypt(std::string_view token, std::string_view context) const {
  const auto id = KeyIdOf(token);
  if (!id) throw DecryptError("not a v1 field token");
  const auto* key = keys_->state_->DataKey(*id);
  if (key == nullptr) throw DecryptError(fmt::format("field token uses unknown data key {}", *id));

  const auto payload = token.substr(token.find('.', kTokenPrefix.size()) + 1);
  std::vector<unsigned char> sealed(payload.size());
  const auto sealed_size =
      DecodeBase64(payload, sealed.data(), sealed.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  if (!sealed_size || *sealed_size < kNonceBytes + kTagBytes) throw DecryptError("field token is malformed");

  std::string plaintext(*sealed_size - kNonceBytes - kTagBytes, '\0');
  unsigned long long plaintext_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()),
                                                 &plaintext_size, nullptr, sealed.data() + kNonceBytes,
                                                 *sealed_size - kNonceBytes,
                                                 reinterpret_cast<const unsigned char*>(context.data()),
                                                 context.size(), sealed.data(), key->data()) != 0) {
    // One message for all three causes: telling them apart would need the key, and is no help to an attacker.
    throw DecryptError(fmt::format(
        "field token does not decrypt for {} (tampered, from another field, or wrong key)", context));
  }
  plaintext.resize(static_cast<std::size_t>(plaintext_size));
  return plaintext;
}

std::optional<std::uint32_t> FieldCipher::KeyIdOf(std::string_view token) {
  if (!token.starts_with(kTokenPrefix)) return std::nullopt;
  const auto rest = token.substr(kTokenPrefix.size());
  const auto dot = rest.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return ParseKeyId(rest.substr(0, dot));
}

std::string FieldCipher::BlindIndex(std::string_view value, std::string_view context) const {
  // A NUL inside the context would make (context, value) pairs ambiguous after joining them.
  if (context.find('\0') != std::string_view::npos) {
    throw std::invalid_argument("blind index context must not contain NUL");
  }
  crypto_auth_hmacsha256_state hmac;
  crypto_auth_hmacsha256_init(&hmac, keys_->state_->index_key->data(), kKeyBytes);
  crypto_auth_hmacsha256_update(&hmac, reinterpret_cast<const unsigned char*>(context.data()),
                                context.size());
  const unsigned char separator = 0;
  crypto_auth_hmacsha256_update(&hmac, &separator, 1);
  crypto_auth_hmacsha256_update(&hmac, reinterpret_cast<const unsigned char*>(value.data()), value.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&hmac, mac);
  sodium_memzero(&hmac, sizeof hmac);  // the state is derived from the index key

  char hex[kBlindIndexBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, kBlindIndexBytes);
  return hex;
}

bool FieldCipher::NeedsReencryption(std::string_view token) const {
  const auto id = KeyIdOf(token);
  return !id || *id != keys_->active_id();
}

}  // namespace shequ::crypto
