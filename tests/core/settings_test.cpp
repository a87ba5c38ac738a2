// Settings survive a restart, are written atomically, and a broken settings file never keeps
// the viewer from opening: it is ignored with one line of warning.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "core/settings.h"
#include "support/test_paths.h"

namespace radicula::core {
namespace {

namespace fs = std::filesystem;

fs::path freshFile(const std::string& name) {
  const fs::path dir = test::outputDir() / ("settings_" + name);
  fs::remove_all(dir);
  return dir / "radicula" / "settings.json";
}

TEST(Settings, WhatIsSavedIsReadBack) {
  const fs::path file = freshFile("roundtrip");
  Settings s;
  s.language = Language::Spanish;
  s.mode = Mode::Student;
  s.largeText = true;
  s.reduceMotion = true;
  s.axialFromFeet = false;
  s.addRecent(test::outputDir() / "a.json");
  s.addRecent(test::outputDir() / "b.json");
  s.addRecent(test::outputDir() / "a.json");
  EXPECT_EQ(saveSettings(s, file), "") << "the folder is created";
  const LoadedSettings loaded = loadSettings(file);
  EXPECT_EQ(loaded.warning, "");
  EXPECT_EQ(loaded.settings, s);
  ASSERT_EQ(loaded.settings.recentFiles.size(), 2u) << "a file once, newest first";
  EXPECT_EQ(loaded.settings.recentFiles[0].filename(), "a.json");
  EXPECT_EQ(loaded.settings.lastFolder, fs::absolute(test::outputDir()).lexically_normal());
  // No temporary file is left beside it.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(file.parent_path())) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(Settings, AMissingFileMeansTheDefaultsQuietly) {
  const LoadedSettings loaded = loadSettings(freshFile("missing"));
  EXPECT_EQ(loaded.warning, "");
  EXPECT_EQ(loaded.settings, Settings{});
}

TEST(Settings, ACorruptFileIsIgnoredWithOneLineOfWarning) {
  for (const std::string& text :
       {std::string("{\"format\": \"radicula-settings/1\", \"language\": "),
        std::string("\x89PNG\r\n\x1a\n", 8), std::string("[1, 2, 3]"),
        std::string("{\"format\": \"something-else/2\"}")}) {
    const fs::path file = freshFile("corrupt");
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    const LoadedSettings loaded = loadSettings(file);
    EXPECT_EQ(loaded.settings, Settings{}) << text;
    EXPECT_NE(loaded.warning.find(file.string()), std::string::npos) << loaded.warning;
    EXPECT_EQ(loaded.warning.find('\n'), std::string::npos) << "one line";
  }
  // One bad value keeps its default and is named; the rest still apply.
  const fs::path file = freshFile("one_bad");
  fs::create_directories(file.parent_path());
  std::ofstream(file) << R"({"format": "radicula-settings/1", "language": "klingon",
                            "large_text": true, "mode": 7})";
  const LoadedSettings loaded = loadSettings(file);
  EXPECT_NE(loaded.warning.find("/language"), std::string::npos) << loaded.warning;
  EXPECT_NE(loaded.warning.find("/mode"), std::string::npos) << loaded.warning;
  EXPECT_EQ(loaded.warning.find("large_text"), std::string::npos) << loaded.warning;
  EXPECT_EQ(loaded.settings.language, Language::English);
  EXPECT_TRUE(loaded.settings.largeText);
}

// A field of the wrong type once threw out of loadSettings and aborted the viewer at every
// start. The file is never a reason not to open: a wrong format means the defaults, and a bad
// field is ignored on its own, named with the file in one line, while the good ones are kept.
TEST(Settings, AFieldOfTheWrongTypeIsIgnoredByNameAndTheGoodOnesAreKept) {
  const fs::path file = freshFile("wrong_type");
  fs::create_directories(file.parent_path());
  std::ofstream(file) << R"({"format": 1})";
  LoadedSettings loaded;
  ASSERT_NO_THROW(loaded = loadSettings(file));
  EXPECT_EQ(loaded.settings, Settings{});
  EXPECT_NE(loaded.warning.find(file.string()), std::string::npos) << loaded.warning;
  EXPECT_NE(loaded.warning.find("format"), std::string::npos) << loaded.warning;
  EXPECT_EQ(loaded.warning.find('\n'), std::string::npos) << "one line";

  std::ofstream(file) << R"({"format": "radicula-settings/1", "language": "es", "mode": "student",
      "large_text": "yes", "reduce_motion": true, "axial_view": 3,
      "last_folder": "/home/ana/scans", "recent_files": ["/home/ana/a.json", 7]})";
  ASSERT_NO_THROW(loaded = loadSettings(file));
  EXPECT_EQ(loaded.settings.language, Language::Spanish);
  EXPECT_EQ(loaded.settings.mode, Mode::Student);
  EXPECT_FALSE(loaded.settings.largeText) << "the bad value keeps its default";
  EXPECT_TRUE(loaded.settings.reduceMotion);
  EXPECT_TRUE(loaded.settings.axialFromFeet) << "the bad value keeps its default";
  EXPECT_EQ(loaded.settings.lastFolder, fs::path("/home/ana/scans"));
  ASSERT_EQ(loaded.settings.recentFiles.size(), 1u) << "the good entries of a list are kept";
  EXPECT_EQ(loaded.settings.recentFiles[0], fs::path("/home/ana/a.json"));
  EXPECT_NE(loaded.warning.find(file.string()), std::string::npos) << loaded.warning;
  for (const char* field : {"large_text", "axial_view", "recent_files/1"}) {
    EXPECT_NE(loaded.warning.find(field), std::string::npos) << field << ": " << loaded.warning;
  }
  for (const char* good : {"language", "reduce_motion", "last_folder"}) {
    EXPECT_EQ(loaded.warning.find(good), std::string::npos) << good << ": " << loaded.warning;
  }
  EXPECT_EQ(loaded.warning.find('\n'), std::string::npos) << "one line";
}

TEST(Settings, LiveInTheUsersConfigFolder) {
  const char* old = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old != nullptr ? old : "";
  setenv("XDG_CONFIG_HOME", "/tmp/radicula-config-test", 1);
  EXPECT_EQ(settingsPath(), fs::path("/tmp/radicula-config-test/radicula/settings.json"));
  setenv("XDG_CONFIG_HOME", "relative/is/ignored", 1);
  const char* home = std::getenv("HOME");
  if (home != nullptr) {
    EXPECT_EQ(settingsPath(), fs::path(home) / ".config/radicula/settings.json");
  }
  if (old != nullptr) {
    setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
  } else {
    unsetenv("XDG_CONFIG_HOME");
  }
}

TEST(Settings, AStateGivesAndTakesTheRememberedChoices) {
  AppState state;
  Settings s;
  s.language = Language::Spanish;
  s.largeText = true;
  s.axialFromFeet = false;
  s.applyTo(state);
  EXPECT_EQ(state.language, Language::Spanish);
  EXPECT_TRUE(state.largeText);
  EXPECT_FALSE(state.view.axialFromFeet);
  state.mode = Mode::Student;
  Settings back;
  back.takeFrom(state);
  EXPECT_EQ(back.mode, Mode::Student);
  EXPECT_EQ(back.language, Language::Spanish);
}

}  // namespace
}  // namespace radicula::core
