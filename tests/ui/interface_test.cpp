// The interface runs under ImGui without a renderer; clicking its controls asks for the right
// commands, and the texts come from the catalogues in the chosen language.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/data_paths.h"
#include "imgui_harness.h"
#include "ui/interface.h"

namespace radicula {
namespace {

struct Fixture {
  core::AppState state;
  core::TextCatalog labels = core::TextCatalog::load(core::contentDir() / "i18n/ui/en.json", "en");
  core::TextCatalog clinical = core::TextCatalog::loadLanguage("en");
  core::PresetLibrary presets = core::PresetLibrary::loadDefault();
  core::Findings findings;
  core::FindingTexts texts;
  ui::InterfaceState uiState;
  core::QuizText quizText;
  std::optional<ui::FileChooserModel> chooser;
  std::map<std::string, ui::UiTrace::Rect> shown;  // controls laid out before the last click

  ui::InterfaceModel model() {
    ui::InterfaceModel m;
    m.state = &state;
    m.findings = &findings;
    m.texts = &texts;
    m.labels = &labels;
    m.clinical = &clinical;
    m.presets = &presets;
    m.quiz = state.quiz ? &quizText : nullptr;
    m.fileChooser = chooser ? &*chooser : nullptr;
    m.canUndo = true;
    return m;
  }

