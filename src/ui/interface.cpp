#include "ui/interface.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace radicula::ui {

namespace {

using core::Pathology;
using core::PathologyType;

constexpr float kLeftWidth = 360.0f;
constexpr float kRightWidth = 390.0f;
constexpr float kNoticeHeight = 34.0f;

const std::array<const char*, 6> kViews = {"side", "posterior", "axial", "foramen", "front", "leg"};

// Interface colours: readable from a distance, and the red-flag red is never used for
// anything else. Lesion toggles use blue so they stay distinct for colour-blind users.
const ImVec4 kRedFlag(0.78f, 0.08f, 0.08f, 1.0f);
const ImVec4 kToggleOn(0.16f, 0.45f, 0.80f, 1.0f);
// Quiz answers in Okabe-Ito bluish green (right) and orange (the wrong choice): red stays the
// red-flag banner's alone.
const ImVec4 kAnswerRight(0.0f, 0.62f, 0.45f, 1.0f);
const ImVec4 kAnswerWrong(0.90f, 0.62f, 0.0f, 1.0f);

struct Frame {
  const InterfaceModel& model;
  InterfaceState& state;
  UiTrace* trace;
  UiCommands commands;

  std::string label(const std::string& key) const { return model.labels->get(key); }
  // A label with a stable ImGui id, so ids do not change with the language.
  std::string id(const std::string& key, const std::string& stable) const {
    return label(key) + "###" + stable;
  }
  void traced(const std::string& stable) {
    if (trace != nullptr) trace->record(stable);
  }
  template <typename T>
  void emit(T c) {
    if constexpr (std::is_constructible_v<core::Command, T>) {
      commands.emplace_back(core::Command(std::move(c)));
    } else {
      commands.emplace_back(std::move(c));
    }
  }
};

std::string levelLabel(core::DiscLevel level) {
  std::string s(core::toString(level));
  std::replace(s.begin(), s.end(), '-', '/');
  return s;
}

Pathology defaultLesion(PathologyType type) {
  Pathology p;
  p.type = type;
  p.level = core::DiscLevel::L4L5;
  p.side = core::SideSpec::Left;
  p.severity = 0.6f;
  p.zone = type == PathologyType::Stenosis ? core::Zone::Central : core::Zone::Paracentral;
  if (type == PathologyType::Stenosis) p.side = core::SideSpec::Both;
  if (type == PathologyType::Spondylolisthesis) p.zone = core::Zone::Central;
  return p;
}

bool bigToggle(Frame& f, const std::string& text, const std::string& stable, bool on, float width) {
  if (on) {
    ImGui::PushStyleColor(ImGuiCol_Button, kToggleOn);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.22f, 0.52f, 0.88f, 1.0f));
  }
  const float height = ImGui::GetFrameHeight() * 1.8f;
  const bool pressed = ImGui::Button((text + "###" + stable).c_str(), ImVec2(width, height));
  f.traced(stable);
  if (on) ImGui::PopStyleColor(2);
  return pressed;
}

// --- menu bar ------------------------------------------------------------------------------

