#include "registry/vehicle_service.hpp"

#include "core/db/sql_params.hpp"
#include "core/errors/error.hpp"
#include "regions/subtree_filter.hpp"
#include "registry/field_checks.hpp"
#include "registry/identifiers.hpp"
#include "registry/vehicle_store.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kEntity = "vehicle";

audit::AuditEntry Entry(const auth::Principal& actor, std::string action, const Vehicle& vehicle) {
  auto entry = audit::AuditLog::By(actor, std::move(action), "vehicle", std::to_string(vehicle.id));
  entry.region_code = vehicle.region_code;
  return entry;
}

[[noreturn]] void PlateTaken() {
  Conflict("plate", "duplicate", "A vehicle with this plate is registered already.", "该号牌的车辆已登记。");
}

// Applies checked fields to `vehicle`, with what changed; the database checks (place, owner,
// plate taken) happen here.
void Apply(db::Connection& c, const auth::Principal& actor, const VehicleFields& fields, Vehicle& vehicle,
           ChangeSet& changes) {
  if (fields.region_code && *fields.region_code != vehicle.region_code) {
    CheckPlace(c, actor, *fields.region_code, "region_code", PlaceRule::kCommunityOrBelow);
    changes.Apply("region_code", vehicle.region_code, fields.region_code);
  }
  if (fields.plate && *fields.plate != vehicle.plate) {
    const auto holder = VehicleStore::FindIdByPlate(c, *fields.plate);
    if (holder && *holder != vehicle.id) PlateTaken();
    changes.Apply("plate", vehicle.plate, fields.plate);
    changes.Apply("plate_kind", vehicle.plate_kind, std::optional(PlateKind(vehicle.plate)));
  }
  changes.Apply("vehicle_type", vehicle.vehicle_type, fields.vehicle_type);
  changes.Apply("brand", vehicle.brand, fields.brand);
  changes.Apply("color", vehicle.color, fields.color);
  if (fields.owner_person_id) {
    const auto owner = VisiblePerson(c, actor, *fields.owner_person_id, "owner_person_id");
    changes.Note("owner_person_id", ChangeText(vehicle.owner_person_id), ChangeText(owner.id));
    vehicle.owner_person_id = owner.id;
    changes.Apply("owner_name", vehicle.owner_name, std::optional(owner.name));
  } else if (fields.owner_name) {
    // A name alone: the owner is no longer a registered person.
    changes.Note("owner_person_id", ChangeText(vehicle.owner_person_id), std::nullopt);
    vehicle.owner_person_id.reset();
    changes.Apply("owner_name", vehicle.owner_name, fields.owner_name);
  }
  changes.Apply("permit_number", vehicle.permit_number, fields.permit_number);
  if (fields.permit_valid_until) {
    const auto value = fields.permit_valid_until->empty() ? std::nullopt : fields.permit_valid_until;
    changes.Note("permit_valid_until", vehicle.permit_valid_until, value);
    vehicle.permit_valid_until = value;
  }
}

VehicleFilter FilterFor(const auth::Principal& actor, const VehicleQuery& query, const std::string& today) {
  VehicleFilter filter;
  filter.prefixes = regions::SearchPrefixes(actor.scope, query.region);
  const auto plate = Trim(query.plate);
  if (!plate.empty()) {
    if (auto whole = NormalisePlate(plate)) {
      filter.plate = *whole;
    } else {
      // A part of a plate, as written on a note: ASCII upper-cased, separators dropped.
      for (char ch : plate) {
        if (ch == ' ' || ch == '-') continue;
        filter.plate_part += ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
      }
    }
  }
  filter.owner_part = Trim(query.owner);
  if (!query.vehicle_type.empty()) {
    const auto code = VehicleTypes().Read(query.vehicle_type);
    if (!code) {
      throw Error(ErrorCode::kInvalidQueryParameter, "Not a vehicle type.", "车辆类型无效。",
                  nlohmann::json::array({FieldDetail("vehicle_type", "invalid")}));
    }
    filter.vehicle_type = std::string(*code);
  }
  if (query.permit_expired) filter.permit_expired_before = today;
  filter.limit = query.limit;
  filter.offset = query.offset;
  return filter;
}

}  // namespace

std::string PlateKind(std::string_view plate) {
  // Province (three bytes of UTF-8) + office letter + the rest: ASCII, or a use character last.
  if (!plate.empty() && static_cast<unsigned char>(plate.back()) >= 0x80) return "special";
  if (plate.size() == 10) return plate[4] >= '0' && plate[4] <= '9' ? "new_energy_large" : "new_energy_small";
  return "ordinary";
}

