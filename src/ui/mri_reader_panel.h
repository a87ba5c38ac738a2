// The MRI report reader: a window where the clinician pastes (or opens) the radiologist's text
// and sees, as they type, which statements made which lesion and why the others made nothing,
// then adds the lesions to the scene in one step.
#pragma once

#include "ui/panel_frame.h"

namespace radicula::ui {

void drawMriReader(PanelFrame& f);

}  // namespace radicula::ui