void drawMenuBar(Frame& f) {
  if (!ImGui::BeginMainMenuBar()) return;
  const auto& s = *f.model.state;
  if (ImGui::BeginMenu(f.id("menu.file", "menu.file").c_str())) {
    if (f.model.anatomy && ImGui::MenuItem(f.label("menu.open_scenario").c_str(), "Ctrl+O")) {
      f.state.dialog = Dialog::OpenScenario;
    }
    if (f.model.anatomy && ImGui::MenuItem(f.label("menu.save_scenario").c_str(), "Ctrl+S")) {
      f.state.dialog = Dialog::SaveScenario;
    }
    if (ImGui::MenuItem(f.label("menu.open_model").c_str())) f.state.dialog = Dialog::OpenModel;
    if (f.model.anatomy && ImGui::MenuItem(f.label("menu.export_handout").c_str(), "Ctrl+E")) {
      f.state.dialog = Dialog::ExportHandout;
    }
    ImGui::Separator();
    if (ImGui::MenuItem(f.label("menu.quit").c_str(), "Ctrl+Q")) f.emit(Quit{});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(f.id("menu.edit", "menu.edit").c_str())) {
    if (ImGui::MenuItem(f.label("menu.undo").c_str(), "Ctrl+Z", false, f.model.canUndo))
      f.emit(Undo{});
    if (ImGui::MenuItem(f.label("menu.redo").c_str(), "Ctrl+Y", false, f.model.canRedo))
      f.emit(Redo{});
    if (ImGui::MenuItem(f.label("menu.clear").c_str(), nullptr, false,
                        !s.scenario.pathologies.empty())) {
      f.emit(core::cmd::ClearPathologies{});
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(f.id("menu.view", "menu.view").c_str())) {
    for (std::size_t i = 0; i < kViews.size(); ++i) {
      const std::string shortcut = std::to_string(i + 1);
      if (ImGui::MenuItem(f.label(std::string("view.") + kViews[i]).c_str(), shortcut.c_str(),
                          s.view.view == kViews[i])) {
        f.emit(core::cmd::SetView{kViews[i]});
      }
    }
    ImGui::Separator();
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
  if (ImGui::BeginMenu(f.id("menu.help", "menu.help").c_str())) {
    if (ImGui::MenuItem(f.label("menu.shortcuts").c_str(), "F1", f.state.showHelp))
      f.emit(ToggleHelp{});
    ImGui::EndMenu();
  }
  // Mode and language stay one click away on the bar itself: a clinician switches them while
  // the patient watches.
  const float right = ImGui::GetWindowWidth();
  const std::string modeText =
      s.mode == core::Mode::Patient ? f.label("settings.patient") : f.label("settings.student");
  const std::string langText = s.language == core::Language::English ? "EN" : "ES";
  const float w = ImGui::CalcTextSize((modeText + langText).c_str()).x + 60.0f * f.model.scale;
  ImGui::SetCursorPosX(right - w);
  if (ImGui::SmallButton((modeText + "###mode").c_str())) {
    f.emit(core::cmd::SetMode{s.mode == core::Mode::Patient ? core::Mode::Student
                                                            : core::Mode::Patient});
  }
  f.traced("mode");
  if (ImGui::SmallButton((langText + "###language").c_str())) {
    f.emit(core::cmd::SetLanguage{s.language == core::Language::English ? core::Language::Spanish
                                                                        : core::Language::English});
  }
  f.traced("language");
  ImGui::EndMainMenuBar();
}

// --- lesions -------------------------------------------------------------------------------

void drawLesionEditor(Frame& f, int index, const Pathology& p) {
  const auto& clinical = *f.model.clinical;
  ImGui::PushID(index);
  const std::string tag = "lesion" + std::to_string(index);
  std::string title = clinical.get("type." + std::string(core::toString(p.type)));
  if (!title.empty())
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  if (p.isSpinal()) title += " · " + levelLabel(p.level);
  title += " · " + f.label("side." + std::string(core::toString(p.side)));

  ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
  const bool open = ImGui::CollapsingHeader((title + "###header").c_str());
  f.traced(tag + ".header");
  if (open) {
    Pathology edited = p;
    bool changed = false;
    if (p.isSpinal()) {
      if (ImGui::BeginCombo(f.id("lesion.level", "level").c_str(), levelLabel(p.level).c_str())) {
        for (core::DiscLevel level : core::kDiscLevels) {
          if (ImGui::Selectable(levelLabel(level).c_str(), level == p.level)) {
            edited.level = level;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      f.traced(tag + ".level");
    }
    ImGui::TextUnformatted(f.label("lesion.side").c_str());
    for (core::SideSpec side :
         {core::SideSpec::Left, core::SideSpec::Right, core::SideSpec::Both}) {
      if (!p.isSpinal() && side == core::SideSpec::Both) continue;
      ImGui::SameLine();
      const std::string key(core::toString(side));
      if (ImGui::RadioButton(f.id("side." + key, "side." + key).c_str(), p.side == side)) {
        edited.side = side;
        changed = true;
      }
      f.traced(tag + ".side." + key);
    }
    if (p.isSpinal() && p.type != PathologyType::Spondylolisthesis) {
      const std::string current = f.label("zone." + std::string(core::toString(p.zone)));
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
      f.traced(tag + ".zone");
    }
    if (p.type == PathologyType::Spondylolisthesis) {
      ImGui::TextUnformatted(f.label("lesion.kind").c_str());
      for (core::SlipKind kind : {core::SlipKind::Degenerative, core::SlipKind::Isthmic}) {
        ImGui::SameLine();
        const std::string key(core::toString(kind));
        if (ImGui::RadioButton(f.id("slip." + key, "slip." + key).c_str(), p.slip == kind)) {
          edited.slip = kind;
          changed = true;
        }
      }
    }
    if (changed) f.emit(core::cmd::UpdatePathology{index, edited, false});

    // Severity, with the morphology it corresponds to (bulge, protrusion, …) as the label.
    float severity = p.severity;
    const std::string morphology = clinical.get("morphology." + std::string(core::morphologyId(p)));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x -
                            ImGui::CalcTextSize(f.label("lesion.severity").c_str()).x - 8.0f);
    const bool moved = ImGui::SliderFloat(f.id("lesion.severity", "severity").c_str(), &severity,
                                          0.0f, 1.0f, morphology.c_str());
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
    f.traced(tag + ".remove");
    ImGui::Spacing();
  }
  ImGui::PopID();
}

void drawViewControls(Frame& f) {
  const auto& s = *f.model.state;
  ImGui::Spacing();
  ImGui::Separator();
  const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
  for (std::size_t i = 0; i < kViews.size(); ++i) {
    const std::string view = kViews[i];
    const bool current = s.view.view == view;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, kToggleOn);
    if (ImGui::Button(f.id("view." + view, "view." + view).c_str(), ImVec2(w, 0))) {
      f.emit(core::cmd::SetView{view});
    }
    f.traced("view." + view);
    if (current) ImGui::PopStyleColor();
    if (i % 3 != 2) ImGui::SameLine();
  }
  // Sliders leave room for their label in any language.
  const auto sliderWidth = [&](const std::string& key) {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x -
                            ImGui::CalcTextSize(f.label(key).c_str()).x -
                            ImGui::GetStyle().ItemInnerSpacing.x);
  };
  float skin = s.view.skinOpacity;
  sliderWidth("xray.skin");
  if (ImGui::SliderFloat(f.id("xray.skin", "xray.skin").c_str(), &skin, 0.0f, 1.0f, "%.2f")) {
    f.emit(core::cmd::SetLayerOpacity{"skin", skin});
  }
  f.traced("xray.skin");
  float bone = s.view.boneOpacity;
  sliderWidth("xray.bone");
  if (ImGui::SliderFloat(f.id("xray.bone", "xray.bone").c_str(), &bone, 0.0f, 1.0f, "%.2f")) {
    f.emit(core::cmd::SetLayerOpacity{"bone", bone});
  }
  f.traced("xray.bone");
  const std::array<std::pair<const char*, bool>, 4> layers = {
      std::pair{"nerves", s.view.showNerves},
      {"skin", s.view.showSkin},
      {"bones", s.view.showBones},
      {"discs", s.view.showDiscs}};
  for (std::size_t i = 0; i < layers.size(); ++i) {
    bool on = layers[i].second;
    const std::string key = layers[i].first;
    if (ImGui::Checkbox(f.id("layer." + key, "layer." + key).c_str(), &on)) {
      f.emit(core::cmd::SetLayerVisible{key, on});
    }
    f.traced("layer." + key);
    if (i % 2 == 0) ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f);
  }
}

// Fixed side panels; without a background of their own when they do not overlap (see
// kPanelColor), so the cleared frame shows through.
ImGuiWindowFlags sidePanelFlags(const InterfaceModel& model) {
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                           ImGuiWindowFlags_NoBringToFrontOnFocus;
  const ViewportInsets insets = panelInsets(model);
  if (insets.left + insets.right <= ImGui::GetIO().DisplaySize.x) {
    flags |= ImGuiWindowFlags_NoBackground;
  }
  return flags;
}

void drawLesionPanel(Frame& f, float top, float height) {
  const auto& s = *f.model.state;
  const float scale = f.model.scale;
  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(kLeftWidth * scale, height));
  ImGui::Begin("###lesions", nullptr, sidePanelFlags(f.model));
  if (f.model.anatomy) {
    ImGui::TextUnformatted(f.label("lesions.title").c_str());
    ImGui::Spacing();
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    const std::array<std::pair<PathologyType, const char*>, 3> toggles = {
        std::pair{PathologyType::Herniation, "herniation"},
        {PathologyType::Osteophyte, "osteophyte"},
        {PathologyType::Stenosis, "stenosis"}};
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
      // The wrapped label keeps "Herniated disc" on two lines of a wide, tall button.
      std::string text = f.label(std::string("lesions.add_") + key);
      if (const auto space = text.find(' ');
          space != std::string::npos && w < ImGui::CalcTextSize(text.c_str()).x + 12.0f) {
        text[space] = '\n';
      }
      if (bigToggle(f, text, std::string("toggle.") + key, first >= 0, w)) {
        if (first >= 0) {
          f.emit(core::cmd::RemovePathology{first});
        } else {
          f.emit(core::cmd::AddPathology{defaultLesion(type)});
        }
      }
      if (t + 1 < toggles.size()) ImGui::SameLine();
    }
    if (ImGui::Button(f.id("lesions.more", "more").c_str())) ImGui::OpenPopup("more_lesions");
    f.traced("more");
    if (ImGui::BeginPopup("more_lesions")) {
      for (auto [type, key] : {std::pair{PathologyType::Spondylolisthesis, "spondylolisthesis"},
                               {PathologyType::Piriformis, "piriformis"},
                               {PathologyType::FibularHead, "fibular_head"}}) {
        if (ImGui::Selectable(f.label(std::string("lesions.add_") + key).c_str())) {
          f.emit(core::cmd::AddPathology{defaultLesion(type)});
        }
      }
      ImGui::EndPopup();
    }
    if (f.model.presets != nullptr) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
      if (ImGui::BeginCombo("###presets", f.label("lesions.presets").c_str())) {
        for (const auto& preset : f.model.presets->presets()) {
          if (ImGui::Selectable(preset.name(s.language).c_str())) f.emit(LoadPreset{preset.id});
        }
        ImGui::EndCombo();
      }
      f.traced("presets");
    }
    if (ImGui::Button(f.id("quiz.start", "quiz.start").c_str(),
                      ImVec2(ImGui::GetContentRegionAvail().x, 0))) {
      f.emit(NewQuizQuestion{});
    }
    f.traced("quiz.start");
    ImGui::Spacing();
    const float viewControlsHeight = ImGui::GetFrameHeightWithSpacing() * 6.5f;
    ImGui::BeginChild("###lesion_list", ImVec2(0, -viewControlsHeight));
    if (s.quiz) {
      // The lesion editor would give the answer away (and change the question).
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("%s", f.label("quiz.hint").c_str());
      ImGui::PopTextWrapPos();
    } else if (s.scenario.pathologies.empty()) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("%s", f.label("lesions.none").c_str());
      ImGui::PopTextWrapPos();
    }
    for (int i = 0; !s.quiz && i < static_cast<int>(s.scenario.pathologies.size()); ++i) {
      drawLesionEditor(f, i, s.scenario.pathologies[i]);
    }
    ImGui::EndChild();
  } else {
    ImGui::TextWrapped("%s", f.model.modelName.c_str());
    ImGui::Dummy(
        ImVec2(0, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 6.5f));
  }
  drawViewControls(f);
  ImGui::End();
}

