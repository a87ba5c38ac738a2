#include "app/viewer_window.h"

#include "render/gl_api.h"
// The GL header before GLFW, so GLFW does not include the system one.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "render/gl_error.h"

namespace radicula::app {

namespace {

constexpr double kDoubleClickSeconds = 0.35;
constexpr float kClickSlopPixels = 4.0f;
// Frames an interface may take to settle after an input before the window stops drawing
// anyway (a time-driven widget would otherwise keep it busy).
constexpr int kMaxSettleFrames = 60;
// Frames keys may wait for a file chooser's name field to take the cursor (it takes two).
constexpr int kMaxHeldFrames = 30;

const std::array<const char*, 6> kViewKeys = {"side",    "posterior", "axial",
                                              "foramen", "front",     "leg"};

}  // namespace

ViewerWindow* ViewerWindow::of(GLFWwindow* window) {
  return static_cast<ViewerWindow*>(glfwGetWindowUserPointer(window));
}

ViewerWindow::ViewerWindow(GlWindow& window, Session& session, ImGuiLayer& imgui)
    : window_(window), session_(session), imgui_(imgui) {
  GLFWwindow* w = window_.handle();
  glfwSetWindowUserPointer(w, this);
  // Every event is queued in order; frame() hands them to the interface and the view.
  glfwSetMouseButtonCallback(w, [](GLFWwindow* wnd, int button, int action, int mods) {
    of(wnd)->input_.push(InputEvent::mouseButton(button, action == GLFW_PRESS, mods));
  });
  glfwSetCursorPosCallback(w, [](GLFWwindow* wnd, double x, double y) {
    of(wnd)->input_.push(InputEvent::mousePos(static_cast<float>(x), static_cast<float>(y)));
  });
  glfwSetCursorEnterCallback(w, [](GLFWwindow* wnd, int entered) {
    if (!entered) of(wnd)->input_.push(InputEvent::mousePos(-1e31f, -1e31f));
  });
  glfwSetScrollCallback(w, [](GLFWwindow* wnd, double dx, double dy) {
    of(wnd)->input_.push(InputEvent::wheel(static_cast<float>(dx), static_cast<float>(dy)));
  });
  glfwSetKeyCallback(w, [](GLFWwindow* wnd, int key, int, int action, int mods) {
    // Held keys repeat inside ImGui, on its own timing; GLFW's repeats would double them.
    if (action == GLFW_REPEAT) {
      of(wnd)->input_.push(InputEvent::key(key, false, mods));
      of(wnd)->input_.push(InputEvent::key(key, true, mods));
      return;
    }
    of(wnd)->input_.push(InputEvent::key(key, action == GLFW_PRESS, mods));
  });
  glfwSetCharCallback(
      w, [](GLFWwindow* wnd, unsigned int c) { of(wnd)->input_.push(InputEvent::text(c)); });
  glfwSetDropCallback(w, [](GLFWwindow* wnd, int count, const char** paths) {
    if (count > 0) of(wnd)->session_.execute(ui::OpenModel{paths[0]});
    of(wnd)->woken_ = true;
  });
  glfwSetWindowCloseCallback(w, [](GLFWwindow* wnd) {
    // Asks first when lesions are not saved; the loop ends once the session agrees.
    glfwSetWindowShouldClose(wnd, GLFW_FALSE);
    of(wnd)->session_.requestQuit();
    of(wnd)->woken_ = true;
  });
  glfwSetWindowRefreshCallback(w, [](GLFWwindow* wnd) { of(wnd)->woken_ = true; });
  glfwSetWindowFocusCallback(w, [](GLFWwindow* wnd, int) { of(wnd)->woken_ = true; });
  lastTime_ = glfwGetTime();
}

ViewerWindow::~ViewerWindow() {
  GLFWwindow* w = window_.handle();
  glfwSetMouseButtonCallback(w, nullptr);
  glfwSetCursorPosCallback(w, nullptr);
  glfwSetCursorEnterCallback(w, nullptr);
  glfwSetScrollCallback(w, nullptr);
  glfwSetKeyCallback(w, nullptr);
  glfwSetCharCallback(w, nullptr);
  glfwSetDropCallback(w, nullptr);
  glfwSetWindowCloseCallback(w, nullptr);
  glfwSetWindowRefreshCallback(w, nullptr);
  glfwSetWindowFocusCallback(w, nullptr);
  glfwSetWindowUserPointer(w, nullptr);
}

float ViewerWindow::pixelRatio() const {
  int fw = 0, fh = 0, ww = 0, wh = 0;
  glfwGetFramebufferSize(window_.handle(), &fw, &fh);
  glfwGetWindowSize(window_.handle(), &ww, &wh);
  return ww > 0 ? static_cast<float>(fw) / static_cast<float>(ww) : 1.0f;
}

std::optional<std::pair<int, int>> ViewerWindow::viewPixel(float x, float y) const {
  // In floats first: the pointer off the window is far beyond any int.
  const float r = pixelRatio();
  const float px = x * r - static_cast<float>(rect_.x), py = y * r - static_cast<float>(rect_.y);
  if (!(px >= 0.0f && py >= 0.0f && px < rect_.width && py < rect_.height)) return std::nullopt;
  return std::pair{static_cast<int>(px), static_cast<int>(py)};
}

bool ViewerWindow::overInterface(float x, float y) const {
  if (!viewPixel(x, y)) return true;
  // The windows the last frame drew (between frames `Active` still says so), front to back, as
  // ImGui finds the one under the mouse.
  const ImGuiContext& g = *GImGui;
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    const ImGuiWindow* w = g.Windows[i];
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs) != 0) continue;
    if (w->OuterRectClipped.Contains(ImVec2(x, y))) return true;
  }
  return false;
}

