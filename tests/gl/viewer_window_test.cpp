// The real viewer window driven the way a user drives it: key, character, mouse and close
// events go through the very GLFW callbacks the window installs, and the window draws its
// frames. A consult-room user types fast, presses Enter and Escape, clicks right after a menu
// closes and saves over files; none of it may crash, lose a keystroke or overwrite a file
// unasked.
#include <gtest/gtest.h>

#include <epoxy/gl.h>
// epoxy before GLFW, so GLFW does not include the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdlib>
#include <fstream>

#include "app/app_frame.h"
#include "app/gl_window.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "app/startup_scene.h"
#include "app/viewer_window.h"
#include "core/quiz.h"
#include "core/settings.h"
#include "gl_context.h"
#include "io/png_writer.h"
#include "render/render_target.h"
#include "support/fixture_models.h"
#include "support/test_paths.h"
#include "viewer_fixture.h"

namespace radicula {
namespace {

namespace fs = std::filesystem;

TEST(ViewerWindowGLTest, ExportHandoutTypeANameAndEnterWritesItAndTheWindowLivesOn) {
  Viewer v("export");
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::LoadPreset{"l4l5_paracentral_left"});
  v.settle();
  v.ctrl(GLFW_KEY_E);
  v.settle();
  ASSERT_NE(v.chooser(), nullptr) << "Ctrl+E opens the export chooser";
  EXPECT_EQ(v.fileName(), "radicula-L4-L5-left.png") << "a name that says what is in it";
  EXPECT_EQ(v.chooser()->folder, (v.home() / "Documents").string());
  // The field's text is selected: typing replaces it, Enter exports.
  v.type("handout for Ann");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  EXPECT_EQ(v.chooser(), nullptr);
  const fs::path written = v.home() / "Documents" / "handout for Ann.png";
  EXPECT_TRUE(fs::exists(written)) << v.session().message();
  // The keys after an export (where the window used to crash) still work.
  v.press(GLFW_KEY_2);
  v.type("x");
  v.press(GLFW_KEY_ESCAPE);
  v.settle();
  EXPECT_EQ(v.session().state().view.view, "posterior");
  EXPECT_NE(ImGui::GetCurrentContext(), nullptr);
}

TEST(ViewerWindowGLTest, SaveOffersItsOwnNameAddsTheExtensionAndNeverTouchesTheHandout) {
  Viewer v("save");
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::LoadPreset{"l5s1_paracentral_right"});
  v.settle();
  v.ctrl(GLFW_KEY_E);
  v.settle();
  v.type("handout_es");  // no extension typed
  v.press(GLFW_KEY_ENTER);
  v.settle();
  const fs::path handout = v.home() / "Documents" / "handout_es.png";
  ASSERT_TRUE(fs::exists(handout)) << "the extension is added";
  const std::string before = test::readFile(handout);

  v.ctrl(GLFW_KEY_S);
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  EXPECT_EQ(v.fileName(), "radicula-L5-S1-right.json") << "not the handout's name";
  v.press(GLFW_KEY_ENTER);  // the suggested name, as it is
  v.settle();
  const fs::path saved = v.home() / "Documents" / "radicula-L5-S1-right.json";
  EXPECT_TRUE(fs::exists(saved)) << v.session().message();
  EXPECT_EQ(test::readFile(handout), before) << "the handout is untouched";
  EXPECT_FALSE(v.session().unsaved());

  // A name of another kind is refused with a reason, not written as JSON.
  v.ctrl(GLFW_KEY_S);
  v.settle();
  v.type("handout_es.png");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  ASSERT_NE(v.chooser(), nullptr) << "still open";
  EXPECT_FALSE(v.chooser()->problem.empty());
  EXPECT_EQ(test::readFile(handout), before);
  v.press(GLFW_KEY_ESCAPE);
  v.settle();
  EXPECT_EQ(v.chooser(), nullptr) << "Escape cancels";
}

TEST(ViewerWindowGLTest, SavingOverAFileAsksFirstAndAnEmptyNameExplainsItself) {
  Viewer v("overwrite");
  RADICULA_REQUIRE_VIEWER(v);
  const fs::path existing = v.home() / "Documents" / "case.json";
  std::ofstream(existing) << "{\"format\": \"radicula-scenario/1\", \"pathologies\": []}\n";
  const std::string before = test::readFile(existing);
  v.session().execute(ui::LoadPreset{"l4l5_foraminal_left"});
  v.settle();

  v.ctrl(GLFW_KEY_S);
  v.settle();
  v.type("case");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  ASSERT_TRUE(v.chooser()->replace.has_value()) << "asks before replacing case.json";
  EXPECT_EQ(test::readFile(existing), before);
  v.press(GLFW_KEY_ESCAPE);  // "keep it": back to the name
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  EXPECT_FALSE(v.chooser()->replace.has_value());
  EXPECT_EQ(test::readFile(existing), before);

  // Empty the field (select all, delete), Enter: a reason, nothing written.
  v.ctrl(GLFW_KEY_A);
  v.press(GLFW_KEY_BACKSPACE);
  v.press(GLFW_KEY_ENTER);
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  EXPECT_EQ(v.fileName(), "");
  EXPECT_EQ(v.chooser()->problem, v.session().labels().get("file.problem.empty"));

  // This time replace it, with the button.
  v.type("case.json");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  ASSERT_TRUE(v.chooser() && v.chooser()->replace);
  v.clickControl("file.replace");
  v.settle();
  EXPECT_EQ(v.chooser(), nullptr);
  EXPECT_NE(test::readFile(existing), before);
  EXPECT_NE(test::readFile(existing).find("\"foraminal\""), std::string::npos);
}

