// The real program in a real X window, driven by a real X client (xdotool), as a user at the
// keyboard: export a handout by typing a 100-character name ten milliseconds a key, Enter,
// save the scenario, quit. The process must live through all of it, write both files with
// every character of their names, and leave an earlier handout alone.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "support/run_process.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

namespace fs = std::filesystem;

bool waitFor(const std::function<bool()>& done, double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

test::ProcessResult xdotool(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"xdotool"};
  full.insert(full.end(), args.begin(), args.end());
  return test::runProcess(full);
}

TEST(RealWindowGLTest, XdotoolExportsAHandoutSavesAScenarioAndQuits) {
  if (std::getenv("DISPLAY") == nullptr || *std::getenv("DISPLAY") == '\0') {
    if (test::inCi()) FAIL() << "no DISPLAY under CI";
    GTEST_SKIP() << "no DISPLAY";
  }
  if (test::runProcess({"xdotool", "version"}).exitCode != 0) {
    if (test::inCi()) FAIL() << "xdotool is missing under CI (scripts/setup.sh installs it)";
    GTEST_SKIP() << "xdotool is not installed";
  }
  const fs::path home = test::outputDir() / "real_window_home";
  fs::remove_all(home);
  fs::create_directories(home / "Documents");
  const fs::path earlier = home / "Documents" / "handout_en.png";
  std::ofstream(earlier, std::ios::binary) << "an earlier handout, not to be touched";
  const fs::path scenario = home / "case_in.json";
  std::ofstream(scenario) << R"({"format": "radicula-scenario/1", "pathologies": [
    {"type": "herniation", "level": "L4-L5", "side": "left", "zone": "paracentral", "severity": 0.6}]})";

  test::BackgroundProcess app({test::executable().string(), scenario.string()},
                              {{"HOME", home.string()},
                               {"XDG_CONFIG_HOME", (home / "config").string()},
                               {"RADICULA_FILE_DIALOG", "builtin"}});
  std::string window;
  ASSERT_TRUE(waitFor(
      [&] {
        const auto r = xdotool({"search", "--onlyvisible", "--name", "^Radicula$"});
        window = r.out.substr(0, r.out.find('\n'));
        return r.exitCode == 0 && !window.empty();
      },
      30.0))
      << "the window never appeared: " << app.err();
  // The pointer over the window gives it the keyboard on a bare X server (no window manager).
  xdotool({"mousemove", "--window", window, "300", "300"});
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  // Export: Ctrl+E, a 100-character name typed 10 ms a key, Enter.
  const std::string name =
      "handout_for_the_patient_in_room_three_seen_on_the_third_of_december_with_a_long_name_"
      "0123456789_abcd";
  ASSERT_EQ(name.size(), 100u);
  xdotool({"key", "--clearmodifiers", "ctrl+e"});
  xdotool({"type", "--delay", "10", name});
  xdotool({"key", "Return"});
  const fs::path handout = home / "Documents" / (name + ".png");
  ASSERT_TRUE(waitFor([&] { return fs::exists(handout) || !app.running(); }, 60.0)) << app.err();
  ASSERT_TRUE(app.running()) << "the app died after the export: " << app.err();
  EXPECT_EQ(test::readFile(handout).substr(1, 3), "PNG");

  // Save: Ctrl+S, a name, Enter.
  xdotool({"key", "--clearmodifiers", "ctrl+s"});
  xdotool({"type", "--delay", "10", "case_saved"});
  xdotool({"key", "Return"});
  const fs::path saved = home / "Documents" / "case_saved.json";
  ASSERT_TRUE(waitFor([&] { return fs::exists(saved) || !app.running(); }, 30.0)) << app.err();
  EXPECT_TRUE(app.running()) << app.err();
  EXPECT_NE(test::readFile(saved).find("\"radicula-scenario/1\""), std::string::npos);
  EXPECT_EQ(test::readFile(earlier), "an earlier handout, not to be touched");

  // Quit: everything is saved, so it closes without a question, with status 0.
  xdotool({"key", "--clearmodifiers", "ctrl+q"});
  const auto result = app.wait(20.0);
  ASSERT_TRUE(result.has_value()) << "still running after Ctrl+Q";
  EXPECT_EQ(result->exitCode, 0) << result->err;
}

// A settings file with a field of the wrong type once aborted the viewer at every start, until
// the user found and deleted a file they never knew about. Now the viewer opens, says in one
// line which file and field it ignored, and quits normally.
TEST(RealWindowGLTest, ASettingsFileWithAFieldOfTheWrongTypeNeverKeepsTheViewerFromOpening) {
  if (std::getenv("DISPLAY") == nullptr || *std::getenv("DISPLAY") == '\0') {
    if (test::inCi()) FAIL() << "no DISPLAY under CI";
    GTEST_SKIP() << "no DISPLAY";
  }
  if (test::runProcess({"xdotool", "version"}).exitCode != 0) {
    if (test::inCi()) FAIL() << "xdotool is missing under CI (scripts/setup.sh installs it)";
    GTEST_SKIP() << "xdotool is not installed";
  }
  const fs::path home = test::outputDir() / "real_window_bad_settings";
  fs::remove_all(home);
  fs::create_directories(home / "config" / "radicula");
  const fs::path settings = home / "config" / "radicula" / "settings.json";
  std::ofstream(settings) << R"({"format": 1})";
  test::BackgroundProcess app({test::executable().string()},
                              {{"HOME", home.string()},
                               {"XDG_CONFIG_HOME", (home / "config").string()},
                               {"RADICULA_FILE_DIALOG", "builtin"}});
  // The window opens first; the settings are read as the session in it starts.
  std::string window;
  ASSERT_TRUE(waitFor(
      [&] {
        if (!app.running()) return true;
        const auto r = xdotool({"search", "--onlyvisible", "--name", "^Radicula$"});
        window = r.out.substr(0, r.out.find('\n'));
        return r.exitCode == 0 && !window.empty() && !app.err().empty();
      },
      30.0));
  ASSERT_TRUE(app.running()) << "the viewer did not start: " << app.err();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // anything more it would say
  const std::string err = app.err();
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_NE(err.find(settings.string()), std::string::npos) << err;
  EXPECT_NE(err.find("format"), std::string::npos) << err;
  xdotool({"mousemove", "--window", window, "300", "300"});
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  xdotool({"key", "--clearmodifiers", "ctrl+q"});
  const auto result = app.wait(20.0);
  ASSERT_TRUE(result.has_value()) << "still running after Ctrl+Q";
  EXPECT_EQ(result->exitCode, 0) << result->err;
}

}  // namespace
}  // namespace radicula
