// Manifest of the events module (五有). So far it brings the working calendar deadlines are
// counted on; intake, the workflow and their routes come with it later.
#include "events/module.hpp"

namespace shequ::events {

ModuleManifest Manifest() { return {.name = "events", .depends = {"core"}, .migrations = Migrations()}; }

}  // namespace shequ::events
