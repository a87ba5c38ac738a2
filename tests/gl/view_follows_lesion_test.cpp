// The views serve the task: the axial slab is cut through the disc of the lesion being worked
// on, the side view looks at the lesion's side, the axial slice reads as on an MRI (the
// patient's left on the right of the screen) unless the user asks for the atlas view from
// above, and remembered settings come back in the next session.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <optional>

#include "app/session.h"
#include "gl_context.h"
#include "support/test_paths.h"
#include "ui/interface.h"

namespace radicula {
namespace {

core::Pathology herniation(core::DiscLevel level, core::SideSpec side) {
  core::Pathology p;
  p.type = core::PathologyType::Herniation;
  p.level = level;
  p.side = side;
  p.zone = core::Zone::Paracentral;
  p.severity = 0.6f;
  return p;
}

glm::vec3 discCentre(app::Session& s, const std::string& level) {
  const auto node = s.view().scene().findNode("disc." + level);
  EXPECT_TRUE(node.has_value());
  return glm::vec3(s.view().scene().worldTransform(*node)[3]);
}

TEST(ViewFollowsLesionGLTest, TheAxialSlabCutsTheDiscOfTheLesionBeingEdited) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session s(options, 480, 360);
  s.run(core::cmd::AddPathology{herniation(core::DiscLevel::L4L5, core::SideSpec::Left)});
  core::Pathology edited = s.state().scenario.pathologies[0];
  edited.level = core::DiscLevel::L5S1;  // set up by hand, as in the consult room
  s.run(core::cmd::UpdatePathology{0, edited});
  s.run(core::cmd::SetView{"axial"});
  s.advance(10.0f);
  const glm::vec3 l5s1 = discCentre(s, "L5-S1"), l4l5 = discCentre(s, "L4-L5");
  const glm::vec4 cut = s.view().style.clipPlane;
  // The cut plane passes within 5 mm of the L5/S1 disc centre, far from L4/L5's.
  EXPECT_LT(std::abs(glm::dot(glm::vec3(cut), l5s1) + cut.w), 0.005f);
  EXPECT_GT(std::abs(glm::dot(glm::vec3(cut), l4l5) + cut.w), 0.02f);
  EXPECT_LT(std::abs(s.view().camera.target.y - l5s1.y), 0.01f);
}

TEST(ViewFollowsLesionGLTest, TheSideViewLooksAtTheLesionsSide) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session s(options, 480, 360);
  s.run(core::cmd::AddPathology{herniation(core::DiscLevel::L4L5, core::SideSpec::Right)});
  s.run(core::cmd::SetView{"side"});
  s.advance(10.0f);
  EXPECT_LT(s.view().camera.eye().x, 0.0f) << "the patient's right is -X: the eye is there";
  core::Pathology left = s.state().scenario.pathologies[0];
  left.side = core::SideSpec::Left;
  s.run(core::cmd::UpdatePathology{0, left});
  s.advance(10.0f);
  EXPECT_GT(s.view().camera.eye().x, 0.0f);
}

