#include "app/viewer_app.h"

#include "render/gl_api.h"
// The GL header before GLFW, so GLFW does not include the system one.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <ostream>

#include "app/exit_status.h"
#include "app/gl_window.h"
#include "app/imgui_layer.h"
#include "app/native_file_dialog.h"
#include "app/session.h"
#include "app/viewer_window.h"
#include "core/settings.h"

namespace radicula::app {

int runViewer(const CliOptions& options, std::ostream& err) {
  return guarded(err, [&] {
    // The files named on the command line are read before a window opens: a bad one is bad
    // input on any machine, with or without a display.
    StartupInputs inputs = loadStartupInputs(options);
    // --size asks for a window size; otherwise 1600x1000, or less to fit the screen.
    int width = 1600, height = 1000;
    if (options.sizeGiven) {
      width = options.width;
      height = options.height;
    } else if (glfwInit() == GLFW_TRUE) {
      int x = 0, y = 0, w = 0, h = 0;
      if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
        if (w > 0 && h > 0) {
          width = std::min(width, w * 9 / 10);
          height = std::min(height, h * 9 / 10);
        }
      }
    }
    GlWindow window(width, height, "Radicula", /*visible=*/true);
    // Below this the panels fold into one column and the view still keeps half the width.
    glfwSetWindowSizeLimits(window.handle(), 640, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);
    int w = 0, h = 0;
    window.framebufferSize(&w, &h);
    SessionServices services;
    services.settingsFile = core::settingsPath();
    services.nativeFileDialog = NativeFileDialog::findTool();
    services.wake = [] { glfwPostEmptyEvent(); };
    Session session(options, std::move(inputs), std::max(w, 1), std::max(h, 1), services);
    ImGuiLayer imgui(window.handle(), window.contentScale());
    ViewerWindow viewer(window, session, imgui);
    viewer.run();
    return 0;
  });
}

}  // namespace radicula::app
