// HTTP of households, their members and ledger: parse, call the service, write JSON. No rules here.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "registry/household_service.hpp"

namespace shequ::registry {

nlohmann::json HouseholdSchema();
nlohmann::json HouseholdPageSchema();
nlohmann::json HouseholdFieldsSchema(bool creating);
nlohmann::json HouseholdMemberRequestSchema();
nlohmann::json LedgerEntrySchema();
nlohmann::json LedgerEntryRequestSchema();
nlohmann::json LedgerSchema();
std::vector<http::QueryParamDoc> HouseholdQueryDocs();
std::vector<http::QueryParamDoc> LedgerQueryDocs();
std::vector<http::QueryParamDoc> MemberLeaveQueryDocs();

// The filters of a list (paging apart), shared by its export.
HouseholdQuery ReadHouseholdQuery(const http::RequestContext& context);

http::Response SearchHouseholds(const HouseholdService& households, http::RequestContext& context);
http::Response CreateHousehold(HouseholdService& households, http::RequestContext& context);
http::Response GetHousehold(const HouseholdService& households, http::RequestContext& context);
http::Response UpdateHousehold(HouseholdService& households, http::RequestContext& context);
http::Response AddHouseholdMember(HouseholdService& households, http::RequestContext& context);
http::Response RemoveHouseholdMember(HouseholdService& households, http::RequestContext& context);
http::Response AddHouseholdLedgerEntry(HouseholdService& households, http::RequestContext& context);
http::Response ListHouseholdLedger(const HouseholdService& households, http::RequestContext& context);
http::Response HouseholdHistoryOf(const HouseholdService& households, http::RequestContext& context);

}  // namespace shequ::registry
