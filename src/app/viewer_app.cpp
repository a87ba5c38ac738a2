#include "app/viewer_app.h"

#include <epoxy/gl.h>
// epoxy before GLFW, so GLFW does not include the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <memory>
#include <ostream>

#include "app/gl_window.h"
#include "app/scene_view.h"
#include "app/startup_scene.h"
#include "core/data_paths.h"
#include "io/model_loader.h"
#include "render/gl_error.h"
#include "ui/viewer_panel.h"

namespace radicula::app {

namespace {

constexpr double kDoubleClickSeconds = 0.35;
constexpr float kTransitionSeconds = 0.45f;

bool isSkin(const std::string& name) {
  return name == "skin" || name.rfind("skin.", 0) == 0;
}
bool isBone(const std::string& name) {
  for (const char* p : {"vertebra.", "sacrum", "pelvis.", "femur.", "tibia.", "fibula.", "foot."}) {
    if (name.rfind(p, 0) == 0) return true;
  }
  return false;
}

class Viewer {
 public:
  Viewer(GlWindow& window, io::Scene scene, std::string modelName, const CliOptions& options)
      : window_(window), modelName_(std::move(modelName)) {
    int w = 0, h = 0;
    window.framebufferSize(&w, &h);
    view_ = std::make_unique<SceneView>(std::max(w, 1), std::max(h, 1), options.samples,
                                        core::shadersDir());
    setScene(std::move(scene));
    if (!options.view.empty()) setView(options.view, /*animate=*/false);
  }

  void setScene(io::Scene scene) {
    view_->setScene(std::move(scene));
    currentView_ = defaultViewFor(view_->scene());
    home_ = view_->camera;
    applyLayerOpacity();
    dirty_ = true;
  }

  void setView(const std::string& name, bool animate) {
    const render::OrbitCamera from = view_->camera;
    view_->applyView(name);
    currentView_ = name;
    startTransition(from, view_->camera, animate);
  }

  void startTransition(const render::OrbitCamera& from, const render::OrbitCamera& to,
                       bool animate) {
    transitionFrom_ = from;
    transitionTo_ = to;
    transitionT_ = animate ? 0.0f : 1.0f;
    view_->camera = animate ? from : to;
    dirty_ = true;
  }

  void applyLayerOpacity() {
    const auto& nodes = view_->scene().nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      // Child nodes (".annulus", ".nucleus") follow their top-level structure's layer.
      int top = static_cast<int>(i);
      while (nodes[top].parent >= 0) top = nodes[top].parent;
      if (isSkin(nodes[top].name))
        view_->style.nodes[i].alpha = skinOpacity_ / 0.25f;
      else if (isBone(nodes[top].name))
        view_->style.nodes[i].alpha = boneOpacity_;
    }
    dirty_ = true;
  }

  void open(const std::string& path) {
    try {
      io::Scene scene = io::loadModel(path);
      modelName_ = std::filesystem::path(path).filename().string();
      setScene(std::move(scene));
      message_.clear();
    } catch (const io::ModelError& e) {
      message_ = e.what();
    }
    dirty_ = true;
  }

  void apply(const ui::UiCommands& commands) {
    for (const auto& command : commands) {
      std::visit(
          [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, ui::SetView>) {
              setView(c.view, true);
            } else if constexpr (std::is_same_v<T, ui::ResetCamera>) {
              startTransition(view_->camera, home_, true);
            } else if constexpr (std::is_same_v<T, ui::OpenFile>) {
              open(c.path);
            } else if constexpr (std::is_same_v<T, ui::SetLayerOpacity>) {
              (c.layer == "skin" ? skinOpacity_ : boneOpacity_) = c.opacity;
              applyLayerOpacity();
            } else if constexpr (std::is_same_v<T, ui::ToggleHelp>) {
              showHelp_ = !showHelp_;
            } else if constexpr (std::is_same_v<T, ui::DismissMessage>) {
              message_.clear();
            }
          },
          command);
    }
    if (!commands.empty()) dirty_ = true;
  }

