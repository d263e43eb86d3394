#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/http/route.hpp"

namespace shequ::http {

// Matches a method and path to a route. A path that exists with other methods is told apart from
// one that does not exist at all, so clients get 405 with Allow instead of 404.
class Router {
 public:
  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<Method> allowed;  // when the path matched but the method did not
  };

  void Add(Route route);
  Match Find(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{name}" marks a parameter
    bool has_params = false;
  };
  static std::vector<std::string_view> Split(std::string_view path);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
  std::unordered_map<std::string, std::vector<std::size_t>> static_paths_;  // fast path, no params
};

}  // namespace shequ::http
