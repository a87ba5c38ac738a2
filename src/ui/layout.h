// Where each part of the window goes, for any window size and text size. The 3D view is what a
// patient looks at, so it keeps most of the window: both side panels stand beside it only when
// they leave it more than half the width; otherwise lesions, findings and view controls share
// one tabbed column (which folds to a thin strip), and presentation mode gives the view the
// whole window. The education notice at the bottom wraps its text and never overlaps anything.
#pragma once

#include "ui/interface_model.h"

namespace radicula::ui {

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool empty() const { return w <= 0 || h <= 0; }
};

enum class Arrangement {
  SidePanels,    // lesions left, findings right, the view between
  OneColumn,     // one tabbed column on the left
  Collapsed,     // that column folded to a strip of tab buttons
  Presentation,  // the view fills the window
};

struct Layout {
  Arrangement arrangement = Arrangement::SidePanels;
  Box menuBar;
  Box left;   // lesion panel, the tabbed column or the folded strip
  Box right;  // findings panel (side panels only)
  Box view;   // the 3D view
  Box notice;
};

// Widths in interface units at text scale 1; they grow with the text.
inline constexpr float kLeftPanelWidth = 350.0f;
inline constexpr float kRightPanelWidth = 380.0f;
inline constexpr float kColumnWidth = 400.0f;
inline constexpr float kStripWidth = 46.0f;

// The arrangement for a window of `width` x `height` units at text `scale`, with the menu bar
// and notice heights the interface measured (the notice wraps to the width). `bodyMap`: "Where
// does it hurt?" stands on the left, wider than the column (a third of the window, 360 to 560
// units, at most half), and the view keeps the rest, so the body and its left and right
// markers are never under it.
Layout computeLayout(float width, float height, float scale, bool anatomy, bool presentation,
                     bool collapsed, float menuHeight, float noticeHeight, bool bodyMap = false);

}  // namespace radicula::ui
