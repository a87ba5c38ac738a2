// Runs Dear ImGui without a renderer or window: frames are built and discarded, and the mouse
// is moved and clicked through ImGuiIO like a user would.
#pragma once

#include <imgui.h>

#include <functional>

namespace radicula::test {

class ImGuiHarness {
 public:
  // A wide window by default, where the lesion and findings panels stand side by side.
  explicit ImGuiHarness(ImVec2 display = ImVec2(1920, 1080)) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas
  }
  ~ImGuiHarness() { ImGui::DestroyContext(context_); }

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
};

}  // namespace radicula::test
