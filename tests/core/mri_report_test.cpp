// Reading MRI reports: what one statement or report makes, where its statements lie, what the
// report command prints, and bad input. The corpora are read in mri_corpus_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/content_error.h"
#include "core/findings.h"
#include "core/mri_report.h"
#include "core/report_command.h"
#include "support/mri_corpus.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

const std::filesystem::path kMriData = test::sourceDir() / "tests" / "data" / "mri";

using test::mri::engine;
using test::mri::specs;
using test::mri::table;

TEST(MriReport, AFindingRepeatedInTheImpressionIsOneLesion) {
  const auto reading = core::readMriReport(
      "FINDINGS:\nL4-5: left paracentral disc extrusion compressing the left L5 root.\n\n"
      "IMPRESSION:\nLeft paracentral L4-L5 disc extrusion compressing the left L5 nerve root.",
      table());
  ASSERT_EQ(reading.scenario.pathologies.size(), 1u);
  ASSERT_EQ(reading.statements.size(), 2u);
  EXPECT_EQ(reading.statements[0].pathology, 0);
  EXPECT_EQ(reading.statements[1].pathology, 0);
}

TEST(MriReport, HistoryAndTechniqueMakeNoLesion) {
  const auto reading = core::readMriReport(
      "CLINICAL HISTORY: left sciatica, evaluate for L4-5 disc herniation.\n"
      "TECHNIQUE: axial images from L3-4 to L5-S1.\n\nFINDINGS:\nL5-S1: mild disc bulge.",
      table());
  EXPECT_EQ(specs(reading.scenario.pathologies),
            std::multiset<std::string>{"herniation L5-S1 both central bulge"});
}

TEST(MriReport, SpansPointAtTheStatementInCodePoints) {
  const std::string text = "Comparación: ninguna.\nL4-L5: protrusión discal paracentral izquierda.";
  const auto reading = core::readMriReport(text, table());
  ASSERT_EQ(reading.statements.size(), 1u);
  const auto& s = reading.statements[0];
  // The statement starts at its level heading, so it reads whole where it is shown.
  EXPECT_EQ(s.text, "L4-L5: protrusión discal paracentral izquierda.");
  // "Comparación: ninguna.\n" is 22 code points (23 bytes: one "ó").
  EXPECT_EQ(s.span.start, 22u);
  EXPECT_EQ(s.span.end - s.span.start, 47u);
}

TEST(MriReport, ARootTheReportNamesIsComparedWithTheModel) {
  const auto reading = core::readMriReport(
      "L4-5: left paracentral disc extrusion compressing the left L4 nerve root.", table());
  ASSERT_EQ(reading.statements.size(), 1u);
  EXPECT_EQ(reading.statements[0].rootsNamed, std::vector<std::string>{"L4"});
  const auto findings = engine().analyse(reading.scenario);
  const auto json = core::mriJson(reading, findings, core::TextCatalog::loadLanguage("en"));
  const auto& st = json.at("statements").at(0);
  EXPECT_FALSE(st.at("roots_agree").get<bool>());
  const std::string note = st.at("note").get<std::string>();
  EXPECT_NE(note.find("names L4"), std::string::npos) << note;
  EXPECT_NE(note.find("meets L5"), std::string::npos) << note;
}

TEST(MriReport, AHedgedFindingIsListedWithItsLesionAndNotDrawn) {
  const auto reading =
      core::readMriReport("L5-S1: Possible small left paracentral protrusion.", table());
  EXPECT_TRUE(reading.scenario.pathologies.empty());
  ASSERT_EQ(reading.unused.size(), 1u);
  EXPECT_EQ(reading.unused[0].reason, core::MriUnusedReason::Uncertain);
  ASSERT_EQ(reading.unused[0].lesions.size(), 1u);
  // In the report: reason "uncertain", its words, and the lesion it would be.
  const auto catalog = core::TextCatalog::loadLanguage("en");
  const auto json = core::mriJson(reading, engine().analyse(reading.scenario), catalog);
  const auto& entry = json.at("not_made").at(0);
  EXPECT_EQ(entry.at("reason"), "uncertain");
  EXPECT_EQ(entry.at("why"), catalog.get("mri.reason.uncertain"));
  const auto& lesion = entry.at("lesions").at(0);
  EXPECT_EQ(lesion.at("type"), "herniation");
  EXPECT_EQ(lesion.at("level"), "L5-S1");
  EXPECT_EQ(lesion.at("side"), "left");
  EXPECT_EQ(lesion.at("zone"), "paracentral");
  EXPECT_EQ(lesion.at("morphology"), "protrusion");
  // The same finding stated makes the lesion.
  EXPECT_EQ(specs(core::readMriReport("L5-S1: Small left paracentral protrusion.", table())
                      .scenario.pathologies),
            std::multiset<std::string>{"herniation L5-S1 left paracentral protrusion"});
}

TEST(MriReport, AReportOfOnlyPossibleFindingsIsRefusedWithWhy) {
  const auto dir = test::outputDir() / "mri";
  std::filesystem::create_directories(dir);
  const auto file = dir / "possible.txt";
  std::ofstream(file) << "FINDINGS:\nL4-5: Possible small right foraminal protrusion.\n";
  try {
    core::loadMriReport(file, table());
    ADD_FAILURE() << "a report of possible findings only was drawn";
  } catch (const core::ContentError& e) {
    EXPECT_NE(std::string(e.what()).find("only as possible"), std::string::npos) << e.what();
  }
}

