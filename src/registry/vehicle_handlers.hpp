// HTTP of vehicles: parse, call the service, write JSON. No rules here.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "registry/vehicle_service.hpp"

namespace shequ::registry {

nlohmann::json VehicleSchema();
nlohmann::json VehiclePageSchema();
nlohmann::json VehicleFieldsSchema(bool creating);
std::vector<http::QueryParamDoc> VehicleQueryDocs();

// The filters of a list (paging apart), shared by its export.
VehicleQuery ReadVehicleQuery(const http::RequestContext& context);

http::Response SearchVehicles(const VehicleService& vehicles, http::RequestContext& context);
http::Response CreateVehicle(VehicleService& vehicles, http::RequestContext& context);
http::Response GetVehicle(const VehicleService& vehicles, http::RequestContext& context);
http::Response UpdateVehicle(VehicleService& vehicles, http::RequestContext& context);
http::Response VehicleHistoryOf(const VehicleService& vehicles, http::RequestContext& context);

}  // namespace shequ::registry
