// The `radicula --scenario F --report [--format json|text]` command (docs/contracts.md): read a
// scenario, analyse it and print the report, with no window and no GL. Bad input prints one
// line naming the file, the JSON path and what was expected, and returns 2.
#pragma once

#include <filesystem>
#include <ostream>
#include <string_view>

namespace radicula::core {

inline constexpr int kExitBadInput = 2;

// Returns 0 after printing the report to `out`, or 2 after printing one line to `err` for bad
// input: an unreadable, empty or oversized file (limit kMaxScenarioBytes), bad JSON (with line
// and column), an unknown type, level, side or zone (with the JSON path and accepted values),
// a severity out of range, or an unknown format. Never throws.
int runReport(const std::filesystem::path& scenarioFile, std::string_view format, std::ostream& out,
              std::ostream& err);

}  // namespace radicula::core
