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
