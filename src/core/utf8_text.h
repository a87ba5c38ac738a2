// Text that reaches a person or a JSON file must be valid UTF-8, whatever bytes a file name or
// a file held: a Latin-1 "informé.txt" is shown as "inform�.txt", never thrown on. Every error
// message that names a file and every file name written into JSON goes through these.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace radicula::core {

// `text` with every ill-formed UTF-8 sequence (overlong forms, surrogates and code points past
// U+10FFFF included) replaced by U+FFFD, one for each maximal subpart as the Unicode standard
// recommends (§3.9): "inform\xE9.txt" becomes "inform\uFFFD.txt".
std::string validUtf8(std::string_view text);

// Whether `text` is well-formed UTF-8.
bool isWellFormedUtf8(std::string_view text);

// A path as a person reads it in a message: its bytes as valid UTF-8.
std::string displayPath(const std::filesystem::path& path);

}  // namespace radicula::core
