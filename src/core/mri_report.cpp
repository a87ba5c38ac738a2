#include "core/mri_report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/content_error.h"
#include "core/data_paths.h"

namespace radicula::core {

namespace {

// ---------------------------------------------------------------------------------------------
// Text: one ASCII character per code point, lower case, accents dropped, so a position in the
// normalised text is a position in code points of the original.
// ---------------------------------------------------------------------------------------------
struct Text {
  std::string norm;                   // one char per code point
  std::vector<std::size_t> byteOf;    // byte offset of each code point (+ end)
  std::vector<bool> lineStartsUpper;  // per code point: starts a line with a capital or digit
};

char foldLatin1(std::uint32_t cp) {
  switch (cp) {
    case 0xE1:
    case 0xC1:
    case 0xE0:
    case 0xC0:
    case 0xE4:
    case 0xC4:
    case 0xE2:
      return 'a';
    case 0xE9:
    case 0xC9:
    case 0xE8:
    case 0xC8:
    case 0xEB:
    case 0xEA:
      return 'e';
    case 0xED:
    case 0xCD:
    case 0xEC:
    case 0xEF:
    case 0xEE:
      return 'i';
    case 0xF3:
    case 0xD3:
    case 0xF2:
    case 0xF6:
    case 0xF4:
      return 'o';
    case 0xFA:
    case 0xDA:
    case 0xF9:
    case 0xFC:
    case 0xDC:
    case 0xFB:
      return 'u';
    case 0xF1:
    case 0xD1:
      return 'n';
    case 0x2013:
    case 0x2014:
    case 0x2010:
    case 0x2011:
    case 0x2212:
      return '-';
    case 0x2019:
    case 0x2018:
      return '\'';
    default:
      return ' ';
  }
}

// Decodes one code point at `i`; returns its length (an invalid byte counts as one, cp = -1).
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t* cp) {
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
    *cp = 0xFFFFFFFF;
    return 1;
  }
  if (i + static_cast<std::size_t>(len) > s.size()) {
    *cp = 0xFFFFFFFF;
    return 1;
  }
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((c & 0xC0) != 0x80) {
      *cp = 0xFFFFFFFF;
      return 1;
    }
    v = (v << 6) | (c & 0x3F);
  }
  static constexpr std::uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFFFFFF;
    return 1;
  }
  *cp = v;
  return static_cast<std::size_t>(len);
}

Text normalise(std::string_view s) {
  Text t;
  t.norm.reserve(s.size());
  t.byteOf.reserve(s.size() + 1);
  bool atLineStart = true;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decode(s, i, &cp);
    char c = ' ';
    bool upper = false;
    if (cp < 0x80) {
      c = static_cast<char>(cp);
      upper = std::isupper(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c));
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (c == '\t' || c == '\r' || c == '\f' || c == '\v') c = ' ';
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n') c = ' ';
    } else if (cp != 0xFFFFFFFF) {
      c = foldLatin1(cp);
      upper = (cp >= 0xC0 && cp <= 0xDE);
    }
    t.lineStartsUpper.push_back(atLineStart && upper);
    if (c == '\n') {
      atLineStart = true;
    } else if (c != ' ') {
      atLineStart = false;
    }
    t.norm.push_back(c);
    t.byteOf.push_back(i);
    i += n;
  }
  t.byteOf.push_back(s.size());
  return t;
}

bool isAlnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// `word` (which may hold spaces or hyphens) at a word start in [from, to); with `whole` it must
// also end a word, without it any ending goes ("herniat" finds herniated and herniation).
std::size_t findAt(const std::string& s, std::string_view word, std::size_t from, std::size_t to,
                   bool whole) {
  // Search only up to `to`: a report is read in many small windows.
  const std::string_view bounded = std::string_view(s).substr(0, std::min(to, s.size()));
  while (from < to) {
    const std::size_t at = bounded.find(word, from);
    if (at == std::string::npos || at + word.size() > to) return std::string::npos;
    const bool startOk = at == 0 || !isAlnum(s[at - 1]);
    const bool endOk = !whole || at + word.size() >= s.size() || !isAlnum(s[at + word.size()]);
    if (startOk && endOk) return at;
    from = at + 1;
  }
  return std::string::npos;
}

std::size_t findWord(const std::string& s, std::string_view word, std::size_t from,
                     std::size_t to) {
  return findAt(s, word, from, to, true);
}

std::size_t findStem(const std::string& s, std::string_view stem, std::size_t from,
                     std::size_t to) {
  return findAt(s, stem, from, to, false);
}

struct Hit {
  std::size_t at = std::string::npos;
  std::size_t end = 0;
};

// The first of `stems` (prefix matches; a trailing '$' asks for a whole word) in [from, to).
Hit findAny(const std::string& s, std::initializer_list<std::string_view> stems, std::size_t from,
            std::size_t to) {
  Hit best;
  for (std::string_view stem : stems) {
    const bool whole = !stem.empty() && stem.back() == '$';
    if (whole) stem.remove_suffix(1);
    const std::size_t at = whole ? findWord(s, stem, from, to) : findStem(s, stem, from, to);
    if (at != std::string::npos && at < best.at) best = {at, at + stem.size()};
  }
  return best;
}

bool hasAny(const std::string& s, std::initializer_list<std::string_view> stems, std::size_t from,
            std::size_t to) {
  return findAny(s, stems, from, to).at != std::string::npos;
}

// ---------------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------------
// A spinal segment as a number: T11 = -1, T12 = 0, L1 = 1 … L5 = 5, S1 = 6, S2 = 7.
struct LevelMention {
  std::size_t at = 0, end = 0;
  std::vector<int> upper;  // upper vertebra of each disc level named (L4 for L4-5)
  std::vector<int> outside;
};

