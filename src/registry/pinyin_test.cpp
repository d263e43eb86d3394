#include "registry/pinyin.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace shequ::registry {
namespace {

TEST(Pinyin, GivesTheInitialOfEachHanzi) {
  EXPECT_EQ(PinyinInitials("张三丰"), "ZSF");
  EXPECT_EQ(PinyinInitials("欧阳修"), "OYX");
  EXPECT_EQ(PinyinInitials("司马光"), "SMG");
  EXPECT_EQ(PinyinInitials("诸葛亮"), "ZGL");
  EXPECT_EQ(PinyinInitials("上官婉儿"), "SGWE");
}

TEST(Pinyin, ReadsCommonNames) {
  const std::pair<const char*, const char*> names[] = {
      {"王伟", "WW"},    {"李娜", "LN"},    {"刘洋", "LY"},    {"陈静", "CJ"},    {"杨帆", "YF"},
      {"黄磊", "HL"},    {"赵敏", "ZM"},    {"吴秀英", "WXY"}, {"周杰伦", "ZJL"}, {"徐嘉怡", "XJY"},
      {"孙丽华", "SLH"}, {"马建国", "MJG"}, {"郭燕", "GY"},    {"何瑶", "HY"},    {"林桐", "LT"},
      {"高铭", "GM"},    {"罗蕾", "LL"},    {"胡欢乐", "HHL"}, {"艾青", "AQ"},    {"鄂伦春", "ELC"},
  };
  for (const auto& [name, initials] : names) EXPECT_EQ(PinyinInitials(name), initials) << name;
}

TEST(Pinyin, PlacesTheCharactersEitherSideOfEveryBoundary) {
  // Each pair is the last level-1 hanzi of one initial and the first of the next, in GB 2312 order.
  const std::pair<const char*, const char*> boundaries[] = {
      {"澳芭", "AB"}, {"怖擦", "BC"}, {"错搭", "CD"}, {"堕蛾", "DE"}, {"贰发", "EF"}, {"咐噶", "FG"},
      {"过哈", "GH"}, {"祸击", "HJ"}, {"骏喀", "JK"}, {"阔垃", "KL"}, {"络妈", "LM"}, {"穆拿", "MN"},
      {"诺哦", "NO"}, {"沤啪", "OP"}, {"瀑期", "PQ"}, {"群然", "QR"}, {"弱撒", "RS"}, {"所塌", "ST"},
      {"唾挖", "TW"}, {"误昔", "WX"}, {"迅压", "XY"}, {"孕匝", "YZ"},
  };
  for (const auto& [pair, initials] : boundaries) EXPECT_EQ(PinyinInitials(pair), initials) << pair;
  EXPECT_EQ(PinyinInitials("啊"), "A") << "first level-1 hanzi";
  EXPECT_EQ(PinyinInitials("座"), "Z") << "last level-1 hanzi (D7F9)";
}

TEST(Pinyin, ReadsSurnamesByTheirSurnameReading) {
  EXPECT_EQ(PinyinInitials("单雄信"), "SXX");
  EXPECT_EQ(PinyinInitials("简单"), "JD") << "单 outside the surname position keeps dān";
  EXPECT_EQ(PinyinInitials("乐嘉"), "YJ");
  EXPECT_EQ(PinyinInitials("张乐"), "ZL");
  EXPECT_EQ(PinyinInitials("曾国藩"), "ZGF");
  EXPECT_EQ(PinyinInitials("解晓东"), "XXD");
  EXPECT_EQ(PinyinInitials("仇英"), "QY");
  EXPECT_EQ(PinyinInitials("区志强"), "OZQ");
  EXPECT_EQ(PinyinInitials("查海生"), "ZHS");
  EXPECT_EQ(PinyinInitials("尉迟恭"), "YCG");
  EXPECT_EQ(PinyinInitials("翟志刚"), "ZZG");
  EXPECT_EQ(PinyinInitials("朴树"), "PS");
  EXPECT_EQ(PinyinInitials("盖聂"), "GN");
  EXPECT_EQ(PinyinInitials("张三 单田芳"), "ZSSTF") << "each space-separated word starts with a surname";
}

TEST(Pinyin, ReadsCharactersOutsideLevelOneFromTheOverrideTable) {
  EXPECT_EQ(PinyinInitials("覃"), "Q");
  EXPECT_EQ(PinyinInitials("刘昊然"), "LHR");
  EXPECT_EQ(PinyinInitials("缪"), "M");
  EXPECT_EQ(PinyinInitials("冼星海"), "XXH");
  EXPECT_EQ(PinyinInitials("邝"), "K");
  EXPECT_EQ(PinyinInitials("闫妮"), "YN");
  EXPECT_EQ(PinyinInitials("李婷"), "LT");
  EXPECT_EQ(PinyinInitials("王睿"), "WR");
  EXPECT_EQ(PinyinInitials("张梓萱"), "ZZX");
  EXPECT_EQ(PinyinInitials("陈钰琪"), "CYQ");
  EXPECT_EQ(PinyinInitials("杨紫曦"), "YZX");
  EXPECT_EQ(PinyinInitials("芮"), "R");
  EXPECT_EQ(PinyinInitials("茜"), "Q");
}

TEST(Pinyin, KeepsAsciiLettersAndDigitsUpperCased) {
  EXPECT_EQ(PinyinInitials("abc张3"), "ABCZ3");
  EXPECT_EQ(PinyinInitials("Tom 李"), "TOML");
  EXPECT_EQ(PinyinInitials("A栋2单元"), "AD2DY") << "单 after a letter is not a surname";
}

TEST(Pinyin, DropsWhatItCannotPlace) {
  EXPECT_EQ(PinyinInitials(""), "");
  EXPECT_EQ(PinyinInitials("买买提·艾力"), "MMTAL");
  EXPECT_EQ(PinyinInitials("张亍"), "Z") << "亍 is level 2 and not in the override table";
  EXPECT_EQ(PinyinInitials("あ李"), "L") << "kana is in GB 2312 but not a hanzi";
  EXPECT_EQ(PinyinInitials("王\xF0\x9F\x98\x80伟"), "WW") << "an emoji has no GB code";
  EXPECT_EQ(PinyinInitials("王\xFF伟"), "WW") << "a stray byte is skipped";
  EXPECT_EQ(PinyinInitials("王\xE4"), "W") << "a truncated sequence is skipped";
  EXPECT_EQ(PinyinInitials("，。！-_"), "");
}

TEST(Pinyin, GivesTheSameAnswersFromManyThreads) {
  const std::string text = "张三丰 欧阳修 刘昊然 单雄信";
  const std::string expected = PinyinInitials(text);
  ASSERT_EQ(expected, "ZSFOYXLHRSXX");
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (PinyinInitials(text) != expected) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : mismatches) EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace shequ::registry
