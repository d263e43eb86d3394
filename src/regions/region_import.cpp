#include "regions/region_import.hpp"

#include <fstream>
#include <unordered_map>

#include "regions/region_code.hpp"

namespace shequ::regions {
namespace {

struct SourceFile {
  const char* name;
  int level;
  std::size_t code_digits;
  int parent_column;  // -1: no parent (provinces)
};

constexpr SourceFile kFiles[] = {
    {"provinces.csv", 1, 2, -1}, {"cities.csv", 2, 4, 2},    {"areas.csv", 3, 6, 2},
    {"streets.csv", 4, 9, 2},    {"villages.csv", 5, 12, 2},
};

// Splits one CSV line (RFC 4180 quoting, no embedded newlines in this data).
std::vector<std::string> SplitCsv(std::string_view line, bool& ok) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  ok = true;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      if (!fields.back().empty()) ok = false;
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) ok = false;
  return fields;
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

ImportRow NationalNode(const std::string& code, const std::string& name) {
  const int level = LevelOfCode(code).value_or(0);
  const auto ancestors = AncestorCodes(code);
  return {code,
          name,
          ancestors.empty() ? "" : ancestors.back(),
          level,
          KindFromName(level, name),
          ShortName(level, name)};
}

std::vector<ImportRow> ReadNationalTree(const std::filesystem::path& dist) {
  std::vector<ImportRow> rows;
  // Significant codes read so far, each with the 12-digit code of the node it names. The package
  // repeats a few nodes one level down with zero digits (东莞市 4419 as area 441900, 金门县 350527
  // as street 350527000): those name the same node, so they are read as aliases, not new nodes.
  std::unordered_map<std::string, std::string> seen;
  for (const auto& file : kFiles) {
    const auto path = dist / file.name;
    std::ifstream in(path);
    if (!in) throw ImportError(file.name, 0, "cannot open " + path.string());
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (number == 1) {
        if (!line.starts_with("code,name"))
          throw ImportError(file.name, 1, "header must begin with code,name");
        continue;
      }
      if (line.empty() || line == "\r") continue;
      bool ok = true;
      const auto fields = SplitCsv(line, ok);
      const std::size_t wanted =
          file.parent_column < 0 ? 2 : static_cast<std::size_t>(file.parent_column) + 1;
      if (!ok) throw ImportError(file.name, number, "malformed quoting");
      if (fields.size() < wanted)
        throw ImportError(file.name, number, "expected at least " + std::to_string(wanted) + " columns");
      const auto& code = fields[0];
      const auto& name = fields[1];
      if (!AllDigits(code) || code.size() != file.code_digits) {
        throw ImportError(file.name, number,
                          "code '" + code + "' must have " + std::to_string(file.code_digits) + " digits");
      }
      if (name.empty() || name.size() > 200)
        throw ImportError(file.name, number, "name is empty or too long");
      std::string parent;
      if (file.parent_column >= 0) {
        const auto& parent_digits = fields[file.parent_column];
        const auto found = seen.find(parent_digits);
        if (found == seen.end()) {
          throw ImportError(file.name, number, "parent '" + parent_digits + "' is not in the files");
        }
        if (!code.starts_with(parent_digits)) {
          throw ImportError(file.name, number,
                            "code '" + code + "' does not begin with its parent's '" + parent_digits + "'");
        }
        parent = found->second;
      }
      if (seen.contains(code)) throw ImportError(file.name, number, "code '" + code + "' appears twice");
      if (FullCode(code) == parent) {
        seen.emplace(code, parent);
        continue;
      }
      seen.emplace(code, FullCode(code));
      rows.push_back({FullCode(code), name, parent, file.level, KindFromName(file.level, name),
                      ShortName(file.level, name)});
    }
  }
  return rows;
}

ImportCounts RegionImporter::Import(const std::filesystem::path& dist) {
  const auto rows = ReadNationalTree(dist);  // every line checked before the first write
  return Merge(rows, dist.string(), true);
}

ImportCounts RegionImporter::AddNational(const std::vector<ImportRow>& rows, const std::string& source) {
  return Merge(rows, source, false);
}

ImportCounts RegionImporter::Merge(const std::vector<ImportRow>& rows, const std::string& source,
                                   bool complete) {
  const auto now = clock_.NowMillis();
  return database_.Write([&](db::Connection& c) {
    RegionStore::BeginImport(c);
    RegionStore::StageImportRows(c, rows);
    auto counts = RegionStore::MergeImport(c, now, source, complete);
    audit::AuditEntry entry;
    entry.actor_name = "console";
    entry.action = "regions.import";
    entry.object_type = "region_tree";
    entry.detail = {{"source", source},          {"total", counts.total},     {"added", counts.added},
                    {"renamed", counts.renamed}, {"retired", counts.retired}, {"restored", counts.restored}};
    audit_.Record(c, entry);
    return counts;
  });
}

}  // namespace shequ::regions
