// Numbered parameters for statements built from optional filters: each value added returns its
// placeholder ("$3"), so the SQL and its values cannot drift apart.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/db/database.hpp"

namespace shequ::db {

class SqlParams {
 public:
  std::string Add(Value value) {
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size());
  }
  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<Value> values_;
};

}  // namespace shequ::db
