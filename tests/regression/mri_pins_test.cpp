// REGRESSION PINS, NOT EVIDENCE: the exact roots the engine finds affected, and the red flags it
// raises, for the lesions the MRI reader makes from the first corpus (tests/regression/
// mri_pins.json). These values were taken from the program's own output; a failure here says
// behaviour changed, not that it is wrong. What the words of each report say is checked in
// tests/core/mri_corpus_test.cpp.
#include <gtest/gtest.h>

#include <string>

#include "core/report.h"
#include "core/text_catalog.h"
#include "support/mri_corpus.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

using test::mri::affectedRoots;
using test::mri::readJson;
using test::mri::table;

const nlohmann::json& pins() {
  static const nlohmann::json j =
      readJson(test::sourceDir() / "tests" / "regression" / "mri_pins.json");
  return j;
}

std::set<std::string> stringSet(const nlohmann::json& list) {
  std::set<std::string> out;
  for (const auto& v : list) out.insert(v.get<std::string>());
  return out;
}

TEST(RegressionPinMri, SnippetRootsAreUnchanged) {
  for (const auto& pin : pins().at("snippets")) {
    const std::string text = pin.at("text").get<std::string>();
    const auto reading = core::readMriReport(text, table());
    EXPECT_EQ(affectedRoots(reading.scenario.pathologies), stringSet(pin.at("roots"))) << text;
  }
}

TEST(RegressionPinMri, ReportRootsAndRedFlagsAreUnchanged) {
  const auto catalog = core::TextCatalog::loadLanguage("en");
  for (const auto& pin : pins().at("reports")) {
    const auto file = test::dataDir() / "mri" / "reports" / pin.at("report").get<std::string>();
    const auto reading = core::loadMriReport(file, table());
    EXPECT_EQ(affectedRoots(reading.scenario.pathologies), stringSet(pin.at("roots"))) << file;
    // Red flags by id and urgency ("cauda_equina urgent"), through the report contract
    // (radicula-report/1).
    const auto findings = test::mri::engine().analyse(reading.scenario);
    const auto report =
        core::reportJson(findings, test::mri::engine().texts(findings, catalog), catalog);
    std::set<std::string> flags;
    for (const auto& f : report.at("red_flags")) {
      flags.insert(f.at("id").get<std::string>() + " " + f.at("urgency").get<std::string>());
    }
    EXPECT_EQ(flags, stringSet(pin.at("red_flags"))) << file;
  }
}

}  // namespace
}  // namespace radicula
