// HTTP of people and key groups: parse, call the service, write JSON. No rules here.
#pragma once

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "registry/key_group_service.hpp"
#include "registry/person_service.hpp"

namespace shequ::registry {

nlohmann::json PersonSchema();
nlohmann::json PersonPageSchema();
nlohmann::json PersonHistorySchema();
nlohmann::json GroupTypeSchema();
nlohmann::json PersonGroupSchema();
nlohmann::json PersonFieldsSchema(bool creating);

// The query parameters of a people search (shared by the list and its export).
PersonQuery ReadPersonQuery(const http::RequestContext& context);
std::vector<http::QueryParamDoc> PersonQueryDocs();

http::Response SearchPeople(const PersonService& people, http::RequestContext& context);
http::Response CreatePerson(PersonService& people, http::RequestContext& context);
http::Response GetPerson(const PersonService& people, http::RequestContext& context);
http::Response UpdatePerson(PersonService& people, http::RequestContext& context);
http::Response RevealPerson(PersonService& people, http::RequestContext& context);
http::Response RecordPersonEvent(PersonService& people, http::RequestContext& context);
http::Response PersonHistoryOf(const PersonService& people, http::RequestContext& context);

http::Response ListGroupTypes(const KeyGroupService& groups, http::RequestContext& context);
http::Response CreateGroupType(KeyGroupService& groups, http::RequestContext& context);
http::Response UpdateGroupType(KeyGroupService& groups, http::RequestContext& context);
http::Response ListPersonGroups(const KeyGroupService& groups, http::RequestContext& context);
http::Response AddPersonGroup(KeyGroupService& groups, http::RequestContext& context);
http::Response UpdatePersonGroup(KeyGroupService& groups, http::RequestContext& context);

}  // namespace shequ::registry