TEST(ViewFollowsLesionGLTest, TheAxialSliceReadsAsOnMriWithTheAtlasViewOneSwitchAway) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session s(options, 480, 360);
  s.run(core::cmd::AddPathology{herniation(core::DiscLevel::L4L5, core::SideSpec::Left)});
  s.run(core::cmd::SetView{"axial"});
  s.advance(10.0f);
  ASSERT_TRUE(s.state().view.axialFromFeet) << "MRI convention by default";
  // A point on the patient's left (+X) of the disc, and one in front (+Z).
  const glm::vec3 centre = discCentre(s, "L4-L5");
  glm::vec2 left, front, middle;
  ASSERT_TRUE(s.view().project(centre + glm::vec3(0.03f, 0, 0), &left));
  ASSERT_TRUE(s.view().project(centre + glm::vec3(0, 0, 0.02f), &front));
  ASSERT_TRUE(s.view().project(centre, &middle));
  EXPECT_GT(left.x, middle.x + 10) << "the patient's left on the right of the screen";
  EXPECT_LT(front.y, middle.y - 10) << "the front of the body at the top";
  // The glowing left L5 root is drawn on the right half: the picture itself is mirrored.
  s.renderScene();
  EXPECT_EQ(s.view()
                .nameAt(static_cast<int>(left.x), static_cast<int>(left.y))
                .value_or("?")
                .find("right"),
            std::string::npos);

  s.run(core::cmd::SetAxialFromFeet{false});
  s.advance(10.0f);
  ASSERT_TRUE(s.view().project(centre + glm::vec3(0.03f, 0, 0), &left));
  ASSERT_TRUE(s.view().project(centre + glm::vec3(0, 0, 0.02f), &front));
  ASSERT_TRUE(s.view().project(centre, &middle));
  EXPECT_LT(left.x, middle.x - 10) << "from above, the patient's left on the left";
  EXPECT_LT(front.y, middle.y - 10);
}

TEST(ViewFollowsLesionGLTest, SettingsComeBackInTheNextSession) {
  RADICULA_REQUIRE_GL(window);
  const auto file = test::outputDir() / "session_settings" / "settings.json";
  std::filesystem::remove_all(file.parent_path());
  app::CliOptions options;
  app::SessionServices services;
  services.settingsFile = file;
  {
    app::Session s(options, app::loadStartupInputs(options), 320, 240, services);
    s.run(core::cmd::SetLanguage{core::Language::Spanish});
    s.run(core::cmd::SetLargeText{true});
    s.run(core::cmd::SetMode{core::Mode::Student});
    s.run(core::cmd::SetAxialFromFeet{false});
    const auto saved = test::outputDir() / "session_settings" / "case.json";
    s.saveScenario(saved);
  }
  ASSERT_TRUE(std::filesystem::exists(file));
  app::Session next(options, app::loadStartupInputs(options), 320, 240, services);
  EXPECT_EQ(next.state().language, core::Language::Spanish);
  EXPECT_TRUE(next.state().largeText);
  EXPECT_EQ(next.state().mode, core::Mode::Student);
  EXPECT_FALSE(next.state().view.axialFromFeet);
  ASSERT_FALSE(next.settings().recentFiles.empty());
  EXPECT_EQ(next.settings().recentFiles.front().filename(), "case.json");
  EXPECT_EQ(next.settings().lastFolder.filename(), "session_settings");
  // The command line still wins over what was remembered.
  app::CliOptions english;
  english.language = "en";
  english.languageGiven = true;
  app::Session third(english, app::loadStartupInputs(english), 320, 240, services);
  EXPECT_EQ(third.state().language, core::Language::English);
}

}  // namespace
}  // namespace radicula

