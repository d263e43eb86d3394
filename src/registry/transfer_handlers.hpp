// HTTP of imports, exports and templates: file bytes in and out, the work done by RegistryTransfer.
#pragma once

#include <string_view>

#include "core/http/route.hpp"
#include "registry/person_service.hpp"
#include "registry/registry_transfer.hpp"

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

}  // namespace shequ::registry
