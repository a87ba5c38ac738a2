// The two grades of a red flag look and read differently wherever they show: the banner over
// the view (red for an emergency, amber for urgent), in both languages, both modes and in
// presentation mode, and the handout. The expected grades come from the guideline rules (GIRFT
// 2023; NICE CKS sciatica): a massive central disc is an emergency, a long-standing central
// stenosis on both sides is urgent. The pictures are kept in build/test-output/flag_*.png.
#include <gtest/gtest.h>

#include "app/app_frame.h"
#include "app/handout.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "gl_context.h"
#include "io/png_writer.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

struct Tally {
  std::size_t red = 0, amber = 0, total = 0;
};

// Emergency red: strong red, little green. Urgent amber: strong red, middling green, little
// blue. Neither is used by anything else drawn there.
Tally tally(const io::Image& image, int x0, int y0, int x1, int y1) {
  Tally t;
  for (int y = y0; y < y1; y += 2) {
    for (int x = x0; x < x1; x += 2) {
      const std::uint8_t* p = image.pixel(x, y);
      ++t.total;
      t.red += p[0] > 150 && p[1] < 60 && p[2] < 60;
      t.amber += p[0] > 200 && p[1] > 120 && p[1] < 200 && p[2] < 80;
    }
  }
  return t;
}

struct Case {
  const char* preset;
  const char* grade;  // from the guideline rules, not from the engine
};
constexpr Case kCases[] = {{"massive_central_l4l5", "emergency"},
                           {"central_stenosis_l4l5", "urgent"}};

TEST(RedFlagGradesGLTest, TheBannerIsRedForAnEmergencyAndAmberWhenUrgent) {
  RADICULA_REQUIRE_GL(window);
  const int w = 1280, h = 800;
  for (const Case& c : kCases) {
    app::CliOptions options;
    app::Session session(options, 64, 64);
    session.execute(ui::LoadPreset{c.preset});
    session.run(core::cmd::SetReduceMotion{true});
    ASSERT_TRUE(session.findings().hasRedFlag("cauda_equina")) << c.preset;
    EXPECT_EQ(core::toString(session.findings().redFlag("cauda_equina")->urgency), c.grade);
    for (const auto language : {core::Language::English, core::Language::Spanish}) {
      for (const auto mode : {core::Mode::Patient, core::Mode::Student}) {
        for (const bool presenting : {false, true}) {
          if (presenting && mode == core::Mode::Student) continue;
          session.run(core::cmd::SetLanguage{language});
          session.run(core::cmd::SetMode{mode});
          if (presenting != session.interfaceState().presentation) {
            session.execute(ui::TogglePresentation{});
          }
          session.advance(10.0f);
          app::ImGuiLayer imgui(nullptr, 1.0f);
          render::RenderTarget target(w, h, 0);
          for (int i = 0; i < 3; ++i) app::drawOffscreenWindowFrame(session, imgui, target, w, h);
          target.resolve();
          const io::Image image = target.readColor();
          const std::string name = std::string("flag_") + c.grade + "_" +
                                   std::string(core::toString(language)) +
                                   (mode == core::Mode::Patient ? "_patient" : "_student") +
                                   (presenting ? "_presenting" : "") + ".png";
          io::writePng(test::outputDir() / name, image);
          const app::PixelRect view = [&] {
            imgui.beginHeadlessFrame(w, h);
            const app::PixelRect r = app::sceneRect(session, imgui, w, h, 1.0f, true);
            imgui.endFrame(w, h);
            return r;
          }();
          // A strip along the top of the view, where the banner stands.
          const Tally t =
              tally(image, view.x + 16, view.y + 12, view.x + view.width - 16, view.y + 40);
          const bool emergency = std::string(c.grade) == "emergency";
          const std::size_t mine = emergency ? t.red : t.amber;
          const std::size_t other = emergency ? t.amber : t.red;
          EXPECT_GT(static_cast<double>(mine) / t.total, 0.5) << name;
          EXPECT_LT(static_cast<double>(other) / t.total, 0.02) << name;
        }
      }
    }
    if (session.interfaceState().presentation) session.execute(ui::TogglePresentation{});
  }
}

TEST(RedFlagGradesGLTest, TheHandoutSaysAndShowsTheGrade) {
  RADICULA_REQUIRE_GL(window);
  for (const Case& c : kCases) {
    for (const auto language : {core::Language::English, core::Language::Spanish}) {
      app::CliOptions options;
      app::Session session(options, 320, 240);
      session.execute(ui::LoadPreset{c.preset});
      session.run(core::cmd::SetLanguage{language});
      const std::string lang(core::toString(language));
      const auto file =
          test::outputDir() / ("flag_handout_" + std::string(c.grade) + "_" + lang + ".png");
      const app::HandoutLayout layout = app::writeHandout(session, session.handoutContent(), file);
      const bool emergency = std::string(c.grade) == "emergency";
      // The words of the grade (the guidelines' actions, in plain words).
      const char* want =
          emergency ? (lang == "en" ? "Go to emergency care today" : "Acuda hoy a urgencias")
                    : (lang == "en" ? "See a doctor now (within a day or so)"
                                    : "Consulte a un médico ya (hoy o mañana)");
      EXPECT_NE(layout.redFlagHead.find(want), std::string::npos) << layout.redFlagHead;
      ASSERT_EQ(layout.redFlagLines.size(), 1u);
      const std::string line = layout.redFlagLines[0];
      if (!emergency) {
        // Urgent says what would make it an emergency.
        EXPECT_NE(line.find(lang == "en" ? "emergency care today if" : "Acuda hoy a urgencias si"),
                  std::string::npos)
            << line;
      }
      const io::Image page = io::readPng(file);
      const Tally t = tally(page, int(layout.redFlag.x0) + 20, int(layout.redFlag.y0) + 20,
                            int(layout.redFlag.x1) - 20, int(layout.redFlag.y1) - 20);
      const std::size_t mine = emergency ? t.red : t.amber;
      EXPECT_GT(static_cast<double>(mine) / t.total, 0.5) << file;
      EXPECT_TRUE(layout.fits) << file;
    }
  }
}

}  // namespace
}  // namespace radicula
