#include "app/app_frame.h"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>

#include "ui/interface.h"

namespace radicula::app {

PixelRect sceneRect(const Session& session, const ImGuiLayer& imgui, int fbWidth, int fbHeight,
                    float pixelRatio, bool withInterface) {
  PixelRect r{0, 0, std::max(fbWidth, 1), std::max(fbHeight, 1)};
  if (!withInterface) return r;
  const ui::ViewportInsets insets = ui::panelInsets(session.interfaceModel(imgui.textScale()));
  r.x = static_cast<int>(insets.left * pixelRatio);
  r.y = static_cast<int>(insets.top * pixelRatio);
  r.width = std::max(1, fbWidth - r.x - static_cast<int>(insets.right * pixelRatio));
  r.height = std::max(1, fbHeight - r.y - static_cast<int>(insets.bottom * pixelRatio));
  return r;
}

ui::UiCommands drawInterfaceFrame(Session& session, ImGuiLayer& imgui) {
  imgui.setLargeText(session.state().largeText);
  return ui::drawInterface(session.interfaceModel(imgui.textScale()), session.interfaceState());
}

void drawSceneInto(Session& session, unsigned framebuffer, int fbWidth, int fbHeight,
                   const PixelRect& rect) {
  session.resizeView(rect.width, rect.height);
  session.renderScene();
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glViewport(0, 0, fbWidth, fbHeight);
  const glm::vec3 bg = session.view().style.background;
  glClearColor(bg.r, bg.g, bg.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  // GL's origin is bottom-left.
  session.view().blitTo(framebuffer, rect.x, fbHeight - rect.y - rect.height, rect.width,
                        rect.height);
}

}  // namespace radicula::app
