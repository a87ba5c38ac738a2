// A GlWindow is a GLFW window with an OpenGL 3.3 core context: visible for the viewer, hidden
// for --screenshot, --benchmark and GL tests (the scene is drawn offscreen either way). When no
// display or no OpenGL 3.3 is available it throws NoGlError with what to try.
#pragma once

#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace radicula::app {

class NoGlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class GlWindow {
 public:
  GlWindow(int width, int height, const std::string& title, bool visible);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* handle() const { return window_; }
  void framebufferSize(int* width, int* height) const;
  float contentScale() const;
  std::string glRenderer() const;  // e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string glVersion() const;

 private:
  GLFWwindow* window_ = nullptr;
};

}  // namespace radicula::app