namespace radicula {
namespace {

// Pointing at an L5/S1 herniation names the herniation, not the dural sac it lies against.
TEST(ViewFollowsLesionGLTest, PointingAtALesionNamesIt) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  app::Session s(options, 640, 480);
  s.execute(ui::LoadPreset{"l5s1_paracentral_right"});
  s.advance(10.0f);
  s.renderScene();
  // Where the lesion is seen (inside the translucent dural sac, in front of the bone), pointing
  // at it names it: count such pixels over the lesion's projected vertices.
  const auto& lesion = s.view().overlays().at(0);
  int named = 0, seen = 0;
  std::optional<std::string> name;
  for (std::size_t i = 0; i < lesion.mesh.positions.size(); i += 7) {
    glm::vec2 px;
    if (!s.view().project(lesion.mesh.positions[i], &px)) continue;
    const auto at = s.view().nameAt(static_cast<int>(px.x), static_cast<int>(px.y));
    ++seen;
    if (at == std::optional<std::string>("lesion.0")) {
      ++named;
      name = at;
    }
    EXPECT_NE(at.value_or(""), "dura") << "the dural sac in front of the herniation";
  }
  ASSERT_TRUE(name.has_value()) << "the herniation is named nowhere among " << seen;
  EXPECT_GT(named, seen / 4);
  const auto text = ui::describeStructure(*name, s.labels(), s.clinicalTexts(), &s.state());
  EXPECT_EQ(text.name, "Herniated disc, L5/S1, right (extrusion)");
}

// Opening another scenario over lesions not yet saved asks first; "replace them" opens it.
TEST(ViewFollowsLesionGLTest, OpeningOverUnsavedLesionsAsksFirst) {
  RADICULA_REQUIRE_GL(window);
  const auto other = test::outputDir() / "open_over_unsaved.json";
  std::ofstream(other) << R"({"format": "radicula-scenario/1", "pathologies": [
    {"type": "stenosis", "level": "L3-L4", "side": "both", "zone": "central", "severity": 0.6}]})";
  app::CliOptions options;
  app::Session s(options, 320, 240);
  s.run(core::cmd::AddPathology{herniation(core::DiscLevel::L4L5, core::SideSpec::Left)});
  ASSERT_TRUE(s.unsaved());
  s.execute(ui::OpenScenario{other.string()});
  EXPECT_EQ(s.interfaceModel(1.0f).question, ui::Question::OpenOverUnsaved);
  EXPECT_EQ(s.state().scenario.pathologies[0].type, core::PathologyType::Herniation);
  s.execute(ui::AnswerQuestion{ui::Answer::Cancel});
  EXPECT_EQ(s.state().scenario.pathologies[0].type, core::PathologyType::Herniation);
  s.execute(ui::OpenScenario{other.string()});
  s.execute(ui::AnswerQuestion{ui::Answer::Discard});
  ASSERT_EQ(s.state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(s.state().scenario.pathologies[0].type, core::PathologyType::Stenosis);
  EXPECT_FALSE(s.unsaved());
  s.execute(ui::Undo{});  // and the replaced lesions are one undo away
  EXPECT_EQ(s.state().scenario.pathologies[0].type, core::PathologyType::Herniation);
}

// Where the desktop has a file chooser (zenity here, a stand-in script), it is used, the
// viewer keeps drawing while it is open, and its answer is checked like a typed name.
TEST(ViewFollowsLesionGLTest, TheDesktopsFileChooserIsUsedWhereInstalled) {
  RADICULA_REQUIRE_GL(window);
  const auto bin = test::outputDir() / "fake_desktop_bin";
  std::filesystem::create_directories(bin);
  const auto chosen = test::outputDir() / "chosen_by_desktop";  // no extension: it is added
  std::filesystem::remove(chosen.string() + ".json");
  {
    std::ofstream script(bin / "zenity");
    script << "#!/bin/sh\nsleep 0.2\necho '" << chosen.string() << "'\n";
  }
  std::filesystem::permissions(bin / "zenity", std::filesystem::perms::owner_all);
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (bin.string() + ":" + path).c_str(), 1);
  app::CliOptions options;
  app::SessionServices services;
  services.nativeFileDialog = "zenity";
  {
    app::Session s(options, app::loadStartupInputs(options), 320, 240, services);
    s.run(core::cmd::AddPathology{herniation(core::DiscLevel::L4L5, core::SideSpec::Left)});
    s.execute(ui::ChooseFile{ui::FileAction::SaveScenario});
    EXPECT_TRUE(s.waitingForDesktopChooser());
    for (int i = 0; i < 100 && s.fileChooserOpen(); ++i) {
      s.advance(0.05f);
      usleep(50000);
    }
    EXPECT_FALSE(s.fileChooserOpen());
    EXPECT_TRUE(std::filesystem::exists(chosen.string() + ".json")) << s.message();
  }
  setenv("PATH", path.c_str(), 1);
}

}  // namespace
}  // namespace radicula
