#include "app/gl_window.h"

#include "render/gl_api.h"
// The GL header before GLFW, so GLFW does not include the system one.
#include <GLFW/glfw3.h>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#else
#include <dlfcn.h>
#include <link.h>
#endif

#include <cstdlib>

namespace radicula::app {

namespace {

std::string& lastGlfwError() {
  static std::string error;
  return error;
}

void onGlfwError(int, const char* description) {
  lastGlfwError() = description;
}

int liveWindows = 0;

const char* kHowToFix =
    "Update the graphics driver, or use Mesa's software renderer "
    "(LIBGL_ALWAYS_SOFTWARE=1); on a machine without a screen run it under xvfb-run -a.";

#if defined(__SANITIZE_ADDRESS__)
#define RADICULA_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RADICULA_LEAK_CHECKED 1
#endif
#endif

// Only in AddressSanitizer builds. glfwTerminate unloads the GL driver and the X libraries
// GLFW opened; what they still hold in their own globals then looks leaked at exit, in frames
// of a library that is gone and so can be neither named nor suppressed. Keeping every loaded
// library mapped until exit (a handle that is never closed) lets the leak check see that
// memory as reachable, and leaves it to report leaks in our own code.
void keepLoadedLibrariesForLeakCheck() {
#if defined(RADICULA_LEAK_CHECKED) && !defined(__EMSCRIPTEN__)
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void*) {
        if (info->dlpi_name != nullptr && info->dlpi_name[0] != '\0') {
          dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
        }
        return 0;
      },
      nullptr);
#endif
}

}  // namespace

GlWindow::GlWindow(int width, int height, const std::string& title, bool visible) {
  glfwSetErrorCallback(onGlfwError);
  if (liveWindows == 0 && !glfwInit()) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0')) {
      throw NoGlError(
          "no display to open an OpenGL context on (DISPLAY is not set). Start it from a desktop "
          "session, or on a machine without a screen run it under xvfb-run -a.");
    }
    throw NoGlError("cannot start the window system (" + lastGlfwError() + "). " + kHowToFix);
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
#ifndef __EMSCRIPTEN__
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#endif
  // The window only shows the resolved offscreen image: it needs no depth or samples.
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_SAMPLES, 0);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  keepLoadedLibrariesForLeakCheck();
  if (window_ == nullptr) {
    if (liveWindows == 0) glfwTerminate();
    throw NoGlError("this machine offers no OpenGL 3.3 core context (" + lastGlfwError() + "). " +
                    kHowToFix);
  }
  ++liveWindows;
  glfwMakeContextCurrent(window_);
#ifndef __EMSCRIPTEN__
  if (epoxy_gl_version() < 33) {
    const std::string version = glVersion();
    glfwDestroyWindow(window_);
    if (--liveWindows == 0) glfwTerminate();
    throw NoGlError("OpenGL 3.3 is needed but this machine offers " + version + ". " + kHowToFix);
  }
#endif
  glfwSwapInterval(1);
}

GlWindow::~GlWindow() {
  if (window_ == nullptr) return;
  glfwDestroyWindow(window_);
  if (--liveWindows == 0) glfwTerminate();
}

void GlWindow::framebufferSize(int* width, int* height) const {
  glfwGetFramebufferSize(window_, width, height);
}

float GlWindow::contentScale() const {
#ifdef __EMSCRIPTEN__
  // The page's canvas is drawn at device pixels (web_main.cpp sizes it).
  return static_cast<float>(emscripten_get_device_pixel_ratio());
#else
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0.0f ? x : 1.0f;
#endif
}

std::string GlWindow::glRenderer() const {
  const auto* text = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return text != nullptr ? text : "unknown";
}

std::string GlWindow::glVersion() const {
  const auto* text = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  return text != nullptr ? text : "no OpenGL";
}

}  // namespace radicula::app
