// The interface on a phone and in a tall, narrow window: a person holding a phone upright
// sees the picture on top and reaches the lesion controls with a thumb below it; turned
// sideways, the picture and a side column fill the screen; a tablet and a tall desktop window
// get the same upright arrangement. Measured in the interface's real fonts, in device pixels
// at a phone's pixel ratio of 3 with every control a finger's size, with ImGui's own item and
// window rectangles: nothing is cut, every control a finger uses is at least 44 points high.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

#include "core/data_paths.h"
#include "core/findings.h"
#include "imgui_harness.h"
#include "ui/interface.h"
#include "ui/interface_style.h"

namespace radicula {
namespace {

// A layout for a window of w x h units at text scale `scale` (menu and notice heights as the
// interface measures them at that scale, roughly).
ui::Layout layoutFor(float w, float h, float scale = 1.0f, float sheetOpen = 0.0f) {
  ui::LayoutInput in;
  in.width = w;
  in.height = h;
  in.scale = scale;
  in.menuHeight = 27.0f * scale;
  in.noticeHeight = 48.0f * scale;
  in.sheetOpen = sheetOpen;
  return ui::computeLayout(in);
}

TEST(PhoneLayout, UprightWindowsPutTheViewOnTopAndTheSheetBelowIt) {
  struct Case {
    const char* what;
    float w, h, scale;
  };
  // Phone (390 x 844 points at ratio 3), tablet (820 x 1180), a desktop window of 600 x 900.
  for (const Case c : {Case{"phone", 1170, 2532, 3}, Case{"tablet", 1640, 2360, 2},
                       Case{"desktop 600x900", 600, 900, 1}}) {
    const ui::Layout l = layoutFor(c.w, c.h, c.scale);
    EXPECT_EQ(l.arrangement, ui::Arrangement::Sheet) << c.what;
    // The picture across the whole width, at least 55 % of the height.
    EXPECT_EQ(l.view.x, 0.0f) << c.what;
    EXPECT_EQ(l.view.w, c.w) << c.what;
    EXPECT_GE(l.view.h / c.h, 0.55f) << c.what;
    EXPECT_EQ(l.view.y, l.menuBar.bottom()) << c.what;
    // The sheet right under it, down to the notice: no gap, no overlap, nothing blank.
    EXPECT_EQ(l.sheet.y, l.view.bottom()) << c.what;
    EXPECT_FLOAT_EQ(l.sheet.bottom(), l.notice.y) << c.what;
    EXPECT_EQ(l.sheet.w, c.w) << c.what;
    EXPECT_TRUE(l.left.empty() && l.right.empty()) << c.what;
    // Pulled up, the sheet rises over the lower picture; the picture itself does not move.
    const ui::Layout open = layoutFor(c.w, c.h, c.scale, 1.0f);
    EXPECT_LT(open.sheet.y, l.sheet.y - 0.25f * c.h) << c.what;
    EXPECT_GT(open.sheet.y, open.view.y) << c.what << ": the top of the picture stays";
    EXPECT_EQ(open.view.h, l.view.h) << c.what;
    EXPECT_FLOAT_EQ(open.sheet.bottom(), open.notice.y) << c.what;
  }
}

TEST(PhoneLayout, SidewaysAndWideWindowsKeepTheViewAndASideColumnWithNoBlankStrip) {
  struct Case {
    const char* what;
    float w, h, scale;
  };
  for (const Case c :
       {Case{"phone sideways", 2532, 1170, 3}, Case{"tablet sideways", 2360, 1640, 2},
        Case{"desktop 800x600", 800, 600, 1}, Case{"desktop 1280x800", 1280, 800, 1}}) {
    const ui::Layout l = layoutFor(c.w, c.h, c.scale);
    EXPECT_NE(l.arrangement, ui::Arrangement::Sheet) << c.what;
    EXPECT_EQ(l.left.x, 0.0f) << c.what;
    // Column (and findings) and view fill the width between them.
    EXPECT_FLOAT_EQ(l.left.w + l.view.w + l.right.w, c.w) << c.what;
    EXPECT_FLOAT_EQ(l.view.bottom(), l.notice.y) << c.what;
    EXPECT_GE(l.view.w / c.w, 0.45f) << c.what;
  }
  EXPECT_TRUE(ui::isTall(390, 844));
  EXPECT_TRUE(ui::isTall(600, 900));
  EXPECT_FALSE(ui::isTall(844, 390));
  EXPECT_FALSE(ui::isTall(1024, 768));
  EXPECT_FALSE(ui::isTall(800, 850)) << "a near-square window keeps the column";
}

struct Screen {
  std::unique_ptr<core::ClinicalEngine> engine = core::ClinicalEngine::loadDefault();
  core::PresetLibrary presets = core::PresetLibrary::loadDefault();
  core::AppState state;
  core::Findings findings;
  core::FindingTexts texts;
  core::TextCatalog labels, clinical;
  ui::InterfaceState uiState;

