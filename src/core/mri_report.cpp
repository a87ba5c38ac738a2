#include "core/mri_report.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "core/content_error.h"
#include "core/mri_lesion.h"
#include "core/mri_roles.h"
#include "core/mri_terms.h"
#include "core/mri_text.h"

namespace radicula::core {

namespace {

using namespace mri;

// ---------------------------------------------------------------------------------------------
// The levels of a finding: the nearest named before it in the statement, else the first after
// it, else the heading the statement sits under; mentions joined by "and" or "," go together.
// ---------------------------------------------------------------------------------------------
struct Levels {
  std::vector<int> upper, outside;
};

Levels levelsFor(const std::string& s, const std::vector<LevelMention>& levels, const Segment& seg,
                 std::size_t at) {
  Levels out;
  const LevelMention* chosen = nullptr;
  for (const auto& m : levels) {
    if (m.at < at) chosen = &m;
  }
  if (!chosen) {
    for (const auto& m : levels) {
      if (m.at > at) {
        chosen = &m;
        break;
      }
    }
  }
  if (!chosen) {
    for (int v : seg.headingLevels)
      (v > -50 ? out.upper : out.outside).push_back(v > -50 ? v : v + 100);
    return out;
  }
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
    out.upper.insert(out.upper.end(), levels[i].upper.begin(), levels[i].upper.end());
    out.outside.insert(out.outside.end(), levels[i].outside.begin(), levels[i].outside.end());
  }
  return out;
}

std::string levelNames(const std::vector<int>& levels) {
  std::string names;
  for (int v : levels) names += (names.empty() ? "" : ", ") + levelName(v);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Reading a report statement by statement
// ---------------------------------------------------------------------------------------------
std::string originalText(std::string_view text, const Text& t, std::size_t from, std::size_t to) {
  return std::string(text.substr(t.byteOf[from], t.byteOf[to] - t.byteOf[from]));
}

// One lesion at the same place as another (a finding repeated in the impression): the same
// type, level, side and zone; a migration named once counts for both.
bool samePlace(const Pathology& a, const Pathology& b) {
  return a.type == b.type && a.level == b.level && a.side == b.side && a.zone == b.zone &&
         a.slip == b.slip &&
         (a.migration == b.migration || a.migration == Migration::None ||
          b.migration == Migration::None);
}

std::string detectLanguage(const std::string& s) {
  // Spanish if its words outnumber English ones.
  int es = 0, en = 0;
  for (std::string_view w :
       {" de ", " la ", " el ", " con ", " sin ", " y ", " del ", "hernia discal"}) {
    for (std::size_t p = s.find(w); p != std::string::npos; p = s.find(w, p + 1)) ++es;
  }
  for (std::string_view w : {" the ", " of ", " with ", " and ", " is ", " at ", " there "}) {
    for (std::size_t p = s.find(w); p != std::string::npos; p = s.find(w, p + 1)) ++en;
  }
  return es > en ? "es" : "en";
}

class ReportReader {
 public:
  ReportReader(std::string_view text, const MriSeverityTable& table, MriReading* out)
      : text_(text), t_(normalise(text)), s_(t_.norm), table_(table), out_(*out) {}

  void read() {
    out_.language = detectLanguage(s_);
    std::vector<int> carried;  // the levels of a clause that ended with ';'
    for (Segment seg : segments(t_)) {
      if (seg.skipSection) continue;
      const auto levels = findLevels(s_, seg.from, seg.to);
      // "At L4-5 there is no bulge; there is mild facet hypertrophy": the level goes on.
      if (levels.empty() && seg.headingLevels.empty()) seg.headingLevels = carried;
      carried.clear();
      if (s_[seg.to - 1] == ';') {
        carried = seg.headingLevels;
        for (const auto& m : levels) {
          carried.insert(carried.end(), m.upper.begin(), m.upper.end());
          for (int o : m.outside) carried.push_back(-100 + o);
        }
      }
      readSegment(seg, levels);
    }
  }

 private:
  void unused(const Segment& seg, MriUnusedReason reason, std::string detail,
              std::vector<Pathology> lesions = {}) {
    out_.unused.push_back({{seg.shownFrom, seg.to},
                           originalText(text_, t_, seg.shownFrom, seg.to),
                           reason,
                           std::move(detail),
                           std::move(lesions)});
  }

  void readSegment(const Segment& seg, const std::vector<LevelMention>& levels);
  void readStatementWithoutTerms(const Segment& seg, const std::vector<LevelMention>& levels);
  void readFinding(const Segment& seg, const std::vector<TermHit>& terms,
                   const std::vector<LevelMention>& levels, const Roles& r, std::size_t k);
  int place(const Pathology& q, bool anaphora);

  std::string_view text_;
  Text t_;
  const std::string& s_;
  const MriSeverityTable& table_;
  MriReading& out_;
  Modifiers previous_;
  std::vector<int> lastMade_;  // the lesions the statement before made (for "This compresses L5")
};

void ReportReader::readSegment(const Segment& seg, const std::vector<LevelMention>& levels) {
  const auto terms = findTerms(s_, seg.from, seg.to);
  if (terms.empty()) {
    readStatementWithoutTerms(seg, levels);
    return;
  }
  lastMade_.clear();
  const Roles r = classify(s_, seg, terms);
  bool hasSlip = false, hasStenosis = false;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    if (r.negated[k] || r.effect[k] || r.cause[k] || r.hedged[k]) continue;
    hasSlip = hasSlip || terms[k].term == Term::Slip;
    hasStenosis = hasStenosis || terms[k].term == Term::Stenosis;
  }
  previous_ = Modifiers{};
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const TermHit& hit = terms[k];
    if (r.repeat[k] || r.effect[k] || r.cause[k]) continue;
    if (r.negated[k]) {
      unused(seg, MriUnusedReason::Negated, hit.label);
      continue;
    }
    if (hit.term == Term::NotShown || hit.term == Term::Retrolisthesis ||
        (hit.term == Term::ParsDefect && !hasSlip)) {
      unused(seg, MriUnusedReason::NotShown, hit.label);
      continue;
    }
    if (hit.term == Term::ParsDefect) continue;  // the slip it causes carries it
    // Facet hypertrophy beside a stenosis is its cause, not a lesion of its own.
    if (hit.term == Term::FacetHypertrophy && hasStenosis) continue;
    readFinding(seg, terms, levels, r, k);
  }
}

