// Bad scenario files (docs/contracts.md, "Exit statuses"): every one gives exit status 2 and one
// clear line naming the file, the JSON path and what was expected; none crashes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/report_command.h"
#include "core/scenario.h"
#include "support/test_paths.h"

namespace radicula::core {
namespace {

struct Outcome {
  int status = 0;
  std::string out;
  std::string err;
};

Outcome report(const std::filesystem::path& file, std::string_view format = "json") {
  std::ostringstream out;
  std::ostringstream err;
  const int status = runReport(file, format, out, err);
  return {status, out.str(), err.str()};
}

void expectOneLine(const Outcome& o, const std::string& context) {
  ASSERT_FALSE(o.err.empty()) << context;
  EXPECT_EQ(o.err.back(), '\n') << context;
  EXPECT_EQ(o.err.find('\n'), o.err.size() - 1) << context << ": more than one line: " << o.err;
  EXPECT_TRUE(o.out.empty()) << context;
}

TEST(BadScenarios, EachFileExitsWith2AndNamesFileAndPath) {
  const auto dir = test::dataDir() / "bad_scenarios";
  std::ifstream in(test::dataDir() / "bad_scenarios.json");
  const auto manifest = nlohmann::json::parse(in);
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    ASSERT_TRUE(manifest["files"].contains(name)) << name << " is not in bad_scenarios.json";
    const auto& want = manifest["files"][name];
    const Outcome o = report(entry.path());
    EXPECT_EQ(o.status, kExitBadInput) << name;
    expectOneLine(o, name);
    EXPECT_NE(o.err.find(name), std::string::npos) << name << ": " << o.err;
    const std::string path = want["path"];
    if (!path.empty()) {
      EXPECT_NE(o.err.find(path + ":"), std::string::npos) << o.err;
    }
    EXPECT_NE(o.err.find(want["contains"].get<std::string>()), std::string::npos) << o.err;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(manifest["files"].size()));
}

TEST(BadScenarios, SyntaxErrorsGiveLineAndColumn) {
  const Outcome o = report(test::dataDir() / "bad_scenarios" / "syntax_error.json");
  EXPECT_NE(o.err.find("bad JSON at line 3, column "), std::string::npos) << o.err;
}

TEST(BadScenarios, TruncatedFileIsExplainedWithoutParserJargon) {
  const Outcome o = report(test::dataDir() / "bad_scenarios" / "truncated.json");
  EXPECT_NE(o.err.find("ends early"), std::string::npos) << o.err;
  for (const char* jargon : {"syntax error", "parse_error", "unexpected end of input", "[json"}) {
    EXPECT_EQ(o.err.find(jargon), std::string::npos) << jargon << " in: " << o.err;
  }
}

TEST(BadScenarios, PictureRenamedToJsonIsNamedForWhatItIsWithItsRealSize) {
  // A PNG of 1,098,571 bytes renamed to .json: the user is told it is a picture, and any size
  // quoted is the file's own, not the bytes read before giving up.
  const auto big = test::outputDir() / "picture_renamed_big.json";
  {
    std::ofstream out(big, std::ios::binary);
    out << "\x89PNG\r\n\x1a\n" << std::string(1098571 - 8, '\x01');
  }
  const Outcome o = report(big);
  EXPECT_EQ(o.status, kExitBadInput);
  expectOneLine(o, "big picture");
  EXPECT_NE(o.err.find("PNG image"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("1048577"), std::string::npos) << o.err;

  const auto small = test::outputDir() / "picture_renamed_small.json";
  {
    std::ofstream out(small, std::ios::binary);
    out << "\x89PNG\r\n\x1a\n" << std::string(2000, '\0');
  }
  const Outcome s = report(small);
  EXPECT_EQ(s.status, kExitBadInput);
  EXPECT_NE(s.err.find("PNG image"), std::string::npos) << s.err;

  const auto text = test::outputDir() / "huge_text.json";
  {
    std::ofstream out(text, std::ios::binary);
    out << std::string(1098571, ' ');
  }
  const Outcome t = report(text);
  EXPECT_NE(t.err.find("1,098,571 bytes"), std::string::npos) << t.err;
}

TEST(BadScenarios, HugeFileIsRefusedWithoutReadingItAll) {
  const auto file = test::outputDir() / "huge_scenario.json";
  {
    std::ofstream out(file, std::ios::binary);
    out << "{\"format\": \"radicula-scenario/1\", \"notes\": \"";
    out << std::string(kMaxScenarioBytes + 10, 'x') << "\", \"pathologies\": []}";
  }
  const Outcome o = report(file);
  EXPECT_EQ(o.status, kExitBadInput);
  expectOneLine(o, "huge");
  EXPECT_NE(o.err.find("too large"), std::string::npos) << o.err;
}

TEST(BadScenarios, DeepNestingIsRefusedWithoutCrashing) {
  const auto file = test::outputDir() / "deep_scenario.json";
  {
    std::ofstream out(file);
    out << "{\"format\": \"radicula-scenario/1\", \"notes\": ";
    for (int i = 0; i < 100000; ++i) out << "{\"a\": ";
    out << "1";
    for (int i = 0; i < 100000; ++i) out << "}";
    out << "}";
  }
  const Outcome o = report(file);
  EXPECT_EQ(o.status, kExitBadInput);
  expectOneLine(o, "deep");
  EXPECT_NE(o.err.find("nested more than"), std::string::npos) << o.err;
}

TEST(BadScenarios, TooManyPathologies) {
  const auto file = test::outputDir() / "many_pathologies.json";
  {
    nlohmann::json doc = {{"format", "radicula-scenario/1"},
                          {"pathologies", nlohmann::json::array()}};
    for (std::size_t i = 0; i <= kMaxPathologies; ++i) {
      doc["pathologies"].push_back({{"type", "herniation"},
                                    {"level", "L4-L5"},
                                    {"side", "left"},
                                    {"zone", "paracentral"},
                                    {"severity", 0.5}});
    }
    std::ofstream(file) << doc.dump();
  }
  const Outcome o = report(file);
  EXPECT_EQ(o.status, kExitBadInput);
  EXPECT_NE(o.err.find("/pathologies:"), std::string::npos) << o.err;
}

TEST(BadScenarios, MissingFileFolderAndFormat) {
  const Outcome missing = report(test::dataDir() / "no_such_scenario.json");
  EXPECT_EQ(missing.status, kExitBadInput);
  expectOneLine(missing, "missing");
  EXPECT_NE(missing.err.find("no_such_scenario.json"), std::string::npos);

  const Outcome folder = report(test::dataDir());
  EXPECT_EQ(folder.status, kExitBadInput);
  expectOneLine(folder, "folder");

  const Outcome format =
      report(test::dataDir() / "vignettes" / "01_l4l5_paracentral_l5.json", "xml");
  EXPECT_EQ(format.status, kExitBadInput);
  EXPECT_NE(format.err.find("json or text"), std::string::npos) << format.err;
}

}  // namespace
}  // namespace radicula::core
