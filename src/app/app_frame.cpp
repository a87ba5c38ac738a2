#include "app/app_frame.h"

#include <imgui.h>
#include "render/gl_api.h"

#include <algorithm>
#include <cmath>

#include "ui/interface.h"

namespace radicula::app {

PixelRect sceneRect(const Session& session, const ImGuiLayer& imgui, int fbWidth, int fbHeight,
                    float pixelRatio, bool withInterface) {
  PixelRect r{0, 0, std::max(fbWidth, 1), std::max(fbHeight, 1)};
  if (!withInterface) return r;
  const ui::Box view =
      ui::interfaceLayout(session.interfaceModel(imgui.textScale()), session.interfaceState()).view;
  r.x = static_cast<int>(std::round(view.x * pixelRatio));
  r.y = static_cast<int>(std::round(view.y * pixelRatio));
  r.width = std::max(1, std::min(fbWidth - r.x, static_cast<int>(std::round(view.w * pixelRatio))));
  r.height =
      std::max(1, std::min(fbHeight - r.y, static_cast<int>(std::round(view.h * pixelRatio))));
  return r;
}

void drawOrientationMarkers(Session& session, const PixelRect& rect, float pixelRatio) {
  if (!session.showsAnatomy()) return;
  const render::OrbitCamera& camera = session.view().camera;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  // The flat slice's hint ("drag to move it") takes the bottom of the view: stay above it.
  const float hint = session.viewOrbits() ? 0.0f : ImGui::GetFrameHeight() * 2.2f;
  const ImVec2 centre((rect.x + rect.width * 0.5f) / pixelRatio,
                      (rect.y + rect.height * 0.5f) / pixelRatio - hint * 0.5f);
  const float reachX = rect.width * 0.5f / pixelRatio - 22.0f,
              reachY = (rect.height * 0.5f) / pixelRatio - 22.0f - hint * 0.5f;
  const auto marker = [&](const glm::vec3& worldDirection, const std::string& text) {
    // The direction as seen on screen: its components along the camera's right and up.
    const glm::vec3 right = camera.screenRight();
    const glm::vec3 up = camera.screenUp();
    const glm::vec2 d(glm::dot(worldDirection, right), -glm::dot(worldDirection, up));
    if (glm::length(d) < 0.5f) return;  // pointing at or away from the viewer: no clear edge
    const glm::vec2 u = glm::normalize(d);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    // The label stays whole inside the view, whatever its length in this language.
    const float rx = reachX - size.x * 0.5f, ry = reachY - size.y * 0.5f;
    const float t = std::min(std::abs(u.x) > 1e-4f ? rx / std::abs(u.x) : 1e9f,
                             std::abs(u.y) > 1e-4f ? ry / std::abs(u.y) : 1e9f);
    const ImVec2 at(centre.x + u.x * t - size.x * 0.5f, centre.y + u.y * t - size.y * 0.5f);
    draw->AddRectFilled(ImVec2(at.x - 6, at.y - 3), ImVec2(at.x + size.x + 6, at.y + size.y + 3),
                        IM_COL32(20, 22, 26, 200), 4.0f);
    draw->AddText(at, IM_COL32(230, 230, 230, 255), text.c_str());
  };
  const core::TextCatalog& labels = session.labels();
  marker(glm::vec3(1, 0, 0), labels.get("orientation.left"));
  marker(glm::vec3(-1, 0, 0), labels.get("orientation.right"));
  marker(glm::vec3(0, 0, 1), labels.get("orientation.anterior"));
  marker(glm::vec3(0, 0, -1), labels.get("orientation.posterior"));
}

ui::UiCommands drawInterfaceFrame(Session& session, ImGuiLayer& imgui, ui::UiTrace* trace) {
  ui::InterfaceModel model = session.interfaceModel(imgui.textScale());
  model.titleFont = imgui.titleFont();
  model.touchTarget = imgui.touchTarget();
  return ui::drawInterface(model, session.interfaceState(), trace);
}

void drawSceneInto(Session& session, unsigned framebuffer, int fbWidth, int fbHeight,
                   const PixelRect& rect) {
  session.resizeView(rect.width, rect.height);
  session.renderScene();
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glViewport(0, 0, fbWidth, fbHeight);
  // The side panels draw no background of their own (ui::kPanelColor): clear to it.
  glClearColor(ui::kPanelColor[0], ui::kPanelColor[1], ui::kPanelColor[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  // GL's origin is bottom-left.
  session.view().blitTo(framebuffer, rect.x, fbHeight - rect.y - rect.height, rect.width,
                        rect.height);
}

ui::UiCommands drawOffscreenWindowFrame(Session& session, ImGuiLayer& imgui,
                                        render::RenderTarget& target, int w, int h, bool drawScene,
                                        ui::UiTrace* trace) {
  imgui.setLargeText(session.state().largeText);
  imgui.beginHeadlessFrame(w, h);
  const PixelRect rect = sceneRect(session, imgui, w, h, 1.0f, true);
  if (drawScene) drawSceneInto(session, target.colorFramebuffer(), w, h, rect);
  drawOrientationMarkers(session, rect, 1.0f);
  ui::UiCommands commands = drawInterfaceFrame(session, imgui, trace);
  target.bindColor();
  imgui.endFrame(w, h);
  return commands;
}

}  // namespace radicula::app
