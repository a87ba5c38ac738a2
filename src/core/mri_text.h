// The text side of reading a lumbar MRI report (used by src/core/mri_report.cpp only): the
// report normalised to one lower-case ASCII character per code point, word search in it, the
// disc levels it names and the statements and sections it is made of.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace radicula::core::mri {

// One ASCII character per code point, lower case, accents dropped, so a position in `norm` is a
// position in code points of the original; `byteOf` maps it back (one more entry: the end).
struct Text {
  std::string norm;
  std::vector<std::size_t> byteOf;
};

Text normalise(std::string_view s);

// Decodes one code point at `i` and returns its length; an invalid byte counts as one and sets
// `*cp` to kInvalidCodePoint.
inline constexpr std::uint32_t kInvalidCodePoint = 0xFFFFFFFF;
std::size_t decodeUtf8(std::string_view s, std::size_t i, std::uint32_t* cp);

bool isAlnum(char c);

// `word` at a word start in [from, to); a whole word, or any ending for a stem ("herniat").
std::size_t findWord(const std::string& s, std::string_view word, std::size_t from, std::size_t to);
std::size_t findStem(const std::string& s, std::string_view stem, std::size_t from, std::size_t to);

struct Hit {
  std::size_t at = std::string::npos;
  std::size_t end = 0;
  bool found() const { return at != std::string::npos; }
};

// The first of `words` in [from, to): prefix stems, or whole words when a word ends in '$'.
Hit findAny(const std::string& s, std::span<const std::string_view> words, std::size_t from,
            std::size_t to);
Hit findAny(const std::string& s, std::initializer_list<std::string_view> words, std::size_t from,
            std::size_t to);
// Every place one of `words` stands in [from, to), in text order (at one place, the longest
// first).
std::vector<Hit> allHits(const std::string& s, std::span<const std::string_view> words,
                         std::size_t from, std::size_t to);
// The last of `words` that starts in [from, to).
Hit findLast(const std::string& s, std::span<const std::string_view> words, std::size_t from,
             std::size_t to);
bool hasAny(const std::string& s, std::span<const std::string_view> words, std::size_t from,
            std::size_t to);
bool hasAny(const std::string& s, std::initializer_list<std::string_view> words, std::size_t from,
            std::size_t to);

// A disc level as the number of its upper vertebra: C1 = -18 … C7 = -12, T1 = -11 … T12 = 0,
// L1 = 1 … L5 = 5 (L5-S1), S1 = 6. Levels 1 to 5 are shown; the others are listed.
struct LevelMention {
  std::size_t at = 0, end = 0;
  std::vector<int> upper;    // shown levels (1..5) this mention names, ranges expanded
  std::vector<int> outside;  // levels above L1-L2 or below L5-S1
};

// Every level named in [from, to): pairs ("L4-5", "L4/L5", "L5S1", "L4 on L5"), ranges
// ("L1-2 through L3-4", "L2-L3 a L4-L5") and ranges of vertebrae ("de L1 a L4", "from L3 to S1").
std::vector<LevelMention> findLevels(const std::string& s, std::size_t from, std::size_t to);

std::string levelName(int upper);  // "L4-L5", "T12-L1", "C5-C6"

// A statement: a sentence, a list item, or the text after a level heading ("L4-L5: …").
struct Segment {
  std::size_t from = 0, to = 0;
  std::size_t shownFrom = 0;       // where the statement starts for people: its "L4-L5:" heading
  std::vector<int> headingLevels;  // from the heading it falls under; outside levels as -100 + n
  bool skipSection = false;        // history, indication, technique, comparison
};

std::vector<Segment> segments(const Text& t);

}  // namespace radicula::core::mri
