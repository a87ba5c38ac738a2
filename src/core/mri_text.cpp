#include "core/mri_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <utility>

namespace radicula::core::mri {

namespace {

char foldLatin1(std::uint32_t cp) {
  // Accented letters of Spanish (and a few neighbours), dashes and quotes.
  static constexpr std::array<std::pair<std::uint32_t, char>, 40> kFolds{{
      {0xE1, 'a'},    {0xC1, 'a'},    {0xE0, 'a'},   {0xC0, 'a'},   {0xE4, 'a'},   {0xC4, 'a'},
      {0xE2, 'a'},    {0xE9, 'e'},    {0xC9, 'e'},   {0xE8, 'e'},   {0xC8, 'e'},   {0xEB, 'e'},
      {0xEA, 'e'},    {0xED, 'i'},    {0xCD, 'i'},   {0xEC, 'i'},   {0xEF, 'i'},   {0xEE, 'i'},
      {0xF3, 'o'},    {0xD3, 'o'},    {0xF2, 'o'},   {0xF6, 'o'},   {0xF4, 'o'},   {0xFA, 'u'},
      {0xDA, 'u'},    {0xF9, 'u'},    {0xFC, 'u'},   {0xDC, 'u'},   {0xFB, 'u'},   {0xF1, 'n'},
      {0xD1, 'n'},    {0x2013, '-'},  {0x2014, '-'}, {0x2010, '-'}, {0x2011, '-'}, {0x2212, '-'},
      {0x2019, '\''}, {0x2018, '\''}, {0x00B2, '2'}, {0x00D7, 'x'},
  }};
  for (const auto& [code, c] : kFolds) {
    if (code == cp) return c;
  }
  return ' ';
}

// The normalised text is lower-case ASCII: a letter or a digit, without the locale.
bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// `word` (which may hold spaces or hyphens) at a word start in [from, to); with `whole` it must
// also end a word, without it any ending goes ("herniat" finds herniated and herniation).
// Punctuation (",", "/") needs no word boundary. A report is read in many small windows, so the
// search never looks past `to`.
std::size_t findAt(const std::string& s, std::string_view word, std::size_t from, std::size_t to,
                   bool whole) {
  const std::size_t n = word.size();
  to = std::min(to, s.size());
  if (n == 0 || from >= to || to - from < n) return std::string::npos;
  const char first = word.front();
  const bool boundedStart = isWordChar(first);
  const bool boundedEnd = whole && isWordChar(word.back());
  const char* text = s.data();
  const char* end = text + to - n + 1;  // the last place the word may start, plus one
  for (const char* p = text + from; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, first, static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
    const std::size_t at = static_cast<std::size_t>(p - text);
    if (boundedStart && at > 0 && isWordChar(text[at - 1])) continue;
    if (n > 1 && std::memcmp(p + 1, word.data() + 1, n - 1) != 0) continue;
    if (boundedEnd && at + n < s.size() && isWordChar(text[at + n])) continue;
    return at;
  }
  return std::string::npos;
}

bool isDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::size_t decodeUtf8(std::string_view s, std::size_t i, std::uint32_t* cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *cp = b;
    return 1;
  }
  int len = 0;
  std::uint32_t v = 0;
  if ((b & 0xE0) == 0xC0) {
    len = 2;
    v = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3;
    v = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4;
    v = b & 0x07;
  } else {
    *cp = kInvalidCodePoint;
    return 1;
  }
  if (i + static_cast<std::size_t>(len) > s.size()) {
    *cp = kInvalidCodePoint;
    return 1;
  }
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((c & 0xC0) != 0x80) {
      *cp = kInvalidCodePoint;
      return 1;
    }
    v = (v << 6) | (c & 0x3F);
  }
  static constexpr std::uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = kInvalidCodePoint;
    return 1;
  }
  *cp = v;
  return static_cast<std::size_t>(len);
}

Text normalise(std::string_view s) {
  Text t;
  t.norm.reserve(s.size());
  t.byteOf.reserve(s.size() + 1);
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decodeUtf8(s, i, &cp);
    char c = ' ';
    if (cp < 0x80) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(cp)));
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n') c = ' ';
    } else if (cp != kInvalidCodePoint) {
      c = foldLatin1(cp);
    }
    t.norm.push_back(c);
    t.byteOf.push_back(i);
    i += n;
  }
  t.byteOf.push_back(s.size());
  return t;
}

bool isAlnum(char c) {
  return isWordChar(c);
}