  // --- input -----------------------------------------------------------------------------
  void onMouseButton(int button, int action, int mods) {
    if (ImGui::GetIO().WantCaptureMouse) return;
    double x = 0, y = 0;
    glfwGetCursorPos(window_.handle(), &x, &y);
    if (action == GLFW_PRESS) {
      dragButton_ = (button == GLFW_MOUSE_BUTTON_LEFT && (mods & GLFW_MOD_SHIFT))
                        ? GLFW_MOUSE_BUTTON_RIGHT
                        : button;
      lastX_ = x;
      lastY_ = y;
      if (button == GLFW_MOUSE_BUTTON_LEFT) {
        const double now = glfwGetTime();
        if (now - lastClick_ < kDoubleClickSeconds) focusAt(x, y);
        lastClick_ = now;
      }
    } else if (action == GLFW_RELEASE) {
      dragButton_ = -1;
    }
  }

  void onCursor(double x, double y) {
    if (dragButton_ < 0) return;
    const double dx = x - lastX_, dy = y - lastY_;
    lastX_ = x;
    lastY_ = y;
    int ww = 0, wh = 0;
    glfwGetWindowSize(window_.handle(), &ww, &wh);
    if (wh <= 0) return;
    transitionT_ = 1.0f;
    if (dragButton_ == GLFW_MOUSE_BUTTON_LEFT) {
      view_->camera.orbit(static_cast<float>(-dx) * 0.4f, static_cast<float>(dy) * 0.4f);
    } else {
      view_->camera.pan(static_cast<float>(dx / wh), static_cast<float>(dy / wh));
    }
    dirty_ = true;
  }

  void onScroll(double dy) {
    if (ImGui::GetIO().WantCaptureMouse) return;
    double x = 0, y = 0;
    glfwGetCursorPos(window_.handle(), &x, &y);
    const auto point = worldPointAtCursor(x, y);
    transitionT_ = 1.0f;
    view_->camera.zoomToward(static_cast<float>(std::pow(0.88, dy)),
                             point.value_or(view_->camera.target));
    dirty_ = true;
  }

  void onKey(int key, int action) {
    if (action != GLFW_PRESS || ImGui::GetIO().WantCaptureKeyboard) return;
    const auto& names = viewNames();
    if (key >= GLFW_KEY_1 && key < GLFW_KEY_1 + static_cast<int>(names.size())) {
      setView(names[key - GLFW_KEY_1], true);
    } else if (key == GLFW_KEY_R) {
      startTransition(view_->camera, home_, true);
    } else if (key == GLFW_KEY_F1 || key == GLFW_KEY_H) {
      showHelp_ = !showHelp_;
    }
    dirty_ = true;
  }

  void onDrop(int count, const char** paths) {
    if (count > 0) open(paths[0]);
  }

  std::optional<glm::vec3> worldPointAtCursor(double x, double y) {
    int ww = 0, wh = 0;
    glfwGetWindowSize(window_.handle(), &ww, &wh);
    if (ww <= 0 || wh <= 0) return std::nullopt;
    const int px = static_cast<int>(x * view_->width() / ww);
    const int py = static_cast<int>(y * view_->height() / wh);
    return view_->pointAt(px, py);
  }

  void focusAt(double x, double y) {
    if (const auto point = worldPointAtCursor(x, y)) {
      render::OrbitCamera to = view_->camera;
      to.target = *point;
      to.distance *= 0.7f;
      startTransition(view_->camera, to, true);
    }
  }

  // --- frame loop --------------------------------------------------------------------------
  void run() {
    using Clock = std::chrono::steady_clock;
    auto last = Clock::now();
    int settleFrames = 3;  // ImGui needs a few frames after input to settle hover states
    while (!glfwWindowShouldClose(window_.handle())) {
      const bool animating = transitionT_ < 1.0f;
      if (!animating && !dirty_ && settleFrames <= 0) {
        glfwWaitEvents();
        settleFrames = 3;
      } else {
        glfwPollEvents();
      }
      const auto now = Clock::now();
      const float dt = std::chrono::duration<float>(now - last).count();
      last = now;
      if (animating) {
        transitionT_ = std::min(1.0f, transitionT_ + dt / kTransitionSeconds);
        const float s = transitionT_ * transitionT_ * (3.0f - 2.0f * transitionT_);  // ease in-out
        view_->camera = render::OrbitCamera::lerp(transitionFrom_, transitionTo_, s);
      }
      int w = 0, h = 0;
      window_.framebufferSize(&w, &h);
      if (w <= 0 || h <= 0) {  // minimised: nothing to draw
        dirty_ = false;
        settleFrames = 0;
        continue;
      }
      drawFrame(w, h);
      dirty_ = false;
      --settleFrames;
    }
  }