TEST(ViewerWindowGLTest, OpenAScenarioByNameWithReasonsForNamesThatAreNotThere) {
  Viewer v("open");
  RADICULA_REQUIRE_VIEWER(v);
  const fs::path file = v.home() / "Documents" / "ann.json";
  std::ofstream(file) << R"({"format": "radicula-scenario/1", "pathologies": [
    {"type": "herniation", "level": "L5-S1", "side": "right", "zone": "foraminal", "severity": 0.6}]})";
  v.ctrl(GLFW_KEY_O);
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  EXPECT_EQ(v.fileName(), "") << "opening suggests no name";
  ASSERT_EQ(v.chooser()->entries.size(), 1u) << "the scenarios in the folder";
  EXPECT_EQ(v.chooser()->entries[0].name, "ann.json");
  v.type("bob");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  EXPECT_NE(v.chooser()->problem.find("bob.json"), std::string::npos) << v.chooser()->problem;
  // A click on the file in the list takes the cursor from the name field; the Enter that
  // follows still reaches the chooser, which opens the file picked.
  v.clickControl("file.entry.ann.json");
  v.settle();
  EXPECT_EQ(v.fileName(), "ann.json");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  EXPECT_EQ(v.chooser(), nullptr);
  ASSERT_EQ(v.session().state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(v.session().state().scenario.pathologies[0].zone, core::Zone::Foraminal);
  EXPECT_EQ(v.session().settings().recentFiles.front(), file) << "remembered as recent";
  // The keyboard alone: Down walks the list into the name, Enter opens it.
  v.ctrl(GLFW_KEY_O);
  v.settle();
  v.press(GLFW_KEY_DOWN);
  v.settle();
  EXPECT_EQ(v.fileName(), "ann.json");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  EXPECT_EQ(v.chooser(), nullptr);
  // Escape closes the chooser and changes nothing.
  v.ctrl(GLFW_KEY_O);
  v.settle();
  v.press(GLFW_KEY_ESCAPE);
  v.settle();
  EXPECT_EQ(v.chooser(), nullptr);
  EXPECT_EQ(v.session().state().scenario.pathologies.size(), 1u);
}

TEST(ViewerWindowGLTest, NoKeystrokeIsLostHoweverFastItComes) {
  Viewer v("typing");
  RADICULA_REQUIRE_VIEWER(v);
  v.ctrl(GLFW_KEY_S);
  // No frame between opening the chooser and typing: the first characters arrive before the
  // name field exists, and must wait for it rather than vanish.
  std::string text;
  for (int i = 0; i < 100; ++i) text += static_cast<char>('a' + i % 26);
  v.type(text);
  v.settle();
  EXPECT_EQ(v.fileName(), text) << "100 characters in one burst";
  for (int i = 0; i < 70; ++i) v.press(GLFW_KEY_BACKSPACE);
  v.settle();
  EXPECT_EQ(v.fileName(), text.substr(0, 30)) << "70 Backspaces remove 70 characters";
  // Typed 10 ms apart against a frame that takes longer: a frame every third key.
  for (int i = 0; i < 30; ++i) v.press(GLFW_KEY_BACKSPACE);
  v.settle();
  for (int i = 0; i < 100; ++i) {
    v.type(std::string(1, text[i]));
    if (i % 3 == 2) v.window().frame();
  }
  v.settle();
  EXPECT_EQ(v.fileName(), text);
}

