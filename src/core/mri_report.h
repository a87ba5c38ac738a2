// Reading a free-text lumbar MRI report (English or Spanish) into a scenario: each finding the
// radiologist wrote becomes a lesion with its type, level, side, zone and severity; negated and
// normal statements make nothing; a cause named for a finding ("secondary to facet
// hypertrophy") explains it and is no lesion of its own; hedged findings ("possible", "cannot
// exclude") are listed as uncertain with the lesion they would be, and not drawn; findings
// Radicula does not show, and levels outside L1/L2 to L5/S1, are listed with the reason, never
// moved elsewhere (docs/mri-reports.md). The text side is mri_text.h, the words mri_terms.h.
//
// The reader never throws on any text: malformed UTF-8 is read as spaces. Loading a file checks
// what a person could get wrong (empty, binary, too large, not UTF-8, nothing lumbar in it) and
// throws ContentError naming the file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.h"

namespace radicula::core {

inline constexpr std::size_t kMaxMriReportBytes = 1u << 20;  // 1 MiB

// How the report's words set severity: content/mri_reading.json.
struct MriSeverityTable {
  float bulge = 0.15f, protrusion = 0.35f, herniation = 0.45f, extrusion = 0.65f,
        sequestration = 0.9f;
  // [low, high] of each herniation morphology's band.
  float bandLow[5] = {0.08f, 0.22f, 0.25f, 0.52f, 0.86f};
  float bandHigh[5] = {0.19f, 0.49f, 0.6f, 0.84f, 1.0f};
  float minimal = 0.15f, mild = 0.35f, mildToModerate = 0.48f, moderate = 0.6f,
        moderateToSevere = 0.72f, severe = 0.85f;
  // Below touching when the report says no root is touched: at most noContact, or
  // noContactCentral for a central lesion (which reaches no root below 0.5).
  float noContact = 0.15f, noContactCentral = 0.45f;
  float contact = 0.3f, displacement = 0.5f, compression = 0.68f;
  // A herniation's depth into the canal: a third (moderate) and two thirds (severe; massive
  // when central) of a 15 mm canal.
  float depthModerateMm = 5.0f, depthSevereMm = 10.0f;
  float massive = 0.9f;  // a herniation filling most of the canal
  // The canal measured: AP diameter and dural sac area below which a stenosis is severe or
  // moderate.
  float diameterSevereMm = 10.0f, diameterModerateMm = 13.0f;
  float areaSevereMm2 = 75.0f, areaModerateMm2 = 100.0f;
  float endplateMm = 40.0f;
  float slipGrade[4] = {0.35f, 0.55f, 0.75f, 0.9f};
  float slipUngraded = 0.35f;
  float stenosisUngraded = 0.5f, osteophyteUngraded = 0.4f, facetUngraded = 0.15f;
  float narrowingNamed = 0.5f;  // a spur or facet "narrowing the foramen"

  static MriSeverityTable load(const std::filesystem::path& file);
  static MriSeverityTable loadDefault();  // content/mri_reading.json
};

// Character positions count Unicode code points from the start of the text.
struct MriSpan {
  std::size_t start = 0;
  std::size_t end = 0;
};

// A statement that made a lesion (or repeated one already made).
struct MriStatement {
  MriSpan span;
  std::string text;
  int pathology = -1;                   // index into the scenario's pathologies
  std::vector<std::string> rootsNamed;  // roots the report names for it ("L5")
};

// A statement that names a level or a lesion but made nothing, and why. Uncertain: the report
// hedges it ("possible", "cannot exclude"), so it is listed with the lesions it would make.
enum class MriUnusedReason { Negated, Normal, NotShown, LevelNotShown, NoLevel, Uncertain };
std::string_view toString(MriUnusedReason reason);  // "negated", "normal", "not_shown", …

struct MriUnused {
  MriSpan span;
  std::string text;
  MriUnusedReason reason = MriUnusedReason::Negated;
  std::string detail;  // what was recognised: "disc herniation", "T12-L1", "annular fissure"
  std::vector<Pathology> lesions;  // Uncertain: what the statement would make, not drawn
};

struct MriReading {
  Scenario scenario;
  std::string language = "en";  // the report's language, "en" or "es"
  std::vector<MriStatement> statements;
  std::vector<MriUnused> unused;
};

MriReading readMriReport(std::string_view text, const MriSeverityTable& table);

// The text of a report file. Throws ContentError(file, "", problem) for a missing, empty,
// binary, oversized or non-UTF-8 file.
std::string readMriReportText(const std::filesystem::path& file);

// The same checks, then the reading; also throws when the report has no lumbar finding
// Radicula shows.
MriReading loadMriReport(const std::filesystem::path& file, const MriSeverityTable& table);

// Whether `text` is valid UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(std::string_view text);

}  // namespace radicula::core
