// Runs Dear ImGui without a renderer or window: frames are built and discarded, and the mouse
// is moved and clicked through ImGuiIO like a user would.
#pragma once

#include <imgui.h>

#include <functional>

#include "ui/interface_style.h"

namespace radicula::test {

class ImGuiHarness {
 public:
  // A wide window by default, where the lesion and findings panels stand side by side. The
  // interface's own fonts and style, so that what is measured is what a user sees.
  // `scale` and `touch` as on a phone's page: display units are device pixels, `scale` of them
  // a point, and every control a finger's size.
  explicit ImGuiHarness(ImVec2 display = ImVec2(1920, 1080), float scale = 1.0f,
                        bool touch = false) {
    context_ = ImGui::CreateContext();
    fonts_ = ui::setUpInterfaceStyle(scale, touch);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas
  }
  ~ImGuiHarness() { ImGui::DestroyContext(context_); }

  // Large text, as the app sets it: the large face, everything measured in its size.
  void setLargeText(bool large) {
    ImGui::GetIO().FontDefault = large ? fonts_.large : fonts_.normal;
  }
  float textScale(bool large) const {
    return large ? ui::kLargeTextSize / ui::kNormalTextSize : 1.0f;
  }
  const ui::InterfaceFonts& fonts() const { return fonts_; }

  void frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    draw();
    ImGui::Render();
  }

  // Moves onto `at`, presses and releases over the following frames (ImGui reacts on release).
  template <typename Draw>
  void click(ImVec2 at, Draw&& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    frame(draw);
    io.MouseDown[0] = true;
    frame(draw);
    io.MouseDown[0] = false;
    frame(draw);
  }

 private:
  ImGuiContext* context_ = nullptr;
  ui::InterfaceFonts fonts_;
};

}  // namespace radicula::test
