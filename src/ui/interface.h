// The whole interface over the 3D view: the menu bar, the lesion panel on the left, the
// findings panel on the right (with the red-flag banner and the education-not-diagnosis
// notice, always visible), the structure under the cursor, help and file dialogs.
#pragma once

#include <string>

#include "ui/interface_model.h"
#include "ui/ui_command.h"
#include "ui/ui_trace.h"

namespace radicula::ui {

UiCommands drawInterface(const InterfaceModel& model, InterfaceState& state,
                         UiTrace* trace = nullptr);

// Screen rectangle left free for the 3D view between the panels (for the camera's framing).
struct ViewportInsets {
  float left = 0, right = 0, top = 0, bottom = 0;
};
ViewportInsets panelInsets(const InterfaceModel& model);

// Colour of the side panels (sRGB). When both panels fit side by side they draw no background
// of their own: the frame is cleared to this colour before the interface is drawn, which
// spares a software renderer a blended fill of most of the window on every frame.
inline constexpr float kPanelColor[3] = {0.13f, 0.14f, 0.16f};

// Name and a sentence about a structure, from its glTF node name ("root.L5.left").
struct StructureText {
  std::string name;
  std::string about;
};
StructureText describeStructure(const std::string& node, const core::TextCatalog& labels,
                                const core::TextCatalog& clinical);

}  // namespace radicula::ui