std::size_t findWord(const std::string& s, std::string_view word, std::size_t from,
                     std::size_t to) {
  return findAt(s, word, from, to, true);
}

std::size_t findStem(const std::string& s, std::string_view stem, std::size_t from,
                     std::size_t to) {
  return findAt(s, stem, from, to, false);
}

Hit findAny(const std::string& s, std::span<const std::string_view> words, std::size_t from,
            std::size_t to) {
  Hit best;
  for (std::string_view word : words) {
    const bool whole = !word.empty() && word.back() == '$';
    if (whole) word.remove_suffix(1);
    const std::size_t at = whole ? findWord(s, word, from, to) : findStem(s, word, from, to);
    // The earliest; at the same place the longest ("no evidence" over "no").
    if (at != std::string::npos &&
        (at < best.at || (at == best.at && at + word.size() > best.end))) {
      best = {at, at + word.size()};
    }
  }
  return best;
}

Hit findAny(const std::string& s, std::initializer_list<std::string_view> words, std::size_t from,
            std::size_t to) {
  return findAny(s, std::span<const std::string_view>(words.begin(), words.size()), from, to);
}

std::vector<Hit> allHits(const std::string& s, std::span<const std::string_view> words,
                         std::size_t from, std::size_t to) {
  std::vector<Hit> hits;
  for (std::string_view word : words) {
    const bool whole = !word.empty() && word.back() == '$';
    if (whole) word.remove_suffix(1);
    for (std::size_t p = from; p < to;) {
      const std::size_t at = findAt(s, word, p, to, whole);
      if (at == std::string::npos) break;
      hits.push_back({at, at + word.size()});
      p = at + 1;
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const Hit& a, const Hit& b) { return a.at != b.at ? a.at < b.at : a.end > b.end; });
  return hits;
}

Hit findLast(const std::string& s, std::span<const std::string_view> words, std::size_t from,
             std::size_t to) {
  Hit last;
  for (std::string_view word : words) {
    const bool whole = !word.empty() && word.back() == '$';
    if (whole) word.remove_suffix(1);
    for (std::size_t p = from; p < to;) {
      const std::size_t at = findAt(s, word, p, to, whole);
      if (at == std::string::npos) break;
      if (!last.found() || at > last.at || (at == last.at && at + word.size() > last.end)) {
        last = {at, at + word.size()};
      }
      p = at + 1;
    }
  }
  return last;
}

bool hasAny(const std::string& s, std::span<const std::string_view> words, std::size_t from,
            std::size_t to) {
  return findAny(s, words, from, to).found();
}

bool hasAny(const std::string& s, std::initializer_list<std::string_view> words, std::size_t from,
            std::size_t to) {
  return findAny(s, words, from, to).found();
}

