#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "ui/interface.h"
#include "ui/panel_parts.h"

namespace radicula::ui {

namespace {

constexpr ImGuiWindowFlags kSheetFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
    ImGuiWindowFlags_NoScrollWithMouse;

// The handle across the sheet's top: dragged, it moves the sheet; clicked (or tapped), it
// pulls the sheet up or lets it rest.
void drawHandle(PanelFrame& f, float range) {
  const float s = f.scale();
  const float height = std::max(24.0f * s, 0.6f * f.model.touchTarget);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool clicked = ImGui::InvisibleButton("###sheet.handle", ImVec2(width, height));
  f.traced("sheet.handle");
  ImGuiIO& io = ImGui::GetIO();
  float& open = f.state.sheetOpen;
  const float slop = 6.0f * s;
  if (ImGui::IsItemActive() && io.MouseDelta.y != 0.0f) {
    open = std::clamp(open - io.MouseDelta.y / range, 0.0f, 1.0f);
  }
  if (clicked && io.MouseDragMaxDistanceSqr[0] < slop * slop) open = open > 0.5f ? 0.0f : 1.0f;
  const bool lit = ImGui::IsItemHovered() || ImGui::IsItemActive();
  const ImVec2 centre(at.x + width * 0.5f, at.y + height * 0.5f);
  ImGui::GetWindowDrawList()->AddRectFilled(
      ImVec2(centre.x - 22.0f * s, centre.y - 2.5f * s),
      ImVec2(centre.x + 22.0f * s, centre.y + 2.5f * s),
      lit ? IM_COL32(200, 205, 215, 255) : IM_COL32(120, 126, 136, 255), 2.5f * s);
}

// A finger's scroll over the sheet: upward it first pulls the sheet up, then scrolls its
// content; downward it first scrolls the content back to its top, then lets the sheet down.
void takeScroll(InterfaceState& state, float range) {
  float dy = state.touchScroll;
  state.touchScroll = 0.0f;
  float scroll = ImGui::GetScrollY();
  float& open = state.sheetOpen;
  if (dy > 0.0f) {
    const float take = std::min(dy, (1.0f - open) * range);
    open += take / range;
    scroll += dy - take;
  } else {
    const float back = std::max(dy, -scroll);
    scroll += back;
    dy -= back;
    open = std::max(0.0f, open + dy / range);
  }
  open = std::clamp(open, 0.0f, 1.0f);
  ImGui::SetScrollY(std::clamp(scroll, 0.0f, ImGui::GetScrollMaxY()));
}

void drawSheetContent(PanelFrame& f) {
  if (!f.model.anatomy) {
    drawModelPanel(f);
    return;
  }
  // What a thumb reaches first: the lesions and their level, side and severity.
  drawLesionToggles(f);
  ImGui::Spacing();
  drawLesionEditors(f);
  ImGui::Spacing();
  ImGui::Separator();
  // Then what they mean and when to get help; then the rest of the panel.
  drawFindings(f);
  ImGui::Spacing();
  ImGui::Separator();
  drawLesionExtras(f);
  ImGui::Separator();
  drawViewControls(f);
  ImGui::Dummy(ImVec2(1.0f, 8.0f * f.scale()));
}

}  // namespace

void drawSheet(PanelFrame& f, const Layout& layout, float bannerBottom) {
  const float s = f.scale();
  Box box = layout.sheet;
  // Never over the red-flag line: that stays in sight.
  const float floor = std::min(bannerBottom + 6.0f * s, layout.view.bottom());
  if (box.y < floor) {
    box.h -= floor - box.y;
    box.y = floor;
  }
  const float range = std::max(1.0f, layout.view.bottom() - std::max(floor, layout.sheetOpenTop));
  ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  background.w = 1.0f;
  ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
  ImGui::SetNextWindowSize(ImVec2(box.w, std::max(1.0f, box.h)));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                      ImVec2(ImGui::GetStyle().WindowPadding.x, 2.0f * s));
  ImGui::Begin("###sheet", nullptr, kSheetFlags);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  // A line along the top, so the sheet reads as lying over the picture.
  ImGui::GetWindowDrawList()->AddLine(ImVec2(box.x, box.y), ImVec2(box.right(), box.y),
                                      IM_COL32(70, 76, 88, 255), 1.0f * s);
  drawHandle(f, range);
  ImGui::BeginChild("###sheet_body");
  if (f.state.touchScroll != 0.0f && box.contains(f.state.touchX, f.state.touchY)) {
    takeScroll(f.state, range);
  }
  drawSheetContent(f);
  ImGui::EndChild();
  if (f.trace != nullptr) {
    f.trace->controls["sheet"] =
        UiTrace::Rect{ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom())};
  }
  ImGui::End();
}

void applyTouchScroll(InterfaceState& state) {
  if (state.touchScroll == 0.0f) return;
  const float dy = state.touchScroll;
  state.touchScroll = 0.0f;
  const ImVec2 at(state.touchX, state.touchY);
  ImGuiContext& g = *GImGui;
  // The front-most window under the finger, as ImGui finds the hovered one; then the nearest
  // of it and its parents that has anything to scroll.
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    ImGuiWindow* w = g.Windows[i];
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs) != 0) continue;
    if (!w->OuterRectClipped.Contains(at)) continue;
    for (ImGuiWindow* s = w; s != nullptr; s = s->ParentWindow) {
      if (s->ScrollMax.y > 0.0f) {
        ImGui::SetScrollY(s, std::clamp(s->Scroll.y + dy, 0.0f, s->ScrollMax.y));
        return;
      }
      if ((s->Flags & ImGuiWindowFlags_ChildWindow) == 0) break;
    }
    return;
  }
}

}  // namespace radicula::ui
