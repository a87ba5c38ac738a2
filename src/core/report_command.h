// The `radicula --scenario F --report [--format json|text]` command (docs/contracts.md): read a
// scenario, or an MRI report (`--mri R`), analyse it and print the report, with no window and
// no GL. Bad input prints one line naming the file and the problem, and returns 2.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/findings.h"
#include "core/mri_report.h"
#include "core/scenario.h"
#include "core/text_catalog.h"

namespace radicula::core {

inline constexpr int kExitBadInput = 2;

// Where a scenario comes from: a scenario file, or the lesions read from an MRI report.
struct ScenarioInput {
  Scenario scenario;
  std::optional<MriReading> mri;
};
// Throws ContentError naming the file. Exactly one of the two is set.
ScenarioInput loadScenarioInput(const std::optional<std::filesystem::path>& scenarioFile,
                                const std::optional<std::filesystem::path>& mriFile);

// The report's `mri` section: every statement read with its span and the lesion it made, each
// root the report names compared with what the engine finds, and what made nothing and why.
nlohmann::ordered_json mriJson(const MriReading& reading, const Findings& findings,
                               const TextCatalog& catalog);

// Returns 0 after printing the report to `out`, or 2 after printing one line to `err` for bad
// input: an unreadable, empty or oversized file (limit kMaxScenarioBytes), bad JSON (with line
// and column), an unknown type, level, side or zone (with the JSON path and accepted values),
// a severity out of range, an unknown format, or an MRI report that is not text or names no
// lumbar finding. With `saveTo` it also writes the scenario there (atomically). Never throws.
int runReport(const std::optional<std::filesystem::path>& scenarioFile,
              const std::optional<std::filesystem::path>& mriFile,
              const std::optional<std::filesystem::path>& saveTo, std::string_view format,
              std::ostream& out, std::ostream& err);

// The scenario-file form: runReport(scenarioFile, none, none, format, out, err).
int runReport(const std::filesystem::path& scenarioFile, std::string_view format, std::ostream& out,
              std::ostream& err);

}  // namespace radicula::core
