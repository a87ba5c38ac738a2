// Reading MRI reports: every snippet of the corpus (tests/data/mri/snippets.json) and every
// whole report (tests/data/mri/reports/) must give exactly the lesions listed, and the engine
// must find exactly the roots listed affected by them (Fardon et al. 2014, Spine J 14:2525:
// paracentral meets the traversing root, foraminal the exiting one; severe central stenosis
// the cauda equina).
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
#include "support/test_paths.h"

namespace radicula {
namespace {

const std::filesystem::path kMriData = test::sourceDir() / "tests" / "data" / "mri";

const core::MriSeverityTable& table() {
  static const core::MriSeverityTable t = core::MriSeverityTable::loadDefault();
  return t;
}

const core::ClinicalEngine& engine() {
  static const auto e = core::ClinicalEngine::loadDefault();
  return *e;
}

// "herniation L4-L5 left paracentral extrusion [up|down]"
std::string spec(const core::Pathology& p) {
  std::string out = std::string(core::toString(p.type)) + " " +
                    std::string(core::toString(p.level)) + " " +
                    std::string(core::toString(p.side)) + " " +
                    std::string(core::toString(p.zone)) + " " + std::string(core::morphologyId(p));
  if (p.migration != core::Migration::None) out += " " + std::string(core::toString(p.migration));
  return out;
}

std::multiset<std::string> specs(const core::Scenario& s) {
  std::multiset<std::string> out;
  for (const auto& p : s.pathologies) out.insert(spec(p));
  return out;
}

std::set<std::string> affectedRoots(const core::Scenario& s) {
  std::set<std::string> out;
  for (const auto& r : engine().analyse(s).roots) {
    if (r.affected) {
      out.insert(std::string(core::toString(r.root)) + " " +
                 (r.side == core::Side::Left ? "left" : "right"));
    }
  }
  return out;
}

std::string join(const std::multiset<std::string>& set) {
  std::string out;
  for (const auto& s : set) out += "\n    " + s;
  return out;
}

void check(const std::string& what, const core::MriReading& reading, const nlohmann::json& expect) {
  std::multiset<std::string> want;
  for (const auto& l : expect.at("lesions")) want.insert(l.get<std::string>());
  EXPECT_EQ(specs(reading.scenario), want)
      << what << "\n  made:" << join(specs(reading.scenario)) << "\n  expected:" << join(want);
  if (expect.contains("roots")) {
    // Exactly these roots, no more: a reading that adds a lesion lights a root it should not.
    std::set<std::string> roots;
    for (const auto& r : expect.at("roots")) roots.insert(r.get<std::string>());
    EXPECT_EQ(affectedRoots(reading.scenario), roots) << what;
  }
  if (expect.contains("unused")) {
    std::multiset<std::string> got, wantUnused;
    for (const auto& u : reading.unused) got.insert(std::string(core::toString(u.reason)));
    for (const auto& u : expect.at("unused")) wantUnused.insert(u.get<std::string>());
    EXPECT_EQ(got, wantUnused) << what << "\n  unused:" << join(got);
  }
}

nlohmann::json readJson(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

TEST(MriReport, EverySnippetOfTheCorpusGivesItsLesions) {
  const auto corpus = readJson(kMriData / "snippets.json").at("snippets");
  ASSERT_GE(corpus.size(), 80u);
  int spanish = 0;
  for (const auto& snippet : corpus) {
    const std::string text = snippet.at("text").get<std::string>();
    const auto reading = core::readMriReport(text, table());
    check(text, reading, snippet);
    spanish += reading.language == "es";
  }
  EXPECT_GE(spanish, 15) << "the corpus reads Spanish reports too";
}

TEST(MriReport, EveryWholeReportGivesItsLesions) {
  int reports = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kMriData / "reports")) {
    if (entry.path().extension() != ".txt") continue;
    auto expected = entry.path();
    expected.replace_extension(".expected.json");
    const auto expect = readJson(expected);
    const auto reading = core::loadMriReport(entry.path(), table());
    check(entry.path().filename().string(), reading, expect);
    // The "red_flags" these files list are not checked here: they were written when every red
    // flag meant emergency care, and the grade of a red flag is not the reader's business. The
    // grades of these reports' red flags, from the guidelines, are checked in
    // red_flag_grading_test.cpp.
    if (expect.contains("language")) {
      EXPECT_EQ(reading.language, expect.at("language").get<std::string>());
    }
    ++reports;
  }
  EXPECT_GE(reports, 10);
}

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
  EXPECT_EQ(specs(reading.scenario),
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
