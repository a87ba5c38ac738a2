// Settings are the choices the viewer remembers between runs: language, patient or student
// words, large text, reduced motion, how the axial view is oriented, the folder files were
// last opened from or saved to, and the recent files. They live in the user's configuration
// folder ($XDG_CONFIG_HOME/radicula/settings.json, else ~/.config/radicula/settings.json),
// written atomically. A missing file means the defaults; a corrupt one is ignored with a
// one-line warning, never an error: a broken settings file must not keep the app from opening.
// Only the interactive viewer reads and writes them; --screenshot and --report never do, so
// their output depends on the command line alone.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/app_state.h"

namespace radicula::core {

struct Settings {
  Language language = Language::English;
  Mode mode = Mode::Patient;
  bool largeText = false;
  bool reduceMotion = false;
  bool axialFromFeet = true;  // the MRI convention (see ViewState::axialFromFeet)
  std::filesystem::path lastFolder;
  std::vector<std::filesystem::path> recentFiles;  // newest first

  static constexpr std::size_t kMaxRecent = 8;

  // Puts `file` first among the recent files (once), keeping at most kMaxRecent, and remembers
  // its folder as the last one.
  void addRecent(const std::filesystem::path& file);
  // The settings as they apply to a state: language, mode, text size, motion, axial view.
  void applyTo(AppState& state) const;
  // Takes the remembered choices from the state the user has now.
  void takeFrom(const AppState& state);

  bool operator==(const Settings&) const = default;
};

// Where the settings file is: $XDG_CONFIG_HOME/radicula/settings.json, or under
// $HOME/.config when XDG_CONFIG_HOME is unset or not absolute.
std::filesystem::path settingsPath();

struct LoadedSettings {
  Settings settings;
  std::string warning;  // one line when the file existed but could not be used; else empty
};

LoadedSettings loadSettings(const std::filesystem::path& file);

// Writes atomically (a temporary file renamed over the old one), creating the folder. Returns
// a one-line warning on failure, empty on success.
std::string saveSettings(const Settings& settings, const std::filesystem::path& file);

}  // namespace radicula::core
