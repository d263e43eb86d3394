#include "core/time_format.hpp"

#include <gtest/gtest.h>

namespace shequ {
namespace {

TEST(TimeFormat, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTimestamp(1795000000123), "2026-11-18T11:06:40.123Z");
  EXPECT_EQ(FormatTimestamp(951782400000), "2000-02-29T00:00:00.000Z");  // a leap day
  EXPECT_EQ(FormatTimestamp(-1), "1969-12-31T23:59:59.999Z");
  // Every hour over eight years round-trips through the parser.
  for (std::int64_t t = 1'600'000'000'000; t < 1'850'000'000'000; t += 3'600'000 + 7) {
    ASSERT_EQ(ParseTimestamp(FormatTimestamp(t)), t) << FormatTimestamp(t);
  }
}

TEST(TimeFormat, ParsesWhatItFormatsAndOffsets) {
  EXPECT_EQ(ParseTimestamp("2026-11-18T11:06:40.123Z"), 1795000000123);
  EXPECT_EQ(ParseTimestamp("2026-11-18T19:06:40+08:00"), 1795000000000);
  EXPECT_EQ(ParseTimestamp("1970-01-02"), 86400000);
}

TEST(TimeFormat, RejectsMalformedTimes) {
  for (const char* bad : {"", "2026", "2026-13-01", "2026-02-30", "2026-11-18T07:06:40",
                          "2026-11-18T25:00:00Z", "2026-11-18T07:06:40Zjunk", "yesterday"}) {
    EXPECT_FALSE(ParseTimestamp(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace shequ
