// The command line as a user meets it: help, version, near-miss options, and bad files that
// must give one clear line and exit status 2, never a crash.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/scenario.h"

#include <map>

#include <fstream>

#include "app/cli_options.h"
#include "core/scenario.h"
#include "support/fixture_models.h"
#include "support/run_process.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

app::CliResult parse(std::vector<std::string> args) {
  return app::parseCommandLine(args);
}

TEST(CommandLine, NoArgumentsOpensTheViewer) {
  const auto r = parse({});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->command, app::Command::View);
}

TEST(CommandLine, PositionalFilesAreScenarioOrModel) {
  auto r = parse({"case.json"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->scenario->string(), "case.json");
  r = parse({"spine.GLB"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->model->string(), "spine.GLB");
  r = parse({"notes.docx"});
  EXPECT_FALSE(r.options);
  EXPECT_NE(r.error.find("unsupported file type"), std::string::npos);
}

TEST(CommandLine, ScreenshotTakesViewSizeLanguageAndMode) {
  const auto r = parse({"--scenario", "a.json", "--screenshot", "o.png", "--view", "axial",
                        "--size", "800x600", "--lang", "es", "--mode", "student"});
  ASSERT_TRUE(r.options) << r.error;
  EXPECT_EQ(r.options->command, app::Command::Screenshot);
  EXPECT_EQ(r.options->view, "axial");
  EXPECT_EQ(r.options->width, 800);
  EXPECT_EQ(r.options->height, 600);
  EXPECT_EQ(r.options->language, "es");
  EXPECT_EQ(r.options->mode, "student");
}

TEST(CommandLine, QuizTakesASeedAndAnOptionalAnswer) {
  auto r = parse({"--quiz", "7", "--answer", "2", "--screenshot", "o.png"});
  ASSERT_TRUE(r.options) << r.error;
  EXPECT_EQ(r.options->quiz, 7);
  EXPECT_EQ(r.options->answer, 2);
  r = parse({"--answer", "2"});
  EXPECT_NE(r.error.find("--quiz SEED"), std::string::npos) << r.error;
  r = parse({"--quiz", "7", "--answer", "5"});
  EXPECT_NE(r.error.find("1 to 4"), std::string::npos) << r.error;
  r = parse({"--quiz", "seven"});
  EXPECT_NE(r.error.find("--quiz takes"), std::string::npos) << r.error;
}

TEST(CommandLine, UnknownOptionsAndValuesSuggestTheNearestOne) {
  auto r = parse({"--screenshoot", "x.png"});
  ASSERT_FALSE(r.options);
  EXPECT_NE(r.error.find("did you mean --screenshot?"), std::string::npos) << r.error;
  r = parse({"--reprot"});
  EXPECT_NE(r.error.find("did you mean --report?"), std::string::npos) << r.error;
  r = parse({"--view", "posterier"});
  EXPECT_NE(r.error.find("did you mean posterior?"), std::string::npos) << r.error;
  r = parse({"--size", "big"});
  EXPECT_NE(r.error.find("WIDTHxHEIGHT"), std::string::npos) << r.error;
  r = parse({"--report"});
  EXPECT_NE(r.error.find("needs a scenario"), std::string::npos) << r.error;
}

TEST(CommandLine, NearestOptionIgnoresFarMisses) {
  EXPECT_EQ(app::nearestOption("--zzzzzzzzzzzz", {"--view", "--size"}), "");
  EXPECT_EQ(app::nearestOption("--vew", {"--view", "--size"}), "--view");
}

// --- the executable ------------------------------------------------------------------------

test::ProcessResult run(std::vector<std::string> args) {
  args.insert(args.begin(), test::executable().string());
  return test::runProcess(args);
}

TEST(Executable, HelpAndVersion) {
  auto r = run({"--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("--screenshot"), std::string::npos);
  EXPECT_NE(r.out.find("education, not diagnosis"), std::string::npos);
  r = run({"--version"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out.rfind("radicula ", 0), 0u);
}

TEST(Executable, UnknownOptionExitsTwoWithASuggestion) {
  const auto r = run({"--benchmrk"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("did you mean --benchmark?"), std::string::npos) << r.err;
}

TEST(Executable, BadModelFilesExitTwoWithOneLineNamingTheFile) {
  const auto dir = test::outputDir();
  std::ofstream(dir / "corrupt.glb", std::ios::binary) << "glTF but not really";
  std::ofstream(dir / "corrupt.obj") << "v 1 2\nf 1 9 99\n";
  for (const auto& file : {dir / "missing.glb", dir / "corrupt.glb"}) {
    SCOPED_TRACE(file.string());
    const auto r = run({file.string(), "--screenshot", (dir / "never.png").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(file.string()), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "never.png"));
  }
  // A malformed OBJ either opens (Assimp repairs it) or fails cleanly; it never crashes.
  const auto r =
      run({(dir / "corrupt.obj").string(), "--screenshot", (dir / "maybe.png").string()});
  EXPECT_NE(r.exitCode, -1) << "crashed: " << r.err;
}

// Without any display a bad file is still bad input (exit 2, its own message), not "no
// display": the files are read before a window is asked for, in the viewer too.
TEST(Executable, BadFilesAreReportedBeforeADisplayIsNeeded) {
  const auto dir = test::outputDir();
  const std::map<std::string, std::string> noDisplay = {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}};
  std::ofstream(dir / "truncated_case.json") << "{\"format\": \"radicula-scenario/1\", ";
  const std::vector<std::vector<std::string>> commands = {
      {"/nonexistent/file.glb", "--screenshot", (dir / "x.png").string()},
      {"--scenario", (dir / "truncated_case.json").string(), "--screenshot",
       (dir / "x.png").string()},
      {"/nonexistent/file.glb"},
      {(dir / "truncated_case.json").string()},
      {"--scenario", "/nonexistent/case.json", "--benchmark", "--frames", "1"}};
  for (const auto& args : commands) {
    std::vector<std::string> full = {test::executable().string()};
    full.insert(full.end(), args.begin(), args.end());
    const auto r = test::runProcess(full, noDisplay);
    SCOPED_TRACE(args.front());
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(r.err.find("display"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  // A good file without a display: exit 1, and it says why.
  const auto good = test::runProcess(
      {test::executable().string(), "--screenshot", (dir / "x.png").string()}, noDisplay);
  EXPECT_EQ(good.exitCode, 1) << good.err;
  EXPECT_NE(good.err.find("display"), std::string::npos) << good.err;
}

}  // namespace
}  // namespace radicula

namespace radicula {
namespace {

TEST(Executable, ReportPrintsTheAnalysisAsJsonAndText) {
  const auto scenario = test::outputDir() / "report_l4l5.json";
  std::ofstream(scenario) << R"({"format": "radicula-scenario/1", "pathologies": [
    {"type": "herniation", "level": "L4/L5", "side": "left", "zone": "subarticular", "severity": 0.6}]})";
  auto r = run({"--scenario", scenario.string(), "--report"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("\"format\": \"radicula-report/1\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"root\": \"L5\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dorsum_foot"), std::string::npos);
  r = run({"--scenario", scenario.string(), "--report", "--format", "text"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("L5"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"format\""), std::string::npos) << "text, not JSON";
}

TEST(Executable, AnMriReportOpensAsItsLesions) {
  const auto report = test::sourceDir() / "tests" / "data" / "mri" / "reports" / "07_es_hernia.txt";
  auto r = run({"--mri", report.string(), "--report"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("\"mri\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"root\": \"L5\""), std::string::npos) << r.out;
  // A positional .txt is a report too, and --save-scenario writes what was read.
  const auto saved = test::outputDir() / "mri_saved.json";
  std::filesystem::remove(saved);
  r = run({report.string(), "--save-scenario", saved.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(core::Scenario::load(saved).pathologies.size(), 3u);
  // A report with nothing lumbar in it: one line, exit 2.
  const auto empty = test::outputDir() / "mri_normal.txt";
  std::ofstream(empty) << "Normal MRI of the lumbar spine. No disc herniation.";
  r = run({"--mri", empty.string(), "--report"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("no lumbar finding"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(Executable, SymptomsAreRankedBackToTheirRootsAndNerves) {
  const auto file = test::outputDir() / "symptoms_foot_drop.json";
  std::ofstream(file) << R"({"format": "radicula-symptoms/1",
    "regions": [{"region": "dorsum_foot", "side": "right"}, {"region": "lateral_leg", "side": "right"}],
    "weakness": [{"movement": "ankle_dorsiflexion", "side": "right"},
                 {"movement": "foot_eversion", "side": "right"}],
    "normal_strength": [{"movement": "foot_inversion", "side": "right"},
                        {"movement": "hip_abduction", "side": "right"}]})";
  auto r = run({"--symptoms", file.string(), "--report"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("format"), "radicula-lookup/1");
  EXPECT_EQ(j.at("candidates").at(0).at("structures").at(0).at("id"), "common_fibular") << r.out;
  r = run({"--symptoms", file.string(), "--format", "text"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("common fibular"), std::string::npos) << r.out;
  // A bad id: one line naming the file and the JSON path, exit 2.
  const auto bad = test::outputDir() / "symptoms_bad.json";
  std::ofstream(bad)
      << R"({"format": "radicula-symptoms/1", "regions": [{"region": "foot", "side": "left"}]})";
  r = run({"--symptoms", bad.string()});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("/regions/0/region"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(Executable, SymptomsGoWithNoOtherInput) {
  // Not with a scenario as well: which marks would win?
  const auto both = parse({"--symptoms", "s.json", "--scenario", "a.json"});
  EXPECT_FALSE(both.options.has_value());
  EXPECT_NE(both.error.find("--symptoms"), std::string::npos) << both.error;
  const auto view = parse({"--symptoms", "s.json"});
  ASSERT_TRUE(view.options.has_value()) << view.error;
  EXPECT_EQ(view.options->command, app::Command::View);
  const auto text = parse({"--symptoms", "s.json", "--format", "text"});
  ASSERT_TRUE(text.options.has_value()) << text.error;
  EXPECT_EQ(text.options->command, app::Command::Lookup) << "a format to print in is a report";
}

TEST(Executable, ReportOnABadScenarioNamesFileAndPath) {
  const auto scenario = test::outputDir() / "report_bad.json";
  std::ofstream(scenario) << R"({"format": "radicula-scenario/1", "pathologies": [
    {"type": "herniation", "level": "L45", "side": "left", "zone": "central", "severity": 0.6}]})";
  const auto r = run({"--scenario", scenario.string(), "--report"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find(scenario.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/pathologies/0/level"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace radicula