TEST(ViewerWindowGLTest, TheFirstClickAfterAMenuClosesActs) {
  Viewer v("menus", 1920, 1080);
  RADICULA_REQUIRE_VIEWER(v);
  // A view chosen from the View menu, then at once a lesion toggle: both act.
  v.clickControl("menu.view");
  v.settle();
  v.clickControl("menu.view.posterior");
  v.clickControl("toggle.herniation");
  v.settle();
  EXPECT_EQ(v.session().state().view.view, "posterior");
  ASSERT_EQ(v.session().state().scenario.pathologies.size(), 1u);
  // A menu left with Escape, then a click: it acts too.
  v.clickControl("menu.view");
  v.settle();
  v.press(GLFW_KEY_ESCAPE);
  v.clickControl("toggle.osteophyte");
  v.settle();
  EXPECT_EQ(v.session().state().scenario.pathologies.size(), 2u);
  // A combo's choice shows at once, without another mouse move.
  v.clickControl("lesion0.level");
  v.settle();
  const std::string header = v.trace().controls.at("lesion0.header").text;
  ASSERT_NE(header.find("L4/L5"), std::string::npos);
  ImVec2 below = v.trace().controls.at("lesion0.level").center();
  below.y += 5 * ImGui::GetFrameHeight();  // the fifth entry under the combo: L5/S1
  v.click(below);
  v.settle();
  EXPECT_EQ(v.session().state().scenario.pathologies[0].level, core::DiscLevel::L5S1);
  EXPECT_NE(v.trace().controls.at("lesion0.header").text.find("L5/S1"), std::string::npos)
      << "the last frame drawn shows the new level";
}

TEST(ViewerWindowGLTest, AnIdleWindowDrawsNothing) {
  Viewer v("idle");
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::LoadPreset{"l4l5_paracentral_left"});
  v.settle();
  EXPECT_FALSE(v.window().needsFrame()) << "settled: the loop sleeps in glfwWaitEvents";
  const int frames = v.window().framesDrawn();
  v.moveTo(ImVec2(700, 400));
  EXPECT_TRUE(v.window().needsFrame()) << "an event wakes it";
  v.settle();
  EXPECT_GT(v.window().framesDrawn(), frames);
  EXPECT_LT(v.window().framesDrawn() - frames, 10) << "and it settles again within a few frames";
}

TEST(ViewerWindowGLTest, ClosingWithUnsavedLesionsAsksFirst) {
  Viewer v("close");
  RADICULA_REQUIRE_VIEWER(v);
  v.closeButton();
  v.settle();
  EXPECT_TRUE(v.session().wantsQuit()) << "nothing to lose: it closes";

  Viewer w("close_unsaved");
  RADICULA_REQUIRE_VIEWER(w);
  w.clickControl("toggle.herniation");
  w.settle();
  w.closeButton();
  w.settle();
  EXPECT_FALSE(w.session().wantsQuit());
  EXPECT_EQ(w.session().interfaceModel(1.0f).question, ui::Question::QuitWithUnsaved);
  w.clickControl("question.cancel");
  w.settle();
  EXPECT_FALSE(w.session().wantsQuit());
  w.ctrl(GLFW_KEY_Q);
  w.settle();
  w.clickControl("question.discard");
  w.settle();
  EXPECT_TRUE(w.session().wantsQuit());
}

TEST(ViewerWindowGLTest, OpeningAModelKeepsTheLesionsAndTheAnatomyComesBack) {
  Viewer v("model");
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::LoadPreset{"l4l5_paracentral_left"});
  v.settle();
  const fs::path model = test::writeCubeObj(v.home() / "cube.obj");
  v.session().execute(ui::OpenModel{model.string()});
  v.settle();
  EXPECT_FALSE(v.session().showsAnatomy());
  EXPECT_EQ(v.session().state().scenario.pathologies.size(), 1u) << "the lesions wait";
  EXPECT_FALSE(v.trace().controls.count("toggle.herniation")) << "no lesion controls on a model";
  v.clickControl("back_to_anatomy");
  v.settle();
  EXPECT_TRUE(v.session().showsAnatomy());
  ASSERT_EQ(v.session().state().scenario.pathologies.size(), 1u);
  EXPECT_TRUE(v.session().findings().affected(core::Root::L5, core::Side::Left));
}

TEST(ViewerWindowGLTest, PresentationFillsTheWindowWithACaptionAndEscapeLeavesIt) {
  Viewer v("present", 1024, 768);
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::LoadPreset{"l4l5_paracentral_left"});
  v.settle();
  v.press(GLFW_KEY_F11);
  v.settle();
  const auto& view = v.trace().controls.at("layout.view");
  EXPECT_EQ(view.min.x, 0.0f);
  EXPECT_EQ(view.max.x, 1024.0f) << "the 3D view has the whole width";
  EXPECT_TRUE(v.trace().controls.count("caption")) << "the key finding in large type";
  EXPECT_FALSE(v.trace().controls.count("toggle.herniation"));
  v.press(GLFW_KEY_ESCAPE);
  v.settle();
  EXPECT_FALSE(v.session().interfaceState().presentation);
  EXPECT_LT(v.trace().controls.at("layout.view").max.x - v.trace().controls.at("layout.view").min.x,
            1024.0f);
}

