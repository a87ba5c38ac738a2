// The whole interface over the 3D view: the menu bar, the lesion and findings panels (side by
// side on a wide window, as tabs of one column on a narrow one), the red-flag banner and the
// education-not-diagnosis notice (always visible, never overlapping), the structure under the
// cursor, help, the file chooser, questions before anything is lost, and presentation mode.
#pragma once

#include <string>

#include "ui/interface_model.h"
#include "ui/layout.h"
#include "ui/ui_command.h"
#include "ui/ui_trace.h"

namespace radicula::ui {

// Draws one frame of the interface (inside a begun ImGui frame) and returns what the user
// asked for.
UiCommands drawInterface(const InterfaceModel& model, InterfaceState& state,
                         UiTrace* trace = nullptr);

// The layout of the current ImGui frame's display for this model and state (needs a begun
// frame: the notice's height depends on the font).
Layout interfaceLayout(const InterfaceModel& model, const InterfaceState& state);

// Colour of the side panels (sRGB). The panels draw no background of their own: the frame is
// cleared to this colour before the interface is drawn, which spares a software renderer a
// blended fill of most of the window on every frame.
inline constexpr float kPanelColor[3] = {0.13f, 0.14f, 0.16f};

// Name and a sentence about a structure, from its glTF node name ("root.L5.left"). Lesions
// ("lesion.0") are named from the state's lesions when `state` is given.
struct StructureText {
  std::string name;
  std::string about;
};
StructureText describeStructure(const std::string& node, const core::TextCatalog& labels,
                                const core::TextCatalog& clinical,
                                const core::AppState* state = nullptr);

}  // namespace radicula::ui