void ViewerWindow::nameAt(std::optional<std::pair<float, float>> point) {
  namePoint_ = point;
  hoverDirty_ = true;
  woken_ = true;
}

std::array<float, 6> ViewerWindow::cameraKey() {
  const render::OrbitCamera& c = session_.view().camera;
  return {c.target.x, c.target.y, c.target.z, c.distance, c.yawDeg, c.pitchDeg};
}

bool ViewerWindow::needsFrame() const {
  const PointerState& p = input_.pointer();
  const bool held =
      std::any_of(std::begin(p.buttons), std::end(p.buttons), [](bool b) { return b; }) ||
      input_.anyKeyDown();
  return woken_ || !input_.empty() || (!imgui_.settled() && unsettled_ < kMaxSettleFrames) ||
         session_.animating() || held;
}

void ViewerWindow::startDrag(int button, int mods) {
  dragButton_ = button;
  // Right drag, Shift + left drag, and any left drag where the view does not turn (the flat
  // axial slice) move the picture.
  dragMoves_ =
      button != GLFW_MOUSE_BUTTON_LEFT || (mods & GLFW_MOD_SHIFT) != 0 || !session_.viewOrbits();
  pressX_ = lastX_ = input_.pointer().x;
  pressY_ = lastY_ = input_.pointer().y;
}

void ViewerWindow::endDrag(int button) {
  const float x = input_.pointer().x, y = input_.pointer().y;
  const bool click = std::hypot(x - pressX_, y - pressY_) < kClickSlopPixels;
  if (click && button == GLFW_MOUSE_BUTTON_LEFT && dragButton_ == GLFW_MOUSE_BUTTON_LEFT) {
    if (const auto p = viewPixel(x, y)) {
      const double now = glfwGetTime();
      if (now - lastClick_ < kDoubleClickSeconds) {
        session_.focusAt(p->first, p->second);
        lastClick_ = -1.0;
      } else {
        session_.selectAt(p->first, p->second);
        lastClick_ = now;
      }
    }
  }
  dragButton_ = -1;
}