TEST(ViewerWindowGLTest, LeftDragInTheFlatAxialSliceMovesItAndTheCursorSaysSo) {
  Viewer v("drag");
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::LoadPreset{"l4l5_paracentral_left"});  // opens in the axial view
  v.settle();
  ASSERT_EQ(v.session().state().view.view, "axial");
  ASSERT_FALSE(v.session().viewOrbits());
  EXPECT_TRUE(v.trace().controls.count("view_hint")) << "a hint says what a drag does";
  const ImVec2 from = v.trace().controls.at("layout.view").center();
  v.moveTo(from);
  v.settle();
  EXPECT_EQ(ImGui::GetMouseCursor(), ImGuiMouseCursor_ResizeAll) << "the cursor says: move";
  const render::OrbitCamera before = v.session().view().camera;
  v.drag(from, ImVec2(from.x + 80, from.y));
  v.settle();
  const render::OrbitCamera after = v.session().view().camera;
  EXPECT_GT(glm::distance(after.target, before.target), 0.005f) << "the slice moved";
  EXPECT_EQ(after.yawDeg, before.yawDeg) << "and did not turn";
  EXPECT_EQ(after.pitchDeg, before.pitchDeg);

  // In the side view the same drag turns the body.
  v.press(GLFW_KEY_1);
  v.settle();
  ASSERT_TRUE(v.session().viewOrbits());
  const float yaw = v.session().view().camera.yawDeg;
  v.drag(from, ImVec2(from.x + 80, from.y));
  v.settle();
  EXPECT_NE(v.session().view().camera.yawDeg, yaw);
}

}  // namespace
}  // namespace radicula

namespace radicula {
namespace {

TEST(ViewerWindowGLTest, AnMriReportTypedIntoTheReaderShowsItsLesionsAndAddsThemInOneStep) {
  Viewer v("mri_reader", 1280, 800);
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::OpenMriReader{});
  v.settle();
  ASSERT_TRUE(v.trace().controls.count("mri_reader")) << "the reader is on screen";
  // The cursor is in the text: typing goes there, and the lesion shows while it is typed.
  // Enter starts a new line, as in any text box.
  v.type("FINDINGS:");
  v.press(GLFW_KEY_ENTER);
  v.type("L4-5: left paracentral disc extrusion compressing the left L5 nerve root.");
  v.settle();
  EXPECT_EQ(v.session().interfaceState().mriText.substr(0, 10), "FINDINGS:\n");
  // A Spanish keyboard's accents arrive whole (UTF-8 in the text).
  v.press(GLFW_KEY_ENTER);
  v.type("Conclusi");
  v.typeCodePoint(0xF3);
  v.type("n: L5-S1: protrusi");
  v.typeCodePoint(0xF3);
  v.type("n discal central leve.");
  v.settle();
  EXPECT_NE(v.session().interfaceState().mriText.find("Conclusi\xC3\xB3n"), std::string::npos);
  ASSERT_EQ(v.session().interfaceModel(1.0f).mriReader->lesions.size(), 2u);
  // Back to the English lesion alone for what follows (51 characters typed since).
  for (int i = 0; i < 51; ++i) v.press(GLFW_KEY_BACKSPACE);
  v.settle();
  EXPECT_EQ(v.session().interfaceState().mriText.back(), '.');
  const auto* reader = v.session().interfaceModel(1.0f).mriReader;
  ASSERT_NE(reader, nullptr);
  ASSERT_EQ(reader->lesions.size(), 1u);
  EXPECT_NE(reader->lesions[0].words.find("L4/L5"), std::string::npos) << reader->lesions[0].words;
  EXPECT_TRUE(v.session().state().scenario.pathologies.empty()) << "a preview, not yet added";
  EXPECT_TRUE(v.session().findings().affected(core::Root::L5, core::Side::Left))
      << "the preview lights the root";
  EXPECT_FALSE(reader->summary.empty()) << "patient mode says what was found in plain words";
  // Escape closes it and takes the preview away.
  v.press(GLFW_KEY_ESCAPE);
  v.settle();
  EXPECT_EQ(v.session().interfaceModel(1.0f).mriReader, nullptr);
  EXPECT_FALSE(v.session().findings().affected(core::Root::L5, core::Side::Left));
  // Opened again, the text is still there; "Add to the scene" adds it as one undo step.
  v.session().execute(ui::OpenMriReader{});
  v.settle();
  v.type(" L5-S1: mild disc bulge.");
  v.settle();
  ASSERT_EQ(v.session().interfaceModel(1.0f).mriReader->lesions.size(), 2u)
      << v.session().interfaceState().mriText;
  v.moveTo(v.trace().controls.at("mri.apply").center());
  v.settle();
  v.clickControl("mri.apply");
  v.settle();
  EXPECT_EQ(v.session().interfaceModel(1.0f).mriReader, nullptr);
  EXPECT_EQ(v.session().state().scenario.pathologies.size(), 2u);
  EXPECT_TRUE(v.session().findings().affected(core::Root::L5, core::Side::Left));
  v.session().execute(ui::Undo{});
  v.settle();
  EXPECT_TRUE(v.session().state().scenario.pathologies.empty()) << "one undo takes both back";
}

TEST(ViewerWindowGLTest, AFindingTheReportOnlyCallsPossibleIsListedInWordsAndNotDrawn) {
  Viewer v("mri_uncertain", 1280, 800);
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::OpenMriReader{});
  v.settle();
  v.type("L5-S1: possible small left paracentral protrusion.");
  v.settle();
  const auto* reader = v.session().interfaceModel(1.0f).mriReader;
  ASSERT_NE(reader, nullptr);
  EXPECT_TRUE(reader->lesions.empty()) << "nothing drawn";
  ASSERT_EQ(reader->uncertain.size(), 1u);
  EXPECT_NE(reader->uncertain[0].find("L5/S1"), std::string::npos) << reader->uncertain[0];
  ASSERT_EQ(reader->pieces.size(), 1u);
  EXPECT_NE(reader->pieces[0].why.find("not sure"), std::string::npos) << reader->pieces[0].why;
  EXPECT_FALSE(v.session().findings().affected(core::Root::S1, core::Side::Left));
  // Stated, the same finding is drawn.
  const std::string typed = "L5-S1: possible small left paracentral protrusion.";
  for (std::size_t i = 0; i < typed.size(); ++i) v.press(GLFW_KEY_BACKSPACE);
  v.type("L5-S1: small left paracentral protrusion.");
  v.settle();
  reader = v.session().interfaceModel(1.0f).mriReader;
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->lesions.size(), 1u) << v.session().interfaceState().mriText;
  EXPECT_TRUE(reader->uncertain.empty());
}

