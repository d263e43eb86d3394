// Rules of region codes, names and addresses. Pure functions: no I/O.
//
// GB/T 2260 and the 统计用区划代码 give 12 digits: province 2, city 2, county 2, town 3,
// village 3. Below a community shequ extends the code: compound 3, building 3, unit 2 and
// dwelling 4 digits (the room number), so every node's code begins with its parent's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regions/region.hpp"

namespace shequ::regions {

// The level a code's shape implies (12-digit codes by their trailing zero groups), or nullopt.
std::optional<int> LevelOfCode(std::string_view code);
// The 12-digit form of a national code given by its significant digits: "61" → "610000000000".
std::string FullCode(std::string_view significant);
// Codes of every ancestor, root first.
std::vector<std::string> AncestorCodes(std::string_view code);
// Digits a child adds below a node of `parent_level` (0 when it can have no children here).
int ChildDigits(int parent_level);
// The code of child `number` of `parent`; nullopt when the number does not fit.
std::optional<std::string> ChildCode(const Region& parent, int number);

// 居委会 / 村委会 are not told apart by code ranges; the name says which.
std::string KindFromName(int level, std::string_view name);
// The name used in addresses: 兴隆佳苑社区居委会 → 兴隆佳苑社区, 石门村村民委员会 → 石门村.
std::string ShortName(int level, std::string_view name);
// Default name of a new node below a community: 3栋, 2单元, 501室.
std::string DefaultName(int level, int number);
// 陕西省安康市汉阴县平梁镇兴隆佳苑社区 兴隆佳苑小区 3栋 2单元 501室 — from the path, root first.
std::string StandardAddress(const std::vector<Region>& path);

}  // namespace shequ::regions
