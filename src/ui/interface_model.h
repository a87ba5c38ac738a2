// What the interface shows, gathered by the app each frame: the state, the findings and their
// texts, the label catalogues, and a little about the scene. Panels only read it.
// InterfaceState is the interface's own memory between frames (which dialog is open, the text
// typed into it); the app owns it, so panels keep no static locals.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "core/app_state.h"
#include "core/findings.h"
#include "core/preset_library.h"
#include "core/quiz.h"
#include "core/text_catalog.h"

namespace radicula::ui {

struct InterfaceModel {
  const core::AppState* state = nullptr;
  const core::Findings* findings = nullptr;     // null when a foreign model is shown
  const core::FindingTexts* texts = nullptr;    // in the state's language
  const core::TextCatalog* labels = nullptr;    // interface labels (content/i18n/ui)
  const core::TextCatalog* clinical = nullptr;  // clinical names (content/i18n)
  const core::PresetLibrary* presets = nullptr;
  const core::QuizText* quiz = nullptr;  // the question on screen in words, while a round runs
  bool anatomy = true;  // false: a model file is open, lesions and findings do not apply
  bool canUndo = false;
  bool canRedo = false;
  std::string modelName;
  std::string message;                 // a notice or error for the user; empty for none
  std::optional<std::string> hovered;  // node name under the cursor
  float scale = 1.0f;                  // text and spacing scale (high-DPI, large text)
};

enum class Dialog { None, OpenScenario, SaveScenario, OpenModel, ExportHandout };

struct InterfaceState {
  bool showHelp = false;
  Dialog dialog = Dialog::None;
  std::array<char, 1024> path{};  // the path typed into the open dialog
  int dragLesion = -1;            // lesion whose severity slider is being dragged
};

}  // namespace radicula::ui
