// The viewer panel runs under ImGui without a renderer, and each control asks for the right
// command when clicked.
#include <gtest/gtest.h>

#include "imgui_harness.h"
#include "ui/viewer_panel.h"

namespace radicula {
namespace {

ui::ViewerPanelModel model() {
  ui::ViewerPanelModel m;
  m.modelName = "Radicula anatomy";
  m.triangles = 1234;
  m.views = {"side", "posterior", "axial", "foramen", "front", "leg"};
  m.currentView = "side";
  return m;
}

// Clicks the control labelled `label` and returns what the panel asked for in that frame.
ui::UiCommands clickControl(const ui::ViewerPanelModel& m, const std::string& label) {
  test::ImGuiHarness imgui;
  ui::UiTrace trace;
  ui::UiCommands seen;
  const auto draw = [&] {
    ui::UiCommands c = ui::drawViewerPanel(m, &trace);
    seen.insert(seen.end(), c.begin(), c.end());
  };
  imgui.frame(draw);
  imgui.frame(draw);  // the auto-resizing window settles its size on the second frame
  EXPECT_TRUE(trace.controls.count(label)) << "no control labelled " << label;
  seen.clear();
  imgui.click(trace.controls[label].center(), draw);
  return seen;
}

TEST(ViewerPanel, ViewButtonsAskForTheirView) {
  for (const auto& [label, view] : {std::pair{"Posterior", "posterior"}, {"Axial", "axial"}, {"Leg", "leg"}}) {
    const auto commands = clickControl(model(), label);
    ASSERT_EQ(commands.size(), 1u) << label;
    ASSERT_TRUE(std::holds_alternative<ui::SetView>(commands[0])) << label;
    EXPECT_EQ(std::get<ui::SetView>(commands[0]).view, view);
  }
}

TEST(ViewerPanel, ResetAndHelpButtons) {
  auto commands = clickControl(model(), "Reset view");
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ui::ResetCamera>(commands[0]));
  commands = clickControl(model(), "Help");
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ui::ToggleHelp>(commands[0]));
}

TEST(ViewerPanel, SkinSliderAsksForANewOpacity) {
  const auto commands = clickControl(model(), "Skin");
  ASSERT_FALSE(commands.empty());
  ASSERT_TRUE(std::holds_alternative<ui::SetLayerOpacity>(commands.back()));
  const auto& c = std::get<ui::SetLayerOpacity>(commands.back());
  EXPECT_EQ(c.layer, "skin");
  EXPECT_GT(c.opacity, 0.3f);  // clicked mid-slider, away from the model's 0.25
  EXPECT_LT(c.opacity, 0.7f);
}

TEST(ViewerPanel, MessageCanBeDismissedAndNothingHappensUntouched) {
  ui::ViewerPanelModel m = model();
  m.message = "spine.glb: invalid glTF";
  const auto commands = clickControl(m, "OK");
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ui::DismissMessage>(commands[0]));

  test::ImGuiHarness imgui;
  ui::UiCommands seen;
  for (int i = 0; i < 3; ++i) {
    imgui.frame([&] {
      auto c = ui::drawViewerPanel(m);
      seen.insert(seen.end(), c.begin(), c.end());
    });
  }
  EXPECT_TRUE(seen.empty());
}

TEST(ViewerPanel, HelpListsTheShortcuts) {
  ui::ViewerPanelModel m = model();
  m.showHelp = true;
  test::ImGuiHarness imgui;
  EXPECT_NO_FATAL_FAILURE(imgui.frame([&] { ui::drawViewerPanel(m); }));
  EXPECT_GE(ui::viewerShortcuts().size(), 6u);
}

}  // namespace
}  // namespace radicula