  void drawFrame(int w, int h) {
    view_->resize(w, h);
    view_->render();
    view_->blitToScreen(w, h);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui::ViewerPanelModel model;
    model.modelName = modelName_;
    model.triangles = view_->scene().triangleCount();
    model.renderer = window_.glRenderer();
    model.currentView = currentView_;
    model.views = viewNames();
    model.skinOpacity = skinOpacity_;
    model.boneOpacity = boneOpacity_;
    model.showHelp = showHelp_;
    model.message = message_;
    model.uiScale = window_.contentScale();
    const ui::UiCommands commands = ui::drawViewerPanel(model);
    ImGui::Render();
    glViewport(0, 0, w, h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_.handle());
    render::checkGl("drawing the interface");
    apply(commands);
  }

 private:
  GlWindow& window_;
  std::unique_ptr<SceneView> view_;
  std::string modelName_;
  std::string currentView_;
  std::string message_;
  render::OrbitCamera home_, transitionFrom_, transitionTo_;
  float transitionT_ = 1.0f;
  float skinOpacity_ = 0.25f;
  float boneOpacity_ = 1.0f;
  bool showHelp_ = false;
  bool dirty_ = true;
  int dragButton_ = -1;
  double lastX_ = 0, lastY_ = 0, lastClick_ = -1.0;
};

Viewer* viewerOf(GLFWwindow* w) {
  return static_cast<Viewer*>(glfwGetWindowUserPointer(w));
}

}  // namespace

int runViewer(const CliOptions& options, std::ostream& err) {
  io::Scene scene;
  std::string name = "Radicula anatomy";
  try {
    scene = loadStartupScene(options);
    if (options.model) name = options.model->filename().string();
  } catch (const io::ModelError& e) {
    err << "radicula: " << e.what() << "\n";
    return 2;
  }
  try {
    GlWindow window(1440, 900, "Radicula", /*visible=*/true);
    Viewer viewer(window, std::move(scene), name, options);
    glfwSetWindowUserPointer(window.handle(), &viewer);
    // Our callbacks go in first; ImGui's backend chains to them.
    glfwSetMouseButtonCallback(window.handle(), [](GLFWwindow* w, int b, int a, int m) {
      viewerOf(w)->onMouseButton(b, a, m);
    });
    glfwSetCursorPosCallback(
        window.handle(), [](GLFWwindow* w, double x, double y) { viewerOf(w)->onCursor(x, y); });
    glfwSetScrollCallback(window.handle(),
                          [](GLFWwindow* w, double, double dy) { viewerOf(w)->onScroll(dy); });
    glfwSetKeyCallback(window.handle(),
                       [](GLFWwindow* w, int k, int, int a, int) { viewerOf(w)->onKey(k, a); });
    glfwSetDropCallback(window.handle(),
                        [](GLFWwindow* w, int n, const char** p) { viewerOf(w)->onDrop(n, p); });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not a file's in the working folder
    const float scale = window.contentScale();
    ImFontConfig font;
    font.SizePixels = 15.0f * scale;
    io.Fonts->AddFontDefault(&font);
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(scale);
    ImGui::GetStyle().WindowRounding = 6.0f;
    ImGui_ImplGlfw_InitForOpenGL(window.handle(), /*install_callbacks=*/true);
    ImGui_ImplOpenGL3_Init("#version 330");

    viewer.run();

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  } catch (const NoGlError& e) {
    err << "radicula: " << e.what() << "\n";
    return 1;
  } catch (const render::GlError& e) {
    err << "radicula: rendering failed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace radicula::app
