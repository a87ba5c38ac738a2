// The interface at the sizes clinics have (800x600 to 1920x1080), with large text on and off,
// in English and Spanish, with a red flag on screen: the 3D view keeps its share of the width,
// no text is cut or runs out of its panel, the banner, notice and panels never overlap, and
// help opens wide enough to read. Measured with ImGui's own item and window rectangles, in
// the interface's real fonts.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

#include "core/data_paths.h"
#include "core/findings.h"
#include "imgui_harness.h"
#include "ui/interface.h"

namespace radicula {
namespace {

struct Size {
  float w, h;
};
const Size kSizes[] = {{800, 600}, {1024, 768}, {1280, 720}, {1920, 1080}};

// The smallest share of the width the 3D view keeps: 45 % at 800x600, 55 % from 1024 up.
float minimumViewShare(float width) {
  return width < 1000 ? 0.45f : 0.55f;
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
    // A second lesion with the longest header words ("… · L5/S1 · Izquierdo").
    core::Pathology extra = state.scenario.pathologies.front();
    extra.level = core::DiscLevel::L5S1;
    extra.side = core::SideSpec::Left;
    extra.zone = core::Zone::Paracentral;
    state.scenario.pathologies.push_back(extra);
    // And the longest stage name: a facet spur.
    core::Pathology spur = extra;
    spur.type = core::PathologyType::Osteophyte;
    state.scenario.pathologies.push_back(spur);
    state.selected = "root.L5.left";
    findings = engine->analyse(state.scenario);
    texts = engine->texts(findings, clinical);
  }

  ui::InterfaceModel model(float scale) {
    ui::InterfaceModel m;
    m.state = &state;
    m.findings = &findings;
    m.texts = &texts;
    m.labels = &labels;
    m.clinical = &clinical;
    m.presets = &presets;
    m.scale = scale;
    return m;
  }
};

struct Checked {
  ui::UiTrace trace;
  std::vector<std::string> problems;
};

bool overlaps(const ui::UiTrace::Rect& a, const ui::UiTrace::Rect& b) {
  return a.min.x < b.max.x - 0.5f && b.min.x < a.max.x - 0.5f && a.min.y < b.max.y - 0.5f &&
         b.min.y < a.max.y - 0.5f;
}

Checked layOut(Screen& screen, Size size, bool large, ui::PanelTab tab, bool help = false) {
  test::ImGuiHarness imgui(ImVec2(size.w, size.h));
  imgui.setLargeText(large);
  screen.uiState = ui::InterfaceState{};
  screen.uiState.tab = tab;
  screen.uiState.showHelp = help;
  Checked out;
  // Auto-sized windows settle over a few frames, as in the app.
  for (int i = 0; i < 4; ++i) {
    imgui.frame([&] {
      out.trace.controls.clear();
      ui::drawInterface(screen.model(imgui.textScale(large)), screen.uiState, &out.trace);
      if (i < 3) return;
      // Nothing runs out of its window sideways (windows have no horizontal scrolling, so
      // that would be text cut off at the edge). Layout leaves up to one item spacing of slack
      // after the last item of a row: that much is not text.
      for (ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip)) continue;
        const float room = w->ContentRegionRect.GetWidth() + ImGui::GetStyle().ItemSpacing.x;
        if (w->ContentSize.x > room + 1.0f) {
          char line[256];
          std::snprintf(line, sizeof line, "window %s: content %.0f wide in %.0f", w->Name,
                        w->ContentSize.x, room);
          out.problems.push_back(line);
        }
      }
    });
  }
  // Every control's text fits inside the control.
  for (const auto& [name, r] : out.trace.controls) {
    if (r.textWidth > 0 && r.textWidth > r.max.x - r.min.x + 1.0f) {
      out.problems.push_back(name + ": text " + std::to_string(r.textWidth) + " in " +
                             std::to_string(r.max.x - r.min.x));
    }
    if (r.max.x > size.w + 0.5f || r.min.x < -0.5f) {
      out.problems.push_back(name + " runs off the window");
    }
    if (r.max.x > r.windowRight + 0.5f) out.problems.push_back(name + " runs out of its panel");
  }
  return out;
}

std::string describe(Size s, bool large, core::Language l, ui::PanelTab tab) {
  return std::to_string(int(s.w)) + "x" + std::to_string(int(s.h)) + (large ? " large" : "") + " " +
         std::string(core::toString(l)) + " tab " + std::to_string(int(tab));
}