// Where a skin region of one side shows in the view: the pixel of its vertex that faces the
// camera most squarely (window coordinates, as a click arrives).
std::optional<ImVec2> regionPixel(Viewer& v, const std::string& region, core::Side side) {
  app::SceneView& view = v.session().view();
  const io::Scene& scene = view.scene();
  const auto& regions = v.session().engine().graph().regions();
  int index = -1;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].id == region) index = static_cast<int>(i);
  }
  const auto skin = scene.findNode("skin");
  if (index < 0 || !skin) return std::nullopt;
  const io::MeshData& mesh = scene.meshes[static_cast<std::size_t>(scene.nodes[*skin].mesh)];
  const glm::mat4 world = scene.worldTransform(*skin);
  const glm::vec3 eye = view.camera.eye();
  float best = 0.5f;
  std::optional<glm::vec3> at;
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3 p = mesh.positions[i];
    if ((p.x > 0.02f) != (side == core::Side::Left) || std::abs(p.x) < 0.02f) continue;
    bool inRegion = false;
    for (int k = 0; k < 4; ++k) {
      inRegion = inRegion || (mesh.regionIds[i][static_cast<std::size_t>(k)] == index &&
                              mesh.regionWeights[i][k] > 0.95f);
    }
    if (!inRegion || mesh.normals.size() != mesh.positions.size()) continue;
    const glm::vec3 w = glm::vec3(world * glm::vec4(p, 1.0f));
    const glm::vec3 n = glm::normalize(glm::mat3(world) * mesh.normals[i]);
    const float facing = glm::dot(n, glm::normalize(eye - w));
    if (facing > best) {
      best = facing;
      at = w;
    }
  }
  glm::vec2 pixel;
  if (!at || !view.project(*at, &pixel)) return std::nullopt;
  const auto& box = v.trace().controls.at("layout.view");
  return ImVec2(box.min.x + pixel.x, box.min.y + pixel.y);
}