std::optional<int> vertebraAt(const std::string& s, std::size_t i, char* kind, std::size_t* end) {
  if (i >= s.size()) return std::nullopt;
  const char k = s[i];
  // T or D (dorsal, as Spanish reports write it) for thoracic.
  if (k != 't' && k != 'd' && k != 'l' && k != 's') return std::nullopt;
  if (i > 0 && isAlnum(s[i - 1])) return std::nullopt;
  std::size_t j = i + 1;
  int n = 0, digits = 0;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && digits < 2) {
    n = n * 10 + (s[j] - '0');
    ++j;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  *kind = k;
  *end = j;
  if ((k == 't' || k == 'd') && n >= 1 && n <= 12) return n - 12;
  if (k == 'l' && n >= 1 && n <= 5) return n;
  if (k == 's' && n >= 1 && n <= 5) return 5 + n;
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
  int b = 0;
  std::size_t end = 0;
  char kind2 = 0;
  if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
    std::size_t e = k;
    int n = 0;
    while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e])) && e - k < 2) {
      n = n * 10 + (s[e] - '0');
      ++e;
    }
    if (e < s.size() && isAlnum(s[e])) return std::nullopt;
    // "L4-5": same letter; "L5-1" means S1; "T12-1" means L1.
    b = kind == 't' || kind == 'd' ? (n == 1 ? 1 : n - 12)
                                   : (kind == 'l' && n == 1 && *a == 5 ? 6 : n);
    if (kind == 's') b = 5 + n;
    end = e;
  } else {
    std::size_t e = 0;
    const auto second = vertebraAt(s, k, &kind2, &e);
    if (!second) {
      // "L5S1" has no separator: vertebraAt refuses it (a letter before), try directly.
      if (!sep && k == j && k < s.size() && s[k] == 's') {
        std::size_t e2 = k + 1;
        if (e2 < s.size() && s[e2] == '1') {
          b = 6;
          end = e2 + 1;
        }
      }
      if (b == 0) return std::nullopt;
    } else {
      if (!sep && k == j) return std::nullopt;
      b = *second;
      end = e;
    }
    if (end < s.size() && isAlnum(s[end])) return std::nullopt;
  }
  if (b != *a + 1) return std::nullopt;
  return std::pair{*a, end};
}

// Every level named in [from, to), ranges ("L1-2 through L3-4") expanded.
std::vector<LevelMention> findLevels(const std::string& s, std::size_t from, std::size_t to) {
  std::vector<LevelMention> out;
  std::size_t i = from;
  while (i < to) {
    const auto pair = levelPairAt(s, i);
    if (!pair || pair->second > to) {
      ++i;
      continue;
    }
    LevelMention m;
    m.at = i;
    m.end = pair->second;
    int first = pair->first;
    // A range: "L1-2 through L3-4", "from L2-3 to L4-5", "L2-3 a L4-5".
    std::size_t k = m.end;
    while (k < to && s[k] == ' ') ++k;
    for (std::string_view word : {"through ", "thru ", "to ", "hasta ", "a "}) {
      if (s.compare(k, word.size(), word) != 0) continue;
      std::size_t q = k + word.size();
      while (q < to && s[q] == ' ') ++q;
      if (const auto last = levelPairAt(s, q); last && last->second <= to && last->first > first) {
        for (int v = first; v < last->first; ++v)
          (v >= 1 && v <= 5 ? m.upper : m.outside).push_back(v);
        first = last->first;
        m.end = last->second;
      }
      break;
    }
    (first >= 1 && first <= 5 ? m.upper : m.outside).push_back(first);
    out.push_back(m);
    i = m.end;
  }
  return out;
}

std::string levelName(int upper) {
  auto name = [](int v) -> std::string {
    if (v <= 0) return "T" + std::to_string(v + 12);
    if (v <= 5) return "L" + std::to_string(v);
    return "S" + std::to_string(v - 5);
  };
  return name(upper) + "-" + name(upper + 1);
}

DiscLevel discLevelOf(int upper) {
  return kDiscLevels[static_cast<std::size_t>(upper - 1)];
}

// ---------------------------------------------------------------------------------------------
// Sentences and sections
// ---------------------------------------------------------------------------------------------
struct Segment {
  std::size_t from = 0, to = 0;
  std::size_t shownFrom = 0;       // where the statement starts for people: its "L4-L5:" heading
  std::vector<int> headingLevels;  // from an "L4-L5:" heading that the segment falls under
  bool skipSection = false;        // history, indication, technique, comparison
};

bool isBullet(const std::string& s, std::size_t i) {
  return i < s.size() && (s[i] == '-' || s[i] == '*' || s[i] == '#');
}

