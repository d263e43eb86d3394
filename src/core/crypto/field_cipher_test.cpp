#include "core/crypto/field_cipher.hpp"

#include <sodium.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/crypto/crypto.hpp"

namespace shequ::crypto {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr fs::perms kOwnerOnly = fs::perms::owner_read | fs::perms::owner_write;

// A fresh directory per test, removed when the test ends, pass or fail.
class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("shequ-field-cipher-" + RandomToken(12))) {
    fs::create_directory(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path operator/(std::string_view name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string RandomKeyBase64(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), raw.data(), raw.size(), sodium_base64_VARIANT_ORIGINAL);
  encoded.pop_back();
  return encoded;
}

void WriteKeyFile(const fs::path& path, const std::string& contents, fs::perms perms = kOwnerOnly) {
  std::ofstream(path) << contents;
  fs::permissions(path, perms);
}

std::string LoadError(const fs::path& path) {
  try {
    KeyRing::Load(path);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  ADD_FAILURE() << "Load(" << path << ") succeeded";
  return "";
}

FieldCipher CipherFor(KeyRing keys) { return FieldCipher(std::make_shared<const KeyRing>(std::move(keys))); }

TEST(FieldCipher, RoundTripsChineseAndAscii) {
  const auto cipher = CipherFor(KeyRing::ForTesting());
  for (const std::string plaintext :
       {"11010519491231002X", "13800138000", "张三，住在兴隆家园3号楼2单元", ""}) {
    const auto token = cipher.Encrypt(plaintext, "people.id_number");
    EXPECT_TRUE(token.starts_with("v1.1.")) << token;
    if (!plaintext.empty()) {
      EXPECT_EQ(token.find(plaintext), std::string::npos);
    }
    EXPECT_EQ(cipher.Decrypt(token, "people.id_number"), plaintext);
  }
}

TEST(FieldCipher, SameValueEncryptsDifferentlyEachTime) {
  const auto cipher = CipherFor(KeyRing::ForTesting());
  const auto first = cipher.Encrypt("13800138000", "people.phone");
  const auto second = cipher.Encrypt("13800138000", "people.phone");
  EXPECT_NE(first, second) << "each encryption draws a fresh nonce";
  EXPECT_EQ(cipher.Decrypt(first, "people.phone"), "13800138000");
  EXPECT_EQ(cipher.Decrypt(second, "people.phone"), "13800138000");
}

TEST(FieldCipher, WrongContextFails) {
  const auto cipher = CipherFor(KeyRing::ForTesting());
  const auto token = cipher.Encrypt("11010519491231002X", "people.id_number");
  EXPECT_THROW(cipher.Decrypt(token, "people.phone"), DecryptError);
  EXPECT_THROW(cipher.Decrypt(token, ""), DecryptError);
}

TEST(FieldCipher, AnyChangedCharacterFails) {
  const auto cipher = CipherFor(KeyRing::ForTesting());
  const auto token = cipher.Encrypt("11010519491231002X", "people.id_number");
  for (std::size_t i = 0; i < token.size(); ++i) {
    auto tampered = token;
    tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
    EXPECT_THROW(cipher.Decrypt(tampered, "people.id_number"), DecryptError) << "changed character " << i;
  }
  EXPECT_THROW(cipher.Decrypt(token.substr(0, token.size() - 1), "people.id_number"), DecryptError);
  EXPECT_THROW(cipher.Decrypt(token + "A", "people.id_number"), DecryptError);
  EXPECT_THROW(cipher.Decrypt("v1.1.", "people.id_number"), DecryptError);
  EXPECT_THROW(cipher.Decrypt("11010519491231002X", "people.id_number"), DecryptError);
}

TEST(FieldCipher, UnknownKeyIdFails) {
  const auto cipher = CipherFor(KeyRing::ForTesting());
  const auto token = cipher.Encrypt("13800138000", "people.phone");
  const auto payload = token.substr(std::string("v1.1.").size());
  try {
    cipher.Decrypt("v1.7." + payload, "people.phone");
    FAIL() << "decrypted under a key the ring does not have";
  } catch (const DecryptError& error) {
    EXPECT_THAT(error.what(), HasSubstr("unknown data key 7"));
  }
  EXPECT_THROW(cipher.Decrypt("v1.01." + payload, "people.phone"), DecryptError) << "one spelling per id";
}

TEST(FieldCipher, OtherKeyRingCannotDecrypt) {
  const auto token = CipherFor(KeyRing::ForTesting()).Encrypt("13800138000", "people.phone");
  EXPECT_THROW(CipherFor(KeyRing::ForTesting()).Decrypt(token, "people.phone"), DecryptError);
}

TEST(FieldCipher, KeyIdOfReadsThePrefix) {
  EXPECT_EQ(FieldCipher::KeyIdOf("v1.1.abc"), 1u);
  EXPECT_EQ(FieldCipher::KeyIdOf("v1.4294967295.abc"), 4294967295u);
  EXPECT_EQ(FieldCipher::KeyIdOf("v1.4294967296.abc"), std::nullopt);
  EXPECT_EQ(FieldCipher::KeyIdOf("v1.0.abc"), std::nullopt);
  EXPECT_EQ(FieldCipher::KeyIdOf("v1.01.abc"), std::nullopt);
  EXPECT_EQ(FieldCipher::KeyIdOf("v1.1"), std::nullopt);
  EXPECT_EQ(FieldCipher::KeyIdOf("v2.1.abc"), std::nullopt);
  EXPECT_EQ(FieldCipher::KeyIdOf("13800138000"), std::nullopt);
}

TEST(FieldCipher, RotationKeepsOldTokensReadable) {
  TempDir dir;
  const auto path = dir / "field.keys";
  KeyRing::Create(path);
  auto ring = KeyRing::Load(path);
  const auto old_token = FieldCipher(std::make_shared<const KeyRing>(KeyRing::Load(path)))
                             .Encrypt("11010519491231002X", "people.id_number");

  EXPECT_EQ(ring.Rotate(path), 2u);
  EXPECT_EQ(ring.active_id(), 2u);
  EXPECT_TRUE(ring.Has(1));
  EXPECT_TRUE(ring.Has(2));
  EXPECT_FALSE(ring.Has(3));
  EXPECT_EQ(fs::status(path).permissions(), kOwnerOnly);

  for (auto keys : {std::make_shared<const KeyRing>(std::move(ring)),
                    std::make_shared<const KeyRing>(KeyRing::Load(path))}) {
    const FieldCipher cipher(keys);
    EXPECT_EQ(keys->active_id(), 2u);
    EXPECT_EQ(cipher.Decrypt(old_token, "people.id_number"), "11010519491231002X");
    EXPECT_TRUE(cipher.NeedsReencryption(old_token));
    const auto new_token = cipher.Encrypt("11010519491231002X", "people.id_number");
    EXPECT_EQ(FieldCipher::KeyIdOf(new_token), 2u);
    EXPECT_FALSE(cipher.NeedsReencryption(new_token));
    EXPECT_EQ(cipher.Decrypt(new_token, "people.id_number"), "11010519491231002X");
    EXPECT_TRUE(cipher.NeedsReencryption("not a token"));
  }
  EXPECT_EQ(KeyRing::Load(path).Rotate(path), 3u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1)
      << "no temporary files are left behind";
}

TEST(FieldCipher, RotateRefusesToDropKeysAddedElsewhere) {
  TempDir dir;
  const auto path = dir / "field.keys";
  KeyRing::Create(path);
  auto first = KeyRing::Load(path);
  auto second = KeyRing::Load(path);
  ASSERT_EQ(first.Rotate(path), 2u);
  EXPECT_THROW(second.Rotate(path), std::runtime_error);
  EXPECT_EQ(second.active_id(), 1u) << "a refused rotation changes nothing";
  const auto token = FieldCipher(std::make_shared<const KeyRing>(std::move(first))).Encrypt("x", "c");
  EXPECT_EQ(CipherFor(KeyRing::Load(path)).Decrypt(token, "c"), "x") << "the first rotation's key survives";
}

TEST(FieldCipher, LoadRejectsFilesOthersCanRead) {
  TempDir dir;
  const auto path = dir / "field.keys";
  WriteKeyFile(path, "index " + RandomKeyBase64(32) + "\ndata 1 " + RandomKeyBase64(32) + " active\n",
               kOwnerOnly | fs::perms::group_read | fs::perms::others_read);
  const auto error = LoadError(path);
  EXPECT_THAT(error, HasSubstr("0644"));
  EXPECT_THAT(error, HasSubstr("0600"));
  fs::permissions(path, kOwnerOnly | fs::perms::group_write);
  EXPECT_THAT(LoadError(path), HasSubstr("0620"));
  fs::permissions(path, kOwnerOnly);
  EXPECT_NO_THROW(KeyRing::Load(path));
}

TEST(FieldCipher, LoadRejectsTwoActiveKeys) {
  TempDir dir;
  const auto path = dir / "field.keys";
  WriteKeyFile(path, "index " + RandomKeyBase64(32) + "\ndata 1 " + RandomKeyBase64(32) + " active\ndata 2 " +
                         RandomKeyBase64(32) + " active\n");
  const auto error = LoadError(path);
  EXPECT_THAT(error, HasSubstr("line 3"));
  EXPECT_THAT(error, HasSubstr("active"));
}

TEST(FieldCipher, LoadRejectsNoActiveKey) {
  TempDir dir;
  const auto path = dir / "field.keys";
  WriteKeyFile(path, "index " + RandomKeyBase64(32) + "\ndata 1 " + RandomKeyBase64(32) + " retired\n");
  EXPECT_THAT(LoadError(path), HasSubstr("no active data key"));
}

TEST(FieldCipher, LoadRejectsShortKeyNamingTheLine) {
  TempDir dir;
  const auto path = dir / "field.keys";
  WriteKeyFile(
      path, "# field keys\n\nindex " + RandomKeyBase64(32) + "\ndata 1 " + RandomKeyBase64(16) + " active\n");
  const auto error = LoadError(path);
  EXPECT_THAT(error, HasSubstr("line 4"));
  EXPECT_THAT(error, HasSubstr("16 bytes, expected 32"));
}

TEST(FieldCipher, LoadRejectsMalformedLines) {
  TempDir dir;
  const auto path = dir / "field.keys";
  const auto index = "index " + RandomKeyBase64(32) + "\n";
  const auto key = RandomKeyBase64(32);
  const std::pair<std::string, std::string> cases[] = {
      {index + "data one " + key + " active\n", "line 2"},
      {index + "data 1 " + key + "\n", "line 2"},
      {index + "data 1 " + key + " current\n", "line 2"},
      {index + "data 1 " + key + " active\nsecret " + key + "\n", "line 3"},
      {index + "data 1 not*base64 active\n", "line 2"},
      {index + index + "data 1 " + key + " active\n", "line 2"},
      {index + "data 1 " + key + " active\ndata 1 " + key + " retired\n", "line 3"},
      {"data 1 " + key + " active\n", "no index key"},
      {index, "no data keys"},
  };
  for (const auto& [contents, expected] : cases) {
    fs::remove(path);
    WriteKeyFile(path, contents);
    EXPECT_THAT(LoadError(path), HasSubstr(expected)) << contents;
  }
}

TEST(FieldCipher, LoadRejectsMissingFile) {
  TempDir dir;
  EXPECT_THAT(LoadError(dir / "absent.keys"), HasSubstr("does not exist"));
}

TEST(FieldCipher, CreateWritesAnOwnerOnlyFileAndRefusesToOverwrite) {
  TempDir dir;
  const auto path = dir / "field.keys";
  const auto created = KeyRing::Create(path);
  EXPECT_EQ(created.active_id(), 1u);
  EXPECT_EQ(fs::status(path).permissions(), kOwnerOnly);
  const auto before = fs::file_size(path);
  try {
    KeyRing::Create(path);
    ADD_FAILURE() << "Create overwrote an existing key file";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("already exists"));
  }
  EXPECT_EQ(fs::file_size(path), before);
  EXPECT_EQ(KeyRing::Load(path).active_id(), 1u);
}

TEST(FieldCipher, LoadOrCreateCreatesOnceThenLoads) {
  TempDir dir;
  const auto path = dir / "field.keys";
  const auto first = CipherFor(KeyRing::LoadOrCreate(path));
  const auto token = first.Encrypt("13800138000", "people.phone");
  const auto second = CipherFor(KeyRing::LoadOrCreate(path));
  EXPECT_EQ(second.Decrypt(token, "people.phone"), "13800138000");
  EXPECT_EQ(first.BlindIndex("13800138000", "people.phone"),
            second.BlindIndex("13800138000", "people.phone"));
}

TEST(FieldCipher, BlindIndexIsDeterministicPerContext) {
  const auto cipher = CipherFor(KeyRing::ForTesting());
  const auto index = cipher.BlindIndex("11010519491231002X", "people.id_number");
  EXPECT_EQ(index.size(), 32u);
  EXPECT_EQ(index.find_first_not_of("0123456789abcdef"), std::string::npos) << index;
  EXPECT_EQ(index, cipher.BlindIndex("11010519491231002X", "people.id_number"));
  EXPECT_NE(index, cipher.BlindIndex("11010519491231002X", "people.passport"));
  EXPECT_NE(index, cipher.BlindIndex("110105194912310021", "people.id_number"));
  EXPECT_NE(index, Sha256Hex("11010519491231002X").substr(0, 32)) << "keyed, not a plain hash";
  // The separator keeps shifted boundaries apart: ("ab", "c") vs ("a", "bc").
  EXPECT_NE(cipher.BlindIndex("c", "ab"), cipher.BlindIndex("bc", "a"));
  EXPECT_NE(index, CipherFor(KeyRing::ForTesting()).BlindIndex("11010519491231002X", "people.id_number"));
  EXPECT_THROW(cipher.BlindIndex("x", std::string_view("a\0b", 3)), std::invalid_argument);
}

TEST(FieldCipher, BlindIndexIsStableAcrossLoadsAndRotation) {
  TempDir dir;
  const auto path = dir / "field.keys";
  const auto created = CipherFor(KeyRing::Create(path));
  const auto index = created.BlindIndex("13800138000", "people.phone");
  EXPECT_EQ(CipherFor(KeyRing::Load(path)).BlindIndex("13800138000", "people.phone"), index);
  KeyRing::Load(path).Rotate(path);
  EXPECT_EQ(CipherFor(KeyRing::Load(path)).BlindIndex("13800138000", "people.phone"), index)
      << "the index key is never rotated";
}

TEST(FieldCipher, SharedCipherWorksFromManyThreads) {
  const auto cipher = CipherFor(KeyRing::ForTesting());
  const auto expected_index = cipher.BlindIndex("13800138000", "people.phone");
  std::vector<std::vector<std::string>> tokens(4);
  std::atomic<int> failures = 0;
  {
    std::vector<std::jthread> threads;
    for (auto& mine : tokens) {
      threads.emplace_back([&cipher, &mine, &failures, &expected_index] {
        for (int i = 0; i < 100; ++i) {
          mine.push_back(cipher.Encrypt("13800138000", "people.phone"));
          if (cipher.Decrypt(mine.back(), "people.phone") != "13800138000") ++failures;
          if (cipher.BlindIndex("13800138000", "people.phone") != expected_index) ++failures;
        }
      });
    }
  }
  EXPECT_EQ(failures, 0);
  std::set<std::string> distinct;
  for (const auto& mine : tokens) distinct.insert(mine.begin(), mine.end());
  EXPECT_EQ(distinct.size(), 400u) << "no nonce repeats across threads";
}

}  // namespace
}  // namespace shequ::crypto