// --- findings ------------------------------------------------------------------------------

void bullet(const std::string& text) {
  ImGui::Bullet();
  ImGui::TextWrapped("%s", text.c_str());
}

// `text` with line breaks between words so each line fits `width` (ImGui buttons do not wrap).
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

void drawQuiz(Frame& f) {
  const core::QuizState& quiz = *f.model.state->quiz;
  const core::QuizText& text = *f.model.quiz;
  ImGui::TextUnformatted(f.label("quiz.title").c_str());
  if (quiz.asked > 0) {
    const std::string score = f.model.labels->format(
        "quiz.score",
        {{"right", std::to_string(quiz.right)}, {"asked", std::to_string(quiz.asked)}});
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(score.c_str()).x);
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
    const std::string label = wrapped(text.options[i], width - 2.0f * style.FramePadding.x) +
                              "###quiz.option." + std::to_string(i);
    if (ImGui::Button(label.c_str(), ImVec2(width, 0)) && !quiz.answered()) {
      f.emit(core::cmd::AnswerQuiz{i});
    }
    f.traced("quiz.option." + std::to_string(i));
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
    f.traced("quiz.next");
    ImGui::SameLine();
  }
  if (ImGui::Button(f.id("quiz.end", "quiz.end").c_str())) f.emit(core::cmd::EndQuiz{});
  f.traced("quiz.end");
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", f.model.clinical->get("quiz.sources").c_str());
  ImGui::PopTextWrapPos();
}