TEST(Layout, TheViewKeepsItsShareAndNothingIsCutOrOverlapsAtEverySize) {
  for (const auto language : {core::Language::English, core::Language::Spanish}) {
    // The massive central herniation: a red flag, many findings, the longest texts.
    Screen screen(language, "massive_central_l4l5");
    for (const Size size : kSizes) {
      for (const bool large : {false, true}) {
        for (const auto tab : {ui::PanelTab::Lesions, ui::PanelTab::Findings, ui::PanelTab::View}) {
          const std::string what = describe(size, large, language, tab);
          const Checked c = layOut(screen, size, large, tab);
          for (const auto& p : c.problems) ADD_FAILURE() << what << ": " << p;
          const auto& t = c.trace.controls;
          ASSERT_TRUE(t.count("layout.view")) << what;
          const auto& view = t.at("layout.view");
          EXPECT_GE((view.max.x - view.min.x) / size.w, minimumViewShare(size.w)) << what;
          // The banner sits in the view, the notice below it, neither over the other or over
          // a panel; the selected structure's card stays clear of the banner.
          ASSERT_TRUE(t.count("red_flag")) << what;
          ASSERT_TRUE(t.count("notice")) << what;
          EXPECT_FALSE(overlaps(t.at("red_flag"), t.at("notice"))) << what;
          EXPECT_GE(t.at("red_flag").min.x, view.min.x) << what;
          EXPECT_LE(t.at("red_flag").max.x, view.max.x + 0.5f) << what;
          EXPECT_LE(t.at("red_flag").max.y, view.max.y) << what;
          if (t.count("selection")) {
            EXPECT_FALSE(overlaps(t.at("selection"), t.at("red_flag"))) << what;
            EXPECT_FALSE(overlaps(t.at("selection"), t.at("notice"))) << what;
          }
          for (const char* panel : {"layout.left", "layout.right"}) {
            if (t.count(panel)) {
              EXPECT_FALSE(overlaps(t.at(panel), view)) << what << " " << panel;
            }
          }
          // The notice spans the window and its text is whole (it wraps by words).
          EXPECT_EQ(t.at("notice").max.x - t.at("notice").min.x, size.w) << what;
        }
      }
    }
  }
}

TEST(Layout, WideWindowsShowBothPanelsAndNarrowOnesOneTabbedColumn) {
  Screen screen(core::Language::English, "l4l5_paracentral_left");
  const Checked wide = layOut(screen, {1920, 1080}, false, ui::PanelTab::Lesions);
  EXPECT_TRUE(wide.trace.controls.count("layout.right")) << "lesions and findings side by side";
  EXPECT_TRUE(wide.trace.controls.count("toggle.herniation"));
  EXPECT_TRUE(wide.trace.controls.count("leaflet.what"));
  const Checked narrow = layOut(screen, {1024, 768}, false, ui::PanelTab::Lesions);
  EXPECT_FALSE(narrow.trace.controls.count("layout.right"));
  EXPECT_TRUE(narrow.trace.controls.count("tab.findings")) << "the findings are one tab away";
  EXPECT_TRUE(narrow.trace.controls.count("toggle.herniation"));
  const Checked findings = layOut(screen, {1024, 768}, false, ui::PanelTab::Findings);
  EXPECT_TRUE(findings.trace.controls.count("leaflet.what"));
}

TEST(Layout, HelpOpensWideEnoughToRead) {
  for (const Size size : kSizes) {
    for (const bool large : {false, true}) {
      Screen screen(core::Language::Spanish, "l4l5_paracentral_left");
      const Checked c = layOut(screen, size, large, ui::PanelTab::Lesions, /*help=*/true);
      ASSERT_TRUE(c.trace.controls.count("help")) << size.w;
      const auto& help = c.trace.controls.at("help");
      const float scale = large ? ui::kLargeTextSize / ui::kNormalTextSize : 1.0f;
      // As wide as 640 units, or the window less a margin: never one word a line.
      EXPECT_GE(help.max.x - help.min.x, std::min(640.0f * scale, size.w - 40.0f) - 1.0f)
          << size.w << (large ? " large" : "");
      EXPECT_LE(help.max.x, size.w);
      for (const auto& p : c.problems) ADD_FAILURE() << size.w << ": " << p;
    }
  }
}

TEST(Layout, PresentationGivesTheViewTheWholeWindowWithTheNoticeKept) {
  Screen screen(core::Language::English, "massive_central_l4l5");
  test::ImGuiHarness imgui(ImVec2(1024, 768));
  screen.uiState.presentation = true;
  ui::UiTrace trace;
  for (int i = 0; i < 3; ++i) {
    imgui.frame([&] {
      trace.controls.clear();
      ui::drawInterface(screen.model(1.0f), screen.uiState, &trace);
    });
  }
  const auto& view = trace.controls.at("layout.view");
  EXPECT_EQ(view.min.x, 0.0f);
  EXPECT_EQ(view.max.x, 1024.0f);
  EXPECT_TRUE(trace.controls.count("caption"));
  EXPECT_TRUE(trace.controls.count("red_flag"));
  EXPECT_TRUE(trace.controls.count("notice")) << "education, not diagnosis: always on screen";
  EXPECT_FALSE(overlaps(trace.controls.at("caption"), trace.controls.at("red_flag")));
  EXPECT_FALSE(overlaps(trace.controls.at("caption"), trace.controls.at("notice")));
  EXPECT_FALSE(trace.controls.count("menu.file")) << "no menus over the picture";
}

}  // namespace
}  // namespace radicula