// Section names, each followed by ':' or alone on a line.
int sectionAt(const std::string& s, std::size_t i, std::size_t lineEnd) {
  // 1: findings/impression (read), 2: history/technique (skip)
  static const std::array<std::pair<std::string_view, int>, 22> kSections{{
      {"findings", 1},         {"impression", 1},
      {"conclusion", 1},       {"hallazgos", 1},
      {"impresion", 1},        {"conclusiones", 1},
      {"report", 1},           {"informe", 1},
      {"opinion", 1},          {"summary", 1},
      {"diagnostico", 1},      {"history", 2},
      {"clinical history", 2}, {"clinical information", 2},
      {"indication", 2},       {"indications", 2},
      {"technique", 2},        {"comparison", 2},
      {"tecnica", 2},          {"antecedentes", 2},
      {"motivo", 2},           {"datos clinicos", 2},
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

std::vector<Segment> segments(const Text& t) {
  const std::string& s = t.norm;
  std::vector<Segment> out;
  std::vector<int> heading;
  bool skip = false;
  std::size_t start = 0;
  std::size_t headingStart = static_cast<std::size_t>(-1);  // the heading just passed
  const auto emit = [&](std::size_t from, std::size_t to) {
    while (from < to && (s[from] == ' ' || s[from] == '\n' || isBullet(s, from))) ++from;
    while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\n')) --to;
    if (to > from)
      out.push_back({from, to, headingStart < from ? headingStart : from, heading, skip});
    headingStart = static_cast<std::size_t>(-1);
  };
  std::size_t i = 0;
  while (i < s.size()) {
    // At a line start: a blank line or a new heading ends the previous sentence.
    if (i == 0 || s[i - 1] == '\n') {
      std::size_t lineEnd = s.find('\n', i);
      if (lineEnd == std::string::npos) lineEnd = s.size();
      std::size_t p = i;
      while (p < lineEnd && (s[p] == ' ' || isBullet(s, p))) ++p;
      const bool blank = p == lineEnd;
      const int section = blank ? 0 : sectionAt(s, p, lineEnd);
      // A level heading: "L4-L5:" or "L4-5 level:" at the start of the line.
      std::vector<int> levels;
      std::size_t headingEnd = 0;
      if (!blank) {
        const auto m = findLevels(s, p, std::min(lineEnd, p + 40));
        if (!m.empty() && m.front().at == p) {
          std::size_t q = m.front().end;
          while (q < lineEnd && s[q] == ' ') ++q;
          if (s.compare(q, 5, "level") == 0 || s.compare(q, 5, "nivel") == 0) q += 5;
          if (s.compare(q, 1, "s") == 0) ++q;
          while (q < lineEnd && s[q] == ' ') ++q;
          if (q < lineEnd && s[q] == ':') {
            levels = m.front().upper;
            for (int o : m.front().outside) levels.push_back(-100 + o);
            headingEnd = q + 1;
          }
        }
      }
      // A line break ends a sentence when the line before ended one ("." or ":"), or the new
      // line is a list item ("-", "1.", "2)"); otherwise a wrapped sentence goes on, even
      // when the new line starts with a capital ("… spondylolisthesis of\nL5 on S1.").
      std::size_t before = i >= 1 ? i - 1 : 0;
      while (before > 0 && (s[before] == ' ' || s[before] == '\n')) --before;
      const bool endedBefore = i > 0 && std::strchr(".:;!?", s[before]) != nullptr;
      std::size_t digits = p;
      while (digits < lineEnd && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
      const bool numbered =
          digits > p && digits < lineEnd && (s[digits] == '.' || s[digits] == ')');
      const bool listItem = isBullet(s, i) || numbered;
      const bool startsSentence = i > 0 && (endedBefore || listItem);
      if (blank || section != 0 || headingEnd != 0 || startsSentence) {
        emit(start, i);
        start = i;
        if (blank) heading.clear();
        if (section != 0) {
          heading.clear();
          skip = section == 2;
          // The section name itself is not a statement.
          const std::size_t colon = s.find(':', p);
          start = colon != std::string::npos && colon < lineEnd ? colon + 1 : lineEnd;
        }
        if (headingEnd != 0) {
          heading = levels;
          start = headingEnd;
          headingStart = p;
        }
      }
    }
    const char c = s[i];
    const bool decimal = c == '.' && i > 0 && i + 1 < s.size() &&
                         std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                         std::isdigit(static_cast<unsigned char>(s[i + 1]));
    if ((c == '.' && !decimal) || c == ';' || c == '!' || c == '?') {
      emit(start, i + 1);
      start = i + 1;
    }
    ++i;
  }
  emit(start, s.size());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lesion terms
// ---------------------------------------------------------------------------------------------
enum class Term {
  Bulge,
  Protrusion,
  Herniation,
  Extrusion,
  Sequestration,
  Osteophyte,
  FacetHypertrophy,
  Stenosis,
  Slip,
  Retrolisthesis,
  ParsDefect,
  NotShown
};

struct TermHit {
  Term term;
  std::size_t at = 0, end = 0;
  std::string label;
};

struct TermWords {
  Term term;
  std::string_view stem;
};

// Prefix stems unless they end in '$'. Longer phrases first where they contain a shorter one.
const std::vector<TermWords>& termWords() {
  static const std::vector<TermWords> kWords = {
      {Term::Osteophyte, "disc-osteophyte"},
      {Term::Osteophyte, "disc osteophyte"},
      {Term::Osteophyte, "disk-osteophyte"},
      {Term::Osteophyte, "disk osteophyte"},
      {Term::Osteophyte, "complejo disco-osteofit"},
      {Term::Osteophyte, "complejo disco osteofit"},
      {Term::Osteophyte, "osteophyt"},
      {Term::Osteophyte, "spur"},
      {Term::Osteophyte, "osteofit"},
      {Term::Osteophyte, "espolon"},
      {Term::FacetHypertrophy, "facet hypertroph"},
      {Term::FacetHypertrophy, "facet joint hypertroph"},
      {Term::FacetHypertrophy, "facet arthropath"},
      {Term::FacetHypertrophy, "facet arthros"},
      {Term::FacetHypertrophy, "facet osteoarthr"},
      {Term::FacetHypertrophy, "hypertrophic facet"},
      {Term::FacetHypertrophy, "hipertrofia facet"},
      {Term::FacetHypertrophy, "hipertrofia de las facet"},
      {Term::FacetHypertrophy, "artrosis facet"},
      {Term::FacetHypertrophy, "artropatia facet"},
      {Term::Sequestration, "sequest"},
      {Term::Sequestration, "free fragment"},
      {Term::Sequestration, "free disc fragment"},
      {Term::Sequestration, "secuestr"},
      {Term::Sequestration, "fragmento libre"},
      {Term::Extrusion, "extru"},
      {Term::Protrusion, "protru"},
      {Term::Bulge, "bulg"},
      {Term::Bulge, "abombamiento"},
      {Term::Bulge, "abombado"},
      {Term::Herniation, "herniat"},
      {Term::Herniation, "hernia"},
      {Term::Herniation, "hnp$"},
      {Term::Herniation, "prolaps"},
      {Term::Stenosis, "stenos"},
      {Term::Stenosis, "stenotic"},
      {Term::Stenosis, "narrow"},
      {Term::Stenosis, "encroach"},
      {Term::Stenosis, "estenosis"},
      {Term::Stenosis, "estrechamiento"},
      {Term::Stenosis, "estrechez"},
      {Term::Stenosis, "estenotic"},
      {Term::Slip, "anterolisthes"},
      {Term::Slip, "spondylolisthes"},
      {Term::Slip, "listhesis"},
      {Term::Slip, "anterolistes"},
      {Term::Slip, "espondilolistes"},
      {Term::Retrolisthesis, "retrolisthes"},
      {Term::Retrolisthesis, "retrolistes"},
      {Term::ParsDefect, "pars defect"},
      {Term::ParsDefect, "pars interarticularis defect"},
      {Term::ParsDefect, "spondylolys"},
      {Term::ParsDefect, "pars fracture"},
      {Term::ParsDefect, "espondilolisis"},
      {Term::ParsDefect, "lisis del istmo"},
      {Term::ParsDefect, "lisis istmica"},
      {Term::NotShown, "annular fissure"},
      {Term::NotShown, "annular tear"},
      {Term::NotShown, "fisura anular"},
      {Term::NotShown, "desgarro anular"},
      {Term::NotShown, "synovial cyst"},
      {Term::NotShown, "quiste sinovial"},
      {Term::NotShown, "schmorl"},
      {Term::NotShown, "modic"},
      {Term::NotShown, "hemangioma"},
      {Term::NotShown, "desiccat"},
      {Term::NotShown, "desecacion"},
      {Term::NotShown, "deshidratacion"},
  };
  return kWords;
}

std::vector<TermHit> findTerms(const std::string& s, std::size_t from, std::size_t to) {
  std::vector<TermHit> hits;
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  for (const TermWords& w : termWords()) {
    std::string_view stem = w.stem;
    const bool whole = stem.back() == '$';
    if (whole) stem.remove_suffix(1);
    std::size_t p = from;
    while (p < to) {
      const std::size_t at = whole ? findWord(s, stem, p, to) : findStem(s, stem, p, to);
      if (at == std::string::npos) break;
      std::size_t end = at + stem.size();
      while (end < to && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
      p = end;
      const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& r) {
        return at < r.second && end > r.first;
      });
      if (overlaps) continue;
      // "narrowing" of a disc space is disc degeneration, not a stenosis.
      if (w.term == Term::Stenosis && hasAny(s,
                                             {"disc space", "disk space", "intervertebral space",
                                              "espacio discal", "espacio intervertebral"},
                                             end, std::min(to, end + 30))) {
        continue;
      }
      if (w.term == Term::Stenosis &&
          hasAny(s, {"disc space", "disk space", "disc height", "espacio discal"},
                 at > 22 ? std::max(at - 22, from) : from, at)) {
        continue;
      }
      taken.emplace_back(at, end);
      hits.push_back({w.term, at, end, s.substr(at, end - at)});
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const TermHit& a, const TermHit& b) { return a.at < b.at; });
  return hits;
}

// Negation cues that reach forward over a few words to a lesion term.
bool negatedBefore(const std::string& s, std::size_t from, std::size_t at) {
  // A contrast word ends the scope of a negation before it.
  std::size_t scope = from;
  const std::string_view clause = std::string_view(s).substr(from, at - from);
  for (std::string_view but : {" but ", " however", " although", " pero ", " sin embargo",
                               " aunque ", " with ", " con "}) {
    const std::size_t p = clause.rfind(but);
    if (p != std::string_view::npos) scope = std::max(scope, from + p + but.size());
  }
  const std::size_t window = at > 60 ? at - 60 : 0;
  scope = std::max(scope, window);
  return hasAny(s, {"no$",           "not$",
                    "without$",      "negative for",
                    "free of",       "absence of",
                    "no evidence",   "rule out",
                    "ruled out",     "sin$",
                    "ausencia de",   "no se observa",
                    "no se aprecia", "no se identifica",
                    "no hay",        "no existe",
                    "descart",       "nor$",
                    "ni$",           "neither$"},
                scope, at);
}

// ---------------------------------------------------------------------------------------------
// Modifiers of one finding, read in its window of the sentence
// ---------------------------------------------------------------------------------------------
struct Modifiers {
  bool left = false, right = false, bilateral = false;
  std::optional<Zone> zone;
  bool centralToo = false;
  std::optional<float> grade;
  std::optional<float> sizeMm;
  std::optional<float> rootFloor;
  bool noContact = false;
  Migration migration = Migration::None;
  std::optional<int> slipGrade;
  std::optional<float> slipMm, slipPercent;
  std::optional<SlipKind> slipKind;
};

Modifiers readModifiers(const std::string& s, std::size_t from, std::size_t to,
                        const MriSeverityTable& t) {
  Modifiers m;
  m.left = hasAny(s, {"left", "lt$", "izquierd", "izq$"}, from, to);
  m.right = hasAny(s, {"right", "rt$", "derech", "dcha$", "der$"}, from, to);
  m.bilateral = hasAny(s, {"bilateral", "both", "ambos", "ambas", "bilat$"}, from, to);
  const bool foraminal =
      hasAny(s,
             {"foramin", "neuroforamin", "neural foramen", "foramen", "agujero de conjuncion",
              "agujeros de conjuncion", "agujero intervertebral", "agujeros intervertebrales",
              "agujero neural", "agujeros neurales"},
             from, to);
  const bool extra = hasAny(s,
                            {"extraforamin", "far lateral", "far-lateral", "extreme lateral",
                             "lateral extremo", "foraminal lateral"},
                            from, to);
  const bool recess =
      hasAny(s,
             {"paracentral", "subarticular", "lateral recess", "posterolateral", "postero-lateral",
              "receso lateral", "recesos laterales", "receso", "posterolateral", "paramedia"},
             from, to);
  const bool central =
      hasAny(s,
             {"central", "centrally", "canal", "thecal sac", "saco dural", "saco tecal",
              "conducto raquideo", "canal raquideo", "canal central", "medial$", "media$"},
             from, to);
  if (extra) {
    m.zone = Zone::Extraforaminal;
  } else if (foraminal) {
    m.zone = Zone::Foraminal;
  } else if (recess) {
    m.zone = Zone::Paracentral;
  } else if (central) {
    m.zone = Zone::Central;
  }
  m.centralToo = central;

  // Grades, longest phrases first.
  const std::array<std::pair<std::vector<std::string_view>, float>, 6> grades{{
      {{"moderate-to-severe", "moderate to severe", "moderately severe", "moderada a severa",
        "moderada a grave", "moderada-severa", "moderado a severo", "moderado-severo"},
       t.moderateToSevere},
      {{"mild-to-moderate", "mild to moderate", "leve a moderad", "leve-moderad",
        "ligera a moderada"},
       t.mildToModerate},
      {{"severe", "marked", "critical", "significant", "large", "severa", "severo", "grave",
        "marcad", "importante", "critica", "significativ", "gran$", "grande", "voluminos"},
       t.severe},
      {{"moderate", "moderad"}, t.moderate},
      {{"mild", "slight", "small", "minor", "leve", "ligera", "ligero", "pequen", "discret"},
       t.mild},
      {{"minimal", "minimo", "minima", "tiny", "trace"}, t.minimal},
  }};
  for (const auto& [words, value] : grades) {
    if (std::any_of(words.begin(), words.end(),
                    [&](std::string_view w) { return hasAny(s, {w}, from, to); })) {
      m.grade = value;
      break;
    }
  }

  // A size in millimetres (or centimetres).
  for (std::size_t i = from; i < to; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > from && isAlnum(s[i - 1])))
      continue;
    std::size_t j = i;
    float v = 0.0f;
    while (j < to && std::isdigit(static_cast<unsigned char>(s[j])))
      v = v * 10.0f + static_cast<float>(s[j++] - '0');
    if (j + 1 < to && (s[j] == '.' || s[j] == ',') &&
        std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
      ++j;
      float scale = 0.1f;
      while (j < to && std::isdigit(static_cast<unsigned char>(s[j]))) {
        v += scale * static_cast<float>(s[j++] - '0');
        scale *= 0.1f;
      }
    }
    std::size_t k = j;
    while (k < to && s[k] == ' ') ++k;
    if (s.compare(k, 2, "mm") == 0 && (k + 2 >= s.size() || !isAlnum(s[k + 2]))) {
      if (!m.sizeMm) m.sizeMm = v;
    } else if (s.compare(k, 2, "cm") == 0 && (k + 2 >= s.size() || !isAlnum(s[k + 2]))) {
      if (!m.sizeMm) m.sizeMm = v * 10.0f;
    } else if (k < to && s[k] == '%') {
      m.slipPercent = v;
    }
    i = j;
  }

  // What the lesion does to a root (Pfirrmann 2004): the strongest wording wins; a negated
  // one ("does not contact", "without compression") keeps the lesion below touching.
  const auto rootWords = [&](std::initializer_list<std::string_view> words, float value) {
    std::size_t p = from;
    while (p < to) {
      const Hit h = findAny(s, words, p, to);
      if (h.at == std::string::npos) return;
      const std::size_t back = h.at > 25 ? h.at - 25 : from;
      const bool neg = hasAny(
          s, {"no$", "not$", "without", "sin$", "nor$", "doesn't", "doesnt", "absence", "ausencia"},
          std::max(back, from), h.at);
      if (neg) {
        m.noContact = true;
      } else if (!m.rootFloor || *m.rootFloor < value) {
        m.rootFloor = value;
      }
      p = h.end;
    }
  };
  rootWords({"contact", "abut", "touch", "in contact", "contacta", "contacto", "roza", "abuts",
             "effac", "indent", "impronta", "impronta"},
            t.contact);
  rootWords({"displac", "deviat", "deflect", "displaces", "desplaz", "desvi", "rechaz",
             "posterior displacement"},
            t.displacement);
  rootWords({"compress", "impinge", "entrap", "trapp", "compromis", "compresion", "comprime",
             "comprimi", "atrap", "pinza", "impingement", "compromiso", "compromete", "impact"},
            t.compression);

  if (hasAny(s, {"caudal", "inferior", "downward", "hacia abajo"}, from, to) &&
      hasAny(s, {"migrat", "migra", "extend", "extiend", "caudally", "inferiorly"}, from, to)) {
    m.migration = Migration::Down;
  } else if (hasAny(s,
                    {"cranial", "craneal", "superior", "upward", "hacia arriba", "rostral",
                     "ascend", "cephalad"},
                    from, to) &&
             hasAny(s,
                    {"migrat", "migra", "extend", "extiend", "cranially", "superiorly", "rostrally",
                     "cephalad"},
                    from, to)) {
    m.migration = Migration::Up;
  }

  // Slip grade: "grade 1", "grado II", "Meyerding grade 2".
  for (std::string_view word : {"grade ", "grado ", "grade-"}) {
    const std::size_t at = findStem(s, word.substr(0, word.size() - 1), from, to);
    if (at == std::string::npos) continue;
    std::size_t k = at + word.size();
    while (k < to && s[k] == ' ') ++k;
    static const std::array<std::pair<std::string_view, int>, 8> kGrades{
        {{"iv", 4}, {"iii", 3}, {"ii", 2}, {"i", 1}, {"4", 4}, {"3", 3}, {"2", 2}, {"1", 1}}};
    for (const auto& [g, n] : kGrades) {
      if (s.compare(k, g.size(), g) == 0 &&
          (k + g.size() >= s.size() || !isAlnum(s[k + g.size()]))) {
        m.slipGrade = n;
        break;
      }
    }
    if (m.slipGrade) break;
  }
  if (hasAny(
          s,
          {"isthmic", "istmic", "lytic", "litic", "pars", "spondylolys", "espondilolisis", "lisis"},
          from, to)) {
    m.slipKind = SlipKind::Isthmic;
  } else if (hasAny(s, {"degenerat"}, from, to)) {
    m.slipKind = SlipKind::Degenerative;
  }
  return m;
}

// Roots a statement names: "L5 nerve root", "traversing left L5", "raiz L5", "S1 root".
std::vector<std::string> rootsNamed(const std::string& s, std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (std::size_t i = from; i + 1 < to; ++i) {
    if ((s[i] != 'l' && s[i] != 's') || (i > 0 && isAlnum(s[i - 1]))) continue;
    if (!std::isdigit(static_cast<unsigned char>(s[i + 1]))) continue;
    if (i + 2 < s.size() && isAlnum(s[i + 2])) continue;
    const int n = s[i + 1] - '0';
    if (n < 1 || n > 5) continue;
    // Not part of a level pair.
    if (levelPairAt(s, i)) continue;
    if (i >= 2 && (s[i - 1] == '-' || s[i - 1] == '/')) continue;
    if (i >= 3 && (s[i - 2] == '-' || s[i - 2] == '/') && s[i - 1] == ' ') continue;
    const std::size_t after = std::min(to, i + 22);
    const std::size_t before = i > 30 ? i - 30 : from;
    const bool root = hasAny(s, {"root", "nerve", "radicul", "radiculopath"}, i + 2, after) ||
                      hasAny(s,
                             {"raiz", "raices", "radicular", "traversing", "exiting", "descending",
                              "emergente", "descendente", "transversa"},
                             std::max(before, from), i);
    if (!root) continue;
    std::string name(1, static_cast<char>(std::toupper(static_cast<unsigned char>(s[i]))));
    name += s[i + 1];
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

bool isNormalStatement(const std::string& s, std::size_t from, std::size_t to) {
  return hasAny(s,
                {"patent", "unremarkable", "normal", "preserved", "maintained", "within normal",
                 "sin alteracion", "sin hallazgos", "permeable", "conservad", "normales",
                 "no significant", "no abnormalit"},
                from, to);
}

float within(float v, float lo, float hi) {
  return std::clamp(v, lo, hi);
}

std::string originalText(std::string_view text, const Text& t, std::size_t from, std::size_t to) {
  return std::string(text.substr(t.byteOf[from], t.byteOf[to] - t.byteOf[from]));
}

bool samePlace(const Pathology& a, const Pathology& b) {
  return a.type == b.type && a.level == b.level && a.side == b.side && a.zone == b.zone &&
         a.migration == b.migration && a.slip == b.slip;
}

float readFloat(const nlohmann::json& j, const char* key, const std::string& file,
                const std::string& path) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) {
    throw ContentError(file, path + "." + key, "expected a number");
  }
  const float v = it->get<float>();
  if (!std::isfinite(v) || v < 0.0f || v > 100.0f) {
    throw ContentError(file, path + "." + key, "out of range");
  }
  return v;
}

}  // namespace

std::string_view toString(MriUnusedReason reason) {
  switch (reason) {
    case MriUnusedReason::Negated:
      return "negated";
    case MriUnusedReason::Normal:
      return "normal";
    case MriUnusedReason::NotShown:
      return "not_shown";
    case MriUnusedReason::LevelNotShown:
      return "level_not_shown";
    case MriUnusedReason::NoLevel:
      return "no_level";
  }
  return "negated";
}

bool isValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decode(text, i, &cp);
    if (cp == 0xFFFFFFFF) return false;
    i += n;
  }
  return true;
}