void ViewerWindow::handleKey(int key, int mods) {
  // A dialog or question is modal: it takes Enter and Escape itself.
  if (session_.modalOpen()) return;
  const ImGuiIO& io = ImGui::GetIO();
  if ((mods & GLFW_MOD_CONTROL) != 0) {
    switch (key) {
      case GLFW_KEY_Z:
        session_.execute((mods & GLFW_MOD_SHIFT) ? ui::UiCommand(ui::Redo{})
                                                 : ui::UiCommand(ui::Undo{}));
        return;
      case GLFW_KEY_Y:
        session_.execute(ui::Redo{});
        return;
      case GLFW_KEY_S:
        session_.execute(ui::ChooseFile{ui::FileAction::SaveScenario});
        return;
      case GLFW_KEY_O:
        session_.execute(ui::ChooseFile{ui::FileAction::OpenScenario});
        return;
      case GLFW_KEY_E:
        session_.execute(ui::ChooseFile{ui::FileAction::ExportHandout});
        return;
      case GLFW_KEY_Q:
        session_.requestQuit();
        return;
      case GLFW_KEY_EQUAL:
      case GLFW_KEY_KP_ADD:
        session_.run(core::cmd::SetLargeText{true});
        return;
      case GLFW_KEY_MINUS:
      case GLFW_KEY_KP_SUBTRACT:
        session_.run(core::cmd::SetLargeText{false});
        return;
      default:
        return;
    }
  }
  if (key == GLFW_KEY_F11) {
    session_.execute(ui::TogglePresentation{});
    return;
  }
  if (io.WantTextInput) return;
  if (key >= GLFW_KEY_1 && key < GLFW_KEY_1 + static_cast<int>(kViewKeys.size())) {
    session_.run(core::cmd::SetView{kViewKeys[key - GLFW_KEY_1]});
  } else if (key == GLFW_KEY_R) {
    session_.resetCamera();
  } else if (key == GLFW_KEY_T) {
    session_.execute(ui::NewQuizQuestion{});
  } else if (key == GLFW_KEY_W) {
    session_.execute(session_.symptomMapOpen() ? ui::UiCommand(ui::CloseSymptomMap{})
                                               : ui::UiCommand(ui::OpenSymptomMap{}));
  } else if (key == GLFW_KEY_F1 || key == GLFW_KEY_H) {
    session_.execute(ui::ToggleHelp{});
  } else if (key == GLFW_KEY_ESCAPE) {
    // Escape steps back: closes an open menu or popup, leaves presentation, closes help, then
    // clears the selection.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
      ImGui::ClosePopupToLevel(0, true);
    } else if (session_.interfaceState().presentation) {
      session_.execute(ui::TogglePresentation{});
    } else if (session_.interfaceState().showHelp) {
      session_.execute(ui::ToggleHelp{});
    } else if (session_.symptomMapOpen()) {
      session_.execute(ui::CloseSymptomMap{});
    } else {
      session_.run(core::cmd::Select{std::nullopt});
    }
  }
}

void ViewerWindow::handle(const InputEvent& e) {
  const ImGuiIO& io = ImGui::GetIO();
  switch (e.kind) {
    case InputEvent::Kind::MouseButton:
      if (e.down) {
        // A press on the 3D view (not on a panel, not closing a popup) starts a drag.
        if (dragButton_ < 0 && !io.WantCaptureMouse &&
            viewPixel(input_.pointer().x, input_.pointer().y)) {
          startDrag(e.code, e.mods);
        }
      } else if (dragButton_ == e.code) {
        endDrag(e.code);
      }
      break;
    case InputEvent::Kind::MousePos: {
      hoverDirty_ = true;
      if (dragButton_ < 0) break;
      const float dx = e.x - lastX_, dy = e.y - lastY_;
      lastX_ = e.x;
      lastY_ = e.y;
      if (rect_.height <= 0) break;
      if (!dragMoves_) {
        session_.orbit(-dx * 0.4f, dy * 0.4f);
      } else {
        session_.pan(dx / static_cast<float>(rect_.height) * pixelRatio(),
                     dy / static_cast<float>(rect_.height) * pixelRatio());
      }
      break;
    }
    case InputEvent::Kind::Wheel:
      if (!io.WantCaptureMouse && e.y != 0.0f) {
        const auto p = viewPixel(input_.pointer().x, input_.pointer().y);
        if (p) session_.zoomAt(static_cast<float>(std::pow(0.88, e.y)), p->first, p->second);
      }
      break;
    case InputEvent::Kind::Key:
      if (e.down) handleKey(e.code, e.mods);
      break;
    case InputEvent::Kind::Char:
      break;
  }
}

void ViewerWindow::syncFullscreen() {
  const bool want = session_.interfaceState().presentation;
  if (want == fullscreen_) return;
  GLFWwindow* w = window_.handle();
  // Presentation fills the screen the window is on; a hidden (test) window just fills itself.
  if (glfwGetWindowAttrib(w, GLFW_VISIBLE) == GLFW_TRUE) {
    if (want) {
      glfwGetWindowPos(w, &windowedX_, &windowedY_);
      glfwGetWindowSize(w, &windowedW_, &windowedH_);
      if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwSetWindowMonitor(w, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
      }
    } else if (windowedW_ > 0) {
      glfwSetWindowMonitor(w, nullptr, windowedX_, windowedY_, windowedW_, windowedH_,
                           GLFW_DONT_CARE);
    }
  }
  fullscreen_ = want;
}