// A statement with a level and no lesion word: normal ("L1-L2: unremarkable"), negative ("No
// significant disc disease"), or the root of the finding just before ("This compresses the
// traversing L5 nerve root.").
void ReportReader::readStatementWithoutTerms(const Segment& seg,
                                             const std::vector<LevelMention>& levels) {
  const auto named = rootsNamed(s_, seg.from, seg.to);
  if (!lastMade_.empty() && levels.empty() &&
      (!named.empty() || hasRootWord(s_, seg.from, seg.to))) {
    const Modifiers m = readModifiers(s_, seg.from, seg.to, table_, seg.from);
    for (int index : lastMade_) {
      Pathology& p = out_.scenario.pathologies[static_cast<std::size_t>(index)];
      p.severity = severityWithRootWords(p, m, table_);
      out_.statements.push_back(
          {{seg.shownFrom, seg.to}, originalText(text_, t_, seg.shownFrom, seg.to), index, named});
    }
    return;
  }
  lastMade_.clear();
  if (levels.empty() && seg.headingLevels.empty()) return;
  if (isNormalStatement(s_, seg.from, seg.to)) {
    unused(seg, MriUnusedReason::Normal, "");
  } else if (hasAny(s_, cueWords().hedge, seg.from, seg.to)) {
    return;  // a hedge about something Radicula does not read ("a small component")
  } else if (hasAny(s_, {"no$", "without", "sin$", "negative"}, seg.from, seg.to)) {
    unused(seg, MriUnusedReason::Negated, "");
  }
}