VehicleFields CheckVehicleFields(const VehicleFields& in, bool creating, Problems& problems) {
  VehicleFields out;
  out.expected_version = in.expected_version;
  if (in.plate) {
    if (auto plate = NormalisePlate(Trim(*in.plate))) {
      out.plate = *plate;
    } else {
      problems.Add("plate", "invalid_plate",
                   "Not a plate of GA 36: province, office letter and 5 characters (6 for new energy).",
                   "号牌号码无效（应为省份简称 + 发牌机关代号 + 5 位序号，新能源 6 位）。");
    }
  } else if (creating) {
    problems.Add("plate", "required", "Give the plate.", "请填写号牌号码。");
  }
  CheckTerm(creating && !in.vehicle_type ? std::optional<std::string>("car") : in.vehicle_type,
            VehicleTypes(), problems, out.vehicle_type);
  CheckText(in.brand, "brand", 50, problems, out.brand);
  CheckText(in.color, "color", 20, problems, out.color);
  out.owner_person_id = in.owner_person_id;
  CheckText(in.owner_name, "owner_name", 50, problems, out.owner_name);
  if (out.owner_person_id && out.owner_name) {
    problems.Add("owner_name", "one_of", "Give owner_person_id or owner_name, not both.",
                 "车主人员与车主姓名只能填写其一。");
  }
  if ((creating && !out.owner_person_id && (!out.owner_name || out.owner_name->empty())) ||
      (!creating && out.owner_name && out.owner_name->empty())) {
    problems.Add("owner_name", "required", "Give the owner: owner_person_id or owner_name.",
                 "请填写车主（选择人员或填写姓名）。");
  }
  if (in.region_code) out.region_code = Trim(*in.region_code);
  if (creating && (!out.region_code || out.region_code->empty())) {
    problems.Add("region_code", "required", "Give where the vehicle is kept.", "请填写车辆停放地。");
  }
  CheckText(in.permit_number, "permit_number", 50, problems, out.permit_number);
  if (in.permit_valid_until && Trim(*in.permit_valid_until).empty()) {
    out.permit_valid_until = "";
  } else {
    CheckDate(in.permit_valid_until, "permit_valid_until", problems, out.permit_valid_until);
  }
  return out;
}

Vehicle VehicleService::LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const {
  auto vehicle = VehicleStore::Find(c, id);
  if (!vehicle || !actor.scope.Contains(vehicle->region_code)) throw Error(ErrorCode::kNotFound);
  return std::move(*vehicle);
}

VehicleView VehicleService::ViewOf(db::Connection& c, Vehicle vehicle) const {
  auto address = AddressesOf(c, {vehicle.region_code})[vehicle.region_code];
  return {std::move(vehicle), std::move(address)};
}

VehicleView VehicleService::Create(const auth::Principal& actor, const VehicleFields& request) {
  Problems problems;
  const auto fields = CheckVehicleFields(request, true, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    return ViewOf(c, *VehicleStore::Find(c, InsertChecked(c, context_, actor, fields)));
  });
}

std::int64_t VehicleService::InsertChecked(db::Connection& c, const RegistryContext& context,
                                           const auth::Principal& actor, const VehicleFields& fields) {
  const auto now = context.clock.NowMillis();
  Vehicle vehicle;
  ChangeSet changes;
  Apply(c, actor, fields, vehicle, changes);
  vehicle.created_at = vehicle.updated_at = now;
  try {
    vehicle.id = VehicleStore::Insert(c, vehicle);
  } catch (const db::DatabaseError& e) {
    // Two clerks registering one plate at once: the unique index decides.
    if (e.kind() != db::DatabaseError::Kind::kUniqueViolation) throw;
    PlateTaken();
  }
  ChangeLog::Write(c, kEntity, std::to_string(vehicle.id), changes, actor, now);
  auto entry = Entry(actor, "registry.vehicle_create", vehicle);
  entry.detail = changes.AuditDetail();
  context.audit.Record(c, entry);
  return vehicle.id;
}

VehicleView VehicleService::Get(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read([&](db::Connection& c) { return ViewOf(c, LoadVisible(c, actor, id)); });
}

VehicleView VehicleService::Update(const auth::Principal& actor, std::int64_t id,
                                   const VehicleFields& patch) {
  Problems problems;
  const auto fields = CheckVehicleFields(patch, false, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto vehicle = LoadVisible(c, actor, id);
    const auto version = vehicle.version;
    if (fields.expected_version && *fields.expected_version != version) StaleVersion();
    ChangeSet changes;
    Apply(c, actor, fields, vehicle, changes);
    if (changes.empty()) return ViewOf(c, std::move(vehicle));
    const auto now = context_.clock.NowMillis();
    vehicle.version = version + 1;
    vehicle.updated_at = now;
    try {
      if (!VehicleStore::Update(c, vehicle, version)) StaleVersion();
    } catch (const db::DatabaseError& e) {
      if (e.kind() != db::DatabaseError::Kind::kUniqueViolation) throw;
      PlateTaken();
    }
    ChangeLog::Write(c, kEntity, std::to_string(id), changes, actor, now);
    auto entry = Entry(actor, "registry.vehicle_update", vehicle);
    entry.detail = changes.AuditDetail();
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(vehicle));
  });
}

std::vector<ChangeRecord> VehicleService::History(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read([&](db::Connection& c) {
    LoadVisible(c, actor, id);
    return ChangeLog::List(c, kEntity, std::to_string(id), 1000);
  });
}

VehiclePage VehicleService::Search(const auth::Principal& actor, const VehicleQuery& query) const {
  const auto filter = FilterFor(actor, query, ChinaToday(context_.clock));
  return context_.database.Read([&](db::Connection& c) {
    auto page = VehicleStore::Search(c, filter);
    std::vector<std::string> codes;
    for (const auto& vehicle : page.items) codes.push_back(vehicle.region_code);
    page.addresses = AddressesOf(c, codes);
    return page;
  });
}

void VehicleService::ForEach(const auth::Principal& actor, const VehicleQuery& query,
                             const ExportVisitor& visit) const {
  const auto filter = FilterFor(actor, query, ChinaToday(context_.clock));
  context_.database.Read([&](db::Connection& c) {
    VehicleStore::ForEachPage(c, filter, [&](std::vector<Vehicle>& page) {
      std::vector<std::string> codes;
      for (const auto& vehicle : page) codes.push_back(vehicle.region_code);
      auto addresses = AddressesOf(c, codes);
      for (const auto& vehicle : page) visit(vehicle, addresses[vehicle.region_code]);
    });
  });
}

}  // namespace shequ::registry
