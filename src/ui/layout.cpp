#include "ui/layout.h"

#include <algorithm>

namespace radicula::ui {

Layout computeLayout(float width, float height, float scale, bool anatomy, bool presentation,
                     bool collapsed, float menuHeight, float noticeHeight, bool bodyMap) {
  Layout l;
  l.notice = {0, height - noticeHeight, width, noticeHeight};
  if (presentation) {
    l.arrangement = Arrangement::Presentation;
    l.view = {0, 0, width, height - noticeHeight};
    return l;
  }
  l.menuBar = {0, 0, width, menuHeight};
  const float top = menuHeight, bodyHeight = std::max(0.0f, height - menuHeight - noticeHeight);
  // Side by side only when the panels leave the view at least 55 % of the width.
  const float left = kLeftPanelWidth * scale, right = kRightPanelWidth * scale;
  if (anatomy && left + right <= 0.45f * width) {
    l.arrangement = Arrangement::SidePanels;
    l.left = {0, top, left, bodyHeight};
    l.right = {width - right, top, right, bodyHeight};
  } else if (collapsed) {
    l.arrangement = Arrangement::Collapsed;
    l.left = {0, top, std::min(kStripWidth * scale, 0.2f * width), bodyHeight};
  } else {
    l.arrangement = Arrangement::OneColumn;
    // A narrow window gives the column a larger share so its text still fits; the view keeps
    // at least 56 % from 1000 units up and 46 % below.
    const float share = width >= 1000.0f ? 0.44f : 0.54f;
    l.left = {0, top, std::min(kColumnWidth * scale, share * width), bodyHeight};
  }
  if (bodyMap) {
    const float map =
        std::min(std::clamp(0.36f * width, 360.0f * scale, 560.0f * scale), 0.5f * width);
    if (l.left.w < map) l.left = {0, top, map, bodyHeight};
  }
  l.view = {l.left.right(), top, std::max(1.0f, width - l.left.w - l.right.w), bodyHeight};
  return l;
}

}  // namespace radicula::ui