void drawFindingsPanel(Frame& f, float top, float height) {
  const auto& s = *f.model.state;
  const float scale = f.model.scale;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x - kRightWidth * scale, top));
  ImGui::SetNextWindowSize(ImVec2(kRightWidth * scale, height));
  ImGui::Begin("###findings", nullptr, sidePanelFlags(f.model));
  if (s.quiz && f.model.quiz != nullptr) {
    drawQuiz(f);
    // The findings are the answer: they wait for it.
    if (!s.quiz->answered()) {
      ImGui::End();
      return;
    }
    ImGui::Spacing();
    ImGui::Spacing();
  }
  ImGui::TextUnformatted(f.label("findings.title").c_str());
  ImGui::Separator();
  const core::FindingTexts* texts = f.model.texts;
  const core::Findings* findings = f.model.findings;
  if (texts != nullptr) {
    const auto& lines = s.mode == core::Mode::Patient ? texts->patient : texts->student;
    for (const auto& line : lines) bullet(line);
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
    f.traced("leaflet.what");
    for (std::size_t k = 0; k < after.size(); ++k) {
      const bool urgent = k == 3;
      if (urgent) ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
      if (ImGui::CollapsingHeader(
              f.id(after[k], std::string("leaflet.") + std::to_string(k)).c_str())) {
        ImGui::TextWrapped("%s", texts->leaflet[whatCount + k].c_str());
        if (urgent) ImGui::TextWrapped("%s", texts->leaflet[whatCount + 4].c_str());
      }
    }
  }
  ImGui::End();
}

