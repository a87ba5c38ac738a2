// A UiTrace records where each control was laid out in the last frame, by its label, so a
// test can move the mouse onto "Posterior" and click it like a user would. The app passes no
// trace; panels then record nothing.
#pragma once

#include <map>
#include <string>

#include <imgui.h>

namespace radicula::ui {

struct UiTrace {
  struct Rect {
    ImVec2 min, max;
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
  };
  std::map<std::string, Rect> controls;

  void record(const std::string& label) {
    controls[label] = Rect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  }
};

}  // namespace radicula::ui
