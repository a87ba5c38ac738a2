// "Where does it hurt?": a window beside the 3D view of the body, where a person marks the skin
// (by clicking the body), steps movements and reflexes through their states, and reads which
// roots and nerves explain the marks, best first, each with its why; red flags come first.
#pragma once

#include "ui/layout.h"
#include "ui/panel_frame.h"

namespace radicula::ui {

// Drawn in `area` (below the menu bar, above the notice, from the left edge).
void drawSymptomMap(PanelFrame& f, const Box& area);

}  // namespace radicula::ui
