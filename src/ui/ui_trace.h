// A UiTrace records where each control was laid out in the last frame, by a stable name, so a
// test can move the mouse onto "Posterior" and click it like a user would, and check that its
// text fits. The app passes no trace; panels then record nothing.
#pragma once

#include <map>
#include <string>

#include <imgui.h>

namespace radicula::ui {

struct UiTrace {
  struct Rect {
    ImVec2 min, max;
    float textWidth = 0;        // the widest line of the control's visible text (0: none recorded)
    std::string text;           // that text
    float windowRight = 1e30f;  // where the window it is in ends: beyond, it is cut off
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
  };
  std::map<std::string, Rect> controls;

  // `beside` is what the control draws next to its text (a header's arrow), counted with it.
  void record(const std::string& name, const std::string& text = "", float beside = 0.0f) {
    float widest = 0;
    for (std::size_t start = 0; start <= text.size();) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      widest = std::max(widest, ImGui::CalcTextSize(line.c_str()).x);
      start = end + 1;
    }
    controls[name] =
        Rect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), widest > 0 ? widest + beside : 0.0f,
             text, ImGui::GetWindowPos().x + ImGui::GetWindowWidth()};
  }
};

}  // namespace radicula::ui
