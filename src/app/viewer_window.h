// The interactive viewer in its window: a Session drawn with Dear ImGui on top, an orbit
// camera driven by mouse and keys, shortcuts, drag-and-drop of files, the close button, and
// presentation mode on the whole screen.
//
// Every key, character and mouse event goes into an InputQueue and reaches the interface a
// frame at a time, so none is lost however fast it comes. After any input the window keeps
// drawing until the interface has settled (two frames alike) and nothing animates; then it
// sleeps in glfwWaitEvents, so an idle Radicula uses no CPU. Tests drive it through the same
// GLFW callbacks a real window receives and step it frame by frame.
#pragma once

#include <array>
#include <optional>
#include <utility>

#include "app/app_frame.h"
#include "app/gl_window.h"
#include "app/imgui_layer.h"
#include "app/input_queue.h"
#include "app/session.h"

namespace radicula::app {

class ViewerWindow {
 public:
  // Installs the window's GLFW callbacks (and removes them when destroyed).
  ViewerWindow(GlWindow& window, Session& session, ImGuiLayer& imgui);
  ~ViewerWindow();
  ViewerWindow(const ViewerWindow&) = delete;
  ViewerWindow& operator=(const ViewerWindow&) = delete;

  // Draws one frame with the input one frame can take.
  void frame();
  // Whether a frame is due now: input waiting, the interface still settling, an animation, a
  // key or button held.
  bool needsFrame() const;
  // Draws frames until the user quits (asking first about unsaved lesions) or closes the window.
  void run();

  int framesDrawn() const { return frames_; }
  // Records where each control is drawn (tests click them as a user would).
  void setTrace(ui::UiTrace* trace) { trace_ = trace; }

  // For input that does not come through GLFW (a touch screen's fingers, the page's wheel):
  // an event queued as if GLFW had sent it, and a frame asked for.
  void push(const InputEvent& event) { input_.push(event); }
  void wake() { woken_ = true; }
  Session& session() { return session_; }
  // The pixel of the 3D view under a window point, if the view is there.
  std::optional<std::pair<int, int>> viewPixel(float x, float y) const;
  // Whether a window point is on the interface (a panel, the menu bar, a notice, a card over
  // the view) rather than on the picture, as the last frame drew it.
  bool overInterface(float x, float y) const;
  // What is named under the pointer is named at this point instead (a long press), until
  // reset; the structure is picked again on the next frame.
  void nameAt(std::optional<std::pair<float, float>> point);

 private:
  static ViewerWindow* of(struct GLFWwindow* window);
  void handle(const InputEvent& e);
  void handleKey(int key, int mods);
  void startDrag(int button, int mods);
  void endDrag(int button);
  void syncFullscreen();
  float pixelRatio() const;
  // The camera as numbers, to notice that it moved (and what is under the pointer changed).
  std::array<float, 6> cameraKey();

  GlWindow& window_;
  Session& session_;
  ImGuiLayer& imgui_;
  InputQueue input_;
  ui::UiTrace* trace_ = nullptr;
  PixelRect rect_;
  int frames_ = 0;
  int unsettled_ = 0;    // frames drawn since the last input without the interface settling
  int heldFrames_ = 0;   // frames keys were held back for a file chooser's name field
  double lastTime_ = 0;  // glfwGetTime of the last frame
  // The drag in progress: which button, where it started and was last seen.
  int dragButton_ = -1;
  bool dragMoves_ = false;  // the drag pans instead of turning
  float pressX_ = 0, pressY_ = 0, lastX_ = 0, lastY_ = 0;
  double lastClick_ = -1.0;
  bool hoverDirty_ = true;
  std::optional<std::pair<float, float>> namePoint_;
  std::array<float, 6> lastCamera_{};
  bool woken_ = true;  // something outside the input queue happened (a drop, the close button)
  bool fullscreen_ = false;
  int windowedX_ = 0, windowedY_ = 0, windowedW_ = 0, windowedH_ = 0;
};

}  // namespace radicula::app
