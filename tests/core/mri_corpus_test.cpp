// The MRI report reader against two corpora whose expectations were written by hand from the
// words of each statement and report, never from the reader's output:
// - tests/data/mri/snippets.json and reports/ (the first corpus), and
// - tests/data/mri/corpus2/ (statements and whole reports written afterwards, in the style of
//   published reporting guidance and public teaching cases, each naming its source).
// Each test prints how many items pass, then every difference. The exact roots the engine finds
// for the lesions read are regression pins (tests/regression/), not evidence, and are not here.
#include <gtest/gtest.h>

#include <iostream>
#include <string>

#include "support/mri_corpus.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

using test::mri::check;
using test::mri::readJson;
using test::mri::table;

const std::filesystem::path kMriData = test::sourceDir() / "tests" / "data" / "mri";

struct Tally {
  int items = 0, passed = 0;
  std::string failures;

  void add(const std::string& what, const std::vector<std::string>& problems) {
    ++items;
    if (problems.empty()) {
      ++passed;
      return;
    }
    failures += "\n  " + what;
    for (const auto& p : problems) failures += "\n    " + p;
  }
  void report(const char* name) const {
    std::cout << "[ figures  ] " << name << ": " << passed << " of " << items << " pass\n";
  }
};

// Statements of a corpus file, read alone.
Tally readStatements(const nlohmann::json& list) {
  Tally tally;
  for (const auto& item : list) {
    const std::string text = item.at("text").get<std::string>();
    const auto reading = core::readMriReport(text, table());
    tally.add(item.value("id", text), check(reading, item));
  }
  return tally;
}

// Whole reports of a folder: <name>.txt beside <name>.expected.json.
Tally readReports(const std::filesystem::path& dir, int* spanish) {
  Tally tally;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto expectedFile = file;
    expectedFile.replace_extension(".expected.json");
    const auto expect = readJson(expectedFile);
    const auto reading = core::loadMriReport(file, table());
    auto problems = check(reading, expect);
    const std::string language = expect.at("language").get<std::string>();
    if (reading.language != language) problems.push_back("read as " + reading.language);
    EXPECT_TRUE(expect.contains("source") && expect.contains("why")) << file;
    *spanish += language == "es";
    tally.add(file.filename().string(), problems);
  }
  return tally;
}

TEST(MriCorpus, EveryStatementOfTheNewCorpusGivesWhatItsWordsSay) {
  const auto corpus = readJson(kMriData / "corpus2" / "statements.json").at("statements");
  const Tally tally = readStatements(corpus);
  tally.report("new corpus, statements");
  EXPECT_EQ(tally.passed, tally.items) << tally.failures;
  // The held-out statements were written after the reader was fixed on the others.
  nlohmann::json heldOut = nlohmann::json::array();
  for (const auto& s : corpus) {
    if (s.value("set", "") == "held-out") heldOut.push_back(s);
  }
  readStatements(heldOut).report("new corpus, held-out statements");
}

TEST(MriCorpus, EveryWholeReportOfTheNewCorpusGivesWhatItsWordsSay) {
  int spanish = 0;
  const Tally tally = readReports(kMriData / "corpus2" / "reports", &spanish);
  tally.report("new corpus, whole reports");
  EXPECT_EQ(tally.passed, tally.items) << tally.failures;
}

TEST(MriCorpus, EverySnippetOfTheFirstCorpusGivesWhatItsWordsSay) {
  const auto corpus = readJson(kMriData / "snippets.json").at("snippets");
  const Tally tally = readStatements(corpus);
  tally.report("first corpus, snippets");
  EXPECT_EQ(tally.passed, tally.items) << tally.failures;
}

TEST(MriCorpus, EveryWholeReportOfTheFirstCorpusGivesWhatItsWordsSay) {
  int spanish = 0;
  const Tally tally = readReports(kMriData / "reports", &spanish);
  tally.report("first corpus, whole reports");
  EXPECT_EQ(tally.passed, tally.items) << tally.failures;
}

TEST(MriCorpus, TheNewCorpusIsLargeEnoughAndAThirdSpanish) {
  const auto statements = readJson(kMriData / "corpus2" / "statements.json").at("statements");
  int spanish = 0;
  for (const auto& s : statements) {
    spanish += s.at("language") == "es";
    EXPECT_FALSE(s.at("source").get<std::string>().empty()) << s.at("id");
    EXPECT_FALSE(s.at("why").get<std::string>().empty()) << s.at("id");
  }
  EXPECT_GE(statements.size(), 60u);
  EXPECT_GE(3 * spanish, static_cast<int>(statements.size()));
  int reportsSpanish = 0;
  const Tally reports = readReports(kMriData / "corpus2" / "reports", &reportsSpanish);
  EXPECT_GE(reports.items, 10);
  EXPECT_GE(3 * reportsSpanish, reports.items);
  std::cout << "[ figures  ] new corpus: " << statements.size() << " statements (" << spanish
            << " Spanish), " << reports.items << " reports (" << reportsSpanish << " Spanish)\n";
}

// A statement that denies (or calls normal) everything it names makes nothing, read alone or in
// its report: every statement marked negated in both corpora, and every negated line of every
// whole report.
TEST(MriCorpus, NoNegatedStatementAnywhereMakesALesion) {
  int scanned = 0;
  std::string failures;
  const auto alone = [&](const std::string& text, const std::string& where) {
    const auto reading = core::readMriReport(text, table());
    ++scanned;
    if (!reading.scenario.pathologies.empty() || !test::mri::uncertainSpecs(reading).empty()) {
      failures += "\n  " + where + ": \"" + text + "\" made" +
                  test::mri::join(test::mri::specs(reading.scenario.pathologies));
    }
  };
  const auto snippets = readJson(kMriData / "snippets.json");
  for (const auto& s : snippets.at("snippets")) {
    if (s.value("negated", false)) alone(s.at("text").get<std::string>(), "snippets.json");
  }
  const auto statements = readJson(kMriData / "corpus2" / "statements.json");
  for (const auto& s : statements.at("statements")) {
    if (s.value("negated", false)) alone(s.at("text").get<std::string>(), s.at("id"));
  }
  for (const auto& dir : {kMriData / "reports", kMriData / "corpus2" / "reports"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      auto expectedFile = entry.path();
      expectedFile.replace_extension(".expected.json");
      const auto expect = readJson(expectedFile);
      const std::string text = test::readFile(entry.path());
      const auto reading = core::readMriReport(text, table());
      for (const auto& line : expect.at("negated_lines")) {
        const std::string words = line.get<std::string>();
        const auto at = text.find(words);
        ASSERT_NE(at, std::string::npos) << entry.path().filename() << ": " << words;
        alone(words, entry.path().filename().string());
        // In its report: no statement that made a lesion overlaps the line.
        const std::size_t from = test::mri::codePoints(text, at);
        const std::size_t to = test::mri::codePoints(text, at + words.size());
        for (const auto& st : reading.statements) {
          if (st.span.start < to && st.span.end > from) {
            failures += "\n  " + entry.path().filename().string() + ": \"" + words +
                        "\" is part of a statement that made a lesion: \"" + st.text + "\"";
          }
        }
      }
    }
  }
  std::cout << "[ figures  ] negated statements scanned: " << scanned << "\n";
  EXPECT_GE(scanned, 60);
  EXPECT_TRUE(failures.empty()) << failures;
}

}  // namespace
}  // namespace radicula
