// Checking what the MRI report reader made against expectations written by hand from a report's
// words (tests/data/mri): a lesion as one string, the roots the model finds affected, and one
// check that lists every difference, so a corpus test reports all its failures at once.
//
// A lesion is "type level side zone band [up|down]": band is the severity band of
// docs/contracts.md (morphologyId); a spur adds its grade by the stenosis cut points
// (minimal, mild, moderate, severe) and a slip its Meyerding grade.
#pragma once

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/findings.h"
#include "core/mri_report.h"

namespace radicula::test::mri {

inline const core::MriSeverityTable& table() {
  static const core::MriSeverityTable t = core::MriSeverityTable::loadDefault();
  return t;
}

inline const core::ClinicalEngine& engine() {
  static const auto e = core::ClinicalEngine::loadDefault();
  return *e;
}

// The grade of a spur, by the stenosis cut points of docs/contracts.md (0.25, 0.5, 0.75).
inline std::string spurGrade(float severity) {
  if (severity < 0.25f) return "minimal";
  if (severity < 0.5f) return "mild";
  if (severity < 0.75f) return "moderate";
  return "severe";
}

// The Meyerding grade whose severity in content/mri_reading.json is nearest.
inline int slipGrade(float severity) {
  int best = 1;
  for (int g = 1; g <= 4; ++g) {
    if (std::fabs(table().slipGrade[g - 1] - severity) <
        std::fabs(table().slipGrade[best - 1] - severity)) {
      best = g;
    }
  }
  return best;
}

inline std::string spec(const core::Pathology& p) {
  std::string out = std::string(core::toString(p.type)) + " " +
                    std::string(core::toString(p.level)) + " " +
                    std::string(core::toString(p.side)) + " " +
                    std::string(core::toString(p.zone)) + " " + std::string(core::morphologyId(p));
  if (p.type == core::PathologyType::Osteophyte) out += " " + spurGrade(p.severity);
  if (p.type == core::PathologyType::Spondylolisthesis) {
    out += " grade_" + std::to_string(slipGrade(p.severity));
  }
  if (p.migration != core::Migration::None) out += " " + std::string(core::toString(p.migration));
  return out;
}

inline std::multiset<std::string> specs(const std::vector<core::Pathology>& lesions) {
  std::multiset<std::string> out;
  for (const auto& p : lesions) out.insert(spec(p));
  return out;
}

// The lesions a report names with a hedge ("possible", "cannot exclude"): listed, not drawn.
inline std::multiset<std::string> uncertainSpecs(const core::MriReading& reading) {
  std::multiset<std::string> out;
  for (const auto& u : reading.unused) {
    if (u.reason != core::MriUnusedReason::Uncertain) continue;
    for (const auto& p : u.lesions) out.insert(spec(p));
  }
  return out;
}

// "L5 left" for every root the model finds affected by these lesions.
inline std::set<std::string> affectedRoots(const std::vector<core::Pathology>& lesions) {
  core::Scenario scenario;
  scenario.pathologies = lesions;
  std::set<std::string> out;
  for (const auto& r : engine().analyse(scenario).roots) {
    if (r.affected) {
      out.insert(std::string(core::toString(r.root)) + " " +
                 (r.side == core::Side::Left ? "left" : "right"));
    }
  }
  return out;
}

inline std::string join(const std::multiset<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += "\n      " + s;
  return out.empty() ? " (none)" : out;
}

inline std::multiset<std::string> strings(const nlohmann::json& expect, const char* key) {
  std::multiset<std::string> out;
  if (expect.contains(key)) {
    for (const auto& v : expect.at(key)) out.insert(v.get<std::string>());
  }
  return out;
}

// Every difference between the reading and what the words say, each as one line.
inline std::vector<std::string> check(const core::MriReading& reading,
                                      const nlohmann::json& expect) {
  std::vector<std::string> failures;
  const auto made = specs(reading.scenario.pathologies);
  const auto want = strings(expect, "lesions");
  if (made != want)
    failures.push_back("lesions made:" + join(made) + "\n    expected:" + join(want));
  const auto uncertain = uncertainSpecs(reading);
  const auto wantUncertain = strings(expect, "uncertain");
  if (uncertain != wantUncertain) {
    failures.push_back("uncertain listed:" + join(uncertain) +
                       "\n    expected:" + join(wantUncertain));
  }
  if (expect.contains("roots_named")) {
    std::multiset<std::string> named;
    for (const auto& st : reading.statements) {
      for (const auto& r : st.rootsNamed) {
        if (!named.count(r)) named.insert(r);
      }
    }
    const auto wantNamed = strings(expect, "roots_named");
    if (named != wantNamed) {
      failures.push_back("roots named:" + join(named) + "\n    expected:" + join(wantNamed));
    }
  }
  const auto affected = affectedRoots(reading.scenario.pathologies);
  for (const auto& r : strings(expect, "roots_compressed")) {
    if (!affected.count(r)) failures.push_back("the words compress " + r + "; the model spares it");
  }
  for (const auto& r : strings(expect, "roots_spared")) {
    if (affected.count(r)) failures.push_back("the words spare " + r + "; the model affects it");
  }
  if (expect.value("no_root", false) && !affected.empty()) {
    failures.push_back("the words touch no root; the model affects " + *affected.begin());
  }
  std::multiset<std::string> reasons;
  for (const auto& u : reading.unused) reasons.insert(std::string(core::toString(u.reason)));
  if (expect.contains("unused") && reasons != strings(expect, "unused")) {
    failures.push_back("not made:" + join(reasons) +
                       "\n    expected:" + join(strings(expect, "unused")));
  }
  if (expect.contains("unused_reasons")) {
    const std::set<std::string> got(reasons.begin(), reasons.end());
    const auto wantSet = strings(expect, "unused_reasons");
    if (got != std::set<std::string>(wantSet.begin(), wantSet.end())) {
      failures.push_back("reasons of what is not made:" + join(reasons) +
                         "\n    expected:" + join(wantSet));
    }
  }
  for (const auto& r : strings(expect, "unused_reasons_include")) {
    if (!reasons.count(r)) failures.push_back("nothing listed as " + r);
  }
  return failures;
}

inline nlohmann::json readJson(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

// The code point offset of a byte offset in UTF-8 text.
inline std::size_t codePoints(const std::string& text, std::size_t bytes) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < bytes && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace radicula::test::mri
