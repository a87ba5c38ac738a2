#include "core/utf8_text.h"

#include <cstdint>

namespace radicula::core {

namespace {

// The sequence starting at `i`: how many bytes it takes and whether they are well formed (the
// Unicode standard's table of well-formed byte sequences, §3.9, table 3-7). An ill-formed one
// is its maximal subpart, the longest start of a well-formed sequence there (at least one
// byte), which is what one U+FFFD replaces (the standard's recommended practice, table 3-8).
struct Step {
  std::size_t length;
  bool wellFormed;
};

Step step(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t b0 = byte(i);
  if (b0 < 0x80) return {1, true};
  std::size_t n = 0;
  std::uint8_t lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    return {1, false};
  }
  for (std::size_t k = 1; k < n; ++k) {
    const bool fits = i + k < text.size() && (k == 1 ? byte(i + k) >= lo && byte(i + k) <= hi
                                                     : byte(i + k) >= 0x80 && byte(i + k) <= 0xBF);
    if (!fits) return {k, false};
  }
  return {n, true};
}

}  // namespace

std::string validUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Step s = step(text, i);
    if (s.wellFormed) {
      out.append(text.substr(i, s.length));
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    }
    i += s.length;
  }
  return out;
}

bool isWellFormedUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Step s = step(text, i);
    if (!s.wellFormed) return false;
    i += s.length;
  }
  return true;
}

std::string displayPath(const std::filesystem::path& path) {
  return validUtf8(path.native());
}

}  // namespace radicula::core
