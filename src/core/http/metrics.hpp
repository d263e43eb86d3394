#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace shequ::http {

// Request counts and latency histograms by route (the pattern, not the raw path, so ids do not
// explode the label set), method and status, in the Prometheus text format.
class Metrics {
 public:
  static constexpr std::array<double, 13> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,    0.25,  0.5,    1.0,   2.5,  5.0};

  void Record(std::string_view route, std::string_view method, int status, double seconds);
  std::string RenderPrometheus() const;

  std::atomic<std::int64_t> in_flight{0};
  std::atomic<std::int64_t> stream_clients{0};

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, Series, std::less<>> series_;
};

}  // namespace shequ::http