MriSeverityTable MriSeverityTable::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string name = file.string();
  if (!in) throw ContentError(name, "", "cannot be read");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw ContentError(name, "", std::string("is not valid JSON: ") + e.what());
  }
  if (!j.is_object() || j.value("format", "") != "radicula-mri-reading/1") {
    throw ContentError(name, "format", "expected \"radicula-mri-reading/1\"");
  }
  const auto section = [&](const char* key) -> const nlohmann::json& {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_object()) throw ContentError(name, key, "missing section");
    const auto src = it->find("source");
    if (src == it->end() || !src->is_string() || src->get<std::string>().empty()) {
      throw ContentError(name, std::string(key) + ".source", "every table cites its source");
    }
    return *it;
  };
  MriSeverityTable t;
  const auto& h = section("herniation_morphology");
  t.bulge = readFloat(h, "bulge", name, "herniation_morphology");
  t.protrusion = readFloat(h, "protrusion", name, "herniation_morphology");
  t.herniation = readFloat(h, "herniation", name, "herniation_morphology");
  t.extrusion = readFloat(h, "extrusion", name, "herniation_morphology");
  t.sequestration = readFloat(h, "sequestration", name, "herniation_morphology");
  const auto& b = section("herniation_band");
  const char* kBands[5] = {"bulge", "protrusion", "herniation", "extrusion", "sequestration"};
  for (int i = 0; i < 5; ++i) {
    const auto it = b.find(kBands[i]);
    if (it == b.end() || !it->is_array() || it->size() != 2 || !(*it)[0].is_number() ||
        !(*it)[1].is_number()) {
      throw ContentError(name, std::string("herniation_band.") + kBands[i], "expected [low, high]");
    }
    t.bandLow[i] = (*it)[0].get<float>();
    t.bandHigh[i] = (*it)[1].get<float>();
  }
  const auto& g = section("grade");
  t.minimal = readFloat(g, "minimal", name, "grade");
  t.mild = readFloat(g, "mild", name, "grade");
  t.mildToModerate = readFloat(g, "mild_to_moderate", name, "grade");
  t.moderate = readFloat(g, "moderate", name, "grade");
  t.moderateToSevere = readFloat(g, "moderate_to_severe", name, "grade");
  t.severe = readFloat(g, "severe", name, "grade");
  const auto& r = section("root_contact");
  t.noContact = readFloat(r, "no_contact", name, "root_contact");
  t.contact = readFloat(r, "contact", name, "root_contact");
  t.displacement = readFloat(r, "displacement", name, "root_contact");
  t.compression = readFloat(r, "compression", name, "root_contact");
  const auto& z = section("herniation_size_mm");
  t.sizeSmallestMm = readFloat(z, "smallest", name, "herniation_size_mm");
  t.sizeLargestMm = readFloat(z, "largest", name, "herniation_size_mm");
  const auto& sl = section("slip_grade");
  t.endplateMm = readFloat(sl, "endplate_mm", name, "slip_grade");
  for (int i = 0; i < 4; ++i) {
    t.slipGrade[i] = readFloat(sl, ("grade_" + std::to_string(i + 1)).c_str(), name, "slip_grade");
  }
  t.slipUngraded = readFloat(sl, "ungraded", name, "slip_grade");
  const auto& o = section("other");
  t.stenosisUngraded = readFloat(o, "stenosis_ungraded", name, "other");
  t.osteophyteUngraded = readFloat(o, "osteophyte_ungraded", name, "other");
  t.facetUngraded = readFloat(o, "facet_ungraded", name, "other");
  t.narrowingNamed = readFloat(o, "narrowing_named", name, "other");
  return t;
}

