#include "core/http/router.hpp"

#include <stdexcept>

namespace shequ::http {

std::vector<std::string_view> Router::Split(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end;
  }
  return segments;
}

void Router::Add(Route route) {
  Compiled compiled;
  for (auto segment : Split(route.pattern)) {
    compiled.segments.emplace_back(segment);
    if (segment.starts_with('{')) compiled.has_params = true;
  }
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].pattern == route.pattern && routes_[i].method == route.method) {
      throw std::logic_error("route declared twice: " + route.pattern);
    }
  }
  if (!compiled.has_params) static_paths_[route.pattern].push_back(routes_.size());
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  // Static routes are exact strings: one hash lookup serves the hottest endpoints.
  if (auto it = static_paths_.find(std::string(path)); it != static_paths_.end()) {
    for (auto index : it->second) {
      if (routes_[index].method == method ||
          (method == Method::kHead && routes_[index].method == Method::kGet)) {
        match.route = &routes_[index];
        return match;
      }
      match.allowed.push_back(routes_[index].method);
    }
    return match;
  }
  const auto segments = Split(path);
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& compiled = compiled_[i];
    if (!compiled.has_params || compiled.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool matched = true;
    for (std::size_t s = 0; s < segments.size() && matched; ++s) {
      const auto& pattern = compiled.segments[s];
      if (pattern.starts_with('{')) {
        // A parameter may carry a literal suffix ("{code}.json"), for resources named with a format.
        const auto close = pattern.find('}');
        const std::string_view suffix = std::string_view(pattern).substr(close + 1);
        const auto segment = segments[s];
        matched = segment.size() > suffix.size() && segment.ends_with(suffix);
        if (matched) {
          params[pattern.substr(1, close - 1)] =
              PercentDecode(segment.substr(0, segment.size() - suffix.size()));
        }
      } else {
        matched = pattern == segments[s];
      }
    }
    if (!matched) continue;
    if (routes_[i].method == method || (method == Method::kHead && routes_[i].method == Method::kGet)) {
      match.route = &routes_[i];
      match.params = std::move(params);
      match.allowed.clear();
      return match;
    }
    match.allowed.push_back(routes_[i].method);
  }
  return match;
}

}  // namespace shequ::http