TEST(ViewerWindowGLTest, WhereDoesItHurtMarksTheSkinRanksTheCausesAndLightsTheChosenOne) {
  const fs::path saved = test::outputDir() / "where_it_hurts.json";
  fs::remove(saved);
  {
    Viewer v("symptom_map", 1280, 1024);
    RADICULA_REQUIRE_VIEWER(v);
    v.clickControl("symptoms.open");
    v.settle();
    ASSERT_TRUE(v.trace().controls.count("symptom_map")) << "the panel is on screen";
    const auto* map = v.session().interfaceModel(1.0f).symptomMap;
    ASSERT_NE(map, nullptr);
    EXPECT_FALSE(map->caution.empty()) << "it says it explains and does not diagnose";
    EXPECT_TRUE(map->candidates.empty()) << "nothing marked, nothing ranked";

    // A click on the top of the left foot marks it; the same click again takes it off.
    const auto foot = regionPixel(v, "dorsum_foot", core::Side::Left);
    ASSERT_TRUE(foot.has_value()) << "the top of the left foot is in view";
    v.moveTo(*foot);
    v.settle();
    EXPECT_NE(v.session().interfaceModel(1.0f).symptomMap->hovered.find("foot"), std::string::npos)
        << "the region under the pointer is named";
    v.click(*foot);
    v.settle();
    EXPECT_TRUE(v.session().symptoms().hasRegion("dorsum_foot", core::Side::Left));
    EXPECT_EQ(v.session().symptoms().regions.size(), 1u);
    // A double click would zoom: the second click comes after the double-click time.
    glfwSetTime(glfwGetTime() + 1.0);
    v.click(*foot);
    v.settle();
    EXPECT_TRUE(v.session().symptoms().regions.empty());
    glfwSetTime(glfwGetTime() + 1.0);
    v.click(*foot);
    v.settle();
    ASSERT_TRUE(v.session().symptoms().hasRegion("dorsum_foot", core::Side::Left));

    // The big toe is weak; inversion is tried twice (weak, then strong).
    // Pointed at first, as a hand does, then clicked.
    const auto use = [&](const std::string& control) {
      v.moveTo(v.trace().controls.at(control).center());
      v.settle();
      v.clickControl(control);
      v.settle();
    };
    use("symptoms.movement.great_toe_extension.left");
    map = v.session().interfaceModel(1.0f).symptomMap;
    ASSERT_FALSE(map->candidates.empty());
    use("symptoms.movement.foot_inversion.left");
    use("symptoms.movement.foot_inversion.left");
    EXPECT_EQ(v.session().symptoms().strength("foot_inversion", core::Side::Left),
              core::SymptomPattern::Strength::Strong);
    map = v.session().interfaceModel(1.0f).symptomMap;
    ASSERT_GE(map->candidates.size(), 2u);
    // Foot drop with strong inversion: the fibular nerve, not the L5 root.
    EXPECT_NE(map->candidates[0].title.find("fibular"), std::string::npos)
        << map->candidates[0].title;
    int l5 = -1;
    for (std::size_t i = 0; i < map->candidates.size(); ++i) {
      if (map->candidates[i].title.find("L5 root") != std::string::npos) l5 = static_cast<int>(i);
    }
    ASSERT_GE(l5, 0) << "L5 is still listed, below";
    EXPECT_FALSE(map->candidates[static_cast<std::size_t>(l5)].contradicted.empty())
        << "and says what does not fit";

    // Choosing L5 lights its path and shows its typical lesion, not yet added.
    EXPECT_FALSE(v.session().findings().affected(core::Root::L5, core::Side::Left));
    use("symptoms.candidate." + std::to_string(l5));
    EXPECT_TRUE(v.session().findings().affected(core::Root::L5, core::Side::Left));
    EXPECT_FALSE(v.session().view().overlays().empty()) << "its typical lesion shows";
    EXPECT_TRUE(v.session().state().scenario.pathologies.empty());
    use("symptoms.add");
    EXPECT_FALSE(v.session().symptomMapOpen()) << "the scene shows the cause it added";
    ASSERT_EQ(v.session().state().scenario.pathologies.size(), 1u);
    EXPECT_TRUE(v.session().findings().affected(core::Root::L5, core::Side::Left));
    // Undo takes the lesion away, then the last mark.
    v.session().execute(ui::Undo{});
    v.settle();
    EXPECT_TRUE(v.session().state().scenario.pathologies.empty());
    v.session().execute(ui::Undo{});
    v.settle();
    EXPECT_EQ(v.session().symptoms().strength("foot_inversion", core::Side::Left),
              core::SymptomPattern::Strength::Weak);
    v.session().execute(ui::Redo{});
    v.settle();
    // The marks are saved with the scenario, and W opens the map again on them.
    v.session().saveScenario(saved);
    EXPECT_FALSE(v.session().unsaved());
    v.press(GLFW_KEY_W);
    v.settle();
    EXPECT_TRUE(v.session().symptomMapOpen());
    v.press(GLFW_KEY_ESCAPE);
    v.settle();
    EXPECT_FALSE(v.session().symptomMapOpen()) << "Escape closes it";
  }
  Viewer again("symptom_map_reopened", 1280, 800, saved);
  RADICULA_REQUIRE_VIEWER(again);
  const core::SymptomPattern marks = again.session().symptoms();
  EXPECT_TRUE(marks.hasRegion("dorsum_foot", core::Side::Left));
  EXPECT_EQ(marks.strength("great_toe_extension", core::Side::Left),
            core::SymptomPattern::Strength::Weak);
  EXPECT_EQ(marks.strength("foot_inversion", core::Side::Left),
            core::SymptomPattern::Strength::Strong);
  EXPECT_FALSE(again.session().unsaved());
}

