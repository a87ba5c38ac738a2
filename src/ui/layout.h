// Where each part of the window goes, for any window size and text size. The 3D view is what a
// patient looks at, so it keeps most of the window: both side panels stand beside it only when
// they leave it more than half the width; otherwise lesions, findings and view controls share
// one tabbed column (which folds to a thin strip), and presentation mode gives the view the
// whole window. A tall window (a phone held upright, a narrow desktop window) puts the view on
// top and a sheet below it, where a thumb reaches the lesion controls; the sheet is pulled up
// for more. The education notice at the bottom wraps its text and never overlaps anything.
#pragma once

#include "ui/interface_model.h"

namespace radicula::ui {

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool empty() const { return w <= 0 || h <= 0; }
  bool contains(float px, float py) const {
    return px >= x && py >= y && px < right() && py < bottom();
  }
};

enum class Arrangement {
  SidePanels,    // lesions left, findings right, the view between
  OneColumn,     // one tabbed column on the left
  Collapsed,     // that column folded to a strip of tab buttons
  Presentation,  // the view fills the window
  Sheet,         // a tall window: the view on top, a sheet of panels below it
};

struct Layout {
  Arrangement arrangement = Arrangement::SidePanels;
  Box menuBar;
  Box left;                // lesion panel, the tabbed column or the folded strip
  Box right;               // findings panel (side panels only)
  Box view;                // the 3D view
  Box sheet;               // the sheet under the view (Sheet only), as far as it is pulled up
  float sheetOpenTop = 0;  // where the sheet's top goes when pulled all the way up
  Box notice;
};

// Widths in interface units at text scale 1; they grow with the text.
inline constexpr float kLeftPanelWidth = 350.0f;
inline constexpr float kRightPanelWidth = 380.0f;
inline constexpr float kColumnWidth = 400.0f;
inline constexpr float kStripWidth = 46.0f;
// A window at least this much taller than wide is held upright: view above, sheet below.
inline constexpr float kTallAspect = 1.15f;
// The view's share of the window's height while the sheet rests, and where the sheet's top
// goes when it is pulled all the way up (a share of the room under the menu bar).
inline constexpr float kSheetViewShare = 0.58f;
inline constexpr float kSheetOpenTop = 0.22f;

struct LayoutInput {
  float width = 0, height = 0;  // the window, in interface units
  float scale = 1.0f;           // text scale
  bool anatomy = true;          // false: a model file is shown (no lesions)
  bool presentation = false;
  bool collapsed = false;  // the tabbed column folded to a strip
  // "Where does it hurt?" stands on the left, wider than the column (a third of the window,
  // 360 to 560 units, at most half), and the view keeps the rest, so the body and its left and
  // right markers are never under it. In a tall window it takes the sheet's place.
  bool bodyMap = false;
  float menuHeight = 0, noticeHeight = 0;  // as the interface measured them
  float sheetOpen = 0;                     // 0: the sheet rests under the view; 1: pulled up
};

Layout computeLayout(const LayoutInput& in);

// Whether a window of this size takes the tall arrangement (view above, sheet below).
bool isTall(float width, float height);

}  // namespace radicula::ui