void drawRedFlagBanner(Frame& f, float top) {
  const core::Findings* findings = f.model.findings;
  if (findings == nullptr || findings->redFlags.empty()) return;
  const float scale = f.model.scale;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float left = kLeftWidth * scale, width = display.x - (kLeftWidth + kRightWidth) * scale;
  ImGui::SetNextWindowPos(ImVec2(left + 8 * scale, top + 8 * scale));
  ImGui::SetNextWindowSize(ImVec2(width - 16 * scale, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kRedFlag);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * scale, 10 * scale));
  ImGui::Begin("###red_flag", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::TextUnformatted(("⚠ " + f.label("findings.red_flag")).c_str());
  for (const auto& flag : findings->redFlags) {
    ImGui::TextWrapped("%s: %s", f.model.clinical->get("red_flag." + flag).c_str(),
                       f.model.clinical->get("red_flag." + flag + ".text").c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
}

void drawNotice(Frame& f) {
  // The education-not-diagnosis notice is always on screen, in every mode and view.
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float scale = f.model.scale;
  ImGui::SetNextWindowPos(ImVec2(0, display.y - kNoticeHeight * scale));
  ImGui::SetNextWindowSize(ImVec2(display.x, kNoticeHeight * scale));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.10f, 0.10f, 0.12f, 1.0f));
  ImGui::Begin("###notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing);
  const std::string text =
      f.model.clinical != nullptr ? f.model.clinical->get("app.disclaimer") : "";
  ImGui::SetCursorPosX((display.x - ImGui::CalcTextSize(text.c_str()).x) * 0.5f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::End();
  ImGui::PopStyleColor();
}

void drawHoverAndSelection(Frame& f) {
  const auto& s = *f.model.state;
  if (f.model.hovered && !ImGui::GetIO().WantCaptureMouse) {
    const StructureText text =
        describeStructure(*f.model.hovered, *f.model.labels, *f.model.clinical);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(text.name.c_str());
    ImGui::EndTooltip();
  }
  if (!s.selected) return;
  const StructureText text = describeStructure(*s.selected, *f.model.labels, *f.model.clinical);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float scale = f.model.scale;
  const float width = std::min(460.0f * scale, display.x - (kLeftWidth + kRightWidth + 20) * scale);
  ImGui::SetNextWindowPos(
      ImVec2(kLeftWidth * scale + 10 * scale, display.y - (kNoticeHeight + 10) * scale),
      ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  bool open = true;
  ImGui::Begin(
      (text.name + "###selection").c_str(), &open,
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
  ImGui::TextWrapped("%s", text.about.c_str());
  ImGui::End();
  if (!open) f.emit(core::cmd::Select{std::nullopt});
}

void drawHelp(Frame& f) {
  if (!f.state.showHelp) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  bool open = true;
  ImGui::Begin(f.id("menu.shortcuts", "help").c_str(), &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
  for (const char* key : {"help.drag", "help.pan", "help.wheel", "help.double_click", "help.click",
                          "help.views", "help.reset", "help.quiz", "help.undo", "help.save",
                          "help.text", "help.help", "help.drop"}) {
    bullet(f.label(key));
  }
  ImGui::End();
  if (!open) f.emit(ToggleHelp{});
}

void drawDialog(Frame& f) {
  if (f.state.dialog == Dialog::None) return;
  const char* popup = "###file_dialog";
  if (!ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
  std::string title, action;
  switch (f.state.dialog) {
    case Dialog::OpenScenario:
      title = f.label("menu.open_scenario");
      action = f.label("dialog.open");
      break;
    case Dialog::SaveScenario:
      title = f.label("menu.save_scenario");
      action = f.label("dialog.save");
      break;
    case Dialog::OpenModel:
      title = f.label("menu.open_model");
      action = f.label("dialog.open");
      break;
    case Dialog::ExportHandout:
      title = f.label("menu.export_handout");
      action = f.label("dialog.export");
      break;
    case Dialog::None:
      break;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal((title + popup).c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::SetNextItemWidth(520.0f * f.model.scale);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText(f.id("dialog.path", "path").c_str(), f.state.path.data(),
                                        f.state.path.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    f.traced("dialog.path");
    const bool ok = ImGui::Button((action + "###dialog.ok").c_str()) || enter;
    f.traced("dialog.ok");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(f.id("dialog.cancel", "dialog.cancel").c_str());
    f.traced("dialog.cancel");
    const std::string path(f.state.path.data());
    if (ok && !path.empty()) {
      switch (f.state.dialog) {
        case Dialog::OpenScenario:
          f.emit(OpenScenario{path});
          break;
        case Dialog::SaveScenario:
          f.emit(SaveScenario{path});
          break;
        case Dialog::OpenModel:
          f.emit(OpenModel{path});
          break;
        case Dialog::ExportHandout:
          f.emit(ExportHandout{path});
          break;
        case Dialog::None:
          break;
      }
    }
    if ((ok && !path.empty()) || cancel) {
      f.state.dialog = Dialog::None;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void drawMessage(Frame& f) {
  if (f.model.message.empty()) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float scale = f.model.scale;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - (kNoticeHeight + 14) * scale),
                          ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::Begin(
      "###message", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.35f, 1.0f), "%s", f.model.message.c_str());
  ImGui::SameLine();
  if (ImGui::Button(f.id("message.ok", "message.ok").c_str())) f.emit(DismissMessage{});
  f.traced("message.ok");
  ImGui::End();
}

}  // namespace

ViewportInsets panelInsets(const InterfaceModel& model) {
  ViewportInsets insets;
  insets.left = kLeftWidth * model.scale;
  insets.right = model.anatomy ? kRightWidth * model.scale : 0.0f;
  insets.top = ImGui::GetFrameHeight();
  insets.bottom = kNoticeHeight * model.scale;
  return insets;
}

UiCommands drawInterface(const InterfaceModel& model, InterfaceState& state, UiTrace* trace) {
  Frame f{model, state, trace, {}};
  drawMenuBar(f);
  const float top = ImGui::GetFrameHeight();
  const float height = ImGui::GetIO().DisplaySize.y - top - kNoticeHeight * model.scale;
  drawLesionPanel(f, top, height);
  if (model.anatomy) {
    drawFindingsPanel(f, top, height);
    drawRedFlagBanner(f, top);
  }
  drawNotice(f);
  drawHoverAndSelection(f);
  drawHelp(f);
  drawDialog(f);
  drawMessage(f);
  return std::move(f.commands);
}

StructureText describeStructure(const std::string& node, const core::TextCatalog& labels,
                                const core::TextCatalog& clinical) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const auto dot = node.find('.', start);
    parts.push_back(node.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  const std::string kind = parts[0];
  const auto sideWord = [&](const std::string& side) { return clinical.get("side." + side); };
  const auto withAbout = [&](const std::string& key, std::string name) {
    return StructureText{std::move(name), labels.get(key + ".about")};
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
    std::string name = clinical.has(key) ? clinical.get(key) : parts[1];
    if (!name.empty())
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return withAbout(
        "structure.nerve",
        labels.format("structure.nerve", {{"name", name}, {"side", sideWord(parts[2])}}));
  }
  if (kind == "sacrum" || kind == "dura" || kind == "cord" || kind == "skin") {
    return withAbout("structure." + kind, labels.get("structure." + kind));
  }
  if (kind == "lesion") return withAbout("structure.lesion", labels.get("structure.lesion"));
  if ((kind == "pelvis" || kind == "femur" || kind == "tibia" || kind == "fibula" ||
       kind == "foot") &&
      parts.size() >= 2) {
    std::string name = kind;
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return withAbout(
        "structure.bone",
        labels.format("structure.bone", {{"name", name}, {"side", sideWord(parts.back())}}));
  }
  return StructureText{labels.format("structure.other", {{"name", node}}), ""};
}

}  // namespace radicula::ui
