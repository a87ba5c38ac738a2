// The ImGuiLayer owns Dear ImGui for one GL context: its context, fonts (a clear sans-serif in
// a normal and a large size, Latin accents included for Spanish), the OpenGL3 renderer
// backend and, in the window, the GLFW platform backend. Headless runs (--screenshot, the
// handout) drive frames with an explicit display size instead of a window.
#pragma once

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

  // Window frames read input from GLFW; headless frames get their size from the caller.
  void beginFrame();
  void beginHeadlessFrame(int width, int height, float deltaSeconds = 1.0f / 60.0f);
  // Renders into the currently bound framebuffer over a viewport of the display size.
  void endFrame(int framebufferWidth, int framebufferHeight);

  ImFont* titleFont() const { return title_; }

 private:
  ImGuiContext* context_ = nullptr;
  bool glfwBackend_ = false;
  float scale_ = 1.0f;
  bool large_ = false;
  ImFont* normal_ = nullptr;
  ImFont* large_font_ = nullptr;
  ImFont* title_ = nullptr;
};

}  // namespace radicula::app
