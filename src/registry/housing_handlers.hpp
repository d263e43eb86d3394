// HTTP of housing records and their parties: parse, call the service, write JSON. No rules here.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "registry/housing_service.hpp"

namespace shequ::registry {

nlohmann::json HousingSchema();
nlohmann::json HousingPageSchema();
nlohmann::json HousingFieldsSchema(bool creating);
nlohmann::json HousingPartyRequestSchema();
std::vector<http::QueryParamDoc> HousingQueryDocs();
std::vector<http::QueryParamDoc> PartyEndQueryDocs();

// The filters of a list (paging apart), shared by its export.
HousingQuery ReadHousingQuery(const http::RequestContext& context);

http::Response SearchHousing(const HousingService& housing, http::RequestContext& context);
http::Response CreateHousing(HousingService& housing, http::RequestContext& context);
http::Response GetHousing(const HousingService& housing, http::RequestContext& context);
http::Response UpdateHousing(HousingService& housing, http::RequestContext& context);
http::Response AddHousingParty(HousingService& housing, http::RequestContext& context);
http::Response EndHousingParty(HousingService& housing, http::RequestContext& context);
http::Response HousingHistoryOf(const HousingService& housing, http::RequestContext& context);

}  // namespace shequ::registry
