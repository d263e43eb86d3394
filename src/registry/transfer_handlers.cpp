#include "registry/transfer_handlers.hpp"

#include "core/errors/error.hpp"
#include "registry/household_handlers.hpp"
#include "registry/housing_handlers.hpp"
#include "registry/org_unit_handlers.hpp"
#include "registry/person_handlers.hpp"
#include "registry/vehicle_handlers.hpp"

namespace shequ::registry {
namespace {

ImportOptions ReadImportOptions(const http::RequestContext& context) {
  const auto& request = context.request();
  ImportOptions options;
  options.format = request.Query("format").value_or("");
  if (options.format.empty()) {
    const auto type = request.Header("content-type").value_or("");
    if (type.find("spreadsheetml") != std::string::npos) options.format = "xlsx";
    if (type.starts_with("text/csv")) options.format = "csv";
  }
  options.dry_run = request.Query("dry_run").value_or("") == "true";
  if (const auto mapping = request.Query("mapping")) {
    const auto json = nlohmann::json::parse(*mapping, nullptr, false);
    if (!json.is_object()) {
      throw Error(ErrorCode::kInvalidQueryParameter, "mapping is a JSON object of header → field.",
                  "mapping 须为“表头 → 字段”的 JSON 对象。",
                  nlohmann::json::array({FieldDetail("mapping", "invalid")}));
    }
    for (const auto& [header, field] : json.items()) {
      if (field.is_string()) options.mapping[header] = field.get<std::string>();
    }
  }
  if (request.body.empty()) {
    throw Error(ErrorCode::kFieldMissing, "Send the file as the request body.", "请将文件作为请求体上传。",
                nlohmann::json::array({FieldDetail("file", "missing")}));
  }
  return options;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// 201 with the report, or 200 for a dry run that wrote nothing.
http::Response ImportResponse(const ImportReport& report) {
  return http::Json({{"rows", report.rows},
                     {"imported", report.imported},
                     {"group_memberships", report.group_memberships},
                     {"members", report.members},
                     {"dry_run", report.dry_run},
                     {"columns", report.columns},
                     {"ignored_columns", report.ignored_columns}},
                    report.dry_run ? 200 : 201);
}

http::Response TemplateResponse(std::string bytes, std::string filename) {
  return FileResponse({std::move(bytes), std::string(kXlsxType), std::move(filename), 1});
}

}  // namespace

nlohmann::json ImportReportSchema() {
  return {
      {"type", "object"},
      {"required", {"rows", "imported", "dry_run", "columns", "ignored_columns"}},
      {"properties",
       {{"rows", {{"type", "integer"}}},
        {"imported", {{"type", "integer"}}},
        {"group_memberships", {{"type", "integer"}, {"description", "People: key-group memberships"}}},
        {"members", {{"type", "integer"}, {"description", "Households: members written, heads included"}}},
        {"dry_run", {{"type", "boolean"}}},
        {"columns", {{"type", "object"}}},
        {"ignored_columns", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
}

http::Response FileResponse(const ExportFile& file) {
  http::Response response;
  response.content_type = file.content_type;
  response.body = file.bytes;
  response.headers.emplace_back(
      "content-disposition",
      "attachment; filename=\"" + file.filename + "\"; filename*=UTF-8''" + PercentEncode(file.filename));
  response.headers.emplace_back("x-row-count", std::to_string(file.rows));
  return response;
}

std::string ExportFormat(const http::RequestContext& context) {
  return context.request().Query("format").value_or("xlsx");
}

http::Response ImportPeople(RegistryTransfer& transfer, http::RequestContext& context) {
  const auto options = ReadImportOptions(context);
  return ImportResponse(transfer.ImportPeople(context.principal(), context.request().body, options));
}

http::Response PeopleImportTemplate(const RegistryTransfer& transfer, http::RequestContext&) {
  return TemplateResponse(transfer.PeopleTemplate(), "people-template.xlsx");
}

http::Response ExportPeople(const RegistryTransfer& transfer, const PersonService& people,
                            http::RequestContext& context) {
  return FileResponse(
      transfer.ExportPeople(context.principal(), people, ReadPersonQuery(context), ExportFormat(context)));
}

http::Response ImportHouseholds(RegistryTransfer& transfer, http::RequestContext& context) {
  const auto options = ReadImportOptions(context);
  return ImportResponse(transfer.ImportHouseholds(context.principal(), context.request().body, options));
}

http::Response HouseholdsImportTemplate(const RegistryTransfer& transfer, http::RequestContext&) {
  return TemplateResponse(transfer.HouseholdsTemplate(), "households-template.xlsx");
}

http::Response ExportHouseholds(const RegistryTransfer& transfer, const HouseholdService& households,
                                http::RequestContext& context) {
  return FileResponse(transfer.ExportHouseholds(context.principal(), households, ReadHouseholdQuery(context),
                                                ExportFormat(context)));
}

http::Response ImportHousing(RegistryTransfer& transfer, http::RequestContext& context) {
  const auto options = ReadImportOptions(context);
  return ImportResponse(transfer.ImportHousing(context.principal(), context.request().body, options));
}

http::Response HousingImportTemplate(const RegistryTransfer& transfer, http::RequestContext&) {
  return TemplateResponse(transfer.HousingTemplate(), "housing-template.xlsx");
}

http::Response ExportHousing(const RegistryTransfer& transfer, const HousingService& housing,
                             http::RequestContext& context) {
  return FileResponse(
      transfer.ExportHousing(context.principal(), housing, ReadHousingQuery(context), ExportFormat(context)));
}

http::Response ImportVehicles(RegistryTransfer& transfer, http::RequestContext& context) {
  const auto options = ReadImportOptions(context);
  return ImportResponse(transfer.ImportVehicles(context.principal(), context.request().body, options));
}

http::Response VehiclesImportTemplate(const RegistryTransfer& transfer, http::RequestContext&) {
  return TemplateResponse(transfer.VehiclesTemplate(), "vehicles-template.xlsx");
}

http::Response ExportVehicles(const RegistryTransfer& transfer, const VehicleService& vehicles,
                              http::RequestContext& context) {
  return FileResponse(transfer.ExportVehicles(context.principal(), vehicles, ReadVehicleQuery(context),
                                              ExportFormat(context)));
}

http::Response ExportUnits(const RegistryTransfer& transfer, const OrgUnitService& units,
                           http::RequestContext& context) {
  return FileResponse(
      transfer.ExportUnits(context.principal(), units, ReadOrgUnitQuery(context), ExportFormat(context)));
}

}  // namespace shequ::registry