// ---------------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------------
namespace {

// A vertebra at `i` ("l4", "s1", "t12", "d12", "c5") as a number (see LevelMention).
std::optional<int> vertebraAt(const std::string& s, std::size_t i, char* kind, std::size_t* end) {
  if (i >= s.size()) return std::nullopt;
  const char k = s[i];
  // T or D (dorsal, as Spanish reports write it) for thoracic.
  if (k != 't' && k != 'd' && k != 'l' && k != 's' && k != 'c') return std::nullopt;
  if (i > 0 && isAlnum(s[i - 1])) return std::nullopt;
  std::size_t j = i + 1;
  int n = 0, digits = 0;
  while (j < s.size() && isDigit(s[j]) && digits < 2) {
    n = n * 10 + (s[j] - '0');
    ++j;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  *kind = k;
  *end = j;
  if ((k == 't' || k == 'd') && n >= 1 && n <= 12) return n - 12;
  if (k == 'c' && n >= 1 && n <= 7) return n - 19;
  if (k == 'l' && n >= 1 && n <= 5) return n;
  if (k == 's' && n >= 1 && n <= 5) return 5 + n;
  return std::nullopt;
}

// The vertebra below `a` written as a bare number after a separator: "L4-5", "L5-1" (S1),
// "T12-1" (L1), "C5-6".
int lowerFromNumber(char kind, int a, int n) {
  if (kind == 't' || kind == 'd') return n == 1 ? 1 : n - 12;
  if (kind == 'c') return n == 1 ? -11 : n - 19;
  if (kind == 's') return 5 + n;
  return n == 1 && a == 5 ? 6 : n;
}

// The second half of a level pair from `k`: a number or a vertebra.
std::optional<int> secondHalf(const std::string& s, std::size_t k, std::size_t j, bool sep,
                              char kind, int a, std::size_t* end) {
  if (k < s.size() && isDigit(s[k])) {
    std::size_t e = k;
    int n = 0;
    while (e < s.size() && isDigit(s[e]) && e - k < 2) n = n * 10 + (s[e++] - '0');
    if (e < s.size() && isAlnum(s[e])) return std::nullopt;
    *end = e;
    return lowerFromNumber(kind, a, n);
  }
  char kind2 = 0;
  std::size_t e = 0;
  if (const auto second = vertebraAt(s, k, &kind2, &e)) {
    if (!sep && k == j) return std::nullopt;
    if (e < s.size() && isAlnum(s[e])) return std::nullopt;
    *end = e;
    return second;
  }
  // "L5S1" has no separator: vertebraAt refuses it (a letter before), try directly.
  if (!sep && k == j && k + 1 < s.size() && s[k] == 's' && s[k + 1] == '1' &&
      (k + 2 >= s.size() || !isAlnum(s[k + 2]))) {
    *end = k + 2;
    return 6;
  }
  return std::nullopt;
}

// "L4-5", "L4-L5", "L4/5", "L4 5", "L4–5", "L5-S1", "L5S1", "L4 on L5" (a slip), "T12-L1".
std::optional<std::pair<int, std::size_t>> levelPairAt(const std::string& s, std::size_t i) {
  char kind = 0;
  std::size_t j = 0;
  const auto a = vertebraAt(s, i, &kind, &j);
  if (!a) return std::nullopt;
  std::size_t k = j;
  while (k < s.size() && s[k] == ' ') ++k;
  bool sep = false;
  if (k < s.size() && (s[k] == '-' || s[k] == '/')) {
    sep = true;
    ++k;
  } else if (s.compare(k, 3, "on ") == 0 || s.compare(k, 6, "sobre ") == 0) {
    sep = true;
    k += s[k] == 'o' ? 3 : 6;
  }
  while (k < s.size() && s[k] == ' ') ++k;
  if (!sep && k == j && (k >= s.size() || !std::isalpha(static_cast<unsigned char>(s[k])))) {
    return std::nullopt;  // "L5" alone is a vertebra or a root, not a disc level
  }
  std::size_t end = 0;
  const auto b = secondHalf(s, k, j, sep, kind, *a, &end);
  if (!b || *b != *a + 1) return std::nullopt;
  return std::pair{*a, end};
}

void addLevels(LevelMention* m, int first, int lastExclusive) {
  for (int v = first; v < lastExclusive; ++v)
    (v >= 1 && v <= 5 ? m->upper : m->outside).push_back(v);
}

std::size_t skipSpaces(const std::string& s, std::size_t k, std::size_t to) {
  while (k < to && s[k] == ' ') ++k;
  return k;
}

constexpr std::array<std::string_view, 6> kRangeWords = {"through ", "thru ", "to ",
                                                         "hasta ",   "a ",    "- "};

// "de L1 a L4", "from L3 to S1": the discs between two vertebrae. Only after "de"/"from", so a
// vertebra or root named alone is never read as a range.
std::optional<LevelMention> vertebraRangeAt(const std::string& s, std::size_t i, std::size_t to) {
  static constexpr std::array<std::string_view, 3> kFrom = {"de ", "desde ", "from "};
  const bool after = std::any_of(kFrom.begin(), kFrom.end(), [&](std::string_view w) {
    return i >= w.size() && s.compare(i - w.size(), w.size(), w) == 0 &&
           (i == w.size() || !isAlnum(s[i - w.size() - 1]));
  });
  char kind = 0;
  std::size_t j = 0;
  const auto a = vertebraAt(s, i, &kind, &j);
  if (!after || !a || *a < 0) return std::nullopt;
  const std::size_t k = skipSpaces(s, j, to);
  for (std::string_view word : kRangeWords) {
    if (s.compare(k, word.size(), word) != 0) continue;
    char kind2 = 0;
    std::size_t e = 0;
    const auto b = vertebraAt(s, skipSpaces(s, k + word.size(), to), &kind2, &e);
    if (!b || *b <= *a || e > to || (e < s.size() && isAlnum(s[e]))) return std::nullopt;
    LevelMention m;
    m.at = i;
    m.end = e;
    addLevels(&m, *a, *b);
    return m;
  }
  return std::nullopt;
}

}  // namespace

std::vector<LevelMention> findLevels(const std::string& s, std::size_t from, std::size_t to) {
  std::vector<LevelMention> out;
  std::size_t i = from;
  while (i < to) {
    const auto pair = levelPairAt(s, i);
    if (!pair || pair->second > to) {
      if (auto range = std::strchr("lstdc", s[i]) != nullptr && s[i] != '\0'
                           ? vertebraRangeAt(s, i, to)
                           : std::nullopt) {
        i = range->end;
        out.push_back(std::move(*range));
      } else {
        ++i;
      }
      continue;
    }
    LevelMention m;
    m.at = i;
    m.end = pair->second;
    int first = pair->first;
    // A range: "L1-2 through L3-4", "from L2-3 to L4-5", "L2-3 a L4-5".
    const std::size_t k = skipSpaces(s, m.end, to);
    for (std::string_view word : kRangeWords) {
      if (s.compare(k, word.size(), word) != 0) continue;
      const std::size_t q = skipSpaces(s, k + word.size(), to);
      if (const auto last = levelPairAt(s, q); last && last->second <= to && last->first > first) {
        addLevels(&m, first, last->first);
        first = last->first;
        m.end = last->second;
      }
      break;
    }
    addLevels(&m, first, first + 1);
    out.push_back(m);
    i = m.end;
  }
  return out;
}

std::string levelName(int upper) {
  auto name = [](int v) -> std::string {
    if (v <= -12) return "C" + std::to_string(v + 19);
    if (v <= 0) return "T" + std::to_string(v + 12);
    if (v <= 5) return "L" + std::to_string(v);
    return "S" + std::to_string(v - 5);
  };
  return name(upper) + "-" + name(upper + 1);
}

// ---------------------------------------------------------------------------------------------
// Statements and sections
// ---------------------------------------------------------------------------------------------
namespace {

bool isBullet(const std::string& s, std::size_t i) {
  return i < s.size() && (s[i] == '-' || s[i] == '*' || s[i] == '#');
}

// A section name at a line start, followed by ':' or alone on its line: 1 is read (findings,
// impression), 2 is not (history, indication, technique, comparison).
int sectionAt(const std::string& s, std::size_t i, std::size_t lineEnd) {
  static const std::array<std::pair<std::string_view, int>, 31> kSections{{
      {"findings", 1},
      {"impression", 1},
      {"conclusion", 1},
      {"hallazgos", 1},
      {"impresion", 1},
      {"conclusiones", 1},
      {"report", 1},
      {"informe", 1},
      {"opinion", 1},
      {"summary", 1},
      {"diagnostico", 1},
      {"history", 2},
      {"clinical history", 2},
      {"clinical information", 2},
      {"clinical details", 2},
      {"clinical indication", 2},
      {"indication", 2},
      {"indications", 2},
      {"hx", 2},
      {"technique", 2},
      {"comparison", 2},
      {"tecnica", 2},
      {"antecedentes", 2},
      {"motivo", 2},
      {"motivo de consulta", 2},
      {"motivo de estudio", 2},
      {"datos clinicos", 2},
      {"clinica", 2},
      {"indicacion", 2},
      {"indicaciones", 2},
      {"comparacion", 2},
  }};
  for (const auto& [name, kind] : kSections) {
    if (s.compare(i, name.size(), name) != 0) continue;
    std::size_t k = i + name.size();
    if (k < lineEnd && isAlnum(s[k])) continue;
    while (k < lineEnd && (s[k] == ' ' || s[k] == 's')) ++k;
    if (k >= lineEnd || s[k] == ':') return kind;
  }
  return 0;
}

// What a line start means: a blank line, a section, a level heading ("L4-L5:") or a new
// sentence; the previous statement ends at any of them.
struct LineStart {
  bool blank = false;
  int section = 0;
  std::vector<int> headingLevels;
  std::size_t textStart = 0;   // the first character of the line after bullets
  std::size_t headingEnd = 0;  // after the heading's ':'; 0 for none
  bool startsSentence = false;
};

LineStart lineStart(const std::string& s, std::size_t i) {
  LineStart l;
  std::size_t lineEnd = s.find('\n', i);
  if (lineEnd == std::string::npos) lineEnd = s.size();
  std::size_t p = i;
  while (p < lineEnd && (s[p] == ' ' || isBullet(s, p))) ++p;
  l.textStart = p;
  l.blank = p == lineEnd;
  if (l.blank) return l;
  l.section = sectionAt(s, p, lineEnd);
  // A level heading: "L4-L5:" or "L4-5 level:" at the start of the line.
  const auto m = findLevels(s, p, std::min(lineEnd, p + 40));
  if (!m.empty() && m.front().at == p) {
    std::size_t q = skipSpaces(s, m.front().end, lineEnd);
    if (s.compare(q, 5, "level") == 0 || s.compare(q, 5, "nivel") == 0) q += 5;
    if (s.compare(q, 1, "s") == 0) ++q;
    q = skipSpaces(s, q, lineEnd);
    if (q < lineEnd && s[q] == ':') {
      l.headingLevels = m.front().upper;
      for (int o : m.front().outside) l.headingLevels.push_back(-100 + o);
      l.headingEnd = q + 1;
    }
  }
  // A line break ends a sentence when the line before ended one ("." or ":"), or the new line
  // is a list item ("-", "1.", "2)"); otherwise a wrapped sentence goes on, even when the new
  // line starts with a capital ("… spondylolisthesis of\nL5 on S1.").
  std::size_t before = i >= 1 ? i - 1 : 0;
  while (before > 0 && (s[before] == ' ' || s[before] == '\n')) --before;
  const bool endedBefore = i > 0 && std::strchr(".:;!?", s[before]) != nullptr;
  std::size_t digits = p;
  while (digits < lineEnd && isDigit(s[digits])) ++digits;
  const bool numbered = digits > p && digits < lineEnd && (s[digits] == '.' || s[digits] == ')');
  l.startsSentence = i > 0 && (endedBefore || isBullet(s, i) || numbered);
  return l;
}

// A full stop after an abbreviation ("izq.", "dcha.", "bilat.", "approx.") does not end the
// sentence, unless the line ends there.
bool abbreviationStop(const std::string& s, std::size_t dot) {
  static constexpr std::array<std::string_view, 22> kAbbreviations = {
      "izq", "izda", "izdo", "dcha", "dcho", "der", "bilat", "lat", "aprox", "approx", "mod",
      "sev", "lt",   "rt",   "ant",  "post", "vs",  "e.g",   "i.e", "ca",    "sig",    "prox"};
  std::size_t next = dot + 1;
  while (next < s.size() && s[next] == ' ') ++next;
  if (next >= s.size() || s[next] == '\n') return false;
  for (std::string_view a : kAbbreviations) {
    if (dot >= a.size() && s.compare(dot - a.size(), a.size(), a) == 0 &&
        (dot == a.size() || !isAlnum(s[dot - a.size() - 1]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Segment> segments(const Text& t) {
  const std::string& s = t.norm;
  std::vector<Segment> out;
  std::vector<int> heading;
  bool skip = false;
  std::size_t start = 0;
  std::size_t headingStart = std::string::npos;  // the heading just passed
  const auto emit = [&](std::size_t from, std::size_t to) {
    while (from < to && (s[from] == ' ' || s[from] == '\n' || isBullet(s, from))) ++from;
    while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\n')) --to;
    if (to > from)
      out.push_back({from, to, headingStart < from ? headingStart : from, heading, skip});
    headingStart = std::string::npos;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 0 || s[i - 1] == '\n') {
      const LineStart l = lineStart(s, i);
      if (l.blank || l.section != 0 || l.headingEnd != 0 || l.startsSentence) {
        emit(start, i);
        start = i;
        if (l.blank) heading.clear();
        if (l.section != 0) {
          heading.clear();
          skip = l.section == 2;
          // The section name itself is not a statement.
          const std::size_t lineEnd = std::min(s.find('\n', i), s.size());
          const std::size_t colon = s.find(':', l.textStart);
          start = colon < lineEnd ? colon + 1 : lineEnd;
        }
        if (l.headingEnd != 0) {
          // A level heading is a finding: it ends a history or comparison the report did not
          // close with a "Findings:" line.
          skip = false;
          heading = l.headingLevels;
          start = l.headingEnd;
          headingStart = l.textStart;
        }
      }
    }
    const char c = s[i];
    const bool decimal =
        c == '.' && i > 0 && i + 1 < s.size() && isDigit(s[i - 1]) && isDigit(s[i + 1]);
    if ((c == '.' && !decimal && !abbreviationStop(s, i)) || c == ';' || c == '!' || c == '?') {
      emit(start, i + 1);
      start = i + 1;
    }
  }
  emit(start, s.size());
  return out;
}

}  // namespace radicula::core::mri
