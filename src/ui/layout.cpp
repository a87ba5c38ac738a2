#include "ui/layout.h"

#include <algorithm>

namespace radicula::ui {

namespace {

// The view on top at kSheetViewShare of the height; the sheet from its foot to the notice,
// its top rising toward kSheetOpenTop as it is pulled up. The view keeps its size (the sheet
// lies over its lower part), so the picture does not jump while the sheet moves.
void sheetLayout(const LayoutInput& in, float top, float bodyHeight, Layout& l) {
  l.arrangement = Arrangement::Sheet;
  const float bottom = top + bodyHeight;
  // The sheet keeps room for the lesion toggles, as long as the view keeps its share.
  const float minSheet = std::min(150.0f * in.scale, 0.2f * in.height);
  const float viewHeight =
      std::max(1.0f, std::min(kSheetViewShare * in.height, bodyHeight - minSheet));
  l.view = {0, top, in.width, viewHeight};
  const float rest = l.view.bottom();
  const float open = std::min(rest, top + kSheetOpenTop * bodyHeight);
  const float t = std::clamp(in.sheetOpen, 0.0f, 1.0f);
  const float sheetTop = rest + (open - rest) * t;
  l.sheetOpenTop = open;
  l.sheet = {0, sheetTop, in.width, std::max(0.0f, bottom - sheetTop)};
}

}  // namespace

bool isTall(float width, float height) {
  return height >= kTallAspect * width;
}

Layout computeLayout(const LayoutInput& in) {
  const float width = in.width, height = in.height, scale = in.scale;
  Layout l;
  l.notice = {0, height - in.noticeHeight, width, in.noticeHeight};
  if (in.presentation) {
    l.arrangement = Arrangement::Presentation;
    l.view = {0, 0, width, height - in.noticeHeight};
    return l;
  }
  l.menuBar = {0, 0, width, in.menuHeight};
  const float top = in.menuHeight,
              bodyHeight = std::max(0.0f, height - in.menuHeight - in.noticeHeight);
  if (isTall(width, height)) {
    sheetLayout(in, top, bodyHeight, l);
    return l;
  }
  // Side by side only when the panels leave the view at least 55 % of the width.
  const float left = kLeftPanelWidth * scale, right = kRightPanelWidth * scale;
  if (in.anatomy && left + right <= 0.45f * width) {
    l.arrangement = Arrangement::SidePanels;
    l.left = {0, top, left, bodyHeight};
    l.right = {width - right, top, right, bodyHeight};
  } else if (in.collapsed) {
    l.arrangement = Arrangement::Collapsed;
    l.left = {0, top, std::min(kStripWidth * scale, 0.2f * width), bodyHeight};
  } else {
    l.arrangement = Arrangement::OneColumn;
    // A narrow window gives the column a larger share so its text still fits; the view keeps
    // at least 56 % from 1000 units up and 46 % below.
    const float share = width >= 1000.0f ? 0.44f : 0.54f;
    l.left = {0, top, std::min(kColumnWidth * scale, share * width), bodyHeight};
  }
  if (in.bodyMap) {
    const float map =
        std::min(std::clamp(0.36f * width, 360.0f * scale, 560.0f * scale), 0.5f * width);
    if (l.left.w < map) l.left = {0, top, map, bodyHeight};
  }
  l.view = {l.left.right(), top, std::max(1.0f, width - l.left.w - l.right.w), bodyHeight};
  return l;
}

}  // namespace radicula::ui
