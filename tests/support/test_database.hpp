#pragma once

#include <string>

#include "core/db/database.hpp"

namespace shequ::testing {

// The backend under test: SHEQU_TEST_BACKEND=sqlite (default) or postgres.
db::Backend BackendUnderTest();

// A new, empty database for one test: a file in a fresh temporary directory (SQLite), or a new
// database in the cluster named by SHEQU_TEST_PG_URL (PostgreSQL).
std::string FreshDatabaseUrl();

}  // namespace shequ::testing
