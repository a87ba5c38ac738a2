// A viewer in a hidden window driven through the very GLFW callbacks it installs, as a user's
// keys, characters, clicks and the close button reach it; shared by the window's GL tests.
#pragma once

#include <epoxy/gl.h>
// epoxy before GLFW, so GLFW does not include the system GL header.
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/gl_window.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "app/startup_scene.h"
#include "app/viewer_window.h"
#include "support/test_paths.h"

namespace radicula {

namespace fs = std::filesystem;

// A viewer in a hidden window, with its own home and settings folder, the in-app file chooser
// and the GLFW callbacks it installed, to send events through.
class Viewer {
 public:
  explicit Viewer(const std::string& name, int width = 1280, int height = 800,
                  std::optional<fs::path> scenario = std::nullopt) {
    home_ = test::outputDir() / ("viewer_" + name);
    fs::remove_all(home_);
    fs::create_directories(home_ / "Documents");
    const char* oldHome = std::getenv("HOME");
    oldHome_ = oldHome != nullptr ? oldHome : "";
    setenv("HOME", home_.c_str(), 1);
    try {
      window_ = std::make_unique<app::GlWindow>(width, height, "radicula-viewer-test", false);
    } catch (const app::NoGlError& e) {
      why_ = e.what();
      return;
    }
    app::CliOptions options;
    options.scenario = scenario;
    app::SessionServices services;
    services.settingsFile = home_ / "config" / "radicula" / "settings.json";
    int w = 0, h = 0;
    window_->framebufferSize(&w, &h);
    session_ =
        std::make_unique<app::Session>(options, app::loadStartupInputs(options), w, h, services);
    imgui_ = std::make_unique<app::ImGuiLayer>(window_->handle(), 1.0f);
    viewer_ = std::make_unique<app::ViewerWindow>(*window_, *session_, *imgui_);
    viewer_->setTrace(&trace_);
    GLFWwindow* g = window_->handle();
    // The callbacks GLFW would call for real events.
    key_ = glfwSetKeyCallback(g, nullptr);
    glfwSetKeyCallback(g, key_);
    char_ = glfwSetCharCallback(g, nullptr);
    glfwSetCharCallback(g, char_);
    button_ = glfwSetMouseButtonCallback(g, nullptr);
    glfwSetMouseButtonCallback(g, button_);
    cursor_ = glfwSetCursorPosCallback(g, nullptr);
    glfwSetCursorPosCallback(g, cursor_);
    close_ = glfwSetWindowCloseCallback(g, nullptr);
    glfwSetWindowCloseCallback(g, close_);
    settle();
  }
  ~Viewer() {
    viewer_.reset();
    imgui_.reset();
    session_.reset();
    window_.reset();
    setenv("HOME", oldHome_.c_str(), 1);
  }

  bool ok() const { return viewer_ != nullptr; }
  const std::string& why() const { return why_; }
  app::Session& session() { return *session_; }
  app::ViewerWindow& window() { return *viewer_; }
  const ui::UiTrace& trace() const { return trace_; }
  const fs::path& home() const { return home_; }

  // Draws frames until the window would sleep (the pulse is let rest first). The first frame
  // is drawn anyway, as the real loop does after whatever woke it.
  void settle(int maxFrames = 400) {
    session_->advance(10.0f);
    viewer_->frame();
    for (int i = 0; i < maxFrames; ++i) {
      session_->advance(10.0f);
      if (!viewer_->needsFrame()) return;
      viewer_->frame();
    }
    ADD_FAILURE() << "the window never settled";
  }
  void key(int k, int action, int mods = 0) { key_(window_->handle(), k, 0, action, mods); }
  void press(int k, int mods = 0) {
    key(k, GLFW_PRESS, mods);
    key(k, GLFW_RELEASE, mods);
  }
  void ctrl(int k) {
    key(GLFW_KEY_LEFT_CONTROL, GLFW_PRESS, GLFW_MOD_CONTROL);
    press(k, GLFW_MOD_CONTROL);
    key(GLFW_KEY_LEFT_CONTROL, GLFW_RELEASE, 0);
  }
  void type(const std::string& text) {
    for (unsigned char c : text) char_(window_->handle(), c);
  }
  // One character by its code point, as GLFW passes a key of any keyboard layout.
  void typeCodePoint(unsigned int codePoint) { char_(window_->handle(), codePoint); }
  void moveTo(ImVec2 at) { cursor_(window_->handle(), at.x, at.y); }
  void click(ImVec2 at) {
    moveTo(at);
    button_(window_->handle(), GLFW_MOUSE_BUTTON_LEFT, GLFW_PRESS, 0);
    button_(window_->handle(), GLFW_MOUSE_BUTTON_LEFT, GLFW_RELEASE, 0);
  }
  // Clicks a control where the last frame drew it.
  void clickControl(const std::string& name) {
    ASSERT_TRUE(trace_.controls.count(name)) << "no control " << name << " on screen";
    click(trace_.controls.at(name).center());
  }
  void drag(ImVec2 from, ImVec2 to) {
    moveTo(from);
    button_(window_->handle(), GLFW_MOUSE_BUTTON_LEFT, GLFW_PRESS, 0);
    for (int i = 1; i <= 4; ++i) {
      moveTo(ImVec2(from.x + (to.x - from.x) * i / 4, from.y + (to.y - from.y) * i / 4));
    }
    button_(window_->handle(), GLFW_MOUSE_BUTTON_LEFT, GLFW_RELEASE, 0);
  }
  void closeButton() { close_(window_->handle()); }
  std::string fileName() const { return session_->interfaceState().fileName.data(); }
  const ui::FileChooserModel* chooser() { return session_->interfaceModel(1.0f).fileChooser; }

 private:
  fs::path home_;
  std::string oldHome_, why_;
  std::unique_ptr<app::GlWindow> window_;
  std::unique_ptr<app::Session> session_;
  std::unique_ptr<app::ImGuiLayer> imgui_;
  std::unique_ptr<app::ViewerWindow> viewer_;
  ui::UiTrace trace_;
  GLFWkeyfun key_ = nullptr;
  GLFWcharfun char_ = nullptr;
  GLFWmousebuttonfun button_ = nullptr;
  GLFWcursorposfun cursor_ = nullptr;
  GLFWwindowclosefun close_ = nullptr;
};

#define RADICULA_REQUIRE_VIEWER(v)                                                   \
  if (!(v).ok()) {                                                                   \
    if (::radicula::test::inCi()) FAIL() << "no GL context under CI: " << (v).why(); \
    GTEST_SKIP() << "no GL context: " << (v).why();                                  \
  }

}  // namespace radicula
