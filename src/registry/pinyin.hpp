// Pinyin initials of Chinese names, so lists can be searched by typing "zsf" for 张三丰. Reads the
// pinyin order of the GB 2312 level-1 hanzi through glibc's iconv; no dictionary file is needed.
#pragma once

#include <string>
#include <string_view>

namespace shequ::registry {

// Upper-case initials of the characters of `utf8`: "张三丰" → "ZSF", "欧阳修" → "OYX". ASCII letters
// and digits are kept (upper-cased); punctuation, spaces and characters whose reading is unknown are
// dropped. The first hanzi of the text and of each space-separated word is read as a surname, so
// "单雄信" gives "SXX" while "简单" gives "JD". Polyphonic characters otherwise take the reading
// GB 2312 files them under. Thread-safe.
std::string PinyinInitials(std::string_view utf8);

}  // namespace shequ::registry