TEST(ViewerWindowGLTest, WhereDoesItHurtPutsTheRedFlagFirstForSaddleNumbness) {
  Viewer v("symptom_map_flag", 1024, 700);
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::OpenSymptomMap{});
  v.settle();
  v.moveTo(v.trace().controls.at("symptoms.saddle").center());
  v.settle();
  v.clickControl("symptoms.saddle");
  v.settle();
  const auto* map = v.session().interfaceModel(1.0f).symptomMap;
  ASSERT_NE(map, nullptr);
  ASSERT_EQ(map->redFlags.size(), 1u);
  // Saddle numbness is an emergency (GIRFT 2023): the emergency's words and grade.
  EXPECT_EQ(map->redFlags[0].urgency, core::Urgency::Emergency);
  EXPECT_EQ(map->redFlags[0].action, "Go to emergency care today");
  EXPECT_NE(map->redFlags[0].text.find("emergency"), std::string::npos);
  ASSERT_TRUE(v.trace().controls.count("symptoms.red_flag"));
  EXPECT_LT(v.trace().controls.at("symptoms.red_flag").min.y,
            v.trace().controls.at("symptoms.saddle").min.y)
      << "the red flag stands above everything else";
  EXPECT_TRUE(v.session().symptoms().hasRegion("saddle", core::Side::Left));
  EXPECT_TRUE(v.session().symptoms().hasRegion("saddle", core::Side::Right));
}

TEST(ViewerWindowGLTest, WhereDoesItHurtGradesBothLegsAsUrgentAndTheBannerFollowsTheMarks) {
  Viewer v("symptom_map_urgent", 1280, 800);
  RADICULA_REQUIRE_VIEWER(v);
  v.session().execute(ui::OpenSymptomMap{});
  v.settle();
  v.session().execute(ui::ToggleSymptomRegion{"dorsum_foot", core::Side::Left});
  v.session().execute(ui::ToggleSymptomRegion{"dorsum_foot", core::Side::Right});
  v.settle();
  const auto* map = v.session().interfaceModel(1.0f).symptomMap;
  ASSERT_NE(map, nullptr);
  ASSERT_EQ(map->redFlags.size(), 1u);
  // Marks in both legs only: urgent, with what would make it an emergency (NICE CKS; GIRFT).
  EXPECT_EQ(map->redFlags[0].urgency, core::Urgency::Urgent);
  EXPECT_EQ(map->redFlags[0].action, "See a doctor now (within a day or so)");
  EXPECT_NE(map->redFlags[0].text.find("emergency care today if"), std::string::npos);
  ASSERT_TRUE(v.trace().controls.count("symptoms.red_flag"));
  // The marks raise the window's own banner too, in the same grade.
  const core::RedFlag* flag = v.session().findings().redFlag("cauda_equina");
  ASSERT_NE(flag, nullptr);
  EXPECT_EQ(flag->urgency, core::Urgency::Urgent);
  // Saddle numbness added: now an emergency, everywhere.
  v.session().execute(ui::ToggleSymptomRegion{"saddle", core::Side::Left});
  v.settle();
  map = v.session().interfaceModel(1.0f).symptomMap;
  ASSERT_EQ(map->redFlags.size(), 1u);
  EXPECT_EQ(map->redFlags[0].urgency, core::Urgency::Emergency);
  EXPECT_EQ(v.session().findings().redFlag("cauda_equina")->urgency, core::Urgency::Emergency);
  // Taken off again, undone: back to urgent.
  v.session().execute(ui::ToggleSymptomRegion{"saddle", core::Side::Left});
  v.settle();
  EXPECT_EQ(v.session().findings().redFlag("cauda_equina")->urgency, core::Urgency::Urgent);
}

TEST(ViewerWindowGLTest, AReverseQuestionShowsItsLesionOnlyWithTheAnswer) {
  Viewer v("quiz_reverse", 1280, 800);
  RADICULA_REQUIRE_VIEWER(v);
  std::uint32_t seed = 0;
  while (!core::isReverse(core::makeQuizQuestion(v.session().engine(), seed).topic)) ++seed;
  v.session().askQuiz(seed);
  v.settle();
  const auto& quiz = *v.session().state().quiz;
  ASSERT_TRUE(core::isReverse(quiz.question.topic));
  EXPECT_TRUE(v.session().view().overlays().empty()) << "the lesion would give the answer away";
  EXPECT_EQ(v.session().state().view.view, "side") << "the path down the leg is the lesson";
  v.clickControl("quiz.option." + std::to_string(quiz.question.correct));
  v.settle();
  ASSERT_TRUE(v.session().state().quiz->answered());
  EXPECT_FALSE(v.session().view().overlays().empty()) << "the answer shows its lesion";
  EXPECT_EQ(v.session().state().quiz->right, 1);
}

