// Internal to the interface: the parts of the panels that more than one arrangement draws
// (side panels, the tabbed column, the sheet of a tall window), and the sheet itself.
#pragma once

#include "ui/layout.h"
#include "ui/panel_frame.h"

namespace radicula::ui {

// The title and the three big lesion toggles (herniated disc, bone spur, stenosis).
void drawLesionToggles(PanelFrame& f);
// More lesions, presets, "Where does it hurt?", Test yourself and the last score.
void drawLesionExtras(PanelFrame& f);
// Both of the above, as the lesion panel shows them.
void drawLesionControls(PanelFrame& f);
// An editor per lesion (level, side, zone, severity), in a child that scrolls, leaving
// `reserveBelow` for what follows; drawLesionEditors draws them in place.
void drawLesionList(PanelFrame& f, float reserveBelow);
void drawLesionEditors(PanelFrame& f);
// The question of a round of Test yourself, then the findings, the leaflet and when to get help.
void drawFindings(PanelFrame& f);
// Views, the axial orientation, see-through sliders and layers.
void drawViewControls(PanelFrame& f);
// A model file's name and the way back to the anatomy, then the view controls.
void drawModelPanel(PanelFrame& f);

// The sheet under the view of a tall window: the lesion toggles and editors first (where a
// thumb reaches), the findings and when to get help next, then the rest. Its handle pulls it
// up or lets it rest; a finger's scroll first moves the sheet, then its content. It never
// rises over the red-flag banner, whose foot is `bannerBottom`.
void drawSheet(PanelFrame& f, const Layout& layout, float bannerBottom);

// A finger's scroll (InterfaceState::touchScroll) that nothing took: the window under the
// finger scrolls by it. Call after every window of the frame is drawn.
void applyTouchScroll(InterfaceState& state);

}  // namespace radicula::ui
