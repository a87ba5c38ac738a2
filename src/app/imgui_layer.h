// The ImGuiLayer owns Dear ImGui for one GL context: its context, fonts (a clear sans-serif in
// a normal and a large size, Latin accents included for Spanish), the OpenGL3 renderer
// backend and, in the window, the GLFW platform backend for display size, time and cursor
// shapes. Input does not come from the backend's own callbacks but from the window's
// InputQueue, a frame at a time, so that no key or click is lost. Headless runs
// (--screenshot, the handout) drive frames with an explicit display size instead of a window.
// A layer makes its context current while it works and gives the previous one back when it
// is destroyed: a handout drawn in the middle of a window session leaves the window's
// interface as it was.
#pragma once

#include <cstdint>
#include <vector>

#include "app/input_queue.h"

struct GLFWwindow;
struct ImFont;
struct ImGuiContext;

namespace radicula::app {

class ImGuiLayer {
 public:
  // `window` may be null for headless use. `scale` multiplies font and spacing sizes (high-DPI).
  ImGuiLayer(GLFWwindow* window, float scale);
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  void setLargeText(bool large);
  float textScale() const;  // 1 normally, larger with large text (for layout sizes)
  // A new scale (the page moved to a screen of another pixel ratio) or input (`touch`: a finger,
  // so every control is a finger's size): the fonts and style are made again.
  void setScale(float scale, bool touch);
  // The smallest target for a finger in display units; 0 with a mouse.
  float touchTarget() const;

  // Window frames take this frame's input events; headless frames get their size from the
  // caller.
  void beginFrame(const std::vector<InputEvent>& events, const PointerState& pointer);
  void beginHeadlessFrame(int width, int height, float deltaSeconds = 1.0f / 60.0f);
  // Renders into the currently bound framebuffer over a viewport of the display size.
  void endFrame(int framebufferWidth, int framebufferHeight);

  ImFont* titleFont() const { return title_; }
  // Whether the last frame drew exactly what the one before it drew: the interface has settled
  // (hover, popups and auto-sized windows take a frame or two after an input).
  bool settled() const { return settled_; }

 private:
  ImGuiContext* context_ = nullptr;
  ImGuiContext* previous_ = nullptr;
  std::uint64_t lastDrawHash_ = 0;
  bool settled_ = false;
  bool glfwBackend_ = false;
  float scale_ = 1.0f;
  bool touch_ = false;
  bool large_ = false;
  ImFont* normal_ = nullptr;
  ImFont* large_font_ = nullptr;
  ImFont* title_ = nullptr;
};

}  // namespace radicula::app
