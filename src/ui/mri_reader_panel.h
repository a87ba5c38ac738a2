// The MRI report reader: a window beside the 3D view where the clinician pastes (or opens) the
// radiologist's text and sees, as they type, which statements made which lesion and why the others
// made nothing, then adds the lesions to the scene in one step.
#pragma once

#include "ui/layout.h"
#include "ui/panel_frame.h"

namespace radicula::ui {

// Drawn in `area` (below the menu bar, above the notice, from the left edge).
void drawMriReader(PanelFrame& f, const Box& area);

}  // namespace radicula::ui