  Screen(core::Language language, const std::string& preset) {
    const std::string code(core::toString(language));
    labels = core::TextCatalog::load(core::contentDir() / "i18n/ui" / (code + ".json"), code);
    clinical = core::TextCatalog::loadLanguage(code);
    state.language = language;
    state.scenario = presets.find(preset)->scenario;
    findings = engine->analyse(state.scenario);
    texts = engine->texts(findings, clinical);
  }
  ui::InterfaceModel model(float scale, float touchTarget) {
    ui::InterfaceModel m;
    m.state = &state;
    m.findings = &findings;
    m.texts = &texts;
    m.labels = &labels;
    m.clinical = &clinical;
    m.presets = &presets;
    m.scale = scale;
    m.touchTarget = touchTarget;
    m.canQuit = false;
    m.canCopyLink = true;
    return m;
  }
};

// Draws the interface of a phone (390 x 844 points, ratio 3, a finger) until it settles, and
// lists what is cut: a window whose content runs out of it sideways, a control whose text is
// wider than the control or than its window.
struct Drawn {
  ui::UiTrace trace;
  std::vector<std::string> cut;
};

Drawn drawPhone(Screen& screen, float w, float h, float ratio, bool large, float sheetOpen = 0) {
  test::ImGuiHarness imgui(ImVec2(w * ratio, h * ratio), ratio, /*touch=*/true);
  imgui.setLargeText(large);
  screen.uiState = ui::InterfaceState{};
  screen.uiState.tab = ui::PanelTab::Findings;
  screen.uiState.sheetOpen = sheetOpen;
  const float scale = ratio * imgui.textScale(large);
  Drawn out;
  for (int i = 0; i < 4; ++i) {
    imgui.frame([&] {
      out.trace.controls.clear();
      ui::drawInterface(screen.model(scale, ui::kTouchTarget * ratio), screen.uiState, &out.trace);
      if (i < 3) return;
      for (ImGuiWindow* win : GImGui->Windows) {
        if (!win->Active || win->Hidden || (win->Flags & ImGuiWindowFlags_Tooltip)) continue;
        const float room = win->ContentRegionRect.GetWidth() + ImGui::GetStyle().ItemSpacing.x;
        if (win->ContentSize.x > room + 1.0f) {
          char line[256];
          std::snprintf(line, sizeof line, "window %s: content %.0f wide in %.0f", win->Name,
                        win->ContentSize.x, room);
          out.cut.push_back(line);
        }
      }
    });
  }
  for (const auto& [name, r] : out.trace.controls) {
    if (r.textWidth > 0 && r.textWidth > r.max.x - r.min.x + 1.0f) {
      out.cut.push_back(name + " (\"" + r.text + "\"): text " + std::to_string(r.textWidth) +
                        " in " + std::to_string(r.max.x - r.min.x));
    }
    if (r.max.x > w * ratio + 0.5f || r.min.x < -0.5f) out.cut.push_back(name + " runs off");
    if (r.max.x > r.windowRight + 0.5f) out.cut.push_back(name + " runs out of its window");
  }
  return out;
}

TEST(PhoneLayout, OnAPhoneHeldUprightEveryControlIsWholeAndAFingersSize) {
  for (const auto language : {core::Language::English, core::Language::Spanish}) {
    for (const bool large : {false, true}) {
      Screen screen(language, "l4l5_paracentral_left");
      const std::string what = std::string(core::toString(language)) + (large ? " large text" : "");
      const Drawn d = drawPhone(screen, 390, 844, 3, large);
      for (const auto& c : d.cut) ADD_FAILURE() << what << ": " << c;
      const auto& t = d.trace.controls;
      ASSERT_TRUE(t.count("layout.view") && t.count("layout.sheet")) << what;
      const auto& view = t.at("layout.view");
      EXPECT_GE((view.max.y - view.min.y) / (844 * 3), 0.55f) << what;
      // Present, the mode and the language stay on the bar beside one menu button.
      for (const char* name : {"menu.main", "present", "mode", "language"}) {
        EXPECT_TRUE(t.count(name)) << what << ": " << name << " is on the bar";
      }
      // The three toggles and the lesion's level, side and severity are in the resting
      // sheet, under the picture, at least 44 points high.
      const auto& sheet = t.at("layout.sheet");
      for (const char* name : {"toggle.herniation", "toggle.osteophyte", "toggle.stenosis",
                               "lesion0.level", "lesion0.side.left", "lesion0.severity"}) {
        ASSERT_TRUE(t.count(name)) << what << ": " << name;
        const auto& r = t.at(name);
        EXPECT_GE(r.max.y - r.min.y, 44.0f * 3 - 0.5f) << what << ": " << name << " is too small";
        EXPECT_GE(r.min.y, sheet.min.y) << what << ": " << name;
        EXPECT_GE(r.min.x, 0.0f) << what << ": " << name;
      }
      for (const char* name : {"menu.main", "present", "mode", "language"}) {
        const auto& r = t.at(name);
        EXPECT_GE(r.max.y - r.min.y, 44.0f * 3 - 0.5f) << what << ": " << name << " is too small";
      }
      // The toggles are within the sheet's first screenful: no scrolling to reach them.
      EXPECT_LE(t.at("toggle.herniation").max.y, sheet.max.y) << what;
      // The red flag line, if any, is in the picture, never under the sheet.
      if (t.count("red_flag")) {
        EXPECT_LE(t.at("red_flag").max.y, sheet.min.y) << what;
      }
    }
  }
}

TEST(PhoneLayout, PulledUpTheSheetShowsWhenToGetHelpWholeAndTheRedFlagLineStays) {
  for (const auto language : {core::Language::English, core::Language::Spanish}) {
    // A red flag: the banner must stay in sight over the pulled-up sheet.
    Screen screen(language, "massive_central_l4l5");
    const Drawn d = drawPhone(screen, 390, 844, 3, false, /*sheetOpen=*/1.0f);
    for (const auto& c : d.cut) ADD_FAILURE() << core::toString(language) << ": " << c;
    const auto& t = d.trace.controls;
    ASSERT_TRUE(t.count("red_flag") && t.count("sheet"));
    EXPECT_LE(t.at("red_flag").max.y, t.at("sheet").min.y) << "the red flag line stays visible";
    ASSERT_TRUE(t.count("leaflet.3")) << "When to get help is in the sheet";
    const auto& help = t.at("leaflet.3");
    EXPECT_LE(help.textWidth, help.max.x - help.min.x + 1.0f) << help.text << " is cut";
  }
}

TEST(PhoneLayout, TurnedSidewaysThePhoneShowsTheColumnWholeAndNoQuit) {
  Screen screen(core::Language::Spanish, "l5s1_paracentral_right");
  const Drawn d = drawPhone(screen, 844, 390, 3, false);
  for (const auto& c : d.cut) ADD_FAILURE() << c;
  const auto& t = d.trace.controls;
  ASSERT_TRUE(t.count("layout.left") && t.count("layout.view"));
  EXPECT_FLOAT_EQ(t.at("layout.view").max.x, 844 * 3) << "no blank strip on the right";
  EXPECT_TRUE(t.count("language") && t.count("mode")) << "the bar keeps its buttons";
}

}  // namespace
}  // namespace radicula
