// What the app writes for people to keep or share (the handout has its own tests): full-interface
// screenshots in the chosen language, and saved scenarios that open again as they were.
#include <gtest/gtest.h>

#include <fstream>

#include "app/app_frame.h"
#include "app/handout.h"
#include "app/session.h"
#include "app/startup_scene.h"
#include "gl_context.h"
#include "io/png_writer.h"
#include "support/run_process.h"

namespace radicula {
namespace {

std::filesystem::path scenarioFile() {
  const auto file = test::outputDir() / "output_l5s1.json";
  std::ofstream(file) << R"({"format": "radicula-scenario/1", "pathologies": [
    {"type": "herniation", "level": "L5-S1", "side": "right", "zone": "paracentral", "severity": 0.7}]})";
  return file;
}

// Share of pixels that differ by more than a little between two images of the same size.
double differingShare(const io::Image& a, const io::Image& b) {
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])));
    if (d > 24) ++differ;
  }
  return static_cast<double>(differ) / (a.rgba.size() / 4);
}

TEST(AppOutputGLTest, ScreenshotSpeaksTheChosenLanguage) {
  if (!std::getenv("DISPLAY")) {
    if (test::inCi()) FAIL() << "no DISPLAY under CI";
    GTEST_SKIP() << "no DISPLAY";
  }
  const auto shot = [&](const std::string& lang, const std::string& mode) {
    const auto png = test::outputDir() / ("shot_" + lang + "_" + mode + ".png");
    const auto r = test::runProcess(
        {test::executable().string(), "--scenario", scenarioFile().string(), "--screenshot",
         png.string(), "--size", "1000x640", "--lang", lang, "--mode", mode, "--view", "axial"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return io::readPng(png);
  };
  const io::Image en = shot("en", "patient");
  const io::Image es = shot("es", "patient");
  const io::Image student = shot("en", "student");
  ASSERT_EQ(en.width, 1000);
  // The 3D view is the same; the panels' words differ.
  EXPECT_GT(differingShare(en, es), 0.005);
  EXPECT_GT(differingShare(en, student), 0.005);
  EXPECT_LT(differingShare(en, es), 0.3);
}

TEST(AppOutputGLTest, SavedScenarioOpensAsItWas) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  options.scenario = scenarioFile();
  app::Session session(options, 320, 240);
  session.run(core::cmd::SetView{"foramen"});
  session.run(core::cmd::SetMode{core::Mode::Student});
  const auto saved = test::outputDir() / "saved_case.json";
  session.saveScenario(saved);
  session.run(core::cmd::ClearPathologies{});
  session.run(core::cmd::SetView{"side"});
  session.openScenario(saved);
  EXPECT_TRUE(session.message().empty()) << session.message();
  ASSERT_EQ(session.state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(session.state().scenario.pathologies[0].level, core::DiscLevel::L5S1);
  EXPECT_EQ(session.state().view.view, "foramen");
  EXPECT_EQ(session.state().mode, core::Mode::Student);
  EXPECT_TRUE(session.findings().affected(core::Root::S1, core::Side::Right));
  // Opening a broken file keeps the work and says what is wrong.
  std::ofstream(test::outputDir() / "broken_case.json") << "{\"format\": \"radicula-scenario/1\", ";
  session.openScenario(test::outputDir() / "broken_case.json");
  EXPECT_NE(session.message().find("broken_case.json"), std::string::npos);
  EXPECT_EQ(session.state().scenario.pathologies.size(), 1u);
}

}  // namespace
}  // namespace radicula

namespace radicula {
namespace {

TEST(AppOutputGLTest, AChosenExplanationPaintsItsReachOverTheMarksOnItsOwnSide) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  options.symptoms = test::sourceDir() / "tests/data/symptoms/l5_foot_drop.json";
  options.mode = "student";
  options.modeGiven = true;
  const int w = 1400, h = 900;
  app::Session session(options, app::loadStartupInputs(options), w, h);
  ASSERT_TRUE(session.symptomMapOpen());
  const auto* map = session.interfaceModel(1.0f).symptomMap;
  ASSERT_NE(map, nullptr);
  ASSERT_FALSE(map->candidates.empty());
  EXPECT_NE(map->candidates[0].title.find("L5"), std::string::npos) << map->candidates[0].title;
  // Seen from the front the patient's left is the right half of the picture: the marks (blue)
  // are there, and the chosen L5's reach (orange) joins them there, never on the other leg.
  const auto count = [&](bool orange) {
    session.resizeView(600, 700);
    session.advance(10.0f);
    session.renderScene();
    const io::Image image = session.view().image();
    int left = 0, right = 0;
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        const std::uint8_t* p = image.pixel(x, y);
        const bool hit = orange ? (p[0] > p[2] + 80 && p[0] > 150 && p[1] < p[0] - 40)
                                : (p[2] > p[0] + 40 && p[2] > 90);
        if (hit) (x < image.width / 2 ? left : right)++;
      }
    }
    return std::pair{left, right};
  };
  const auto [blueLeft, blueRight] = count(false);
  EXPECT_GT(blueRight, 400);
  EXPECT_LT(blueLeft, blueRight / 10);
  const auto [noneLeft, noneRight] = count(true);
  EXPECT_LT(noneLeft + noneRight, 200) << "nothing is chosen yet";
  session.execute(ui::ChooseCandidate{0});
  ASSERT_NE(session.interfaceModel(1.0f).symptomMap->chosen, -1);
  const auto [orangeLeft, orangeRight] = count(true);
  EXPECT_GT(orangeRight, 300);
  EXPECT_LT(orangeLeft, orangeRight / 10);
  EXPECT_TRUE(session.findings().affected(core::Root::L5, core::Side::Left));

  // The whole window as the README shows it.
  session.resizeView(w, h);
  render::RenderTarget frame(w, h, 0);
  app::ImGuiLayer imgui(nullptr, 1.0f);
  for (int i = 0; i < 3; ++i) app::drawOffscreenWindowFrame(session, imgui, frame, w, h, i == 2);
  frame.resolve();
  io::writePng(test::outputDir() / "where_it_hurts.png", frame.readColor());
}

}  // namespace
}  // namespace radicula