MriSeverityTable MriSeverityTable::loadDefault() {
  return load(contentDir() / "mri_reading.json");
}

MriReading readMriReport(std::string_view text, const MriSeverityTable& table) {
  MriReading out;
  const Text t = normalise(text);
  const std::string& s = t.norm;
  // Spanish if its words outnumber English ones.
  {
    int es = 0, en = 0;
    for (std::string_view w :
         {" de ", " la ", " el ", " con ", " sin ", " y ", " del ", "hernia discal"}) {
      for (std::size_t p = s.find(w); p != std::string::npos; p = s.find(w, p + 1)) ++es;
    }
    for (std::string_view w : {" the ", " of ", " with ", " and ", " is ", " at ", " there "}) {
      for (std::size_t p = s.find(w); p != std::string::npos; p = s.find(w, p + 1)) ++en;
    }
    out.language = es > en ? "es" : "en";
  }

  for (const Segment& seg : segments(t)) {
    if (seg.skipSection) continue;
    const auto levels = findLevels(s, seg.from, seg.to);
    const auto terms = findTerms(s, seg.from, seg.to);
    const auto unused = [&](MriUnusedReason reason, std::string detail) {
      out.unused.push_back({{seg.shownFrom, seg.to},
                            originalText(text, t, seg.shownFrom, seg.to),
                            reason,
                            std::move(detail)});
    };
    if (terms.empty()) {
      if (!levels.empty() || !seg.headingLevels.empty()) {
        const bool negation = hasAny(s, {"no$", "without", "sin$", "negative"}, seg.from, seg.to);
        if (isNormalStatement(s, seg.from, seg.to)) {
          unused(MriUnusedReason::Normal, "");
        } else if (negation) {
          unused(MriUnusedReason::Negated, "");
        }
      }
      continue;
    }
    // Per term: negated ("no A or B" negates both), an effect ("osteophyte narrowing the
    // foramen": the narrowing is what the spur does, not a second lesion), or a repeat of the
    // term just before it ("osteophyte spur", "fragmento libre secuestrado").
    std::vector<bool> negated(terms.size()), effect(terms.size()), repeat(terms.size());
    for (std::size_t k = 0; k < terms.size(); ++k) {
      const std::size_t windowFrom = k == 0 ? seg.from : terms[k - 1].end;
      negated[k] = negatedBefore(s, windowFrom, terms[k].at);
      if (k > 0 && !negated[k]) {
        const std::string between = s.substr(terms[k - 1].end, terms[k].at - terms[k - 1].end);
        // "No disc herniation, canal or foraminal stenosis": a list after a negation.
        if (negated[k - 1] && between.size() < 40 &&
            hasAny(between, {"or$", "nor$", "ni$", "o$", "and/or", "y/o"}, 0, between.size()) &&
            !hasAny(between, {"but$", "with$", "pero$", "con$", "and$", "y$"}, 0, between.size())) {
          negated[k] = true;
        }
        if (negated[k - 1] && (between == ", " || between == ",")) negated[k] = true;
        std::string rest = between;
        for (std::string_view filler : {"discal", "disco", "disc", "disk", "de", "del"}) {
          for (std::size_t q = findWord(rest, filler, 0, rest.size()); q != std::string::npos;
               q = findWord(rest, filler, 0, rest.size())) {
            rest.replace(q, filler.size(), std::string(filler.size(), ' '));
          }
        }
        bool blank = true;
        for (char c : rest) {
          if (c != ' ' && c != '-' && c != '/' && c != '\n') blank = false;
        }
        const auto kind = [](Term term) {
          return term <= Term::Sequestration      ? 0
                 : term <= Term::FacetHypertrophy ? 1
                                                  : static_cast<int>(term);
        };
        repeat[k] = blank && kind(terms[k].term) == kind(terms[k - 1].term);
        // "hernia discal extruida": the specific word names the lesion.
        if (repeat[k] && terms[k - 1].term == Term::Herniation &&
            terms[k].term != Term::Herniation) {
          repeat[k] = false;
          repeat[k - 1] = true;
        }
      }
      if (terms[k].term == Term::Stenosis && k > 0) {
        std::size_t q = terms[k].end;
        while (q < seg.to && s[q] == ' ') ++q;
        for (std::string_view object :
             {"the ", "into ", "upon ", "on the ", "el ", "la ", "los ", "las "}) {
          if (s.compare(q, object.size(), object) == 0) effect[k] = true;
        }
        if (s.compare(terms[k].at, 6, "encroa") == 0) effect[k] = true;
      }
    }
    bool hasSlip = false, hasStenosis = false;
    for (std::size_t k = 0; k < terms.size(); ++k) {
      if (negated[k] || effect[k]) continue;
      hasSlip = hasSlip || terms[k].term == Term::Slip;
      hasStenosis = hasStenosis || terms[k].term == Term::Stenosis;
    }
    Modifiers previous;
    for (std::size_t k = 0; k < terms.size(); ++k) {
      const TermHit& hit = terms[k];
      if (repeat[k] || effect[k]) continue;
      // The window of a term reaches back to the last term that is not a repeat of it, and
      // forward to the next one.
      std::size_t back = k;
      while (back > 0 && repeat[back - 1]) --back;
      std::size_t next = k + 1;
      while (next < terms.size() && repeat[next]) ++next;
      const std::size_t windowFrom = back == 0 ? seg.from : terms[back - 1].end;
      std::size_t windowTo = next < terms.size() ? terms[next].at : seg.to;
      // With another finding after it, what follows "and" belongs to that one.
      if (next < terms.size()) {
        const Hit cut =
            findAny(s, {"and$", "y$", "as well as", "plus$", "with$", "con$"}, hit.end, windowTo);
        if (cut.at != std::string::npos) windowTo = cut.at;
      }
      if (negated[k]) {
        unused(MriUnusedReason::Negated, hit.label);
        continue;
      }
      if (hit.term == Term::NotShown || hit.term == Term::Retrolisthesis ||
          (hit.term == Term::ParsDefect && !hasSlip)) {
        unused(MriUnusedReason::NotShown, hit.label);
        continue;
      }
      if (hit.term == Term::ParsDefect) continue;  // the slip it causes carries it
      // Facet hypertrophy beside a stenosis is its cause, not a lesion of its own.
      if (hit.term == Term::FacetHypertrophy && hasStenosis) continue;

      // The level: the nearest named before the term in the sentence, else the first after it,
      // else the heading the sentence sits under.
      std::vector<int> upper, outside;
      const LevelMention* chosen = nullptr;
      for (const auto& m : levels) {
        if (m.at < hit.at) chosen = &m;
      }
      if (!chosen) {
        for (const auto& m : levels) {
          if (m.at > hit.at) {
            chosen = &m;
            break;
          }
        }
      }
      if (chosen) {
        // "L3-4 and L4-5", "T12-L1 and L1-2": mentions joined by "and", "," or "y" go together.
        const auto joined = [&](const LevelMention& a, const LevelMention& b) {
          const std::string between = s.substr(a.end, b.at - a.end);
          for (std::string_view j :
               {" and ", ", ", ",", " y ", " e ", " & ", ", and ", " and at ", ", y "}) {
            if (between == j) return true;
          }
          return false;
        };
        std::size_t first = static_cast<std::size_t>(chosen - levels.data());
        std::size_t last = first;
        while (first > 0 && joined(levels[first - 1], levels[first])) --first;
        while (last + 1 < levels.size() && joined(levels[last], levels[last + 1])) ++last;
        for (std::size_t i = first; i <= last; ++i) {
          upper.insert(upper.end(), levels[i].upper.begin(), levels[i].upper.end());
          outside.insert(outside.end(), levels[i].outside.begin(), levels[i].outside.end());
        }
      } else {
        for (int v : seg.headingLevels)
          (v > -50 ? upper : outside).push_back(v > -50 ? v : v + 100);
      }
      if (upper.empty()) {
        if (!outside.empty()) {
          std::string names;
          for (int v : outside) names += (names.empty() ? "" : ", ") + levelName(v);
          unused(MriUnusedReason::LevelNotShown, names);
        } else {
          unused(MriUnusedReason::NoLevel, hit.label);
        }
        continue;
      }
      if (!outside.empty()) {
        std::string names;
        for (int v : outside) names += (names.empty() ? "" : ", ") + levelName(v);
        unused(MriUnusedReason::LevelNotShown, names);
      }

      Modifiers m = readModifiers(s, windowFrom, windowTo, table);
      // A grade before the term is its own ("mild bulge without significant stenosis").
      if (const Modifiers before = readModifiers(s, windowFrom, hit.end, table); before.grade) {
        m.grade = before.grade;
      }
      // "extrusion with a free fragment": the fragment lies where the extrusion is.
      if (k > 0 && !m.left && !m.right && !m.bilateral && !m.zone &&
          hasAny(s, {"with$", "con$", "and$", "y$"}, terms[k - 1].end, hit.at)) {
        m.left = previous.left;
        m.right = previous.right;
        m.bilateral = previous.bilateral;
        m.zone = previous.zone;
      }
      previous = m;
      Pathology p;
      float severity = 0.5f;
      switch (hit.term) {
        case Term::Bulge:
        case Term::Protrusion:
        case Term::Herniation:
        case Term::Extrusion:
        case Term::Sequestration: {
          const int band = static_cast<int>(hit.term) - static_cast<int>(Term::Bulge);
          const float base[5] = {table.bulge, table.protrusion, table.herniation, table.extrusion,
                                 table.sequestration};
          const float lo = table.bandLow[band], hi = table.bandHigh[band];
          severity = base[band];
          if (m.grade) {
            // Mild to the bottom of the band, severe to the top.
            const float f =
                std::clamp((*m.grade - table.minimal) / (table.severe - table.minimal), 0.0f, 1.0f);
            severity = lo + f * (hi - lo);
          }
          if (m.sizeMm) {
            const float f = std::clamp(
                (*m.sizeMm - table.sizeSmallestMm) / (table.sizeLargestMm - table.sizeSmallestMm),
                0.0f, 1.0f);
            severity = std::max(severity, lo + f * (hi - lo));
          }
          if (m.rootFloor) severity = std::max(severity, *m.rootFloor);
          if (m.noContact) severity = std::min(severity, table.noContact);
          // A bulge that compresses is still a bulge by shape; keep it in reach of the root.
          // An explicit morphology keeps its band: a protrusion that compresses the root stays a
          // protrusion at the top of its band; "does not contact" may take it below.
          if (hit.term != Term::Herniation)
            severity = within(severity, m.noContact ? 0.0f : lo, hi);
          p.type = PathologyType::Herniation;
          const bool sided = m.left || m.right;
          p.zone = m.zone.value_or(sided ? Zone::Paracentral : Zone::Central);
          if (hit.term == Term::Bulge && !sided && !m.zone) p.zone = Zone::Central;
          p.migration = m.migration;
          break;
        }
        case Term::Osteophyte:
        case Term::FacetHypertrophy:
          p.type = PathologyType::Osteophyte;
          // The grade of a facet arthropathy ("mild facet arthropathy") grades the joint, not
          // what it presses on: only a narrowing or a root it is said to reach raises it.
          severity = hit.term == Term::FacetHypertrophy
                         ? table.facetUngraded
                         : m.grade.value_or(table.osteophyteUngraded);
          // "… narrowing the foramen": the narrowing the report names is this spur's doing.
          if (next < terms.size() && effect[next])
            severity = std::max(severity, table.narrowingNamed);
          if (m.rootFloor) severity = std::max(severity, *m.rootFloor);
          if (m.noContact) severity = std::min(severity, table.noContact);
          p.zone = hit.term == Term::FacetHypertrophy
                       ? (m.zone == Zone::Foraminal ? Zone::Foraminal : Zone::Paracentral)
                       : m.zone.value_or(m.left || m.right ? Zone::Foraminal : Zone::Central);
          break;
        case Term::Stenosis:
          p.type = PathologyType::Stenosis;
          severity = m.grade.value_or(table.stenosisUngraded);
          if (m.rootFloor) severity = std::max(severity, *m.rootFloor);
          p.zone = m.zone.value_or(Zone::Central);
          if (p.zone == Zone::Extraforaminal) p.zone = Zone::Foraminal;
          break;
        case Term::Slip: {
          p.type = PathologyType::Spondylolisthesis;
          p.zone = Zone::Central;
          int grade = m.slipGrade.value_or(0);
          float percent = m.slipPercent.value_or(-1.0f);
          if (percent < 0.0f && m.sizeMm) percent = 100.0f * *m.sizeMm / table.endplateMm;
          if (grade == 0 && percent >= 0.0f)
            grade = std::clamp(static_cast<int>(percent / 25.0f) + 1, 1, 4);
          severity = grade > 0 ? table.slipGrade[grade - 1] : table.slipUngraded;
          break;
        }
        default:
          continue;
      }
      p.severity = std::clamp(std::round(severity * 1000.0f) / 1000.0f, 0.0f, 1.0f);
      if (p.type == PathologyType::Spondylolisthesis || p.zone == Zone::Central) {
        p.side = SideSpec::Both;
      } else if (m.bilateral || (m.left && m.right) || (!m.left && !m.right)) {
        p.side = SideSpec::Both;
      } else {
        p.side = m.left ? SideSpec::Left : SideSpec::Right;
      }
      const auto named = rootsNamed(s, seg.from, seg.to);
      // "stenosis of the canal and both lateral recesses": two places, one statement.
      std::vector<Pathology> made{p};
      if (p.type == PathologyType::Stenosis && p.zone == Zone::Paracentral && m.centralToo &&
          hasAny(s, {"canal", "central", "conducto", "saco"}, windowFrom, windowTo)) {
        Pathology c = p;
        c.zone = Zone::Central;
        c.side = SideSpec::Both;
        made.push_back(c);
      }
      for (std::size_t variant = 0; variant < made.size() * upper.size(); ++variant) {
        const int v = upper[variant % upper.size()];
        Pathology q = made[variant / upper.size()];
        q.level = discLevelOf(v);
        if (q.type == PathologyType::Spondylolisthesis) {
          q.slip = m.slipKind.value_or(v == 5 ? SlipKind::Isthmic : SlipKind::Degenerative);
        }
        int index = -1;
        auto& list = out.scenario.pathologies;
        for (std::size_t i = 0; i < list.size(); ++i) {
          if (samePlace(list[i], q)) index = static_cast<int>(i);
        }
        if (index < 0) {
          if (list.size() >= kMaxPathologies) continue;
          list.push_back(q);
          index = static_cast<int>(list.size()) - 1;
        } else {
          // Repeated (findings, then impression): one lesion, the stronger reading.
          list[static_cast<std::size_t>(index)].severity =
              std::max(list[static_cast<std::size_t>(index)].severity, q.severity);
        }
        out.statements.push_back(
            {{seg.shownFrom, seg.to}, originalText(text, t, seg.shownFrom, seg.to), index, named});
      }
    }
  }
  return out;
}

