// A UiCommand is what the interface asks for when the user acts on a control: either a domain
// command for AppState (add a lesion, change the view, switch language) or an app action (undo,
// save, export a handout). Panels never change the app themselves; the app applies what they
// return, which keeps the UI free of domain rules and lets tests check what a click asks for.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/app_state.h"

namespace radicula::ui {

struct Undo {};
struct Redo {};
struct ResetCamera {};
struct ToggleHelp {};
struct DismissMessage {};
struct Quit {};
struct OpenScenario {
  std::string path;
};
struct SaveScenario {
  std::string path;
};
struct OpenModel {
  std::string path;
};
struct ExportHandout {
  std::string path;
};
struct LoadPreset {
  std::string id;
};
// A new "test yourself" question (starting a round if none runs); the app draws it from the
// clinical engine.
struct NewQuizQuestion {};

using UiCommand =
    std::variant<core::Command, Undo, Redo, ResetCamera, ToggleHelp, DismissMessage, Quit,
                 OpenScenario, SaveScenario, OpenModel, ExportHandout, LoadPreset, NewQuizQuestion>;
using UiCommands = std::vector<UiCommand>;

}  // namespace radicula::ui