  // Lays the interface out, clicks the control recorded as `control`, returns what it asked.
  ui::UiCommands click(const std::string& control) {
    test::ImGuiHarness imgui;
    ui::UiTrace trace;
    ui::UiCommands seen;
    const auto draw = [&] {
      auto c = ui::drawInterface(model(), uiState, &trace);
      seen.insert(seen.end(), c.begin(), c.end());
    };
    imgui.frame(draw);
    imgui.frame(draw);
    EXPECT_TRUE(trace.controls.count(control)) << "no control " << control;
    shown = trace.controls;
    seen.clear();
    imgui.click(trace.controls[control].center(), draw);
    return seen;
  }
};

core::Pathology herniation() {
  core::Pathology p;
  p.type = core::PathologyType::Herniation;
  p.level = core::DiscLevel::L4L5;
  p.side = core::SideSpec::Left;
  p.zone = core::Zone::Paracentral;
  p.severity = 0.6f;
  return p;
}

template <typename T>
std::optional<T> command(const ui::UiCommands& commands) {
  for (const auto& c : commands) {
    if (const auto domain = std::get_if<core::Command>(&c)) {
      if (const auto t = std::get_if<T>(domain)) return *t;
    }
  }
  return std::nullopt;
}

TEST(Interface, BigTogglesAddTheirLesion) {
  Fixture f;
  const auto add = command<core::cmd::AddPathology>(f.click("toggle.herniation"));
  ASSERT_TRUE(add);
  EXPECT_EQ(add->pathology.type, core::PathologyType::Herniation);
  EXPECT_EQ(add->pathology.level, core::DiscLevel::L4L5) << "the commonest level comes first";
  const auto spur = command<core::cmd::AddPathology>(f.click("toggle.osteophyte"));
  ASSERT_TRUE(spur);
  EXPECT_EQ(spur->pathology.type, core::PathologyType::Osteophyte);
  const auto stenosis = command<core::cmd::AddPathology>(f.click("toggle.stenosis"));
  ASSERT_TRUE(stenosis);
  EXPECT_EQ(stenosis->pathology.zone, core::Zone::Central);
}

TEST(Interface, ATogglePressedAgainRemovesItsLesion) {
  Fixture f;
  f.state.scenario.pathologies.push_back(herniation());
  const auto remove = command<core::cmd::RemovePathology>(f.click("toggle.herniation"));
  ASSERT_TRUE(remove);
  EXPECT_EQ(remove->index, 0);
}

TEST(Interface, LesionEditorChangesSideAndSeverity) {
  Fixture f;
  f.state.scenario.pathologies.push_back(herniation());
  f.state.scenario.pathologies[0].severity = 0.1f;
  const auto side = command<core::cmd::UpdatePathology>(f.click("lesion0.side.right"));
  ASSERT_TRUE(side);
  EXPECT_EQ(side->pathology.side, core::SideSpec::Right);
  EXPECT_EQ(side->pathology.level, core::DiscLevel::L4L5);

  const auto severity = command<core::cmd::UpdatePathology>(f.click("lesion0.severity"));
  ASSERT_TRUE(severity);
  EXPECT_GT(severity->pathology.severity, 0.3f) << "clicked mid-slider, well above 0.1";
  EXPECT_LT(severity->pathology.severity, 0.8f);
  EXPECT_FALSE(severity->continuous) << "a new drag starts a new undo step";

  const auto remove = command<core::cmd::RemovePathology>(f.click("lesion0.remove"));
  ASSERT_TRUE(remove);
}

TEST(Interface, ViewButtonsSlidersAndLayers) {
  Fixture f;
  const auto view = command<core::cmd::SetView>(f.click("view.axial"));
  ASSERT_TRUE(view);
  EXPECT_EQ(view->view, "axial");
  const auto skin = command<core::cmd::SetLayerOpacity>(f.click("xray.skin"));
  ASSERT_TRUE(skin);
  EXPECT_EQ(skin->layer, "skin");
  const auto layer = command<core::cmd::SetLayerVisible>(f.click("layer.bones"));
  ASSERT_TRUE(layer);
  EXPECT_EQ(layer->layer, "bones");
  EXPECT_FALSE(layer->visible);
}

TEST(Interface, ModeAndLanguageAreOneClickAway) {
  Fixture f;
  const auto mode = command<core::cmd::SetMode>(f.click("mode"));
  ASSERT_TRUE(mode);
  EXPECT_EQ(mode->mode, core::Mode::Student);
  const auto language = command<core::cmd::SetLanguage>(f.click("language"));
  ASSERT_TRUE(language);
  EXPECT_EQ(language->language, core::Language::Spanish);
}

TEST(Interface, FileChooserTakesTheTypedName) {
  Fixture f;
  ui::FileChooserModel chooser;
  chooser.action = ui::FileAction::SaveScenario;
  chooser.folder = "/tmp";
  chooser.extensions = {".json"};
  f.chooser = chooser;
  const std::string name = "my_case";
  std::copy(name.begin(), name.end(), f.uiState.fileName.begin());
  const auto commands = f.click("file.ok");
  ASSERT_EQ(commands.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<ui::FileChooserTake>(commands[0]));
  EXPECT_EQ(std::get<ui::FileChooserTake>(commands[0]).name, name);
}

TEST(Interface, RedFlagBannerAndNoticeDrawWithoutCommands) {
  Fixture f;
  f.state.scenario.pathologies.push_back(herniation());
  f.findings.redFlags = {
      core::RedFlag{"cauda_equina", core::Urgency::Emergency, "disc_both_sides"}};
  f.texts.patient = {"The herniated disc presses on both sides."};
  test::ImGuiHarness imgui;
  ui::UiCommands seen;
  for (int i = 0; i < 3; ++i) {
    imgui.frame([&] {
      auto c = ui::drawInterface(f.model(), f.uiState);
      seen.insert(seen.end(), c.begin(), c.end());
    });
  }
  EXPECT_TRUE(seen.empty()) << "drawing alone asks for nothing";
}

TEST(Interface, TheBannerAndTheFindingsSayEachGradeInItsOwnWords) {
  // The guideline grades' actions (GIRFT 2023; NICE CKS), plain for patients; the grade's box
  // leads the findings.
  for (const auto urgency : {core::Urgency::Emergency, core::Urgency::Urgent}) {
    for (const auto mode : {core::Mode::Patient, core::Mode::Student}) {
      Fixture f;
      f.state.mode = mode;
      f.state.scenario.pathologies.push_back(herniation());
      f.findings.redFlags = {core::RedFlag{"cauda_equina", urgency, "chronic_both_sides"}};
      f.uiState.tab = ui::PanelTab::Findings;
      test::ImGuiHarness imgui;
      ui::UiTrace trace;
      for (int i = 0; i < 2; ++i)
        imgui.frame([&] { ui::drawInterface(f.model(), f.uiState, &trace); });
      ASSERT_TRUE(trace.controls.count("red_flag"));
      const std::string banner = trace.controls.at("red_flag").text;
      const std::string action = urgency == core::Urgency::Emergency
                                     ? "Go to emergency care today"
                                     : "See a doctor now (within a day or so)";
      if (mode == core::Mode::Patient) {
        EXPECT_NE(banner.find(action), std::string::npos) << banner;
      } else {
        EXPECT_NE(banner.find(urgency == core::Urgency::Emergency ? "emergency" : "urgent"),
                  std::string::npos)
            << banner;
      }
      ASSERT_TRUE(trace.controls.count("findings.red_flag.0"));
      const std::string other =
          urgency == core::Urgency::Emergency ? "See a doctor now" : "Go to emergency care today";
      EXPECT_EQ(banner.find(other), std::string::npos) << banner;
    }
  }
}

TEST(Interface, StructureNamesReadAsAnatomy) {
  Fixture f;
  EXPECT_EQ(ui::describeStructure("root.L5.left", f.labels, f.clinical).name, "Left L5 nerve root");
  // Capitalised as a whole name, not the nerve's own word after the side.
  EXPECT_EQ(ui::describeStructure("plexus.lumbosacral.right", f.labels, f.clinical).name,
            "Right lumbosacral plexus");
  EXPECT_EQ(ui::describeStructure("disc.L4-L5.annulus", f.labels, f.clinical).name, "L4/L5 disc");
  EXPECT_EQ(ui::describeStructure("vertebra.L3", f.labels, f.clinical).name, "L3 vertebra");
  EXPECT_FALSE(ui::describeStructure("nerve.sciatic.right", f.labels, f.clinical).about.empty());
  const core::TextCatalog es =
      core::TextCatalog::load(core::contentDir() / "i18n/ui/es.json", "es");
  const core::TextCatalog clinicalEs = core::TextCatalog::loadLanguage("es");
  EXPECT_EQ(ui::describeStructure("vertebra.L3", es, clinicalEs).name, "Vértebra L3");
}

TEST(Interface, EveryLabelExistsInBothLanguages) {
  const auto en = core::TextCatalog::load(core::contentDir() / "i18n/ui/en.json", "en");
  const auto es = core::TextCatalog::load(core::contentDir() / "i18n/ui/es.json", "es");
  for (const auto& [key, text] : en.all()) {
    EXPECT_TRUE(es.has(key)) << key << " has no Spanish text";
    EXPECT_FALSE(text.empty()) << key;
  }
  EXPECT_EQ(en.all().size(), es.all().size());
  // The file chooser's title and button for every action, the MRI report's included.
  for (const auto action :
       {ui::FileAction::OpenScenario, ui::FileAction::SaveScenario, ui::FileAction::OpenModel,
        ui::FileAction::ExportHandout, ui::FileAction::OpenMriReport}) {
    for (const std::string part : {"file.title.", "file.do."}) {
      EXPECT_TRUE(en.has(part + ui::fileActionKey(action))) << part << ui::fileActionKey(action);
    }
  }
}

template <typename T>
bool asks(const ui::UiCommands& commands) {
  return std::any_of(commands.begin(), commands.end(),
                     [](const ui::UiCommand& c) { return std::holds_alternative<T>(c); });
}

// A question on screen: the lesion panel hides the editor, the right panel shows the options
// and not the findings, which are the answer.
void askQuestion(Fixture& f) {
  f.state.scenario.pathologies = {herniation()};
  f.state.quiz = core::QuizState{};
  f.state.quiz->question.lesion = herniation();
  f.state.quiz->question.options = {"L4", "L5", "S1", "L3"};
  f.state.quiz->question.correct = 1;
  f.quizText.stem = "A herniated disc at L4/L5 presses on one nerve root. Which one?";
  f.quizText.options = f.state.quiz->question.options;
  f.quizText.explanation = "The traversing root.";
  f.texts.leaflet = {"what", "feel", "who", "helps", "urgent", "general"};
}

TEST(Interface, TestYourselfAsksTheAppForAQuestion) {
  Fixture f;
  EXPECT_TRUE(asks<ui::NewQuizQuestion>(f.click("quiz.start")));
}

TEST(Interface, AQuizQuestionHidesTheAnswerAndTakesOneClick) {
  Fixture f;
  askQuestion(f);
  const auto answer = command<core::cmd::AnswerQuiz>(f.click("quiz.option.2"));
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->option, 2);
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(f.shown.count("quiz.option." + std::to_string(i)));
  EXPECT_FALSE(f.shown.count("lesion0.severity")) << "the editor would give the answer away";
  EXPECT_FALSE(f.shown.count("leaflet.what")) << "the findings are the answer";
  EXPECT_FALSE(f.shown.count("quiz.next")) << "answer first";
  EXPECT_TRUE(command<core::cmd::EndQuiz>(f.click("quiz.end")));
  // The question's herniation is not the user's to remove: the toggle adds one of their own.
  const auto toggled = f.click("toggle.herniation");
  EXPECT_TRUE(command<core::cmd::AddPathology>(toggled));
  EXPECT_FALSE(command<core::cmd::RemovePathology>(toggled));
}

TEST(Interface, AfterTheAnswerTheFindingsShowAndTheNextQuestionIsOneClickAway) {
  Fixture f;
  askQuestion(f);
  f.state.quiz->answer = 0;
  f.state.quiz->asked = 1;
  EXPECT_FALSE(command<core::cmd::AnswerQuiz>(f.click("quiz.option.1"))) << "one answer only";
  EXPECT_TRUE(f.shown.count("leaflet.what"));
  EXPECT_TRUE(asks<ui::NewQuizQuestion>(f.click("quiz.next")));
}

TEST(Interface, TheLastRoundsScoreStaysInViewAfterTheTestEnds) {
  Fixture f;
  askQuestion(f);
  f.state.quiz->answer = 0;
  f.state.quiz->asked = 1;
  f.state.quiz->right = 1;
  f.state = core::applyCommand(f.state, core::cmd::EndQuiz{});
  ASSERT_TRUE(f.state.lastQuizScore);
  f.click("quiz.start");
  ASSERT_TRUE(f.shown.count("quiz.last_score"));
  EXPECT_EQ(f.shown.at("quiz.last_score").text, "Your last test: 1 of 1 right.");
  // A new round starts afresh.
  f.state = core::applyCommand(
      f.state, core::cmd::AskQuiz{f.state.quiz ? f.state.quiz->question : core::QuizQuestion{}});
  EXPECT_FALSE(f.state.lastQuizScore);
}

}  // namespace
}  // namespace radicula
