// `radicula FILE --screenshot OUT.png` as a user runs it: offscreen, through the same renderer
// as the window, with a PNG of the asked size; and a clear message where OpenGL 3.3 is missing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "io/png_writer.h"
#include "support/fixture_models.h"
#include "support/run_process.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

bool haveDisplay() {
  const char* d = std::getenv("DISPLAY");
  return d != nullptr && *d != '\0';
}

#define RADICULA_REQUIRE_DISPLAY()                                      \
  if (!haveDisplay()) {                                                 \
    if (test::inCi()) FAIL() << "no DISPLAY under CI (run under xvfb)"; \
    GTEST_SKIP() << "no DISPLAY";                                       \
  }

TEST(ScreenshotGLTest, WritesAPngOfTheAskedSizeShowingTheModel) {
  RADICULA_REQUIRE_DISPLAY();
  const auto model = test::writeCubeGltf(test::outputDir() / "shot_cube.gltf");
  const auto png = test::outputDir() / "shot_cube.png";
  std::filesystem::remove(png);
  const auto r =
      test::runProcess({test::executable().string(), model.string(), "--screenshot", png.string(),
                        "--size", "320x200", "--view", "front", "--no-ui"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const io::Image image = io::readPng(png);
  EXPECT_EQ(image.width, 320);
  EXPECT_EQ(image.height, 200);
  const std::uint8_t* centre = image.pixel(160, 100);
  EXPECT_GT(centre[0], 120);
  EXPECT_LT(centre[1], centre[0] / 3);
  const std::uint8_t* corner = image.pixel(2, 2);
  EXPECT_LT(corner[0], 60);  // dark background, not the model
}

TEST(ScreenshotGLTest, SymptomsOpenTheBodyMapWithTheMarksOnTheirSide) {
  RADICULA_REQUIRE_DISPLAY();
  const auto file = test::outputDir() / "symptoms_shot.json";
  std::ofstream(file) << R"({"format": "radicula-symptoms/1",
    "regions": [{"region": "dorsum_foot", "side": "left"}, {"region": "lateral_leg", "side": "left"},
                {"region": "anterior_thigh_lower", "side": "left"}]})";
  const auto png = test::outputDir() / "symptoms_shot.png";
  std::filesystem::remove(png);
  const auto r = test::runProcess({test::executable().string(), "--symptoms", file.string(),
                                   "--screenshot", png.string(), "--size", "600x700", "--no-ui"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const io::Image image = io::readPng(png);
  // Seen from the front the patient's left is on the right of the picture: the marks' blue is
  // there, and not on the other leg.
  int left = 0, right = 0;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* p = image.pixel(x, y);
      if (p[2] > p[0] + 40 && p[2] > 90) (x < image.width / 2 ? left : right)++;
    }
  }
  EXPECT_GT(right, 400) << "the marked regions show in blue";
  EXPECT_LT(left, right / 10) << "the unmarked leg stays skin";
}

TEST(ScreenshotGLTest, ByDefaultTheInterfaceIsInThePicture) {
  RADICULA_REQUIRE_DISPLAY();
  const auto model = test::writeCubeGltf(test::outputDir() / "shot_ui_cube.gltf");
  const auto png = test::outputDir() / "shot_ui_cube.png";
  const auto r = test::runProcess({test::executable().string(), model.string(), "--screenshot",
                                   png.string(), "--size", "900x600"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const io::Image image = io::readPng(png);
  // The menu bar runs along the top and the notice along the bottom, as in the window.
  const auto rowDiffers = [&](int y) {
    int differing = 0;
    for (int x = 0; x < image.width; x += 3) {
      const std::uint8_t* p = image.pixel(x, y);
      const std::uint8_t* q = image.pixel(image.width / 2, image.height / 2 - 150);
      differing += std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) > 30;
    }
    return differing;
  };
  EXPECT_GT(rowDiffers(8), 5) << "menu bar text";
  EXPECT_GT(rowDiffers(image.height - 14), 5) << "education-not-diagnosis notice";
}

TEST(ScreenshotGLTest, NoOpenGl33GivesAClearMessageNotACrash) {
  RADICULA_REQUIRE_DISPLAY();
  const auto model = test::writeCubeGltf(test::outputDir() / "nogl_cube.gltf");
  // Mesa honours this override: it caps the offered version below what Radicula needs.
  const auto r = test::runProcess({test::executable().string(), model.string(), "--screenshot",
                                   (test::outputDir() / "nogl.png").string()},
                                  {{"MESA_GL_VERSION_OVERRIDE", "3.0"}});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_NE(r.err.find("OpenGL 3.3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("xvfb-run"), std::string::npos) << r.err;
}

TEST(ScreenshotGLTest, NoDisplayGivesAClearMessage) {
  const auto model = test::writeCubeGltf(test::outputDir() / "nodisplay_cube.gltf");
  const auto r = test::runProcess({test::executable().string(), model.string(), "--screenshot",
                                   (test::outputDir() / "nodisplay.png").string()},
                                  {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_NE(r.err.find("xvfb-run"), std::string::npos) << r.err;
}

// `--quiz SEED` pictures a "test yourself" question as the window shows it: the same seed, the
// same picture; the question's root glows only in the picture with `--answer`.
TEST(ScreenshotGLTest, QuizQuestionPicturedBeforeAndAfterItsAnswer) {
  RADICULA_REQUIRE_DISPLAY();
  const auto shot = [](const std::string& name, std::vector<std::string> extra) {
    const auto png = test::outputDir() / name;
    std::vector<std::string> args = {test::executable().string(),
                                     "--quiz",
                                     "11",
                                     "--screenshot",
                                     png.string(),
                                     "--size",
                                     "640x480",
                                     "--no-ui"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = test::runProcess(args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return io::readPng(png);
  };
  const io::Image question = shot("quiz_q.png", {});
  const io::Image again = shot("quiz_q_again.png", {});
  const io::Image answered = shot("quiz_a.png", {"--answer", "1"});
  ASSERT_EQ(question.width, 640);
  EXPECT_EQ(question.rgba, again.rgba) << "the same seed asks the same question";
  // Glowing nerves are reddish purple: blue well above green, red high. Count such pixels.
  const auto glowing = [](const io::Image& image) {
    int n = 0;
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        const std::uint8_t* p = image.pixel(x, y);
        // Red well above green too: the pale blue nucleus has blue above green but not red.
        n += p[0] > 150 && p[2] > p[1] + 40 && p[0] > p[1] + 60;
      }
    }
    return n;
  };
  EXPECT_LT(glowing(question), 20) << "the glow would give the answer away";
  // One root's stretch inside the axial slab covers some 100 to 300 pixels at 640x480.
  EXPECT_GT(glowing(answered), 80) << "answered, the pressed root glows";
}

}  // namespace
}  // namespace radicula
