#include "core/http/metrics.hpp"

#include <fmt/format.h>

namespace shequ::http {

void Metrics::Record(std::string_view route, std::string_view method, int status, double seconds) {
  std::lock_guard lock(mutex_);
  auto it = series_.find(std::make_tuple(route, method, status));
  if (it == series_.end()) {
    it = series_.emplace(std::make_tuple(std::string(route), std::string(method), status), Series{}).first;
  }
  auto& series = it->second;
  ++series.count;
  series.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++series.buckets[i];
  }
}

std::string Metrics::RenderPrometheus() const {
  std::string out;
  out += "# HELP shequ_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE shequ_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, series] : series_) {
    const auto& [route, method, status] = key;
    out += fmt::format("shequ_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", route,
                       method, status, series.count);
  }
  out += "# HELP shequ_http_request_duration_seconds Time from request parsed to response queued.\n";
  out += "# TYPE shequ_http_request_duration_seconds histogram\n";
  for (const auto& [key, series] : series_) {
    const auto& [route, method, status] = key;
    const auto labels = fmt::format("route=\"{}\",method=\"{}\",status=\"{}\"", route, method, status);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("shequ_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels,
                         kBuckets[i], series.buckets[i]);
    }
    out += fmt::format("shequ_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels,
                       series.count);
    out += fmt::format("shequ_http_request_duration_seconds_sum{{{}}} {}\n", labels, series.sum);
    out += fmt::format("shequ_http_request_duration_seconds_count{{{}}} {}\n", labels, series.count);
  }
  out += "# HELP shequ_http_in_flight_requests Requests being handled now.\n";
  out += "# TYPE shequ_http_in_flight_requests gauge\n";
  out += fmt::format("shequ_http_in_flight_requests {}\n", in_flight.load());
  out += "# HELP shequ_event_stream_clients Open server-sent event streams.\n";
  out += "# TYPE shequ_event_stream_clients gauge\n";
  out += fmt::format("shequ_event_stream_clients {}\n", stream_clients.load());
  return out;
}

}  // namespace shequ::http