TEST(ViewerWindowGLTest, AReportFileThatIsNotTextIsRefusedInTheReader) {
  Viewer v("mri_file", 1280, 800);
  RADICULA_REQUIRE_VIEWER(v);
  std::ofstream(v.home() / "Documents" / "scan.txt", std::ios::binary)
      << std::string("\x89PNG\r\n\x1a\n\0\0\0", 11);
  std::ofstream(v.home() / "Documents" / "report.txt")
      << "FINDINGS:\nL5-S1: right paracentral disc protrusion contacting the right S1 root.\n";
  v.session().execute(ui::OpenMriReader{});
  v.settle();
  // The pointer comes to the button before it clicks, as a hand does.
  v.moveTo(v.trace().controls.at("mri.open_file").center());
  v.settle();
  v.clickControl("mri.open_file");
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  v.type("scan.txt");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  auto* reader = v.session().interfaceModel(1.0f).mriReader;
  ASSERT_NE(reader, nullptr);
  EXPECT_NE(reader->problem.find("is not text"), std::string::npos) << reader->problem;
  EXPECT_TRUE(reader->lesions.empty());
  v.moveTo(v.trace().controls.at("mri.open_file").center());
  v.settle();
  v.clickControl("mri.open_file");
  v.settle();
  v.type("report.txt");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  reader = v.session().interfaceModel(1.0f).mriReader;
  ASSERT_NE(reader, nullptr);
  EXPECT_TRUE(reader->problem.empty()) << reader->problem;
  EXPECT_EQ(reader->lesions.size(), 1u);
  EXPECT_NE(v.session().interfaceState().mriText.find("S1 root"), std::string::npos);
  // Ctrl+Enter adds the lesions, as the button does, and leaves the text as it was, even when
  // the Ctrl press itself never reached the window (held before it had the focus): only the
  // Enter comes, carrying the Ctrl bit.
  const std::string text = v.session().interfaceState().mriText;
  v.press(GLFW_KEY_ENTER, GLFW_MOD_CONTROL);
  v.settle();
  EXPECT_EQ(v.session().interfaceModel(1.0f).mriReader, nullptr);
  EXPECT_EQ(v.session().state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(v.session().interfaceState().mriText, text);
}

// File > Open model on a glTF whose sizes overflow once threw std::length_error out of the
// frame and took the window, and the lesions not yet saved, with it. Now the window says what
// is wrong with the file and everything the user had is still there.
TEST(ViewerWindowGLTest, OpeningACorruptModelLeavesTheWindowAndTheUnsavedLesions) {
  Viewer v("corrupt_model");
  RADICULA_REQUIRE_VIEWER(v);
  v.clickControl("toggle.herniation");
  v.settle();
  ASSERT_EQ(v.session().state().scenario.pathologies.size(), 1u);
  ASSERT_TRUE(v.session().unsaved());
  std::ofstream(v.home() / "Documents" / "spine.gltf") << R"({"asset": {"version": "2.0"},
  "buffers": [{"byteLength": 48,
    "uri": "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAgD8AAAAAAAAAAAAAgD8AAAAAAACAPwAAAAAAAIA/"}],
  "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 48, "byteStride": 16}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 1152921504606846977,
                 "type": "VEC3"}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "nodes": [{"mesh": 0}], "scenes": [{"nodes": [0]}]})";
  // What File > Open model… asks for, then the name typed into the chooser and Enter.
  v.session().execute(ui::ChooseFile{ui::FileAction::OpenModel});
  v.settle();
  ASSERT_NE(v.chooser(), nullptr);
  v.type("spine.gltf");
  v.press(GLFW_KEY_ENTER);
  v.settle();
  EXPECT_EQ(v.chooser(), nullptr);
  EXPECT_NE(v.session().message().find("spine.gltf"), std::string::npos) << v.session().message();
  EXPECT_TRUE(v.session().showsAnatomy()) << "the anatomy stays on screen";
  EXPECT_EQ(v.session().state().scenario.pathologies.size(), 1u) << "the lesion is still there";
  EXPECT_TRUE(v.session().unsaved()) << "and still waits to be saved";
  {
    // What the user sees, to look at: build/test-output/corrupt_model_message.png.
    render::RenderTarget frame(1280, 800, 0);
    app::ImGuiLayer imgui(nullptr, 1.0f);
    for (int i = 0; i < 3; ++i) {
      app::drawOffscreenWindowFrame(v.session(), imgui, frame, 1280, 800, i == 2);
    }
    frame.resolve();
    io::writePng(test::outputDir() / "corrupt_model_message.png", frame.readColor());
  }
  // The window goes on drawing and taking input.
  const int before = v.window().framesDrawn();
  v.ctrl(GLFW_KEY_Z);
  v.settle();
  EXPECT_GT(v.window().framesDrawn(), before);
  EXPECT_TRUE(v.session().state().scenario.pathologies.empty()) << "undo still works";
  EXPECT_FALSE(v.session().wantsQuit());
}

}  // namespace
}  // namespace radicula
