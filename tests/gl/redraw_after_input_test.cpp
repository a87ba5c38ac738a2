// What a user asked for is on the screen without touching the mouse again: a menu click is
// drawn at once (the menu gone, the reader it opened shown), and the name of what is under the
// pointer follows the picture when the view changes by a key. A scene's own language (a link,
// a scenario file opened at start) is shown, not made the user's setting. Driven through the
// window's own GLFW callbacks, with the frames the window itself would draw.
#include <gtest/gtest.h>

#include <fstream>

#include "core/settings.h"
#include "viewer_fixture.h"

namespace radicula {
namespace {

TEST(RedrawAfterInputGLTest, AMenuClickIsDrawnWithoutTheMouseMovingAgain) {
  Viewer v("menu_redraw");
  RADICULA_REQUIRE_VIEWER(v);
  v.clickControl("menu.file");
  v.settle();
  ASSERT_TRUE(v.trace().controls.count("menu.read_mri")) << "the File menu is open";
  // The mouse stays where it clicked: nothing else happens after the click.
  v.clickControl("menu.read_mri");
  v.settle();
  EXPECT_TRUE(v.session().mriReaderOpen());
  EXPECT_TRUE(v.trace().controls.count("mri_reader")) << "the last frame drawn shows the reader";
  EXPECT_FALSE(v.trace().controls.count("menu.read_mri")) << "and no longer the menu";
}

// A point of the window over a vertebra in the side view (the patient's side, where the
// figure stands), in window and view pixels.
std::optional<std::pair<ImVec2, std::string>> pointOnAVertebra(Viewer& v) {
  const auto& view = v.trace().controls.at("layout.view");
  for (float y = view.min.y + 5; y < view.max.y; y += 6) {
    for (float x = view.min.x + 5; x < view.max.x; x += 6) {
      const auto name = v.session().view().nameAt(static_cast<int>(x - view.min.x),
                                                  static_cast<int>(y - view.min.y));
      if (name && name->rfind("vertebra.L2", 0) == 0) return std::pair{ImVec2(x, y), *name};
    }
  }
  return std::nullopt;
}

TEST(RedrawAfterInputGLTest, TheNameUnderThePointerFollowsAViewChangedByAKey) {
  Viewer v("hover_after_key");
  RADICULA_REQUIRE_VIEWER(v);
  const auto target = pointOnAVertebra(v);
  ASSERT_TRUE(target.has_value()) << "L2 is in the side view";
  v.moveTo(target->first);
  v.settle();
  ASSERT_EQ(v.session().interfaceModel(1.0f).hovered, target->second);
  // 4: the foramen view, close to L4/L5. The pointer has not moved.
  v.press(GLFW_KEY_4);
  v.settle();
  ASSERT_EQ(v.session().state().view.view, "foramen");
  const auto& view = v.trace().controls.at("layout.view");
  const auto now = v.session().view().nameAt(static_cast<int>(target->first.x - view.min.x),
                                             static_cast<int>(target->first.y - view.min.y));
  ASSERT_NE(now, std::optional<std::string>(target->second)) << "the view shows something else";
  EXPECT_EQ(v.session().interfaceModel(1.0f).hovered, now)
      << "the name shown is of what is under the pointer now";
}

TEST(RedrawAfterInputGLTest, AScenesOwnLanguageIsShownButNotRemembered) {
  const fs::path scenario = test::outputDir() / "scene_in_spanish.json";
  std::ofstream(scenario) << R"({"format": "radicula-scenario/1", "language": "es",
    "pathologies": [{"type": "herniation", "level": "L4-L5", "side": "left",
                     "zone": "paracentral", "severity": 0.6}]})";
  Viewer v("scene_language", 1280, 800, scenario);
  RADICULA_REQUIRE_VIEWER(v);
  EXPECT_EQ(v.session().state().language, core::Language::Spanish) << "the scene is shown in it";
  // The user changes a setting (large text): the settings are written, with their own language.
  v.ctrl(GLFW_KEY_EQUAL);
  v.settle();
  ASSERT_TRUE(v.session().state().largeText);
  const fs::path settings = v.home() / "config" / "radicula" / "settings.json";
  ASSERT_TRUE(fs::exists(settings));
  EXPECT_EQ(core::loadSettings(settings).settings.language, core::Language::English)
      << "a scene's language does not become the user's";
  // Chosen by the user, it is remembered.
  v.session().run(core::cmd::SetLanguage{core::Language::English});
  v.session().run(core::cmd::SetLanguage{core::Language::Spanish});
  v.settle();
  EXPECT_EQ(core::loadSettings(settings).settings.language, core::Language::Spanish);
}

}  // namespace
}  // namespace radicula
