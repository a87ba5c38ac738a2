// The *report* is the findings of a scenario written out for other programs and for people:
// the `radicula-report/1` JSON of docs/contracts.md (roots, regions, weakness, reflexes, signs, red
// flags, plus the compressed nerves, the lesions and the patient and student texts), or the
// same as readable text.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/findings.h"

namespace radicula::core {

inline constexpr std::string_view kReportFormat = "radicula-report/1";

nlohmann::ordered_json reportJson(const Findings& findings, const FindingTexts& texts,
                                  const TextCatalog& catalog);
std::string reportText(const Findings& findings, const FindingTexts& texts,
                       const TextCatalog& catalog);

}  // namespace radicula::core
