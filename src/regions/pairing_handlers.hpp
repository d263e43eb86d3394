#pragma once

#include "core/http/route.hpp"
#include "regions/pairing_service.hpp"

namespace shequ::regions {

nlohmann::json PairingSchema();

http::Response ListPairings(const PairingService& pairings, http::RequestContext& context);
http::Response AssignPairing(PairingService& pairings, http::RequestContext& context);
http::Response EndPairing(PairingService& pairings, http::RequestContext& context);

}  // namespace shequ::regions