std::string readMriReportText(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw ContentError(name, "",
                       std::filesystem::exists(file, ec) ? "is not a file" : "does not exist");
  }
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw ContentError(name, "", "cannot be read");
  if (size > kMaxMriReportBytes) {
    throw ContentError(
        name, "",
        "is " + std::to_string(size / 1024) + " kB; an MRI report is text of at most 1 MB");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ContentError(name, "", "cannot be read");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw ContentError(name, "", "is empty; paste the text of the MRI report into it");
  }
  if (text.find('\0') != std::string::npos) {
    throw ContentError(name, "",
                       "is not text (it holds binary data); give the report as a .txt file");
  }
  if (!isValidUtf8(text)) {
    throw ContentError(name, "", "is not UTF-8 text; save the report as UTF-8 and try again");
  }
  return text;
}

MriReading loadMriReport(const std::filesystem::path& file, const MriSeverityTable& table) {
  const std::string name = file.string();
  const std::string text = readMriReportText(file);
  MriReading reading = readMriReport(text, table);
  if (reading.scenario.pathologies.empty()) {
    throw ContentError(name, "",
                       "has no lumbar finding Radicula can show (a disc bulge, protrusion, "
                       "extrusion, spur, stenosis or slip at L1-L2 to L5-S1)");
  }
  reading.scenario.extra["notes"] = "Read from the MRI report " + file.filename().string();
  return reading;
}

}  // namespace radicula::core
