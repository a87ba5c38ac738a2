// The handout is a page to print and hand over: A4 on white, the red flag on top, a picture of
// where the lesion presses and one of the leg with the lit regions, the text never cut and the
// notice never covered, in every classic case, language and mode; as PNG or PDF.
#include <gtest/gtest.h>

#include <imgui.h>

#include <fstream>
#include <sstream>

#include "app/handout.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "core/preset_library.h"
#include "gl_context.h"
#include "io/png_writer.h"

namespace radicula {
namespace {

struct Counts {
  std::size_t white = 0, dark = 0, red = 0, total = 0;
};

Counts countPixels(const io::Image& image, int x0, int y0, int x1, int y1) {
  Counts c;
  for (int y = y0; y < y1; y += 2) {
    for (int x = x0; x < x1; x += 2) {
      const std::uint8_t* p = image.pixel(x, y);
      ++c.total;
      c.white += p[0] > 245 && p[1] > 245 && p[2] > 245;
      c.dark += p[0] < 90 && p[1] < 90 && p[2] < 90;
      c.red += p[0] > 160 && p[1] < 60 && p[2] < 60;
    }
  }
  return c;
}

bool inside(const app::HandoutRect& r, float w, float h) {
  return r.x0 >= 0 && r.y0 >= 0 && r.x1 <= w && r.y1 <= h;
}

void expectNoOverlaps(const app::HandoutLayout& l, const std::string& what) {
  std::vector<app::HandoutRect> fixed = {l.lesionPicture, l.regionPicture, l.notice};
  if (l.redFlag.x1 > 0) fixed.push_back(l.redFlag);
  for (std::size_t i = 0; i < l.blocks.size(); ++i) {
    EXPECT_TRUE(inside(l.blocks[i], app::kHandoutWidth, app::kHandoutHeight)) << what;
    for (const auto& f : fixed) {
      EXPECT_FALSE(l.blocks[i].overlaps(f)) << what << ": block '" << l.blockTitles[i] << "'";
    }
    for (std::size_t j = i + 1; j < l.blocks.size(); ++j) {
      EXPECT_FALSE(l.blocks[i].overlaps(l.blocks[j])) << what << ": " << l.blockTitles[i];
    }
  }
  EXPECT_FALSE(l.notice.overlaps(l.lesionPicture)) << what;
  if (l.redFlag.x1 > 0) {
    EXPECT_LT(l.redFlag.y1, l.lesionPicture.y0) << what << ": the red flag comes first";
  }
}

TEST(HandoutGLTest, IsAnA4PageOnWhiteWithTwoPicturesAndText) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session session(options, 640, 480);
  session.execute(ui::LoadPreset{"l4l5_paracentral_left"});
  session.advance(10.0f);
  const auto file = test::outputDir() / "handout_a4.png";
  std::filesystem::remove(file);
  const app::HandoutLayout layout = app::writeHandout(session, session.handoutContent(), file);
  const io::Image page = io::readPng(file);
  ASSERT_EQ(page.width, app::kHandoutWidth);
  ASSERT_EQ(page.height, app::kHandoutHeight);
  EXPECT_TRUE(layout.fits);
  // The commonest case reads at 10 pt or more (300 dpi), as a patient leaflet should.
  EXPECT_GE(layout.fontPixels, 10.0f * 300.0f / 72.0f);
  // White paper: the margins and most of the page are white, not a dark screen.
  const Counts margin = countPixels(page, 0, 0, page.width, 100);
  EXPECT_EQ(margin.white, margin.total);
  const Counts all = countPixels(page, 0, 0, page.width, page.height);
  EXPECT_GT(static_cast<double>(all.white) / all.total, 0.5);
  // Both pictures hold anatomy (not blank), and the text columns hold dark type.
  for (const auto* r : {&layout.lesionPicture, &layout.regionPicture}) {
    const Counts pic =
        countPixels(page, int(r->x0) + 4, int(r->y0) + 4, int(r->x1) - 4, int(r->y1) - 4);
    EXPECT_LT(static_cast<double>(pic.white) / pic.total, 0.2) << "a picture on light grey";
  }
  ASSERT_FALSE(layout.blocks.empty());
  const auto& text = layout.blocks.front();
  EXPECT_GT(countPixels(page, int(text.x0), int(text.y0), int(text.x1), int(text.y1)).dark, 200u);
  // The notice's strip has type in it.
  const Counts notice = countPixels(page, int(layout.notice.x0), int(layout.notice.y0),
                                    int(layout.notice.x1), int(layout.notice.y1));
  EXPECT_GT(notice.total - notice.white, 50u);
  expectNoOverlaps(layout, "L4/L5 paracentral");
  // The leaflet is all there, "when to get help now" before "what it is".
  const auto& titles = layout.blockTitles;
  const auto at = [&](const std::string& key) {
    return std::find(titles.begin(), titles.end(), session.labels().get(key)) - titles.begin();
  };
  for (const char* key :
       {"findings.title", "findings.leaflet.urgent", "findings.leaflet.what",
        "findings.leaflet.feel", "findings.leaflet.who", "findings.leaflet.helps"}) {
    EXPECT_LT(at(key), static_cast<long>(titles.size())) << key;
  }
  EXPECT_LT(at("findings.leaflet.urgent"), at("findings.leaflet.what"));
  EXPECT_EQ(countPixels(page, 0, 0, page.width, page.height).red, 0u)
      << "red is the red flag's, and this case has none";
}

TEST(HandoutGLTest, EveryClassicCaseFitsInEveryLanguageAndMode) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session session(options, 320, 240);
  const core::PresetLibrary presets = core::PresetLibrary::loadDefault();
  const auto file = test::outputDir() / "handout_each.png";
  int checked = 0;
  for (const auto& preset : presets.presets()) {
    for (const auto language : {core::Language::English, core::Language::Spanish}) {
      for (const auto mode : {core::Mode::Patient, core::Mode::Student}) {
        session.execute(ui::LoadPreset{preset.id});
        session.run(core::cmd::SetLanguage{language});
        session.run(core::cmd::SetMode{mode});
        const std::string what = preset.id + " " + std::string(core::toString(language)) + " " +
                                 std::string(core::toString(mode));
        const app::HandoutLayout layout =
            app::writeHandout(session, session.handoutContent(), file);
        EXPECT_TRUE(layout.fits) << what;
        // Never below 7.5 pt: still readable in the hand.
        EXPECT_GE(layout.fontPixels, 7.5f * 300.0f / 72.0f - 0.01f) << what;
        expectNoOverlaps(layout, what);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, static_cast<int>(presets.presets().size()) * 4);
}

TEST(HandoutGLTest, RedFlagCaseHasItsBannerOnTopInRed) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session session(options, 320, 240);
  session.execute(ui::LoadPreset{"massive_central_l4l5"});
  ASSERT_FALSE(session.findings().redFlags.empty());
  session.run(core::cmd::SetLanguage{core::Language::Spanish});
  const auto file = test::outputDir() / "handout_red_flag_es.png";
  const app::HandoutLayout layout = app::writeHandout(session, session.handoutContent(), file);
  const io::Image page = io::readPng(file);
  ASSERT_GT(layout.redFlag.y1, layout.redFlag.y0);
  const Counts banner = countPixels(page, int(layout.redFlag.x0) + 20, int(layout.redFlag.y0) + 20,
                                    int(layout.redFlag.x1) - 20, int(layout.redFlag.y1) - 20);
  EXPECT_GT(static_cast<double>(banner.red) / banner.total, 0.6);
  expectNoOverlaps(layout, "cauda equina, Spanish");
  EXPECT_TRUE(layout.fits);
}

TEST(HandoutGLTest, PdfNameWritesAOnePageA4Pdf) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session session(options, 320, 240);
  session.execute(ui::LoadPreset{"l5s1_paracentral_right"});
  const auto file = test::outputDir() / "handout.pdf";
  std::filesystem::remove(file);
  session.exportHandout(file);
  ASSERT_TRUE(std::filesystem::exists(file)) << session.message();
  std::ifstream in(file, std::ios::binary);
  std::stringstream pdf;
  pdf << in.rdbuf();
  const std::string text = pdf.str();
  EXPECT_EQ(text.rfind("%PDF-", 0), 0u);
  // A4 is 595.28 x 841.89 points; cairo writes the page size it was given.
  EXPECT_NE(text.find("/MediaBox [ 0 0 595.2"), std::string::npos);
  EXPECT_NE(text.find("/Count 1"), std::string::npos);
}

TEST(HandoutGLTest, WritingOneLeavesTheWindowsInterfaceCurrent) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session session(options, 320, 240);
  // The window's own interface; a handout in the middle of a frame's input handling used to
  // leave no ImGui context current, and the next key crashed the window.
  app::ImGuiLayer windowLayer(nullptr, 1.0f);
  ImGuiContext* before = ImGui::GetCurrentContext();
  ASSERT_NE(before, nullptr);
  session.exportHandout(test::outputDir() / "handout_context.png");
  EXPECT_EQ(ImGui::GetCurrentContext(), before);
  ImGui::GetIO().AddInputCharacter('a');  // what a key event does next: must not crash
}

}  // namespace
}  // namespace radicula
