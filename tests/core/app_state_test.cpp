// Commands applied to AppState are pure: the UI asks, apply answers with the next state, and
// History gives undo and redo over lesion edits.
#include <gtest/gtest.h>

#include "core/app_state.h"

namespace radicula::core {
namespace {

Pathology herniation(float severity, DiscLevel level = DiscLevel::L4L5) {
  Pathology p;
  p.type = PathologyType::Herniation;
  p.level = level;
  p.side = SideSpec::Left;
  p.zone = Zone::Paracentral;
  p.severity = severity;
  return p;
}

TEST(AppState, AddUpdateRemoveLesions) {
  AppState s;
  s = applyCommand(s, cmd::AddPathology{herniation(0.6f)});
  s = applyCommand(s, cmd::AddPathology{herniation(0.4f, DiscLevel::L5S1)});
  ASSERT_EQ(s.scenario.pathologies.size(), 2u);
  s = applyCommand(s, cmd::UpdatePathology{1, herniation(1.7f, DiscLevel::L5S1)});
  EXPECT_FLOAT_EQ(s.scenario.pathologies[1].severity, 1.0f) << "severity is clamped";
  s = applyCommand(s, cmd::RemovePathology{0});
  ASSERT_EQ(s.scenario.pathologies.size(), 1u);
  EXPECT_EQ(s.scenario.pathologies[0].level, DiscLevel::L5S1);
}

TEST(AppState, InvalidCommandsLeaveTheStateAlone) {
  AppState s;
  s = applyCommand(s, cmd::AddPathology{herniation(0.6f)});
  const AppState before = s;
  s = applyCommand(s, cmd::RemovePathology{5});
  s = applyCommand(s, cmd::UpdatePathology{-1, herniation(0.1f)});
  s = applyCommand(s, cmd::SetView{"sideways"});
  s = applyCommand(s, cmd::SetLayerOpacity{"hair", 0.5f});
  ASSERT_EQ(s.scenario.pathologies.size(), 1u);
  EXPECT_FLOAT_EQ(s.scenario.pathologies[0].severity, 0.6f);
  EXPECT_EQ(s.view.view, before.view.view);
}

TEST(AppState, ViewLanguageModeAndAccessibility) {
  AppState s;
  s = applyCommand(s, cmd::SetView{"axial"});
  s = applyCommand(s, cmd::SetFocus{DiscLevel::L5S1, Side::Right});
  s = applyCommand(s, cmd::SetLanguage{Language::Spanish});
  s = applyCommand(s, cmd::SetMode{Mode::Student});
  s = applyCommand(s, cmd::SetLargeText{true});
  s = applyCommand(s, cmd::SetReduceMotion{true});
  s = applyCommand(s, cmd::SetLayerOpacity{"skin", -3.0f});
  s = applyCommand(s, cmd::SetLayerVisible{"bones", false});
  s = applyCommand(s, cmd::Select{"root.L5.left"});
  EXPECT_EQ(s.view.view, "axial");
  EXPECT_EQ(s.view.focusLevel, DiscLevel::L5S1);
  EXPECT_EQ(s.view.focusSide, Side::Right);
  EXPECT_EQ(s.language, Language::Spanish);
  EXPECT_EQ(s.mode, Mode::Student);
  EXPECT_TRUE(s.largeText);
  EXPECT_TRUE(s.reduceMotion);
  EXPECT_FLOAT_EQ(s.view.skinOpacity, 0.0f);
  EXPECT_FALSE(s.view.showBones);
  EXPECT_EQ(s.selected, "root.L5.left");
}

TEST(AppState, SavedScenarioCarriesTheViewAndReadsBack) {
  AppState s;
  s = applyCommand(s, cmd::AddPathology{herniation(0.6f)});
  s = applyCommand(s, cmd::SetView{"foramen"});
  s = applyCommand(s, cmd::SetLanguage{Language::Spanish});
  s = applyCommand(s, cmd::SetMode{Mode::Student});
  s = applyCommand(s, cmd::SetLayerOpacity{"bone", 0.4f});
  const Scenario saved = s.toScenario();
  const Scenario reread = Scenario::parse(saved.toJson().dump(), "saved.json");
  const AppState back = AppState::fromScenario(reread);
  EXPECT_EQ(back.view.view, "foramen");
  EXPECT_EQ(back.language, Language::Spanish);
  EXPECT_EQ(back.mode, Mode::Student);
  EXPECT_NEAR(back.view.boneOpacity, 0.4f, 1e-6f);
  ASSERT_EQ(back.scenario.pathologies.size(), 1u);
  EXPECT_FLOAT_EQ(back.scenario.pathologies[0].severity, 0.6f);
}

TEST(History, UndoAndRedoStepThroughLesionEdits) {
  History h;
  h.execute(cmd::AddPathology{herniation(0.6f)});
  h.execute(cmd::AddPathology{herniation(0.3f, DiscLevel::L5S1)});
  h.execute(cmd::SetView{"axial"});  // not an undo step
  ASSERT_TRUE(h.canUndo());
  h.undo();
  EXPECT_EQ(h.state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(h.state().view.view, "axial") << "undo does not move the camera back";
  h.undo();
  EXPECT_TRUE(h.state().scenario.pathologies.empty());
  EXPECT_FALSE(h.canUndo());
  h.redo();
  h.redo();
  EXPECT_EQ(h.state().scenario.pathologies.size(), 2u);
  EXPECT_FALSE(h.canRedo());
}

TEST(History, OneSliderDragIsOneUndoStep) {
  History h;
  h.execute(cmd::AddPathology{herniation(0.2f)});
  h.execute(cmd::UpdatePathology{0, herniation(0.25f), /*continuous=*/false});  // drag starts
  for (int step = 6; step <= 16; ++step) {                                      // 0.30 … 0.80
    h.execute(cmd::UpdatePathology{0, herniation(step * 0.05f), /*continuous=*/true});
  }
  h.execute(cmd::UpdatePathology{0, herniation(0.9f), /*continuous=*/false});  // a second drag
  h.undo();
  EXPECT_NEAR(h.state().scenario.pathologies[0].severity, 0.8f, 1e-6f);
  h.undo();
  EXPECT_NEAR(h.state().scenario.pathologies[0].severity, 0.2f, 1e-6f);
}

TEST(History, ANewEditClearsRedo) {
  History h;
  h.execute(cmd::AddPathology{herniation(0.6f)});
  h.undo();
  ASSERT_TRUE(h.canRedo());
  h.execute(cmd::AddPathology{herniation(0.4f)});
  EXPECT_FALSE(h.canRedo());
}

}  // namespace
}  // namespace radicula::core

namespace radicula::core {
namespace {

// The axial slab, the foramen close-up and the side view show the lesion being worked on.
TEST(AppState, TheViewsFollowTheLesionBeingEdited) {
  AppState s;
  s = applyCommand(s, cmd::AddPathology{herniation(0.6f)});
  EXPECT_EQ(s.view.focusLevel, DiscLevel::L4L5);
  Pathology moved = s.scenario.pathologies[0];
  moved.level = DiscLevel::L5S1;
  moved.side = SideSpec::Right;
  s = applyCommand(s, cmd::UpdatePathology{0, moved});
  EXPECT_EQ(s.view.focusLevel, DiscLevel::L5S1) << "the axial slab moves to L5/S1";
  EXPECT_EQ(s.view.focusSide, Side::Right) << "the side view turns to the right";
  // A lesion on both sides keeps the side already shown.
  moved.side = SideSpec::Both;
  s = applyCommand(s, cmd::UpdatePathology{0, moved});
  EXPECT_EQ(s.view.focusSide, Side::Right);
  // A scenario file without a focus of its own shows its first lesion.
  Scenario file;
  file.pathologies = {herniation(0.5f, DiscLevel::L3L4)};
  EXPECT_EQ(AppState::fromScenario(file).view.focusLevel, DiscLevel::L3L4);
}

TEST(AppState, FileNamesSayWhatIsInThem) {
  AppState s;
  EXPECT_EQ(fileStem(s), "radicula-anatomy");
  Pathology p = herniation(0.6f, DiscLevel::L5S1);
  p.side = SideSpec::Right;
  s = applyCommand(s, cmd::AddPathology{p});
  EXPECT_EQ(fileStem(s), "radicula-L5-S1-right");
  AppState q;
  Pathology piriformis;
  piriformis.type = PathologyType::Piriformis;
  piriformis.side = SideSpec::Left;
  q = applyCommand(q, cmd::AddPathology{piriformis});
  EXPECT_EQ(fileStem(q), "radicula-piriformis-left");
}

}  // namespace
}  // namespace radicula::core