TEST(MriReport, ARootNamedInTheNextSentenceBelongsToTheFindingBefore) {
  const auto reading = core::readMriReport(
      "L4-5: Left paracentral disc extrusion. This compresses the traversing left L5 nerve root.",
      table());
  ASSERT_EQ(reading.scenario.pathologies.size(), 1u);
  ASSERT_EQ(reading.statements.size(), 2u);
  EXPECT_EQ(reading.statements[1].pathology, 0);
  EXPECT_EQ(reading.statements[1].rootsNamed, std::vector<std::string>{"L5"});
  // Said in the next sentence not to touch the root, it stays below touching.
  const auto spared = core::readMriReport(
      "L4-5: Left paracentral disc protrusion. The traversing left L5 root is not compressed.",
      table());
  ASSERT_EQ(spared.scenario.pathologies.size(), 1u);
  EXPECT_TRUE(test::mri::affectedRoots(spared.scenario.pathologies).empty());
}

TEST(MriReport, LevelsAboveTheLumbarSpineAreListedByName) {
  for (const auto& [text, level] : std::vector<std::pair<std::string, std::string>>{
           {"C5-C6: Disc osteophyte complex.", "C5-C6"},
           {"C7-T1: small central protrusion.", "C7-T1"},
           {"T11-T12: Small right paracentral disc protrusion.", "T11-T12"},
           {"D12-L1: pequeña protrusión discal.", "T12-L1"}}) {
    const auto reading = core::readMriReport(text, table());
    EXPECT_TRUE(reading.scenario.pathologies.empty()) << text;
    ASSERT_FALSE(reading.unused.empty()) << text;
    EXPECT_EQ(reading.unused[0].reason, core::MriUnusedReason::LevelNotShown) << text;
    EXPECT_EQ(reading.unused[0].detail, level) << text;
  }
}

TEST(MriReport, EverySectionOfTheSeverityTableCitesItsSource) {
  const auto source = test::sourceDir() / "content" / "mri_reading.json";
  auto j = nlohmann::json::parse(test::readFile(source));
  for (const auto& [key, value] : j.items()) {
    if (!value.is_object()) continue;
    auto broken = j;
    broken[key].erase("source");
    const auto file = test::outputDir() / "mri" / ("no_source_" + key + ".json");
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << broken.dump();
    try {
      core::MriSeverityTable::load(file);
      ADD_FAILURE() << key << " without a source was accepted";
    } catch (const core::ContentError& e) {
      EXPECT_NE(std::string(e.what()).find(key + ".source"), std::string::npos) << e.what();
    }
  }
}

TEST(MriReport, BadFilesGetOneClearMessage) {
  const auto dir = test::outputDir() / "mri";
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
  };
  const std::vector<std::pair<std::filesystem::path, std::string>> cases = {
      {write("empty.txt", "  \n\n"), "is empty"},
      {write("binary.txt", std::string("PK\x03\x04\0\0binary", 12)), "is not text"},
      {write("latin1.txt", "L4-5: hernia discal izquierda con compresi\xf3n"), "is not UTF-8"},
      {write("nothing.txt", "Normal lumbar MRI. No disc herniation. No stenosis."),
       "no lumbar finding"},
      {write("big.txt", std::string(core::kMaxMriReportBytes + 10, 'a')), "at most 1 MB"},
      {dir / "missing.txt", "does not exist"},
  };
  for (const auto& [file, problem] : cases) {
    try {
      core::loadMriReport(file, table());
      ADD_FAILURE() << file << " was accepted";
    } catch (const core::ContentError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(file.string()), std::string::npos) << message;
      EXPECT_NE(message.find(problem), std::string::npos) << message;
    }
  }
}

TEST(MriReport, NeverThrowsOnAnyText) {
  std::mt19937 random(7);
  const std::string alphabet = "L45-/S1 T12:.;,\n disc extrusion left right no stenosis ó–\xff\x80";
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    const int n = static_cast<int>(random() % 300);
    for (int k = 0; k < n; ++k) text += alphabet[random() % alphabet.size()];
    EXPECT_NO_THROW(core::readMriReport(text, table()));
  }
}

TEST(MriReport, TheReportCommandPrintsWhatWasRead) {
  std::ostringstream out, err;
  const auto file = kMriData / "reports" / "01_paracentral_extrusion.txt";
  const auto saved = test::outputDir() / "mri" / "saved.json";
  std::filesystem::create_directories(saved.parent_path());
  ASSERT_EQ(core::runReport(std::nullopt, file, saved, "json", out, err), 0) << err.str();
  const auto report = nlohmann::json::parse(out.str());
  ASSERT_TRUE(report.contains("mri"));
  EXPECT_FALSE(report.at("mri").at("statements").empty());
  EXPECT_TRUE(report.at("mri").contains("not_made"));
  // The saved scenario opens as any scenario and gives the same lesions.
  const auto scenario = core::Scenario::load(saved);
  EXPECT_EQ(scenario.pathologies.size(), report.at("pathologies").size());
}

}  // namespace
}  // namespace radicula
