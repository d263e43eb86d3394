// HTTP of imports, exports and templates: file bytes in and out, the work done by RegistryTransfer.
#pragma once

#include <string_view>

#include "core/http/route.hpp"
#include "registry/household_service.hpp"
#include "registry/housing_service.hpp"
#include "registry/org_unit_service.hpp"
#include "registry/person_service.hpp"
#include "registry/registry_transfer.hpp"
#include "registry/vehicle_service.hpp"

namespace shequ::registry {

nlohmann::json ImportReportSchema();
// The response for a file download, with a Content-Disposition that keeps the file name.
http::Response FileResponse(const ExportFile& file);
// format=xlsx|csv (default xlsx).
std::string ExportFormat(const http::RequestContext& context);

http::Response ImportPeople(RegistryTransfer& transfer, http::RequestContext& context);
http::Response PeopleImportTemplate(const RegistryTransfer& transfer, http::RequestContext& context);
http::Response ExportPeople(const RegistryTransfer& transfer, const PersonService& people,
                            http::RequestContext& context);

http::Response ImportHouseholds(RegistryTransfer& transfer, http::RequestContext& context);
http::Response HouseholdsImportTemplate(const RegistryTransfer& transfer, http::RequestContext& context);
http::Response ExportHouseholds(const RegistryTransfer& transfer, const HouseholdService& households,
                                http::RequestContext& context);
http::Response ImportHousing(RegistryTransfer& transfer, http::RequestContext& context);
http::Response HousingImportTemplate(const RegistryTransfer& transfer, http::RequestContext& context);
http::Response ExportHousing(const RegistryTransfer& transfer, const HousingService& housing,
                             http::RequestContext& context);
http::Response ImportVehicles(RegistryTransfer& transfer, http::RequestContext& context);
http::Response VehiclesImportTemplate(const RegistryTransfer& transfer, http::RequestContext& context);
http::Response ExportVehicles(const RegistryTransfer& transfer, const VehicleService& vehicles,
                              http::RequestContext& context);
http::Response ExportUnits(const RegistryTransfer& transfer, const OrgUnitService& units,
                           http::RequestContext& context);

}  // namespace shequ::registry
