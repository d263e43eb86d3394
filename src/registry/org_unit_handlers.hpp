// HTTP of units: parse, call the service, write JSON. No rules here.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "registry/org_unit_service.hpp"

namespace shequ::registry {

nlohmann::json OrgUnitSchema();
nlohmann::json OrgUnitPageSchema();
nlohmann::json OrgUnitFieldsSchema(bool creating);
std::vector<http::QueryParamDoc> OrgUnitQueryDocs();

// The filters of a list (paging apart), shared by its export.
OrgUnitQuery ReadOrgUnitQuery(const http::RequestContext& context);

http::Response SearchOrgUnits(const OrgUnitService& units, http::RequestContext& context);
http::Response CreateOrgUnit(OrgUnitService& units, http::RequestContext& context);
http::Response GetOrgUnit(const OrgUnitService& units, http::RequestContext& context);
http::Response UpdateOrgUnit(OrgUnitService& units, http::RequestContext& context);
http::Response RevealOrgUnit(OrgUnitService& units, http::RequestContext& context);
http::Response OrgUnitHistoryOf(const OrgUnitService& units, http::RequestContext& context);

}  // namespace shequ::registry
