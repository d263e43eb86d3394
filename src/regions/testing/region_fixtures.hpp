// Test builders other modules' tests reuse: a small real piece of the national tree.
#pragma once

#include <vector>

#include "regions/region_import.hpp"

namespace shequ::regions::fixtures {

// 陕西省安康市汉阴县平梁镇 with two of its communities: 兴隆佳苑社区 (610921103002) and 月河社区
// (610921103003).
inline std::vector<ImportRow> PingliangTown() {
  return {NationalNode("610000000000", "陕西省"),
          NationalNode("610900000000", "安康市"),
          NationalNode("610921000000", "汉阴县"),
          NationalNode("610921103000", "平梁镇"),
          NationalNode("610921103002", "兴隆佳苑社区居委会"),
          NationalNode("610921103003", "月河社区居委会")};
}

}  // namespace shequ::regions::fixtures
