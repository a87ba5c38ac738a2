// The viewer panel: what is open, the camera views, x-ray sliders for the translucent layers,
// the keyboard shortcuts and any message for the user. It reads a ViewerPanelModel and returns
// the commands the user gave this frame.
#pragma once

#include <string>
#include <vector>

#include "ui/ui_command.h"
#include "ui/ui_trace.h"

namespace radicula::ui {

struct ViewerPanelModel {
  std::string modelName;  // file name or "Radicula anatomy"
  std::size_t triangles = 0;
  std::string renderer;  // GL renderer string
  std::string currentView;
  std::vector<std::string> views;
  float skinOpacity = 0.25f;
  float boneOpacity = 1.0f;
  bool showHelp = false;
  std::string message;  // an error or notice to show; empty for none
  float uiScale = 1.0f;
};

UiCommands drawViewerPanel(const ViewerPanelModel& model, UiTrace* trace = nullptr);

// Shortcut list shown in the help panel; the app's key handling uses the same table.
struct Shortcut {
  const char* keys;
  const char* action;
};
const std::vector<Shortcut>& viewerShortcuts();

}  // namespace radicula::ui