void ViewerWindow::frame() {
  syncFullscreen();
  int w = 0, h = 0;
  window_.framebufferSize(&w, &h);
  const double now = glfwGetTime();
  const float dt = static_cast<float>(std::min(0.1, now - lastTime_));
  lastTime_ = now;
  if (w <= 0 || h <= 0) {
    // Minimised: nothing to draw or point at until it is restored.
    input_.clear();
    session_.advance(dt);
    return;
  }
  // Keys typed right after a file chooser opens wait for its name field.
  // In the in-app file chooser typing always goes to the name, as in a desktop file dialog:
  // keys that come while the name field is not being edited (it has just opened, or a click
  // on the list took the cursor away) wait while the field takes the cursor back.
  // The MRI report reader's text works the same way.
  const bool chooserTyping = session_.fileChooserOpen() && !session_.waitingForDesktopChooser();
  const bool readerTyping = !session_.fileChooserOpen() && session_.mriReaderOpen();
  const bool nameWaits =
      (chooserTyping || readerTyping) && !ImGui::GetIO().WantTextInput && input_.keyWaiting();
  const bool hold = nameWaits && heldFrames_ < kMaxHeldFrames;
  if (hold && chooserTyping) session_.interfaceState().focusFileName = true;
  if (hold && readerTyping) session_.interfaceState().focusMriText = true;
  heldFrames_ = hold ? heldFrames_ + 1 : 0;
  const std::vector<InputEvent> events = input_.takeFrame(hold);
  unsettled_ = events.empty() && !woken_ ? unsettled_ + 1 : 0;
  woken_ = false;

  imgui_.setLargeText(session_.state().largeText);
  imgui_.beginFrame(events, input_.pointer());
  rect_ = sceneRect(session_, imgui_, w, h, pixelRatio(), true);
  for (const InputEvent& e : events) handle(e);
  if (hoverDirty_) {
    const ImGuiIO& io = ImGui::GetIO();
    if (namePoint_) {
      session_.hoverAt(viewPixel(namePoint_->first, namePoint_->second));
    } else {
      session_.hoverAt(io.WantCaptureMouse || dragButton_ >= 0
                           ? std::nullopt
                           : viewPixel(input_.pointer().x, input_.pointer().y));
    }
    hoverDirty_ = false;
  }
  // Over the flat axial slice a drag moves the picture: the cursor says so.
  if (!session_.viewOrbits() && !ImGui::GetIO().WantCaptureMouse &&
      viewPixel(input_.pointer().x, input_.pointer().y)) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
  }
  session_.advance(dt);
  drawSceneInto(session_, 0, w, h, rect_);
  drawOrientationMarkers(session_, rect_, pixelRatio());
  if (trace_ != nullptr) trace_->controls.clear();
  const ui::UiCommands commands = drawInterfaceFrame(session_, imgui_, trace_);
  imgui_.endFrame(w, h);
  glfwSwapBuffers(window_.handle());
  render::checkGl("drawing the interface");
  for (const auto& c : commands) session_.execute(c);
  if (!commands.empty()) {
    // What the commands did (a reader opened, a menu closed) is drawn next, whether or not
    // this frame looked like the one before it.
    unsettled_ = 0;
    woken_ = true;
  }
  // The camera moved (a key, an animation, a finger): what is under the pointer is picked
  // again once the new picture is drawn, so a name never stays on what is no longer there.
  const std::array<float, 6> camera = cameraKey();
  if (camera != lastCamera_) {
    lastCamera_ = camera;
    hoverDirty_ = true;
    woken_ = true;
  }
  ++frames_;
}

void ViewerWindow::run() {
  while (!session_.wantsQuit()) {
    if (needsFrame()) {
      glfwPollEvents();
    } else {
      // Idle: sleep until an event (or, while the desktop's file chooser is open, its answer).
      glfwWaitEvents();
      woken_ = true;  // whatever woke it (a wake from the file chooser's thread too) gets a frame
    }
    if (session_.wantsQuit()) break;
    frame();
    if (session_.animating() && input_.empty() && imgui_.settled()) {
      // Animations (camera moves, the nerve pulse) run at a gentle 30 frames per second.
      glfwWaitEventsTimeout(1.0 / 30.0);
    }
  }
}

}  // namespace radicula::app
