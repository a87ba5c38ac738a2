#include "ui/interface.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/lesion_words.h"
#include "ui/file_chooser.h"
#include "ui/mri_reader_panel.h"
#include "ui/panel_frame.h"
#include "ui/panel_parts.h"
#include "ui/red_flag_view.h"
#include "ui/symptom_map_panel.h"

namespace radicula::ui {

namespace {

using core::Pathology;
using core::PathologyType;

const std::array<const char*, 6> kViews = {"side", "posterior", "axial", "foramen", "front", "leg"};

// Quiz answers in Okabe-Ito bluish green (right) and orange (the wrong choice): red stays the
// red-flag banner's alone.
const ImVec4 kAnswerRight(0.0f, 0.62f, 0.45f, 1.0f);
const ImVec4 kAnswerWrong(0.90f, 0.62f, 0.0f, 1.0f);

std::string levelLabel(core::DiscLevel level) {
  return core::levelWords(level);
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

Pathology defaultLesion(PathologyType type, const core::AppState& s) {
  Pathology p;
  p.type = type;
  // A new lesion starts where the user is looking: the level and side in focus.
  p.level = s.view.focusLevel;
  p.side = s.view.focusSide == core::Side::Left ? core::SideSpec::Left : core::SideSpec::Right;
  p.severity = 0.6f;
  p.zone = type == PathologyType::Stenosis ? core::Zone::Central : core::Zone::Paracentral;
  if (type == PathologyType::Stenosis) p.side = core::SideSpec::Both;
  if (type == PathologyType::Spondylolisthesis) p.zone = core::Zone::Central;
  return p;
}

bool bigToggle(PanelFrame& f, const std::string& text, const std::string& stable, bool on,
               float width) {
  if (on) {
    ImGui::PushStyleColor(ImGuiCol_Button, kToggleOn);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.22f, 0.52f, 0.88f, 1.0f));
  }
  const float lines = static_cast<float>(std::count(text.begin(), text.end(), '\n') + 1);
  // Under a finger the controls are already a finger high: the toggle need not grow as much.
  const float padding = f.model.touchTarget > 0.0f ? ImGui::GetFontSize() : ImGui::GetFrameHeight();
  const float height = std::max(
      f.model.touchTarget > 0.0f ? ImGui::GetFrameHeight() * 1.15f : ImGui::GetFrameHeight() * 1.8f,
      ImGui::GetTextLineHeight() * lines + padding);
  const bool pressed = ImGui::Button((text + "###" + stable).c_str(), ImVec2(width, height));
  f.traced(stable, text);
  if (on) ImGui::PopStyleColor(2);
  return pressed;
}

// A button whose label wraps to `width`.
bool wideButton(PanelFrame& f, const std::string& key, const std::string& stable, float width) {
  const std::string text = wrapped(f.label(key), width - 2.0f * ImGui::GetStyle().FramePadding.x);
  const float lines = static_cast<float>(std::count(text.begin(), text.end(), '\n') + 1);
  const bool pressed = ImGui::Button(
      (text + "###" + stable).c_str(),
      ImVec2(width, ImGui::GetTextLineHeight() * lines + 2 * ImGui::GetStyle().FramePadding.y));
  f.traced(stable, text);
  return pressed;
}

// --- menu bar ------------------------------------------------------------------------------

// File, Edit, View, Settings and Help: on the bar, or under one menu button where the bar is
// too narrow for them and the buttons beside them.
void drawMenus(PanelFrame& f) {
  const auto& s = *f.model.state;
  const bool anatomy = f.model.anatomy;
  const bool fileMenu = ImGui::BeginMenu(f.id("menu.file", "menu.file").c_str());
  f.traced("menu.file");
  if (fileMenu) {
    if (ImGui::MenuItem(f.label("menu.open_scenario").c_str(), "Ctrl+O")) {
      f.emit(ChooseFile{FileAction::OpenScenario});
    }
    if (ImGui::BeginMenu(f.id("menu.recent", "menu.recent").c_str(),
                         !f.model.recentFiles.empty())) {
      for (const auto& file : f.model.recentFiles) {
        if (ImGui::MenuItem(file.c_str())) {
          const bool json = file.size() > 5 && file.substr(file.size() - 5) == ".json";
          if (json) {
            f.emit(OpenScenario{file});
          } else {
            f.emit(OpenModel{file});
          }
        }
      }
      ImGui::EndMenu();
    }
    // Lesions belong to Radicula's own anatomy: greyed out while a model file is shown.
    if (ImGui::MenuItem(f.label("menu.save_scenario").c_str(), "Ctrl+S", false, anatomy)) {
      f.emit(ChooseFile{FileAction::SaveScenario});
    }
    if (ImGui::MenuItem(f.label("menu.export_handout").c_str(), "Ctrl+E", false, anatomy)) {
      f.emit(ChooseFile{FileAction::ExportHandout});
    }
    ImGui::Separator();
    if (f.model.canCopyLink) {
      if (ImGui::MenuItem(f.label("menu.copy_link").c_str(), nullptr, false, anatomy)) {
        f.emit(CopyLink{});
      }
      f.traced("menu.copy_link", f.label("menu.copy_link"));
    }
    if (ImGui::MenuItem(f.label("menu.read_mri").c_str(), nullptr, false, anatomy)) {
      f.emit(OpenMriReader{});
    }
    f.traced("menu.read_mri", f.label("menu.read_mri"));
    if (ImGui::MenuItem(f.label("menu.open_model").c_str())) {
      f.emit(ChooseFile{FileAction::OpenModel});
    }
    if (ImGui::MenuItem(f.label("menu.back_to_anatomy").c_str(), nullptr, false, !anatomy)) {
      f.emit(BackToAnatomy{});
    }
    // A browser tab is closed, not quit (the page keeps the scene by itself).
    if (f.model.canQuit) {
      ImGui::Separator();
      if (ImGui::MenuItem(f.label("menu.quit").c_str(), "Ctrl+Q")) f.emit(Quit{});
      f.traced("menu.quit", f.label("menu.quit"));
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(f.id("menu.edit", "menu.edit").c_str())) {
    if (ImGui::MenuItem(f.label("menu.undo").c_str(), "Ctrl+Z", false, f.model.canUndo && anatomy))
      f.emit(Undo{});
    if (ImGui::MenuItem(f.label("menu.redo").c_str(), "Ctrl+Y", false, f.model.canRedo && anatomy))
      f.emit(Redo{});
    if (ImGui::MenuItem(f.label("menu.clear").c_str(), nullptr, false,
                        anatomy && !s.scenario.pathologies.empty())) {
      f.emit(core::cmd::ClearPathologies{});
    }
    ImGui::EndMenu();
  }
  const bool viewMenu = ImGui::BeginMenu(f.id("menu.view", "menu.view").c_str());
  f.traced("menu.view");
  if (viewMenu) {
    for (std::size_t i = 0; i < kViews.size(); ++i) {
      const std::string shortcut = std::to_string(i + 1);
      if (ImGui::MenuItem(f.label(std::string("view.") + kViews[i]).c_str(), shortcut.c_str(),
                          s.view.view == kViews[i])) {
        f.emit(core::cmd::SetView{kViews[i]});
      }
      f.traced(std::string("menu.view.") + kViews[i]);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(f.label("view.axial_mri").c_str(), nullptr, s.view.axialFromFeet)) {
      f.emit(core::cmd::SetAxialFromFeet{!s.view.axialFromFeet});
    }
    if (ImGui::MenuItem(f.label("menu.presentation").c_str(), "F11", f.state.presentation)) {
      f.emit(TogglePresentation{});
    }
    if (ImGui::MenuItem(f.label("menu.reset_view").c_str(), "R")) f.emit(ResetCamera{});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(f.id("menu.settings", "menu.settings").c_str())) {
    ImGui::TextDisabled("%s", f.label("settings.mode").c_str());
    if (ImGui::MenuItem(f.label("settings.patient").c_str(), nullptr,
                        s.mode == core::Mode::Patient)) {
      f.emit(core::cmd::SetMode{core::Mode::Patient});
    }
    if (ImGui::MenuItem(f.label("settings.student").c_str(), nullptr,
                        s.mode == core::Mode::Student)) {
      f.emit(core::cmd::SetMode{core::Mode::Student});
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", f.label("settings.language").c_str());
    if (ImGui::MenuItem("English", nullptr, s.language == core::Language::English)) {
      f.emit(core::cmd::SetLanguage{core::Language::English});
    }
    if (ImGui::MenuItem("Español", nullptr, s.language == core::Language::Spanish)) {
      f.emit(core::cmd::SetLanguage{core::Language::Spanish});
    }
    ImGui::Separator();
    if (ImGui::MenuItem(f.label("settings.large_text").c_str(), "Ctrl++", s.largeText)) {
      f.emit(core::cmd::SetLargeText{!s.largeText});
    }
    if (ImGui::MenuItem(f.label("settings.reduce_motion").c_str(), nullptr, s.reduceMotion)) {
      f.emit(core::cmd::SetReduceMotion{!s.reduceMotion});
    }
    ImGui::EndMenu();
  }
  const bool helpMenu = ImGui::BeginMenu(f.id("menu.help", "menu.help").c_str());
  f.traced("menu.help");
  if (helpMenu) {
    if (ImGui::MenuItem(f.label("menu.shortcuts").c_str(), "F1", f.state.showHelp))
      f.emit(ToggleHelp{});
    f.traced("menu.help.shortcuts");
    ImGui::EndMenu();
  }
}

// A button on the bar: small under a mouse, as high as the bar under a finger.
bool barButton(const PanelFrame& f, const std::string& label) {
  return f.model.touchTarget > 0.0f ? ImGui::Button(label.c_str())
                                    : ImGui::SmallButton(label.c_str());
}

// The menus' width on the bar (ImGui gives each its label and twice the item spacing).
float menusWidth(const PanelFrame& f) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = style.FramePadding.x;
  for (const char* key : {"menu.file", "menu.edit", "menu.view", "menu.settings", "menu.help"}) {
    width += ImGui::CalcTextSize(f.label(key).c_str()).x + 2.0f * style.ItemSpacing.x;
  }
  return width;
}

void drawMenuBar(PanelFrame& f) {
  if (!ImGui::BeginMainMenuBar()) return;
  const auto& s = *f.model.state;
  const bool anatomy = f.model.anatomy;
  // Under a finger every menu row is a target of its own.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float rowGap = std::max(style.ItemSpacing.y, f.model.touchTarget - ImGui::GetFontSize());
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, rowGap));
  // Presentation, mode and language stay one click away on the bar itself: a clinician switches
  // them while the patient watches. Where the window is too narrow they stay in the menus.
  const std::string present = f.label("menu.present");
  const std::string modeText =
      s.mode == core::Mode::Patient ? f.label("settings.patient") : f.label("settings.student");
  const std::string langText = s.language == core::Language::English ? "EN" : "ES";
  const float needed = buttonWidth(present) + buttonWidth(modeText) + buttonWidth(langText) +
                       3 * style.ItemSpacing.x + 8.0f * f.scale();
  const float right = ImGui::GetWindowWidth();
  if (menusWidth(f) + needed <= right) {
    drawMenus(f);
  } else {
    // A phone or a narrow window: the menus under one button, so the buttons keep their place.
    const bool open = ImGui::BeginMenu("\u2630###menu.main");
    f.traced("menu.main", "\u2630");
    if (open) {
      drawMenus(f);
      ImGui::EndMenu();
    }
  }
  if (ImGui::GetCursorPosX() + needed <= right) {
    ImGui::SetCursorPosX(right - needed);
    if (anatomy && barButton(f, present + "###present")) {
      f.emit(TogglePresentation{});
    }
    f.traced("present", present);
    if (barButton(f, modeText + "###mode")) {
      f.emit(core::cmd::SetMode{s.mode == core::Mode::Patient ? core::Mode::Student
                                                              : core::Mode::Patient});
    }
    f.traced("mode", modeText);
    if (barButton(f, langText + "###language")) {
      f.emit(core::cmd::SetLanguage{s.language == core::Language::English
                                        ? core::Language::Spanish
                                        : core::Language::English});
    }
    f.traced("language", langText);
  }
  ImGui::PopStyleVar();
  ImGui::EndMainMenuBar();
}