void ReportReader::readFinding(const Segment& seg, const std::vector<TermHit>& terms,
                               const std::vector<LevelMention>& levels, const Roles& r,
                               std::size_t k) {
  const TermHit& hit = terms[k];
  const Levels lv = levelsFor(s_, levels, seg, hit.at);
  if (lv.upper.empty()) {
    unused(seg, lv.outside.empty() ? MriUnusedReason::NoLevel : MriUnusedReason::LevelNotShown,
           lv.outside.empty() ? hit.label : levelNames(lv.outside));
    return;
  }
  if (!lv.outside.empty()) unused(seg, MriUnusedReason::LevelNotShown, levelNames(lv.outside));
  const Window w = windowOf(s_, seg, terms, r, k);
  Modifiers m = readModifiers(s_, w.from, w.to, table_, hit.at);
  // A grade before the term is its own ("mild bulge without significant stenosis").
  if (const auto before = readGrade(s_, w.from, hit.end, table_, hit.at)) m.grade = before;
  // "Extrusion with a free fragment": the fragment lies where the extrusion is.
  if (k > 0 && !m.left && !m.right && !m.bilateral && !m.zone &&
      hasAny(s_, {"with$", "con$", "and$", "y$"}, terms[k - 1].end, hit.at)) {
    m.left = previous_.left;
    m.right = previous_.right;
    m.bilateral = previous_.bilateral;
    m.zone = previous_.zone;
  }
  previous_ = m;
  const bool narrowed = (w.next > k + 1 && r.effect[k + 1]) || m.narrowingVerb;
  auto made = lesionsOf(hit.term, hit.facet, m, narrowed, s_, w.from, w.to, table_);
  if (made.empty()) return;
  std::vector<Pathology> atLevels;
  for (const Pathology& p : made) {
    for (int v : lv.upper) {
      Pathology q = p;
      q.level = kDiscLevels[static_cast<std::size_t>(v - 1)];
      if (q.type == PathologyType::Spondylolisthesis)
        q.slip = m.slipKind.value_or(v == 5 ? SlipKind::Isthmic : SlipKind::Degenerative);
      atLevels.push_back(q);
    }
  }
  if (r.hedged[k]) {
    unused(seg, MriUnusedReason::Uncertain, hit.label, atLevels);
    return;
  }
  const auto named = rootsNamed(s_, seg.from, seg.to);
  for (const Pathology& q : atLevels) {
    const int index = place(q, r.anaphora[k]);
    if (index < 0) continue;
    lastMade_.push_back(index);
    out_.statements.push_back(
        {{seg.shownFrom, seg.to}, originalText(text_, t_, seg.shownFrom, seg.to), index, named});
  }
}

// Adds a lesion, or finds it already read (the impression repeating the findings, "the
// fragment" naming the herniation again) and keeps the stronger reading. Returns its index.
int ReportReader::place(const Pathology& q, bool anaphora) {
  auto& list = out_.scenario.pathologies;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Pathology& p = list[i];
    const bool same =
        samePlace(p, q) || (anaphora && p.type == PathologyType::Herniation &&
                            q.type == PathologyType::Herniation && p.level == q.level);
    if (!same) continue;
    p.severity = std::max(p.severity, q.severity);
    if (p.migration == Migration::None) p.migration = q.migration;
    return static_cast<int>(i);
  }
  if (list.size() >= kMaxPathologies) return -1;
  list.push_back(q);
  return static_cast<int>(list.size()) - 1;
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
    case MriUnusedReason::Uncertain:
      return "uncertain";
  }
  return "negated";
}

bool isValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decodeUtf8(text, i, &cp);
    if (cp == kInvalidCodePoint) return false;
    i += n;
  }
  return true;
}

MriReading readMriReport(std::string_view text, const MriSeverityTable& table) {
  MriReading out;
  ReportReader reader(text, table, &out);
  reader.read();
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
    const bool hedged = std::any_of(reading.unused.begin(), reading.unused.end(),
                                    [](const MriUnused& u) { return !u.lesions.empty(); });
    if (hedged) {
      throw ContentError(name, "",
                         "names lumbar findings only as possible ('possible', 'cannot exclude'); "
                         "Radicula draws only what a report states");
    }
    throw ContentError(name, "",
                       "has no lumbar finding Radicula can show (a disc bulge, protrusion, "
                       "extrusion, spur, stenosis or slip at L1-L2 to L5-S1)");
  }
  reading.scenario.extra["notes"] = "Read from the MRI report " + file.filename().string();
  return reading;
}

}  // namespace radicula::core
