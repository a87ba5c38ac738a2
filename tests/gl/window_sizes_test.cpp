// The whole window drawn at the sizes clinics have, large text on and off, English and
// Spanish, with a red flag: the anatomy fills the 3D view's share of the picture and the red
// banner is there. The pictures are kept in build/test-output/window_*.png to look at.
#include <gtest/gtest.h>

#include "app/app_frame.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "gl_context.h"
#include "io/png_writer.h"

namespace radicula {
namespace {

TEST(WindowSizesGLTest, TheAnatomyAndTheRedFlagShowAtEverySize) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session session(options, 64, 64);
  session.execute(ui::LoadPreset{"massive_central_l4l5"});
  session.run(core::cmd::SetView{"side"});
  session.run(core::cmd::SetReduceMotion{true});
  session.advance(10.0f);
  const std::pair<int, int> sizes[] = {{800, 600}, {1024, 768}, {1280, 720}, {1920, 1080}};
  for (const auto& size : sizes) {
    const int w = size.first, h = size.second;
    for (const bool large : {false, true}) {
      for (const auto language : {core::Language::English, core::Language::Spanish}) {
        session.run(core::cmd::SetLargeText{large});
        session.run(core::cmd::SetLanguage{language});
        session.interfaceState().tab = ui::PanelTab::Findings;
        app::ImGuiLayer imgui(nullptr, 1.0f);
        render::RenderTarget target(w, h, 0);
        for (int i = 0; i < 3; ++i) app::drawOffscreenWindowFrame(session, imgui, target, w, h);
        target.resolve();
        const io::Image image = target.readColor();
        const std::string name = "window_" + std::to_string(w) + "x" + std::to_string(h) +
                                 (large ? "_large_" : "_") + std::string(core::toString(language)) +
                                 ".png";
        io::writePng(test::outputDir() / name, image);
        // Inside the view rectangle: anatomy (light bone, skin, nerves) over the dark clear.
        const app::PixelRect view = [&] {
          imgui.beginHeadlessFrame(w, h);
          const app::PixelRect r = app::sceneRect(session, imgui, w, h, 1.0f, true);
          imgui.endFrame(w, h);
          return r;
        }();
        EXPECT_GE(view.width, w * 0.45) << name;
        std::size_t bright = 0, red = 0, total = 0;
        for (int y = view.y; y < view.y + view.height; y += 3) {
          for (int x = view.x; x < view.x + view.width; x += 3, ++total) {
            const std::uint8_t* p = image.pixel(x, y);
            bright += p[0] + p[1] + p[2] > 3 * 120;
            red += p[0] > 170 && p[1] < 50 && p[2] < 50;
          }
        }
        EXPECT_GT(static_cast<double>(bright) / total, 0.02) << name << ": the anatomy shows";
        EXPECT_GT(red, 50u) << name << ": the red-flag banner shows";
      }
    }
  }
}

}  // namespace
}  // namespace radicula
