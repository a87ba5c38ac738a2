#include "app/viewer_app.h"

#include <epoxy/gl.h>
// epoxy before GLFW, so GLFW does not include the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <ostream>

#include "app/app_frame.h"
#include "app/exit_status.h"
#include "app/gl_window.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "core/content_error.h"
#include "io/model_error.h"
#include "render/gl_error.h"

namespace radicula::app {

namespace {

constexpr double kDoubleClickSeconds = 0.35;
constexpr double kClickSlopPixels = 4.0;

class Viewer {
 public:
  Viewer(GlWindow& window, Session& session, ImGuiLayer& imgui)
      : window_(window), session_(session), imgui_(imgui) {}

  // --- input: window coordinates → pixels of the 3D view ----------------------------------
  float pixelRatio() const {
    int fw = 0, fh = 0, ww = 0, wh = 0;
    glfwGetFramebufferSize(window_.handle(), &fw, &fh);
    glfwGetWindowSize(window_.handle(), &ww, &wh);
    return ww > 0 ? static_cast<float>(fw) / static_cast<float>(ww) : 1.0f;
  }

  std::optional<std::pair<int, int>> viewPixel(double x, double y) const {
    const float r = pixelRatio();
    const int px = static_cast<int>(x * r) - rect_.x, py = static_cast<int>(y * r) - rect_.y;
    if (px < 0 || py < 0 || px >= rect_.width || py >= rect_.height) return std::nullopt;
    return std::pair{px, py};
  }

  void onMouseButton(int button, int action, int mods) {
    double x = 0, y = 0;
    glfwGetCursorPos(window_.handle(), &x, &y);
    if (action == GLFW_PRESS) {
      if (ImGui::GetIO().WantCaptureMouse) return;
      dragButton_ = (button == GLFW_MOUSE_BUTTON_LEFT && (mods & GLFW_MOD_SHIFT))
                        ? GLFW_MOUSE_BUTTON_RIGHT
                        : button;
      pressX_ = lastX_ = x;
      pressY_ = lastY_ = y;
    } else if (action == GLFW_RELEASE && dragButton_ >= 0) {
      const bool click = std::hypot(x - pressX_, y - pressY_) < kClickSlopPixels;
      if (click && button == GLFW_MOUSE_BUTTON_LEFT) {
        if (const auto p = viewPixel(x, y)) {
          const double now = glfwGetTime();
          if (now - lastClick_ < kDoubleClickSeconds) {
            session_.focusAt(p->first, p->second);
          } else {
            session_.selectAt(p->first, p->second);
          }
          lastClick_ = now;
        }
      }
      dragButton_ = -1;
    }
    dirty_ = true;
  }

  void onCursor(double x, double y) {
    if (dragButton_ < 0) {
      const auto p = ImGui::GetIO().WantCaptureMouse ? std::nullopt : viewPixel(x, y);
      hover_ = p;
      dirty_ = true;
      return;
    }
    const double dx = x - lastX_, dy = y - lastY_;
    lastX_ = x;
    lastY_ = y;
    int ww = 0, wh = 0;
    glfwGetWindowSize(window_.handle(), &ww, &wh);
    if (wh <= 0) return;
    if (dragButton_ == GLFW_MOUSE_BUTTON_LEFT) {
      session_.orbit(static_cast<float>(-dx) * 0.4f, static_cast<float>(dy) * 0.4f);
    } else {
      session_.pan(static_cast<float>(dx / rect_.height * pixelRatio()),
                   static_cast<float>(dy / rect_.height * pixelRatio()));
    }
    dirty_ = true;
  }

  void onScroll(double dy) {
    if (ImGui::GetIO().WantCaptureMouse) return;
    double x = 0, y = 0;
    glfwGetCursorPos(window_.handle(), &x, &y);
    const auto p = viewPixel(x, y);
    session_.zoomAt(static_cast<float>(std::pow(0.88, dy)), p ? p->first : rect_.width / 2,
                    p ? p->second : rect_.height / 2);
    dirty_ = true;
  }

  void onKey(int key, int action, int mods) {
    dirty_ = true;
    if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
    const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0;
    if (ctrl) {
      const auto& s = session_.state();
      switch (key) {
        case GLFW_KEY_Z:
          session_.execute((mods & GLFW_MOD_SHIFT) ? ui::UiCommand(ui::Redo{})
                                                   : ui::UiCommand(ui::Undo{}));
          return;
        case GLFW_KEY_Y:
          session_.execute(ui::Redo{});
          return;
        case GLFW_KEY_S:
          session_.interfaceState().dialog = ui::Dialog::SaveScenario;
          return;
        case GLFW_KEY_O:
          session_.interfaceState().dialog = ui::Dialog::OpenScenario;
          return;
        case GLFW_KEY_E:
          session_.interfaceState().dialog = ui::Dialog::ExportHandout;
          return;
        case GLFW_KEY_Q:
          glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
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
          (void)s;
          return;
      }
    }
    if (ImGui::GetIO().WantTextInput) return;
    static const std::array<const char*, 6> views = {"side",    "posterior", "axial",
                                                     "foramen", "front",     "leg"};
    if (key >= GLFW_KEY_1 && key < GLFW_KEY_1 + static_cast<int>(views.size())) {
      session_.run(core::cmd::SetView{views[key - GLFW_KEY_1]});
    } else if (key == GLFW_KEY_R) {
      session_.resetCamera();
    } else if (key == GLFW_KEY_T) {
      session_.execute(ui::NewQuizQuestion{});
    } else if (key == GLFW_KEY_F1 || key == GLFW_KEY_H) {
      session_.execute(ui::ToggleHelp{});
    } else if (key == GLFW_KEY_ESCAPE) {
      session_.run(core::cmd::Select{std::nullopt});
    }
  }

