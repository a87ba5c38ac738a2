#include "app/handout.h"

#include <epoxy/gl.h>
#include <imgui.h>

#include "app/imgui_layer.h"
#include "app/session.h"
#include "io/png_writer.h"
#include "render/gl_error.h"
#include "render/render_target.h"

namespace radicula::app {

namespace {

constexpr int kPictureWidth = 1380;
constexpr float kMargin = 50.0f;

ImU32 swatch(const glm::vec3& linear) {
  const auto s = [](float c) { return std::pow(std::clamp(c, 0.0f, 1.0f), 1.0f / 2.2f); };
  return ImGui::ColorConvertFloat4ToU32(ImVec4(s(linear.r), s(linear.g), s(linear.b), 1.0f));
}

void legendItem(ImDrawList* draw, ImVec2& at, const glm::vec3& color, const std::string& text) {
  draw->AddRectFilled(at, ImVec2(at.x + 34, at.y + 34), swatch(color), 6.0f);
  draw->AddText(ImVec2(at.x + 48, at.y + 2), IM_COL32(235, 235, 235, 255), text.c_str());
  at.x += 48 + ImGui::CalcTextSize(text.c_str()).x + 50;
}

void drawText(const HandoutContent& c, ImFont* title) {
  const auto& s = *c.state;
  ImGui::PushFont(title);
  ImGui::TextUnformatted(c.labels->get("handout.title").c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  for (const auto& p : s.scenario.pathologies) {
    std::string line = c.clinical->get("type." + std::string(core::toString(p.type)));
    if (p.isSpinal()) line += ", " + std::string(core::toString(p.level));
    line += ", " + c.clinical->get("side." + std::string(core::toString(p.side)));
    line += " (" + c.clinical->get("morphology." + std::string(core::morphologyId(p))) + ")";
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
  }
  ImGui::Spacing();
  ImGui::Separator();
  const auto& lines = s.mode == core::Mode::Patient ? c.texts->patient : c.texts->student;
  for (const auto& line : lines) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
  }
  if (!s.scenario.pathologies.empty() && c.texts->leaflet.size() >= 5) {
    // The leaflet holds one "what it is" per kind of lesion, then how it feels, who gets it,
    // what helps, when to get help and the general warning signs. When to get help comes
    // first: a handout must never lose it to a lack of room.
    const std::size_t what = c.texts->leaflet.size() - 5;
    const auto heading = [&](const char* key) {
      ImGui::Spacing();
      ImGui::TextColored(ImVec4(0.55f, 0.75f, 1.0f, 1.0f), "%s", c.labels->get(key).c_str());
    };
    heading("findings.leaflet.urgent");
    ImGui::TextWrapped("%s", c.texts->leaflet[what + 3].c_str());
    ImGui::TextWrapped("%s", c.texts->leaflet[what + 4].c_str());
    heading("findings.leaflet.what");
    for (std::size_t i = 0; i < what; ++i) ImGui::TextWrapped("%s", c.texts->leaflet[i].c_str());
    heading("findings.leaflet.feel");
    ImGui::TextWrapped("%s", c.texts->leaflet[what].c_str());
    heading("findings.leaflet.who");
    ImGui::TextWrapped("%s", c.texts->leaflet[what + 1].c_str());
    heading("findings.leaflet.helps");
    ImGui::TextWrapped("%s", c.texts->leaflet[what + 2].c_str());
  }
}

}  // namespace

void writeHandout(Session& session, const HandoutContent& c, const std::filesystem::path& file) {
  // The picture: the user's current view, rendered afresh at print resolution.
  SceneView& view = session.view();
  const int oldWidth = view.width(), oldHeight = view.height();
  const int pictureHeight = kHandoutHeight - 260;
  view.resize(kPictureWidth, pictureHeight);
  view.render();

  render::RenderTarget page(kHandoutWidth, kHandoutHeight, 0);
  ImGuiLayer imgui(nullptr, 1.6f);
  imgui.beginHeadlessFrame(kHandoutWidth, kHandoutHeight);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(kHandoutWidth, kHandoutHeight));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.11f, 0.12f, 0.14f, 1.0f));
  ImGui::Begin("###handout", nullptr, ImGuiWindowFlags_NoDecoration);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // GL textures start at the bottom row: flip v.
  draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(view.colorTexture())),
                 ImVec2(kMargin, kMargin), ImVec2(kMargin + kPictureWidth, kMargin + pictureHeight),
                 ImVec2(0, 1), ImVec2(1, 0));
  ImVec2 legend(kMargin, kMargin + pictureHeight + 30);
  legendItem(draw, legend, palette::kGlow, c.labels->get("handout.legend.affected"));
  legendItem(draw, legend, palette::kRegion, c.labels->get("handout.legend.region"));
  legendItem(draw, legend, glm::vec3(palette::kHerniation), c.labels->get("handout.legend.lesion"));

  if (!c.findings->redFlags.empty()) {
    const ImVec2 top(kMargin, kMargin + pictureHeight + 100);
    draw->AddRectFilled(top, ImVec2(kMargin + kPictureWidth, top.y + 80),
                        IM_COL32(200, 20, 20, 255), 8);
    std::string text = "!  " + c.labels->get("findings.red_flag");
    for (const auto& flag : c.findings->redFlags)
      text += " - " + c.clinical->get("red_flag." + flag);
    draw->AddText(ImVec2(top.x + 20, top.y + 22), IM_COL32_WHITE, text.c_str());
  }

  const float textLeft = kMargin * 2 + kPictureWidth;
  ImGui::SetCursorPos(ImVec2(textLeft, kMargin));
  ImGui::BeginChild("###text",
                    ImVec2(kHandoutWidth - textLeft - kMargin, kHandoutHeight - 2 * kMargin - 60));
  drawText(c, imgui.titleFont());
  ImGui::EndChild();
  const std::string notice = c.clinical->get("app.disclaimer");
  ImGui::SetCursorPos(ImVec2((kHandoutWidth - ImGui::CalcTextSize(notice.c_str()).x) * 0.5f,
                             kHandoutHeight - kMargin - 10));
  ImGui::TextUnformatted(notice.c_str());
  ImGui::End();
  ImGui::PopStyleColor();

  page.bindColor();
  glClearColor(0.11f, 0.12f, 0.14f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  imgui.endFrame(kHandoutWidth, kHandoutHeight);
  page.resolve();
  const io::Image image = page.readColor();
  view.resize(oldWidth, oldHeight);
  render::checkGl("drawing the handout");
  io::writePng(file, image);
}

}  // namespace radicula::app
