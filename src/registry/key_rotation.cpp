#include "registry/key_rotation.hpp"

#include "core/crypto/field_cipher.hpp"
#include "registry/vault.hpp"

namespace shequ::registry {
namespace {

// Every sealed column of the registry, with the context its values are bound to.
struct SealedColumn {
  std::string_view table;
  std::string_view column;
  std::string_view context;
};
constexpr SealedColumn kSealedColumns[] = {
    {"people", "id_number_enc", kIdNumberContext},
    {"people", "phone_enc", kPhoneContext},
    {"person_groups", "details_enc", kGroupDetailsContext},
    {"org_units", "contact_phone_enc", kUnitPhoneContext},
};

}  // namespace

RotationReport RotateKeys(db::Database& database, const std::filesystem::path& key_file,
                          const std::function<void(const std::string&, std::int64_t)>& progress) {
  RotationReport report;
  {
    auto ring = crypto::KeyRing::Load(key_file);
    report.active_key = ring.Rotate(key_file);
  }
  const auto vault = Vault::FromKeyFile(key_file);
  for (const auto& sealed : kSealedColumns) {
    const std::string table(sealed.table);
    const std::string column(sealed.column);
    const std::string select = "SELECT id, " + column + " FROM " + table + " WHERE id > $1 AND " + column +
                               " IS NOT NULL ORDER BY id LIMIT 1000";
    const std::string update = "UPDATE " + table + " SET " + column + " = $2 WHERE id = $1";
    std::int64_t after = 0;
    std::int64_t done = 0;
    while (true) {
      const bool more = database.Write([&](db::Connection& c) {
        auto rows = c.Run(select, after);
        for (std::size_t i = 0; i < rows.size(); ++i) {
          after = rows[i].Int(0);
          const auto token = rows[i].Text(1);
          if (!vault->NeedsReencryption(token)) continue;
          c.Run(update, after, vault->Encrypt(vault->Decrypt(token, sealed.context), sealed.context));
          ++done;
        }
        return rows.size() == 1000;
      });
      if (!more) break;
    }
    report.reencrypted += done;
    if (progress) progress(table + "." + column, done);
  }
  return report;
}

}  // namespace shequ::registry