// --- lesions -------------------------------------------------------------------------------

void radioRow(PanelFrame& f, const std::string& labelKey, const std::vector<std::string>& keys,
              const std::vector<bool>& chosen, const std::string& tag,
              const std::function<void(std::size_t)>& pick) {
  ImGui::TextUnformatted(f.label(labelKey).c_str());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string text = f.label(keys[i]);
    sameLineIfRoom(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                   ImGui::CalcTextSize(text.c_str()).x);
    if (ImGui::RadioButton((text + "###" + keys[i]).c_str(), chosen[i])) pick(i);
    f.traced(tag + "." + keys[i], text);
  }
}

void drawLesionEditor(PanelFrame& f, int index, const Pathology& p) {
  const auto& clinical = *f.model.clinical;
  ImGui::PushID(index);
  const std::string tag = "lesion" + std::to_string(index);
  // "Herniated disc · L4/L5 · Left", shortened from the end where the panel is too narrow:
  // a header cannot wrap, and the level matters more than the side already set below.
  const std::string type = capitalised(clinical.get("type." + std::string(core::toString(p.type))));
  const std::string sideName = f.label("side." + std::string(core::toString(p.side)));
  const std::string levelName = p.isSpinal() ? levelLabel(p.level) : "";
  const float arrow = ImGui::GetFontSize() + 3 * ImGui::GetStyle().FramePadding.x;
  const float room = ImGui::GetContentRegionAvail().x - arrow;
  std::string title = type + (levelName.empty() ? "" : " · " + levelName) + " · " + sideName;
  if (ImGui::CalcTextSize(title.c_str()).x > room) {
    title = type + (levelName.empty() ? " · " + sideName : " · " + levelName);
  }
  if (ImGui::CalcTextSize(title.c_str()).x > room) title = levelName.empty() ? type : levelName;

  ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
  const bool open = ImGui::CollapsingHeader((title + "###header").c_str());
  f.traced(tag + ".header", title, arrow);
  if (open) {
    Pathology edited = p;
    bool changed = false;
    // Combos take what is left beside their label, so the label never runs off the panel.
    const auto comboWidth = [&](const std::string& key) {
      ImGui::SetNextItemWidth(
          std::max(ImGui::GetFrameHeight() * 3.0f, ImGui::GetContentRegionAvail().x -
                                                       ImGui::CalcTextSize(f.label(key).c_str()).x -
                                                       ImGui::GetStyle().ItemInnerSpacing.x));
    };
    if (p.isSpinal()) {
      comboWidth("lesion.level");
      if (ImGui::BeginCombo(f.id("lesion.level", "level").c_str(), levelLabel(p.level).c_str())) {
        for (core::DiscLevel level : core::kDiscLevels) {
          if (ImGui::Selectable(levelLabel(level).c_str(), level == p.level)) {
            edited.level = level;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      f.traced(tag + ".level", f.label("lesion.level"));
    }
    std::vector<core::SideSpec> sides = {core::SideSpec::Left, core::SideSpec::Right};
    if (p.isSpinal()) sides.push_back(core::SideSpec::Both);
    std::vector<std::string> sideKeys;
    std::vector<bool> sideChosen;
    for (auto side : sides) {
      sideKeys.push_back("side." + std::string(core::toString(side)));
      sideChosen.push_back(p.side == side);
    }
    radioRow(f, "lesion.side", sideKeys, sideChosen, tag, [&](std::size_t i) {
      edited.side = sides[i];
      changed = true;
    });
    if (p.isSpinal() && p.type != PathologyType::Spondylolisthesis) {
      const std::string current = f.label("zone." + std::string(core::toString(p.zone)));
      comboWidth("lesion.zone");
      if (ImGui::BeginCombo(f.id("lesion.zone", "zone").c_str(), current.c_str())) {
        for (core::Zone zone : {core::Zone::Central, core::Zone::Paracentral, core::Zone::Foraminal,
                                core::Zone::Extraforaminal}) {
          const std::string key(core::toString(zone));
          if (ImGui::Selectable(f.label("zone." + key).c_str(), zone == p.zone)) {
            edited.zone = zone;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      f.traced(tag + ".zone", f.label("lesion.zone"));
    }
    if (p.type == PathologyType::Spondylolisthesis) {
      const std::vector<core::SlipKind> kinds = {core::SlipKind::Degenerative,
                                                 core::SlipKind::Isthmic};
      radioRow(f, "lesion.kind", {"slip.degenerative", "slip.isthmic"},
               {p.slip == kinds[0], p.slip == kinds[1]}, tag, [&](std::size_t i) {
                 edited.slip = kinds[i];
                 changed = true;
               });
    }
    if (changed) f.emit(core::cmd::UpdatePathology{index, edited, false});

    // Severity, with the morphology it corresponds to (bulge, protrusion, …) said above the
    // slider, where a long name wraps instead of being cut inside the slider.
    float severity = p.severity;
    const std::string morphology = clinical.get("morphology." + std::string(core::morphologyId(p)));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted((f.label("lesion.severity") + ": " + morphology).c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    const bool moved = ImGui::SliderFloat("###severity", &severity, 0.0f, 1.0f, "");
    if (ImGui::IsItemActivated()) f.state.dragLesion = -1;
    if (moved) {
      // The first change of a drag makes an undo step; the rest of the drag joins it.
      Pathology s = p;
      s.severity = severity;
      f.emit(core::cmd::UpdatePathology{index, s, f.state.dragLesion == index});
      f.state.dragLesion = index;
    }
    if (ImGui::IsItemDeactivated()) f.state.dragLesion = -1;
    f.traced(tag + ".severity");

    if (ImGui::Button(f.id("lesion.remove", "remove").c_str()))
      f.emit(core::cmd::RemovePathology{index});
    f.traced(tag + ".remove", f.label("lesion.remove"));
    ImGui::Spacing();
  }
  ImGui::PopID();
}

}  // namespace

// The parts of the panels that every arrangement draws (panel_parts.h).

void drawLesionToggles(PanelFrame& f) {
  const auto& s = *f.model.state;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(f.label("lesions.title").c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const ImGuiStyle& style = ImGui::GetStyle();
  const std::array<std::pair<PathologyType, const char*>, 3> toggles = {
      std::pair{PathologyType::Herniation, "herniation"},
      {PathologyType::Osteophyte, "osteophyte"},
      {PathologyType::Stenosis, "stenosis"}};
  // Three in a row while every word fits its button; stacked, full width, when one would not.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float third = (avail - 2 * style.ItemSpacing.x) / 3.0f;
  bool inRow = true;
  for (const auto& [type, key] : toggles) {
    inRow =
        inRow &&
        longestWord(f.label(std::string("lesions.add_") + key)) + 2 * style.FramePadding.x <= third;
  }
  const float toggleWidth = inRow ? third : avail;
  for (std::size_t t = 0; t < toggles.size(); ++t) {
    const auto [type, key] = toggles[t];
    // A quiz question's lesion is not the user's: the toggles stay off and adding a lesion
    // ends the round (History brings the user's own lesions back first).
    int first = -1;
    for (int i = 0; !s.quiz && i < static_cast<int>(s.scenario.pathologies.size()); ++i) {
      if (s.scenario.pathologies[i].type == type) {
        first = i;
        break;
      }
    }
    const std::string text =
        wrapped(f.label(std::string("lesions.add_") + key), toggleWidth - 2 * style.FramePadding.x);
    if (bigToggle(f, text, std::string("toggle.") + key, first >= 0, toggleWidth)) {
      if (first >= 0) {
        f.emit(core::cmd::RemovePathology{first});
      } else {
        f.emit(core::cmd::AddPathology{defaultLesion(type, s)});
      }
    }
    if (inRow && t + 1 < toggles.size()) ImGui::SameLine();
  }
}

void drawLesionExtras(PanelFrame& f) {
  const auto& s = *f.model.state;
  const std::string more = f.label("lesions.more");
  if (ImGui::Button((more + "###more").c_str())) ImGui::OpenPopup("more_lesions");
  f.traced("more", more);
  if (ImGui::BeginPopup("more_lesions")) {
    for (auto [type, key] : {std::pair{PathologyType::Spondylolisthesis, "spondylolisthesis"},
                             {PathologyType::Piriformis, "piriformis"},
                             {PathologyType::FibularHead, "fibular_head"}}) {
      if (ImGui::Selectable(f.label(std::string("lesions.add_") + key).c_str())) {
        f.emit(core::cmd::AddPathology{defaultLesion(type, s)});
      }
    }
    ImGui::EndPopup();
  }
  if (f.model.presets != nullptr) {
    const std::string presets = f.label("lesions.presets");
    sameLineIfRoom(buttonWidth(presets) + ImGui::GetFrameHeight());
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::BeginCombo("###presets", presets.c_str())) {
      for (const auto& preset : f.model.presets->presets()) {
        if (ImGui::Selectable(preset.name(s.language).c_str())) f.emit(LoadPreset{preset.id});
      }
      ImGui::EndCombo();
    }
    f.traced("presets", presets);
  }
  if (ImGui::Button(f.id("symptoms.open", "symptoms.open").c_str(),
                    ImVec2(ImGui::GetContentRegionAvail().x, 0))) {
    f.emit(OpenSymptomMap{});
  }
  f.traced("symptoms.open", f.label("symptoms.open"));
  if (ImGui::Button(f.id("quiz.start", "quiz.start").c_str(),
                    ImVec2(ImGui::GetContentRegionAvail().x, 0))) {
    f.emit(NewQuizQuestion{});
  }
  f.traced("quiz.start", f.label("quiz.start"));
  // The last round's score stays in view after it ends, until the next round starts.
  if (s.lastQuizScore) {
    const std::string last = f.model.labels->format(
        "quiz.last_score", {{"right", std::to_string(s.lastQuizScore->first)},
                            {"asked", std::to_string(s.lastQuizScore->second)}});
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(last.c_str());
    ImGui::PopTextWrapPos();
    f.traced("quiz.last_score", last);
  }
  ImGui::Spacing();
}

void drawLesionControls(PanelFrame& f) {
  drawLesionToggles(f);
  drawLesionExtras(f);
}

void drawLesionList(PanelFrame& f, float reserveBelow) {
  ImGui::BeginChild("###lesion_list", ImVec2(0, -reserveBelow));
  drawLesionEditors(f);
  ImGui::EndChild();
}

void drawLesionEditors(PanelFrame& f) {
  const auto& s = *f.model.state;
  ImGui::PushTextWrapPos(0.0f);
  if (s.quiz) {
    // The lesion editor would give the answer away (and change the question).
    ImGui::TextDisabled("%s", f.label("quiz.hint").c_str());
  } else if (s.scenario.pathologies.empty()) {
    ImGui::TextDisabled("%s", f.label("lesions.none").c_str());
  }
  ImGui::PopTextWrapPos();
  for (int i = 0; !s.quiz && i < static_cast<int>(s.scenario.pathologies.size()); ++i) {
    drawLesionEditor(f, i, s.scenario.pathologies[i]);
  }
}

void drawViewControls(PanelFrame& f) {
  const auto& s = *f.model.state;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  // Three buttons a row when their labels fit, else two.
  float widest = 0;
  for (const char* v : kViews)
    widest = std::max(widest, buttonWidth(f.label(std::string("view.") + v)));
  const int perRow = widest * 3 + 2 * style.ItemSpacing.x <= avail ? 3 : 2;
  const float w = (avail - (perRow - 1) * style.ItemSpacing.x) / perRow;
  for (std::size_t i = 0; i < kViews.size(); ++i) {
    const std::string view = kViews[i];
    const bool current = s.view.view == view;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, kToggleOn);
    const std::string text = f.label("view." + view);
    if (ImGui::Button((text + "###view." + view).c_str(), ImVec2(w, 0))) {
      f.emit(core::cmd::SetView{view});
    }
    f.traced("view." + view, text);
    if (current) ImGui::PopStyleColor();
    if (static_cast<int>(i % perRow) != perRow - 1) ImGui::SameLine();
  }
  if (s.view.view == "axial" && f.model.anatomy) {
    // How the slice is seen: as on an MRI (from the feet) or as in an atlas (from above).
    const std::string mri = f.label("view.axial.from_feet"),
                      above = f.label("view.axial.from_above");
    if (ImGui::RadioButton((mri + "###axial.mri").c_str(), s.view.axialFromFeet)) {
      f.emit(core::cmd::SetAxialFromFeet{true});
    }
    f.traced("axial.mri", mri);
    sameLineIfRoom(ImGui::GetFrameHeight() + ImGui::CalcTextSize(above.c_str()).x +
                   style.ItemInnerSpacing.x);
    if (ImGui::RadioButton((above + "###axial.above").c_str(), !s.view.axialFromFeet)) {
      f.emit(core::cmd::SetAxialFromFeet{false});
    }
    f.traced("axial.above", above);
  }
  // Sliders with their label above them, so a long label in any language never pushes them out.
  const auto slider = [&](const char* key, const char* layer, float value) {
    ImGui::TextUnformatted(f.label(key).c_str());
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::SliderFloat((std::string("###") + key).c_str(), &value, 0.0f, 1.0f, "%.2f")) {
      f.emit(core::cmd::SetLayerOpacity{layer, value});
    }
    f.traced(key, f.label(key));
  };
  if (f.model.anatomy) slider("xray.skin", "skin", s.view.skinOpacity);
  slider("xray.bone", "bone", s.view.boneOpacity);
  if (!f.model.anatomy) return;
  const std::array<std::pair<const char*, bool>, 4> layers = {
      std::pair{"nerves", s.view.showNerves},
      {"skin", s.view.showSkin},
      {"bones", s.view.showBones},
      {"discs", s.view.showDiscs}};
  for (std::size_t i = 0; i < layers.size(); ++i) {
    bool on = layers[i].second;
    const std::string key = layers[i].first;
    const std::string text = f.label("layer." + key);
    if (i % 2 == 1) {
      sameLineIfRoom(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                     ImGui::CalcTextSize(text.c_str()).x);
    }
    if (ImGui::Checkbox((text + "###layer." + key).c_str(), &on)) {
      f.emit(core::cmd::SetLayerVisible{key, on});
    }
    f.traced("layer." + key, text);
  }
}

// Height the view controls take at the current width (they sit under the lesion list).
float viewControlsHeight(const PanelFrame& f) {
  const bool axial = f.model.state->view.view == "axial";
  return ImGui::GetFrameHeightWithSpacing() * (axial ? 9.6f : 8.6f) +
         ImGui::GetStyle().ItemSpacing.y * 2;
}

// --- findings ------------------------------------------------------------------------------

void drawQuiz(PanelFrame& f) {
  const core::QuizState& quiz = *f.model.state->quiz;
  const core::QuizText& text = *f.model.quiz;
  ImGui::TextUnformatted(f.label("quiz.title").c_str());
  if (quiz.asked > 0) {
    const std::string score = f.model.labels->format(
        "quiz.score",
        {{"right", std::to_string(quiz.right)}, {"asked", std::to_string(quiz.asked)}});
    sameLineIfRoom(ImGui::CalcTextSize(score.c_str()).x);
    ImGui::TextUnformatted(score.c_str());
  }
  ImGui::Separator();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.stem.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const float width = ImGui::GetContentRegionAvail().x;
  const ImGuiStyle& style = ImGui::GetStyle();
  for (int i = 0; i < static_cast<int>(text.options.size()); ++i) {
    const bool isRight = i == quiz.question.correct;
    const bool chosen = quiz.answer == i;
    int colours = 0;
    if (quiz.answered() && (isRight || chosen)) {
      const ImVec4 c = isRight ? kAnswerRight : kAnswerWrong;
      ImGui::PushStyleColor(ImGuiCol_Button, c);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c);
      ImGui::PushStyleColor(ImGuiCol_ButtonActive, c);
      colours = 3;
    }
    const std::string shown = wrapped(text.options[i], width - 2.0f * style.FramePadding.x);
    const std::string label = shown + "###quiz.option." + std::to_string(i);
    if (ImGui::Button(label.c_str(), ImVec2(width, 0)) && !quiz.answered()) {
      f.emit(core::cmd::AnswerQuiz{i});
    }
    f.traced("quiz.option." + std::to_string(i), shown);
    if (colours > 0) ImGui::PopStyleColor(colours);
  }
  ImGui::Spacing();
  ImGui::PushTextWrapPos(0.0f);
  if (quiz.answered()) {
    const bool right = *quiz.answer == quiz.question.correct;
    ImGui::TextColored(
        right ? kAnswerRight : kAnswerWrong, "%s",
        right ? f.label("quiz.right").c_str()
              : f.model.labels
                    ->format("quiz.wrong", {{"answer", text.options[quiz.question.correct]}})
                    .c_str());
    ImGui::TextUnformatted(text.explanation.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (quiz.answered()) {
    if (ImGui::Button(f.id("quiz.next", "quiz.next").c_str())) f.emit(NewQuizQuestion{});
    f.traced("quiz.next", f.label("quiz.next"));
    sameLineIfRoom(buttonWidth(f.label("quiz.end")));
  }
  if (ImGui::Button(f.id("quiz.end", "quiz.end").c_str())) f.emit(core::cmd::EndQuiz{});
  f.traced("quiz.end", f.label("quiz.end"));
  // Harder: the lesion is read from the picture, not from the question's words.
  bool fromView = f.model.state->quizFromView;
  if (ImGui::Checkbox("###quiz.from_view", &fromView)) {
    f.emit(core::cmd::SetQuizFromView{fromView});
  }
  f.traced("quiz.from_view", f.label("quiz.from_view"));
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(f.label("quiz.from_view").c_str());
  ImGui::PopTextWrapPos();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", f.model.clinical->get("quiz.sources").c_str());
  ImGui::PopTextWrapPos();
}

void drawFindings(PanelFrame& f) {
  const auto& s = *f.model.state;
  if (s.quiz && f.model.quiz != nullptr) {
    drawQuiz(f);
    // The findings are the answer: they wait for it.
    if (!s.quiz->answered()) return;
    ImGui::Spacing();
    ImGui::Spacing();
  }
  ImGui::TextUnformatted(f.label("findings.title").c_str());
  ImGui::Separator();
  const core::FindingTexts* texts = f.model.texts;
  const core::Findings* findings = f.model.findings;
  // Red flags first, each in its grade's colour; the other findings below.
  const std::vector<RedFlagWords> flags = findingFlagWords(f.model);
  for (std::size_t i = 0; i < flags.size(); ++i) {
    drawRedFlagBox(f, flags[i], "findings.red_flag." + std::to_string(i));
  }
  if (texts != nullptr) {
    const bool patient = s.mode == core::Mode::Patient;
    const auto& lines = patient ? texts->patient : texts->student;
    for (const auto& line : lines) {
      const bool flag = std::any_of(texts->redFlags.begin(), texts->redFlags.end(),
                                    [&](const core::FindingTexts::FlagLine& l) {
                                      return line == (patient ? l.patient : l.student);
                                    });
      if (!flag) bullet(line);
    }
  }
  if (findings != nullptr && s.mode == core::Mode::Student && !findings->roots.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", f.label("findings.roots").c_str());
    if (ImGui::BeginTable("roots", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      for (const auto& r : findings->roots) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s %s", std::string(core::toString(r.root)).c_str(),
                    f.label("side." + std::string(core::toString(r.side))).c_str());
        ImGui::TableNextColumn();
        ImGui::ProgressBar(r.compression, ImVec2(-1, 0));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.affected ? "●" : "○");
      }
      ImGui::EndTable();
    }
  }
  if (texts != nullptr && !s.scenario.pathologies.empty() && texts->leaflet.size() >= 5) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", f.label("findings.leaflet").c_str());
    // The leaflet holds one "what it is" per kind of lesion, then how it feels, who gets it,
    // what helps, when to get help, and the general warning signs.
    const std::size_t whatCount = texts->leaflet.size() - 5;
    const std::array<const char*, 4> after = {"findings.leaflet.feel", "findings.leaflet.who",
                                              "findings.leaflet.helps", "findings.leaflet.urgent"};
    if (ImGui::CollapsingHeader(f.id("findings.leaflet.what", "leaflet.what").c_str())) {
      for (std::size_t i = 0; i < whatCount; ++i)
        ImGui::TextWrapped("%s", texts->leaflet[i].c_str());
    }
    f.traced("leaflet.what", f.label("findings.leaflet.what"),
             ImGui::GetFontSize() + 3 * ImGui::GetStyle().FramePadding.x);
    for (std::size_t k = 0; k < after.size(); ++k) {
      const bool urgent = k == 3;
      if (urgent) ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
      if (ImGui::CollapsingHeader(
              f.id(after[k], std::string("leaflet.") + std::to_string(k)).c_str())) {
        ImGui::TextWrapped("%s", texts->leaflet[whatCount + k].c_str());
        if (urgent) ImGui::TextWrapped("%s", texts->leaflet[whatCount + 4].c_str());
      }
      f.traced(std::string("leaflet.") + std::to_string(k), f.label(after[k]),
               ImGui::GetFontSize() + 3 * ImGui::GetStyle().FramePadding.x);
    }
  }
}

// --- panels --------------------------------------------------------------------------------

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoBackground;

bool beginPanel(const char* name, const Box& box) {
  ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
  ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
  return ImGui::Begin(name, nullptr, kPanelFlags);
}

void drawModelPanel(PanelFrame& f) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(f.model.modelName.c_str());
  ImGui::TextDisabled("%s", f.label("model.note").c_str());
  ImGui::PopTextWrapPos();
  if (wideButton(f, "menu.back_to_anatomy", "back_to_anatomy", ImGui::GetContentRegionAvail().x)) {
    f.emit(BackToAnatomy{});
  }
  ImGui::Spacing();
  ImGui::Separator();
  drawViewControls(f);
}

namespace {

void drawSidePanels(PanelFrame& f, const Layout& layout) {
  beginPanel("###lesions", layout.left);
  drawLesionControls(f);
  drawLesionList(f, viewControlsHeight(f));
  ImGui::Separator();
  drawViewControls(f);
  ImGui::End();
  beginPanel("###findings", layout.right);
  drawFindings(f);
  ImGui::End();
}

void drawColumn(PanelFrame& f, const Layout& layout) {
  beginPanel("###column", layout.left);
  if (!f.model.anatomy) {
    drawModelPanel(f);
    ImGui::End();
    return;
  }
  // The fold button first, then one tab per part; the tab chosen in code wins while the user
  // has not clicked another.
  if (ImGui::SmallButton("«###collapse")) f.state.panelCollapsed = true;
  f.traced("collapse", "«");
  ImGui::SameLine();
  if (ImGui::BeginTabBar("###tabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
    const std::array<std::pair<PanelTab, const char*>, 3> tabs = {
        std::pair{PanelTab::Lesions, "tab.lesions"},
        {PanelTab::Findings, "tab.findings"},
        {PanelTab::View, "tab.view"}};
    for (const auto& [tab, key] : tabs) {
      std::string text = f.label(key);
      // A mark on the findings tab when something is affected, so it is not missed.
      if (tab == PanelTab::Findings && f.model.findings != nullptr &&
          !f.model.findings->roots.empty() && f.state.tab != PanelTab::Findings) {
        text += " ●";
      }
      const bool chosen = f.state.tab == tab;
      if (ImGui::BeginTabItem((text + "###" + key).c_str(), nullptr,
                              chosen ? ImGuiTabItemFlags_SetSelected : 0)) {
        ImGui::EndTabItem();
      }
      if (ImGui::IsItemClicked()) f.state.tab = tab;
      f.traced(key, text);
    }
    ImGui::EndTabBar();
  }
  ImGui::BeginChild("###tab_body");
  switch (f.state.tab) {
    case PanelTab::Lesions:
      drawLesionControls(f);
      drawLesionList(f, 0.0f);
      break;
    case PanelTab::Findings:
      drawFindings(f);
      break;
    case PanelTab::View:
      drawViewControls(f);
      break;
  }
  ImGui::EndChild();
  ImGui::End();
}

void drawStrip(PanelFrame& f, const Layout& layout) {
  beginPanel("###strip", layout.left);
  const float w = ImGui::GetContentRegionAvail().x;
  if (ImGui::Button("»###expand", ImVec2(w, 0))) f.state.panelCollapsed = false;
  f.traced("expand", "»");
  for (const auto& [tab, key] : {std::pair{PanelTab::Lesions, "tab.lesions"},
                                 {PanelTab::Findings, "tab.findings"},
                                 {PanelTab::View, "tab.view"}}) {
    // The first letters stand for the tab; the tooltip names it.
    const std::string name = f.label(key);
    std::string initial = name.substr(0, 1);
    if (ImGui::Button((initial + "###strip." + key).c_str(), ImVec2(w, w))) {
      f.state.tab = tab;
      f.state.panelCollapsed = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
    f.traced(std::string("strip.") + key, initial);
  }
  ImGui::End();
}

// --- over the view -------------------------------------------------------------------------

std::vector<std::string> wrappedLines(const std::string& text, float width) {
  std::vector<std::string> lines;
  const std::string w = wrapped(text, width);
  for (std::size_t start = 0; start <= w.size();) {
    std::size_t end = w.find('\n', start);
    if (end == std::string::npos) end = w.size();
    lines.push_back(w.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

float noticePadding(float scale) {
  return 8.0f * scale;
}

void drawNotice(PanelFrame& f, const Box& box) {
  // The education-not-diagnosis notice is always on screen, in every mode, view and size.
  ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
  ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.10f, 0.10f, 0.12f, 1.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, noticePadding(f.scale())));
  ImGui::Begin("###notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  const std::string text =
      f.model.clinical != nullptr ? f.model.clinical->get("app.disclaimer") : "";
  for (const auto& line : wrappedLines(text, box.w - 4 * noticePadding(f.scale()))) {
    ImGui::SetCursorPosX((box.w - ImGui::CalcTextSize(line.c_str()).x) * 0.5f);
    ImGui::TextUnformatted(line.c_str());
  }
  if (f.trace != nullptr) {
    f.trace->controls["notice"] =
        UiTrace::Rect{ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom())};
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

float noticeHeight(const InterfaceModel& model, float width) {
  const std::string text = model.clinical != nullptr ? model.clinical->get("app.disclaimer") : "";
  const auto lines = wrappedLines(text, width - 4 * noticePadding(model.scale));
  return static_cast<float>(lines.size()) * ImGui::GetTextLineHeightWithSpacing() +
         2 * noticePadding(model.scale) - ImGui::GetStyle().ItemSpacing.y;
}

// A line at the bottom of the view saying what a drag does where it cannot turn the view.
float drawViewHint(PanelFrame& f, const Box& view) {
  if (f.model.viewOrbits) return view.bottom();
  const float s = f.scale();
  // One line: the short form where the sentence would wrap in a small view.
  std::string hint = f.label("view.hint.flat");
  if (ImGui::CalcTextSize(hint.c_str()).x + 24 * s > view.w - 16 * s) {
    hint = f.label("view.hint.flat_short");
  }
  const float width = std::min(view.w - 16 * s, ImGui::CalcTextSize(hint.c_str()).x + 24 * s);
  ImGui::SetNextWindowPos(ImVec2(view.x + view.w * 0.5f, view.bottom() - 8 * s), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(std::max(1.0f, width), 0));
  ImGui::SetNextWindowBgAlpha(0.75f);
  ImGui::Begin("###view_hint", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(hint.c_str());
  ImGui::PopTextWrapPos();
  const float top = ImGui::GetWindowPos().y;
  if (f.trace != nullptr) {
    f.trace->controls["view_hint"] = UiTrace::Rect{
        ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                      ImGui::GetWindowPos().y + ImGui::GetWindowSize().y)};
  }
  ImGui::End();
  return top;
}

// A long press names the structure under the finger, above the finger where it can be read.
void drawFingerLabel(PanelFrame& f, const std::string& name, const Box& view) {
  const float s = f.scale();
  const float above = std::max(56.0f * s, f.model.touchTarget * 1.3f);
  const float x = std::clamp(f.state.fingerX, view.x + 60.0f * s, view.right() - 60.0f * s);
  const float y = std::max(view.y + 40.0f * s, f.state.fingerY - above);
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::Begin("###finger_label", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  ImGui::TextUnformatted(name.c_str());
  f.traced("finger_label", name);
  ImGui::End();
}

void drawHoverAndSelection(PanelFrame& f, const Box& view, float top, float bottom) {
  const auto& s = *f.model.state;
  // On the body map the skin region under the pointer, and what a click does.
  if (f.model.symptomMap != nullptr && !f.model.symptomMap->hovered.empty() &&
      !ImGui::GetIO().WantCaptureMouse) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(f.model.symptomMap->hovered.c_str());
    ImGui::TextDisabled("%s", f.label("symptoms.click_to_mark").c_str());
    ImGui::EndTooltip();
  }
  if (f.model.hovered && f.state.fingerLabel) {
    drawFingerLabel(
        f, describeStructure(*f.model.hovered, *f.model.labels, *f.model.clinical, &s).name, view);
  } else if (f.model.hovered && !ImGui::GetIO().WantCaptureMouse) {
    const StructureText text =
        describeStructure(*f.model.hovered, *f.model.labels, *f.model.clinical, &s);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(text.name.c_str());
    ImGui::EndTooltip();
  }
  if (!s.selected) return;
  const StructureText text = describeStructure(*s.selected, *f.model.labels, *f.model.clinical, &s);
  const float sc = f.scale();
  // Too little room between the banner and the foot of the view: the hover name is enough.
  if (bottom - top < 5.0f * ImGui::GetTextLineHeightWithSpacing()) return;
  const float width = std::max(1.0f, std::min(460.0f * sc, view.w - 20 * sc));
  ImGui::SetNextWindowPos(ImVec2(view.x + 10 * sc, bottom - 10 * sc), ImGuiCond_Always,
                          ImVec2(0.0f, 1.0f));
  // Never up over the banner: a long text scrolls instead.
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                      ImVec2(width, std::max(60.0f, bottom - top - 20 * sc)));
  bool open = true;
  ImGui::Begin((text.name + "###selection").c_str(), &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::TextWrapped("%s", text.about.c_str());
  if (f.trace != nullptr) {
    f.trace->controls["selection"] = UiTrace::Rect{
        ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                      ImGui::GetWindowPos().y + ImGui::GetWindowSize().y)};
  }
  ImGui::End();
  if (!open) f.emit(core::cmd::Select{std::nullopt});
}

// Presentation: the key finding in large type across the bottom of the view, for a patient
// a couple of metres away.
void drawPresentation(PanelFrame& f, const Box& view) {
  const float s = f.scale();
  const ImVec2 at(view.right() - 10 * s, view.y + 10 * s);
  ImGui::SetNextWindowPos(at, ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.6f);
  ImGui::Begin("###presentation_exit", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  const std::string exit = f.label("presentation.exit");
  if (ImGui::Button((exit + "###presentation.exit").c_str())) f.emit(TogglePresentation{});
  f.traced("presentation.exit", exit);
  ImGui::End();

  if (f.model.texts == nullptr || f.model.state->scenario.pathologies.empty()) return;
  // The first sentences say what presses on what and where it may be felt.
  std::vector<std::string> lines;
  for (const auto& line : f.model.texts->patient) {
    if (lines.size() == 2) break;
    lines.push_back(line);
  }
  const float width = std::max(1.0f, view.w - 40 * s);
  ImGui::SetNextWindowPos(ImVec2(view.x + view.w * 0.5f, view.bottom() - 14 * s), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view.h * 0.45f));
  ImGui::SetNextWindowBgAlpha(0.82f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20 * s, 14 * s));
  ImGui::Begin("###caption", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
  if (f.model.titleFont != nullptr) ImGui::PushFont(f.model.titleFont);
  ImGui::PushTextWrapPos(0.0f);
  for (const auto& line : lines) ImGui::TextUnformatted(line.c_str());
  ImGui::PopTextWrapPos();
  if (f.model.titleFont != nullptr) ImGui::PopFont();
  if (f.trace != nullptr) {
    f.trace->controls["caption"] = UiTrace::Rect{
        ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                      ImGui::GetWindowPos().y + ImGui::GetWindowSize().y)};
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void drawHelp(PanelFrame& f) {
  if (!f.state.showHelp) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float width = std::max(1.0f, std::min(640.0f * f.scale(), display.x - 40.0f));
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  // A fixed width: an auto-sized window around wrapped text would shrink to one word a line.
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                      ImVec2(width, std::max(100.0f, display.y - 40.0f)));
  bool open = true;
  ImGui::Begin(f.id("menu.shortcuts", "help").c_str(), &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
  for (const char* key : {"help.drag", "help.pan", "help.wheel", "help.double_click", "help.click",
                          "help.views", "help.reset", "help.quiz", "help.undo", "help.save",
                          "help.export", "help.present", "help.text", "help.help", "help.drop"}) {
    bullet(f.label(key));
  }
  if (f.trace != nullptr) {
    f.trace->controls["help"] = UiTrace::Rect{
        ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                      ImGui::GetWindowPos().y + ImGui::GetWindowSize().y)};
  }
  ImGui::End();
  if (!open) f.emit(ToggleHelp{});
}

void drawMessage(PanelFrame& f, const Box& view, float bottom) {
  if (f.model.message.empty()) return;
  const float s = f.scale();
  // As wide as the message needs, up to 720 units or the view less a margin.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float needed = ImGui::CalcTextSize(f.model.message.c_str()).x + 2 * style.WindowPadding.x;
  const float width =
      std::max(1.0f, std::min({view.w - 20 * s, 720.0f * s, std::max(needed, 200.0f * s)}));
  ImGui::SetNextWindowPos(ImVec2(view.x + view.w * 0.5f, bottom - 10 * s), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view.h * 0.6f));
  ImGui::Begin("###message", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PushStyleColor(ImGuiCol_Text, kWarningText);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(f.model.message.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  if (ImGui::Button(f.id("message.ok", "message.ok").c_str())) f.emit(DismissMessage{});
  f.traced("message.ok", f.label("message.ok"));
  ImGui::End();
}

}  // namespace

// --- shared helpers ------------------------------------------------------------------------

std::string wrapped(const std::string& text, float width) {
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
      out += line + "\n";
      line = word;
    } else {
      line = candidate;
    }
    start = end + 1;
  }
  return out + line;
}

float longestWord(const std::string& text) {
  float widest = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string::npos) end = text.size();
    widest = std::max(widest, ImGui::CalcTextSize(text.substr(start, end - start).c_str()).x);
    start = end + 1;
  }
  return widest;
}

void sameLineIfRoom(float nextWidth) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float lastRight = ImGui::GetItemRectMax().x;
  const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (lastRight + spacing + nextWidth <= limit) ImGui::SameLine();
}

void bullet(const std::string& text) {
  ImGui::Bullet();
  ImGui::TextWrapped("%s", text.c_str());
}

bool keyPressed(ImGuiKey key) {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

// Opens the modal named `id` while `wanted`, closes it when the app no longer wants it.
bool beginModal(const std::string& title, const char* id, bool wanted, const ImVec2& size) {
  const bool open = ImGui::IsPopupOpen(id);
  if (!wanted && !open) return false;
  if (wanted && !open) ImGui::OpenPopup(id);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  if (size.y > 0) {
    ImGui::SetNextWindowSize(size);
  } else {
    ImGui::SetNextWindowSizeConstraints(ImVec2(size.x, 0), ImVec2(size.x, display.y - 20.0f));
  }
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse |
                                 (size.y > 0 ? 0 : ImGuiWindowFlags_AlwaysAutoResize);
  if (!ImGui::BeginPopupModal((title + id).c_str(), nullptr, flags)) return false;
  if (!wanted) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return false;
  }
  return true;
}

float buttonWidth(const std::string& text) {
  return ImGui::CalcTextSize(text.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void swatch(const std::array<float, 4>& color) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(
      ImVec2(p.x, p.y + h * 0.15f), ImVec2(p.x + h * 0.7f, p.y + h * 0.85f),
      ImGui::ColorConvertFloat4ToU32(ImVec4(color[0], color[1], color[2], 1.0f)), h * 0.12f);
  ImGui::Dummy(ImVec2(h * 0.7f, h));
  ImGui::SameLine();
}

Layout interfaceLayout(const InterfaceModel& model, const InterfaceState& state) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  LayoutInput in;
  in.width = display.x;
  in.height = display.y;
  in.scale = model.scale;
  in.anatomy = model.anatomy;
  in.presentation = state.presentation && model.anatomy;
  in.collapsed = state.panelCollapsed;
  in.bodyMap = model.symptomMap != nullptr;
  in.menuHeight = ImGui::GetFrameHeight();
  in.noticeHeight = noticeHeight(model, display.x);
  in.sheetOpen = state.sheetOpen;
  return computeLayout(in);
}

UiCommands drawInterface(const InterfaceModel& model, InterfaceState& state, UiTrace* trace) {
  PanelFrame f{model, state, trace, {}};
  const Layout layout = interfaceLayout(model, state);
  switch (layout.arrangement) {
    case Arrangement::SidePanels:
      drawMenuBar(f);
      drawSidePanels(f, layout);
      break;
    case Arrangement::OneColumn:
      drawMenuBar(f);
      drawColumn(f, layout);
      break;
    case Arrangement::Collapsed:
      drawMenuBar(f);
      drawStrip(f, layout);
      break;
    case Arrangement::Presentation:
      drawPresentation(f, layout.view);
      break;
    case Arrangement::Sheet:
      drawMenuBar(f);
      break;
  }
  const bool presenting = layout.arrangement == Arrangement::Presentation;
  const bool sheet = layout.arrangement == Arrangement::Sheet;
  const float bannerBottom = drawRedFlagBanner(f, layout.view, presenting);
  // The body map takes the sheet's place.
  if (sheet && model.symptomMap == nullptr) drawSheet(f, layout, bannerBottom);
  drawNotice(f, layout.notice);
  const float hintTop = drawViewHint(f, layout.view);
  if (!presenting) {
    drawHoverAndSelection(f, layout.view, bannerBottom, hintTop);
  }
  drawHelp(f);
  if (!presenting) {
    const float top = ImGui::GetFrameHeight();
    // In a tall window the reader stands where the pulled-up sheet would, under the banner.
    const float readerTop = sheet ? std::max(layout.sheetOpenTop, bannerBottom) : top;
    drawMriReader(f, Box{0.0f, readerTop, layout.view.right(), layout.notice.y - readerTop});
    // The layout gives it the left column (or the sheet), the body beside it (or above).
    drawSymptomMap(f, sheet ? layout.sheet : Box{0.0f, top, layout.view.x, layout.notice.y - top});
  }
  drawFileChooser(f);
  drawQuestion(f);
  drawMessage(f, layout.view, hintTop);
  applyTouchScroll(state);
  if (trace != nullptr) {
    const auto box = [](const Box& b) {
      return UiTrace::Rect{ImVec2(b.x, b.y), ImVec2(b.right(), b.bottom())};
    };
    trace->controls["layout.view"] = box(layout.view);
    if (!layout.left.empty()) trace->controls["layout.left"] = box(layout.left);
    if (!layout.right.empty()) trace->controls["layout.right"] = box(layout.right);
    if (!layout.sheet.empty()) trace->controls["layout.sheet"] = box(layout.sheet);
  }
  return std::move(f.commands);
}

StructureText describeStructure(const std::string& node, const core::TextCatalog& labels,
                                const core::TextCatalog& clinical, const core::AppState* state) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const auto dot = node.find('.', start);
    parts.push_back(node.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  const std::string kind = parts[0];
  const auto sideWord = [&](const std::string& side) { return clinical.get("side." + side); };
  // The name is formatted first and capitalised as a whole ("Right lumbosacral plexus"), so a
  // side word in front keeps the nerve's own lower case.
  const auto withAbout = [&](const std::string& key, std::string name) {
    return StructureText{capitalised(std::move(name)), labels.get(key + ".about")};
  };
  if (kind == "vertebra" && parts.size() >= 2) {
    return withAbout("structure.vertebra",
                     labels.format("structure.vertebra", {{"name", parts[1]}}));
  }
  if (kind == "disc" && parts.size() >= 2) {
    std::string level = parts[1];
    std::replace(level.begin(), level.end(), '-', '/');
    return withAbout("structure.disc", labels.format("structure.disc", {{"name", level}}));
  }
  if (kind == "root" && parts.size() >= 3) {
    return withAbout(
        "structure.root",
        labels.format("structure.root", {{"name", parts[1]}, {"side", sideWord(parts[2])}}));
  }
  if ((kind == "nerve" || kind == "plexus") && parts.size() >= 3) {
    const std::string key = kind == "plexus" ? "plexus." + parts[1] : "nerve." + parts[1];
    const std::string name = clinical.has(key) ? clinical.get(key) : parts[1];
    return withAbout(
        "structure.nerve",
        labels.format("structure.nerve", {{"name", name}, {"side", sideWord(parts[2])}}));
  }
  if (kind == "sacrum" || kind == "dura" || kind == "cord" || kind == "skin") {
    return withAbout("structure." + kind, labels.get("structure." + kind));
  }
  if (kind == "lesion") {
    // Name the lesion itself: "Herniated disc, L5/S1, left (extrusion)".
    std::size_t index = 0;
    const bool numbered = parts.size() >= 2 && std::sscanf(parts[1].c_str(), "%zu", &index) == 1;
    if (state != nullptr && numbered && index < state->scenario.pathologies.size()) {
      return withAbout("structure.lesion",
                       core::lesionWords(state->scenario.pathologies[index], clinical));
    }
    return withAbout("structure.lesion", labels.get("structure.lesion"));
  }
  if ((kind == "pelvis" || kind == "femur" || kind == "tibia" || kind == "fibula" ||
       kind == "foot") &&
      parts.size() >= 2) {
    return withAbout("structure.bone",
                     labels.format("structure.bone", {{"name", labels.get("bone." + kind)},
                                                      {"side", sideWord(parts.back())}}));
  }
  return StructureText{labels.format("structure.other", {{"name", node}}), ""};
}

}  // namespace radicula::ui