  void onDrop(int count, const char** paths) {
    if (count > 0) session_.execute(ui::OpenModel{paths[0]});
    dirty_ = true;
  }

  // --- frame loop: draws only when something changed or animates --------------------------
  void run() {
    using Clock = std::chrono::steady_clock;
    auto last = Clock::now();
    int settle = 3;  // ImGui needs a few frames after input to settle hover and sizes
    while (!glfwWindowShouldClose(window_.handle()) && !session_.wantsQuit()) {
      if (!session_.animating() && !dirty_ && settle <= 0) {
        glfwWaitEvents();
        settle = 3;
        last = Clock::now();
      } else {
        glfwPollEvents();
      }
      const auto now = Clock::now();
      const float dt = std::min(0.1f, std::chrono::duration<float>(now - last).count());
      last = now;
      session_.advance(dt);
      int w = 0, h = 0;
      window_.framebufferSize(&w, &h);
      if (w <= 0 || h <= 0) {  // minimised: nothing to draw until restored
        dirty_ = false;
        settle = 0;
        continue;
      }
      drawFrame(w, h);
      dirty_ = false;
      --settle;
      if (session_.animating()) {
        // Animations (camera moves, the nerve pulse) run at a gentle 30 frames per second.
        glfwWaitEventsTimeout(1.0 / 30.0);
      }
    }
  }

  void drawFrame(int w, int h) {
    imgui_.beginFrame();
    rect_ = sceneRect(session_, imgui_, w, h, pixelRatio(), true);
    session_.hoverAt(hover_);
    drawSceneInto(session_, 0, w, h, rect_);
    drawOrientationMarkers(session_, rect_, pixelRatio());
    const ui::UiCommands commands = drawInterfaceFrame(session_, imgui_);
    imgui_.endFrame(w, h);
    glfwSwapBuffers(window_.handle());
    render::checkGl("drawing the interface");
    for (const auto& c : commands) session_.execute(c);
    if (!commands.empty()) dirty_ = true;
  }

 private:
  GlWindow& window_;
  Session& session_;
  ImGuiLayer& imgui_;
  PixelRect rect_;
  std::optional<std::pair<int, int>> hover_;
  bool dirty_ = true;
  int dragButton_ = -1;
  double lastX_ = 0, lastY_ = 0, pressX_ = 0, pressY_ = 0, lastClick_ = -1.0;
};

Viewer* viewerOf(GLFWwindow* w) {
  return static_cast<Viewer*>(glfwGetWindowUserPointer(w));
}

}  // namespace

int runViewer(const CliOptions& options, std::ostream& err) {
  return guarded(err, [&] {
    GlWindow window(1600, 1000, "Radicula", /*visible=*/true);
    // Narrower than both side panels and the view would leave no room for the anatomy.
    glfwSetWindowSizeLimits(window.handle(), 960, 600, GLFW_DONT_CARE, GLFW_DONT_CARE);
    int w = 0, h = 0;
    window.framebufferSize(&w, &h);
    Session session(options, std::max(w, 1), std::max(h, 1));
    // Our callbacks go in first; ImGui's GLFW backend chains to them.
    glfwSetMouseButtonCallback(window.handle(), [](GLFWwindow* wnd, int b, int a, int m) {
      viewerOf(wnd)->onMouseButton(b, a, m);
    });
    glfwSetCursorPosCallback(window.handle(), [](GLFWwindow* wnd, double x, double y) {
      viewerOf(wnd)->onCursor(x, y);
    });
    glfwSetScrollCallback(window.handle(),
                          [](GLFWwindow* wnd, double, double dy) { viewerOf(wnd)->onScroll(dy); });
    glfwSetKeyCallback(window.handle(), [](GLFWwindow* wnd, int k, int, int a, int m) {
      viewerOf(wnd)->onKey(k, a, m);
    });
    glfwSetDropCallback(window.handle(), [](GLFWwindow* wnd, int n, const char** p) {
      viewerOf(wnd)->onDrop(n, p);
    });
    glfwSetWindowRefreshCallback(window.handle(), [](GLFWwindow*) {});
    ImGuiLayer imgui(window.handle(), window.contentScale());
    Viewer viewer(window, session, imgui);
    glfwSetWindowUserPointer(window.handle(), &viewer);
    viewer.run();
    return 0;
  });
}

}  // namespace radicula::app
