#include "app/session.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>

#include "app/handout.h"
#include "core/boundary.h"
#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/lesion_words.h"
#include "core/scene_link.h"
#include "core/utf8_text.h"
#include "io/model_loader.h"
#include "meshgen/lesion_mesher.h"

namespace radicula::app {

namespace {

constexpr float kTransitionSeconds = 0.6f;
constexpr float kPulseSpeed = 0.12f;      // metres of nerve per second: calm, readable
constexpr float kPulseRunSeconds = 8.0f;  // how long the pulse runs after each change

bool isAnatomy(const io::Scene& scene) {
  return scene.findNode("vertebra.L4").has_value();
}

int languageIndex(core::Language l) {
  return l == core::Language::English ? 0 : 1;
}

bool sameLesions(const std::vector<core::Pathology>& a, const std::vector<core::Pathology>& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
           return x.type == y.type && x.level == y.level && x.side == y.side && x.zone == y.zone &&
                  x.severity == y.severity && x.slip == y.slip && x.migration == y.migration;
         });
}

}  // namespace

Session::Session(const CliOptions& options, int viewWidth, int viewHeight)
    : Session(options, loadStartupInputs(options), viewWidth, viewHeight) {}

Session::Session(const CliOptions& options, StartupInputs inputs, int viewWidth, int viewHeight,
                 SessionServices services)
    : engine_(core::ClinicalEngine::loadDefault()),
      presets_(core::PresetLibrary::loadDefault()),
      quizSeed_(std::random_device{}()),
      settingsFile_(services.settingsFile),
      pickFile_(services.pickFile),
      copyLink_(services.copyLink),
      canQuit_(services.canQuit),
      fileDialogs_(services.nativeFileDialog, services.wake),
      mriTable_(core::MriSeverityTable::loadDefault()) {
  for (const char* language : {"en", "es"}) {
    clinicalCatalogs_.push_back(core::TextCatalog::loadLanguage(language));
    labelCatalogs_.push_back(core::TextCatalog::load(
        core::contentDir() / "i18n" / "ui" / (std::string(language) + ".json"), language));
  }
  view_ = std::make_unique<SceneView>(viewWidth, viewHeight, options.samples, core::shadersDir());

  core::AppState initial;
  if (settingsFile_) {
    // Remembered choices first; the scenario's own and the command line's win over them.
    const core::LoadedSettings loaded = core::loadSettings(*settingsFile_);
    if (!loaded.warning.empty()) std::cerr << "radicula: " << loaded.warning << "\n";
    settings_ = loaded.settings;
    settings_.applyTo(initial);
  }
  if (inputs.scenario) {
    if (!inputs.openSymptomMap) {
      checkSymptoms(*inputs.scenario, options.scenario ? options.scenario->string() : "scenario");
    }
    core::AppState fromFile = core::AppState::fromScenario(*inputs.scenario);
    const auto& extra = inputs.scenario->extra;
    if (!extra.contains("language")) fromFile.language = initial.language;
    if (!extra.contains("mode")) fromFile.mode = initial.mode;
    languageFromScene_ = fromFile.language != initial.language;
    modeFromScene_ = fromFile.mode != initial.mode;
    fromFile.largeText = initial.largeText;
    fromFile.reduceMotion = initial.reduceMotion;
    fromFile.view.axialFromFeet = initial.view.axialFromFeet;
    initial = fromFile;
  }
  if (auto l = core::parseLanguage(options.language); l && options.languageGiven)
    initial.language = *l;
  if (auto m = core::parseMode(options.mode); m && options.modeGiven) initial.mode = *m;
  if (!options.view.empty()) initial.view.view = options.view;
  history_.reset(initial);
  savedLesions_ = initial.scenario.pathologies;
  savedSymptoms_ = symptoms();
  // A scenario opened to be shown: where the panels share a column, its findings come first.
  if (!initial.scenario.pathologies.empty()) interfaceState_.tab = ui::PanelTab::Findings;

  const bool symptomMap = inputs.openSymptomMap;
  setScene(std::move(inputs.scene), inputs.modelName);
  refresh();
  if (symptomMap && anatomy_) {
    // A scenario of marks alone: the file given was the symptoms', so nothing unsaved yet.
    openSymptomMap();
    advance(10.0f);  // the body, not the camera on its way
  }
  if (options.quiz && anatomy_) {
    askQuiz(static_cast<std::uint32_t>(*options.quiz));
    if (!options.view.empty()) run(core::cmd::SetView{options.view});  // the one asked for
    if (options.answer) run(core::cmd::AnswerQuiz{*options.answer - 1});
    advance(10.0f);  // a picture of the question, not of the camera on its way
  }
}

Session::~Session() = default;

void Session::setScene(io::Scene scene, std::string name) {
  anatomy_ = isAnatomy(scene);
  modelName_ = std::move(name);
  layers_ = classifyNodes(scene);
  view_->setScene(std::move(scene));
  meshedLesions_.clear();
  view_->setOverlays({});
  moveCameraTo(state().view.view, /*animate=*/false);
  home_ = to_;
}

const core::TextCatalog& Session::clinicalTexts() const {
  return clinicalCatalogs_[languageIndex(state().language)];
}
const core::TextCatalog& Session::labels() const {
  return labelCatalogs_[languageIndex(state().language)];
}

std::vector<core::Pathology> Session::shownLesions() const {
  std::vector<core::Pathology> shown = state().scenario.pathologies;
  if (mriReader_) shown.insert(shown.end(), mriPreview_.begin(), mriPreview_.end());
  if (symptomMapOpen()) {
    for (const core::Pathology& p : symptomMap_->preview()) {
      if (shown.size() < core::kMaxPathologies) shown.push_back(p);
    }
  }
  return shown;
}

void Session::refresh() {
  const std::vector<core::Pathology> pathologies = shownLesions();
  if (anatomy_) {
    findings_ = engine_->analyse(pathologies);
    // A chosen explanation without a typical lesion (the sural nerve) still lights its path.
    if (symptomMapOpen() && symptomMap_->chosen() != nullptr && symptomMap_->preview().empty()) {
      findings_ = symptomMap_->chosenFindings();
    }
    // What the person marked raises its own red flags, whatever the lesions shown: saddle
    // numbness marked is an emergency even beside a long-standing stenosis.
    core::mergeRedFlags(findings_.redFlags, core::markedRedFlags(*engine_, symptoms()));
    highlights_ = core::nerveHighlights(findings_, *engine_);
  } else {
    findings_ = core::Findings{};
    highlights_.clear();
  }
  texts_ = engine_->texts(findings_, clinicalTexts());
  updateQuizText();
  pulseLeft_ = kPulseRunSeconds;
  rebuildLesionMeshes();
  applyStyle();
}

void Session::rebuildLesionMeshes() {
  std::vector<core::Pathology> pathologies = shownLesions();
  if (!anatomy_) return;
  // A reverse question's lesion is its answer: it shows once answered.
  const auto& quiz = state().quiz;
  if (quiz && !quiz->answered() && core::isReverse(quiz->question.topic)) pathologies.clear();
  if (sameLesions(pathologies, meshedLesions_)) return;
  meshedLesions_ = pathologies;
  // The very solids the engine measures compression with are what the user sees.
  const std::vector<core::PathologyShape> shapes = engine_->shapes(pathologies);
  std::vector<render::Overlay> overlays;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    render::Overlay overlay;
    overlay.name = "lesion." + std::to_string(i);
    overlay.mesh = meshgen::meshLesion(shapes[i]);
    overlay.color = lesionColor(pathologies[i].type);
    overlay.roughness = 0.45f;
    if (overlay.mesh.triangleCount() > 0) overlays.push_back(std::move(overlay));
  }
  view_->setOverlays(std::move(overlays));
}

void Session::askQuiz(std::uint32_t seed) {
  quizSeed_ = seed;
  execute(ui::NewQuizQuestion{});
}

void Session::updateQuizText() {
  if (state().quiz) quizText_ = core::quizText(state().quiz->question, clinicalTexts());
}

void Session::applyStyle() {
  // While a quiz question waits for its answer nothing glows or lights: that is the answer.
  // On the body map only the chosen explanation lights, so orange always means its reach.
  const bool concealed = (state().quiz && !state().quiz->answered()) ||
                         (symptomMapOpen() && symptomMap_->chosen() == nullptr);
  const std::vector<core::NerveHighlight> noHighlights;
  const core::Findings noFindings;
  StyleInputs in;
  in.scene = &view_->scene();
  in.layers = &layers_;
  in.view = &state().view;
  in.highlights = concealed ? &noHighlights : &highlights_;
  in.findings = concealed ? &noFindings : &findings_;
  in.selected = state().selected;
  in.hidden = &hiddenByView_;
  in.pulseArc = pulsing() ? pulseSeconds_ * kPulseSpeed : -1.0f;
  if (symptomMapOpen()) {
    in.bodyMap = true;
    const auto& regions = engine_->graph().regions();
    for (const auto& mark : symptoms().regions) {
      const auto it = std::find_if(regions.begin(), regions.end(),
                                   [&](const core::NerveTarget& r) { return r.id == mark.id; });
      if (it != regions.end()) {
        in.marked.emplace_back(static_cast<int>(it - regions.begin()), mark.side);
      }
    }
  }
  if (!anatomy_) {
    // A foreign model keeps its own materials; only the x-ray sliders apply.
    view_->style.nodes.assign(view_->scene().nodes.size(), render::NodeStyle{});
    for (auto& n : view_->style.nodes) n.alpha = state().view.boneOpacity;
    return;
  }
  applyAnatomyStyle(in, view_->style);
}

void Session::moveCameraTo(const std::string& viewName, bool animate) {
  const ViewPreset preset =
      makeViewPreset(view_->scene(), viewName,
                     static_cast<float>(view_->width()) / static_cast<float>(view_->height()),
                     viewOptions(state().view));
  from_ = view_->camera;
  to_ = preset.camera;
  view_->style.clipPlane = preset.clipPlane;
  view_->style.clipPlaneBelow = preset.clipPlaneBelow;
  hiddenByView_ = preset.hidden;
  applyStyle();
  transition_ = animate && !state().reduceMotion ? 0.0f : 1.0f;
  if (transition_ >= 1.0f) view_->camera = to_;
  shownView_ = viewName;
  cameraMoved_ = false;
}

void Session::resizeView(int width, int height) {
  if (width == view_->width() && height == view_->height()) return;
  view_->resize(width, height);
  // A view the user has not turned yet is framed again for the new shape of the window.
  if (!cameraMoved_) {
    moveCameraTo(shownView_, false);
    home_ = to_;
  }
}

bool Session::unsaved() const {
  if (!(symptoms() == savedSymptoms_)) return true;
  return anatomy_ ? !sameLesions(state().quiz ? state().quiz->before : state().scenario.pathologies,
                                 savedLesions_)
                  : !sameLesions(state().scenario.pathologies, savedLesions_);
}

bool Session::modalOpen() const {
  return fileDialogs_.isOpen() || question_ != ui::Question::None || mriReader_.has_value();
}

bool Session::waitingForDesktopChooser() const {
  return fileDialogs_.model() != nullptr && fileDialogs_.model()->waitingForDesktop;
}

void Session::requestQuit() {
  if (!canQuit_) return;  // the web page: the scene is kept, and a tab is closed, not quit
  if (unsaved() && (!state().scenario.pathologies.empty() || !symptoms().empty())) {
    question_ = ui::Question::QuitWithUnsaved;
  } else {
    quit_ = true;
  }
}

void Session::chooseFile(ui::FileAction action) {
  if (!anatomy_ &&
      (action == ui::FileAction::SaveScenario || action == ui::FileAction::ExportHandout)) {
    return;  // lesions belong to the anatomy
  }
  message_.clear();
  const bool opening = action == ui::FileAction::OpenScenario ||
                       action == ui::FileAction::OpenModel ||
                       action == ui::FileAction::OpenMriReport;
  if (opening && pickFile_) {
    pickFile_(action);  // the browser's own picker; it opens what it is given
    return;
  }
  fileDialogs_.open(action, core::fileStem(state()), settings_, labels(), interfaceState_);
}

void Session::actOn(const ChosenFile& chosen) {
  switch (chosen.action) {
    case ui::FileAction::OpenScenario:
      execute(ui::OpenScenario{chosen.path.string()});
      break;
    case ui::FileAction::SaveScenario:
      execute(ui::SaveScenario{chosen.path.string()});
      break;
    case ui::FileAction::OpenModel:
      execute(ui::OpenModel{chosen.path.string()});
      break;
    case ui::FileAction::ExportHandout:
      execute(ui::ExportHandout{chosen.path.string()});
      break;
    case ui::FileAction::OpenMriReport:
      openMriReportFile(chosen.path);
      break;
  }
}

void Session::answer(ui::Answer a) {
  const ui::Question asked = question_;
  question_ = ui::Question::None;
  if (a == ui::Answer::Cancel) {
    pendingOpen_.reset();
    return;
  }
  if (a == ui::Answer::Save) {
    // Save first, then go on with what was asked.
    quitAfterSave_ = asked == ui::Question::QuitWithUnsaved;
    openAfterSave_ = pendingOpen_;
    pendingOpen_.reset();
    chooseFile(ui::FileAction::SaveScenario);
    return;
  }
  if (asked == ui::Question::QuitWithUnsaved) {
    quit_ = true;
  } else if (pendingOpen_) {
    const auto file = *pendingOpen_;
    pendingOpen_.reset();
    savedLesions_ = state().scenario.pathologies;  // the user chose to drop them
    savedSymptoms_ = symptoms();
    openScenario(file);
  }
}

void Session::rememberFile(const std::filesystem::path& file) {
  settings_.addRecent(file);
  saveSettings();
}

void Session::saveSettings() {
  if (!settingsFile_) return;
  const std::string warning = core::saveSettings(settings_, *settingsFile_);
  if (!warning.empty()) std::cerr << "radicula: " << warning << "\n";
}

void Session::execute(const ui::UiCommand& command) {
  // The window's boundary for whatever a user asks: anything that goes wrong becomes the
  // message, and the window, the lesions and their history stay as they were.
  const std::string problem = core::failureOf([&] { perform(command); });
  if (!problem.empty()) message_ = problem;
}

void Session::perform(const ui::UiCommand& command) {
  const core::AppState before = state();
  if (const auto chosen = fileDialogs_.handle(command, labels(), interfaceState_)) {
    actOn(*chosen);
    return;
  }
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, core::Command>) {
          history_.execute(c);
        } else if constexpr (std::is_same_v<T, ui::Undo>) {
          history_.undo();
        } else if constexpr (std::is_same_v<T, ui::Redo>) {
          history_.redo();
        } else if constexpr (std::is_same_v<T, ui::ResetCamera>) {
          resetCamera();
        } else if constexpr (std::is_same_v<T, ui::ToggleHelp>) {
          interfaceState_.showHelp = !interfaceState_.showHelp;
        } else if constexpr (std::is_same_v<T, ui::TogglePresentation>) {
          interfaceState_.presentation = anatomy_ && !interfaceState_.presentation;
        } else if constexpr (std::is_same_v<T, ui::DismissMessage>) {
          message_.clear();
        } else if constexpr (std::is_same_v<T, ui::Quit>) {
          requestQuit();
        } else if constexpr (std::is_same_v<T, ui::OpenScenario>) {
          if (unsaved() && (!state().scenario.pathologies.empty() || !symptoms().empty())) {
            pendingOpen_ = c.path;
            question_ = ui::Question::OpenOverUnsaved;
          } else {
            openScenario(c.path);
          }
        } else if constexpr (std::is_same_v<T, ui::SaveScenario>) {
          saveScenario(c.path);
        } else if constexpr (std::is_same_v<T, ui::OpenModel>) {
          openModel(c.path);
        } else if constexpr (std::is_same_v<T, ui::ExportHandout>) {
          exportHandout(c.path);
        } else if constexpr (std::is_same_v<T, ui::BackToAnatomy>) {
          backToAnatomy();
        } else if constexpr (std::is_same_v<T, ui::ChooseFile>) {
          chooseFile(c.action);
        } else if constexpr (std::is_same_v<T, ui::AnswerQuestion>) {
          answer(c.answer);
        } else if constexpr (std::is_same_v<T, ui::NewQuizQuestion>) {
          if (anatomy_) {
            closeSymptomMap();
            const std::vector<core::QuizQuestion> round =
                state().quiz ? state().quiz->round : std::vector<core::QuizQuestion>{};
            history_.execute(core::cmd::AskQuiz{
                core::makeQuizQuestion(*engine_, quizSeed_++, round, state().quizFromView)});
            interfaceState_.tab = ui::PanelTab::Findings;  // where the question is asked
            // The whole figure is too far away to see which zone the lesion sits in; a
            // reverse question shows its lesion only with the answer, and then the path it
            // lights down the leg is the lesson.
            const std::string& v = state().view.view;
            if (core::isReverse(state().quiz->question.topic)) {
              if (v != "side") history_.execute(core::cmd::SetView{"side"});
            } else if (v != "axial" && v != "foramen" && v != "posterior") {
              history_.execute(core::cmd::SetView{"axial"});
            }
          }
        } else if constexpr (std::is_same_v<T, ui::LoadPreset>) {
          if (const core::Preset* p = presets_.find(c.id)) {
            if (!anatomy_) backToAnatomy();
            history_.execute(core::cmd::ReplaceScenario{p->scenario});
            history_.execute(core::cmd::SetFocus{p->focusLevel, p->focusSide});
            history_.execute(core::cmd::SetView{p->view});
            interfaceState_.tab = ui::PanelTab::Findings;
          }
        } else if constexpr (std::is_same_v<T, ui::CopyLink>) {
          if (copyLink_ && anatomy_) {
            copyLink_(core::sceneLink(state()));
            message_ = labels().get("message.link_copied");
          }
        } else if constexpr (std::is_same_v<T, ui::OpenSymptomMap>) {
          openSymptomMap();
        } else if constexpr (std::is_same_v<T, ui::CloseSymptomMap>) {
          closeSymptomMap();
        } else if constexpr (std::is_same_v<T, ui::TurnSymptomMap>) {
          if (symptomMapOpen() && symptomMap_->back() != c.back) {
            symptomMap_->turn(c.back);
            moveCameraTo(currentView(), true);
            rebuildSymptomModel();
          }
        } else if constexpr (std::is_same_v<T, ui::ToggleSymptomRegion>) {
          core::SymptomPattern marks = symptoms();
          marks.toggleRegion(c.region, c.side);
          history_.execute(core::cmd::SetSymptoms{marks});
        } else if constexpr (std::is_same_v<T, ui::CycleMovement>) {
          core::SymptomPattern marks = symptoms();
          marks.cycleStrength(c.movement, c.side);
          history_.execute(core::cmd::SetSymptoms{marks});
        } else if constexpr (std::is_same_v<T, ui::CycleReflex>) {
          core::SymptomPattern marks = symptoms();
          marks.cycleReflex(c.reflex, c.side);
          history_.execute(core::cmd::SetSymptoms{marks});
        } else if constexpr (std::is_same_v<T, ui::ClearSymptoms>) {
          if (!symptoms().empty()) history_.execute(core::cmd::SetSymptoms{});
        } else if constexpr (std::is_same_v<T, ui::ChooseCandidate>) {
          if (symptomMapOpen()) {
            symptomMap_->choose(c.index);
            rebuildSymptomModel();
            refresh();
          }
        } else if constexpr (std::is_same_v<T, ui::AddCandidateLesion>) {
          if (symptomMapOpen()) {
            const std::vector<core::Pathology> lesion = symptomMap_->preview();
            if (!lesion.empty()) {
              symptomMap_->choose(-1);
              closeSymptomMap();
              history_.execute(core::cmd::AddPathologies{lesion});
              interfaceState_.tab = ui::PanelTab::Findings;
            }
          }
        } else if constexpr (std::is_same_v<T, ui::OpenMriReader>) {
          if (anatomy_) {
            closeSymptomMap();
            message_.clear();
            mriProblem_.clear();
            mriReader_.emplace();
            mriPreview_.clear();
            interfaceState_.focusMriText = true;
            rereadMriReport();
          }
        } else if constexpr (std::is_same_v<T, ui::MriTextChanged>) {
          if (mriReader_) {
            mriProblem_.clear();
            rereadMriReport();
          }
        } else if constexpr (std::is_same_v<T, ui::ApplyMriReport>) {
          if (mriReader_ && !mriPreview_.empty()) {
            const std::vector<core::Pathology> adding = mriPreview_;
            mriReader_.reset();
            mriPreview_.clear();
            history_.execute(core::cmd::AddPathologies{adding});
            interfaceState_.tab = ui::PanelTab::Findings;
          }
        } else if constexpr (std::is_same_v<T, ui::CloseMriReader>) {
          if (mriReader_) {
            mriReader_.reset();
            mriPreview_.clear();
            refresh();
          }
        } else {
          // FileChooserGo, Take, Replace, Cancel: the file chooser's own, handled above.
        }
      },
      command);

  const core::AppState& after = state();
  const auto& a = before.view;
  const auto& b = after.view;
  if (b.view != a.view || b.focusLevel != a.focusLevel || b.focusSide != a.focusSide ||
      b.axialFromFeet != a.axialFromFeet) {
    // Another view chosen from the menu leaves the body map for it.
    if (b.view != a.view && symptomMapOpen()) closeSymptomMap();
    moveCameraTo(currentView(), true);
  }
  // The marks changed (a click, undo, an opened file) or the words did: rank again.
  const auto marksOf = [](const core::AppState& st) {
    const auto it = st.scenario.extra.find("symptoms");
    return it == st.scenario.extra.end() ? nlohmann::ordered_json() : *it;
  };
  if (symptomMapOpen() && (marksOf(before) != marksOf(after) || before.mode != after.mode ||
                           before.language != after.language)) {
    updateSymptomMap();
  }
  const bool lesionsChanged = !sameLesions(before.scenario.pathologies, after.scenario.pathologies);
  // New marks may raise or lower a red flag: the findings carry them.
  if (lesionsChanged || before.language != after.language || marksOf(before) != marksOf(after)) {
    refresh();
  } else {
    updateQuizText();  // a new question can show the same lesion
    applyStyle();
  }
  // The answer reveals the glow: let its pulse run from the lesion down the leg.
  if (after.quiz && after.quiz->answered() && !(before.quiz && before.quiz->answered())) {
    pulseLeft_ = kPulseRunSeconds;
    rebuildLesionMeshes();  // a reverse question's lesion appears with the answer
  }
  // Choices the viewer remembers for next time; a scene's own language and mode only once the
  // user has chosen them.
  if (before.language != after.language) languageFromScene_ = false;
  if (before.mode != after.mode) modeFromScene_ = false;
  core::Settings remembered = settings_;
  remembered.takeFrom(after);
  if (languageFromScene_) remembered.language = settings_.language;
  if (modeFromScene_) remembered.mode = settings_.mode;
  if (!(remembered == settings_)) {
    settings_ = remembered;
    saveSettings();
  }
}

bool Session::pulsing() const {
  return !state().reduceMotion && !highlights_.empty() && pulseLeft_ > 0.0f;
}

bool Session::animating() const {
  return transition_ < 1.0f || pulsing();
}

bool Session::advance(float seconds) {
  if (const auto chosen = fileDialogs_.poll(labels(), interfaceState_)) actOn(*chosen);
  collectHover();
  if (transition_ < 1.0f) {
    transition_ = std::min(1.0f, transition_ + seconds / kTransitionSeconds);
    const float s = transition_ * transition_ * (3.0f - 2.0f * transition_);  // ease in and out
    view_->camera = render::OrbitCamera::lerp(from_, to_, s);
  }
  if (pulsing()) {
    pulseSeconds_ += seconds;
    pulseLeft_ -= seconds;
  }
  // After its run the pulse rests and the glow stays steady, so an idle window draws nothing.
  view_->style.pulseArc = pulsing() ? pulseSeconds_ * kPulseSpeed : -1.0f;
  return animating();
}

void Session::resetCamera() {
  moveCameraTo(currentView(), true);
}

std::string Session::currentView() const {
  if (symptomMapOpen()) return symptomMap_->back() ? "body_back" : "body_front";
  return state().view.view;
}

core::SymptomPattern Session::symptoms() const {
  try {
    return core::symptomsOf(state().scenario, engine_->graph());
  } catch (const core::ContentError&) {
    return {};  // checked when the scenario was opened; an unreadable key marks nothing
  }
}

void Session::checkSymptoms(const core::Scenario& scenario, const std::string& file) const {
  core::symptomsOf(scenario, engine_->graph(), file);
}

void Session::openSymptomMap() {
  if (!anatomy_ || symptomMapOpen()) return;
  if (state().quiz) history_.execute(core::cmd::EndQuiz{});
  if (mriReader_) {
    mriReader_.reset();
    mriPreview_.clear();
  }
  message_.clear();
  if (!symptomMap_) symptomMap_ = std::make_unique<SymptomMap>(*engine_);
  symptomMapOpen_ = true;
  moveCameraTo(currentView(), true);
  updateSymptomMap();
  refresh();
}

void Session::closeSymptomMap() {
  if (!symptomMapOpen()) return;
  symptomMapOpen_ = false;
  hoveredRegion_.reset();
  moveCameraTo(currentView(), true);
  refresh();
}

void Session::updateSymptomMap() {
  if (!symptomMapOpen()) return;
  const std::vector<core::Pathology> before = symptomMap_->preview();
  const core::Candidate* was = symptomMap_->chosen();
  const bool hadChoice = was != nullptr;
  symptomMap_->update(symptoms());
  rebuildSymptomModel();
  if (hadChoice != (symptomMap_->chosen() != nullptr) ||
      !sameLesions(before, symptomMap_->preview())) {
    refresh();
  } else {
    applyStyle();  // the marks' colours
  }
}

void Session::rebuildSymptomModel() {
  if (!symptomMapOpen()) return;
  std::string hovered;
  if (hoveredRegion_) {
    const auto& regions = engine_->graph().regions();
    const auto index = static_cast<std::size_t>(hoveredRegion_->first);
    if (index < regions.size()) {
      hovered = clinicalTexts().get("region." + regions[index].id) + " (" +
                clinicalTexts().get("side." + std::string(core::toString(hoveredRegion_->second))) +
                ")";
    }
  }
  symptomModel_ = symptomMap_->model(symptoms(), state().mode, clinicalTexts(), labels(), hovered);
}

bool Session::viewOrbits() const {
  return !(anatomy_ && shownView_ == "axial");
}

void Session::orbit(float dyaw, float dpitch) {
  cameraMoved_ = true;
  transition_ = 1.0f;
  view_->camera.orbit(dyaw, dpitch);
}

void Session::pan(float dx, float dy) {
  cameraMoved_ = true;
  transition_ = 1.0f;
  view_->camera.pan(dx, dy);
}

void Session::zoomAt(float factor, int x, int y) {
  cameraMoved_ = true;
  transition_ = 1.0f;
  const auto point = view_->pointAt(x, y);
  view_->camera.zoomToward(factor, point.value_or(view_->camera.target));
}

void Session::focusAt(int x, int y) {
  if (const auto point = view_->pointAt(x, y)) {
    cameraMoved_ = true;
    from_ = view_->camera;
    to_ = view_->camera;
    to_.target = *point;
    to_.distance *= 0.7f;
    transition_ = state().reduceMotion ? 1.0f : 0.0f;
    if (transition_ >= 1.0f) view_->camera = to_;
  }
}

std::optional<std::pair<int, core::Side>> Session::regionAt(int x, int y) {
  return regionOf(view_->nodeAt(x, y), x, y);
}

std::optional<std::pair<int, core::Side>> Session::regionOf(std::optional<int> node, int x, int y) {
  if (!node || *node >= static_cast<int>(view_->scene().nodes.size())) return std::nullopt;
  if (layers_[static_cast<std::size_t>(*node)] != Layer::Skin) return std::nullopt;
  const glm::vec2 pixel(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
  const render::OrbitCamera& camera = view_->camera;
  const glm::vec3 near = camera.unproject(pixel, 0.0f, view_->width(), view_->height());
  const glm::vec3 far = camera.unproject(pixel, 1.0f, view_->width(), view_->height());
  return skinRegionAt(view_->scene(), *node, near, far);
}

void Session::selectAt(int x, int y) {
  if (symptomMapOpen()) {
    // On the body map a click marks (or unmarks) the skin region under it.
    if (const auto hit = regionAt(x, y)) {
      const auto& regions = engine_->graph().regions();
      if (static_cast<std::size_t>(hit->first) < regions.size()) {
        execute(
            ui::ToggleSymptomRegion{regions[static_cast<std::size_t>(hit->first)].id, hit->second});
      }
    }
    return;
  }
  run(core::cmd::Select{view_->nameAt(x, y)});
}

void Session::hoverAt(std::optional<std::pair<int, int>> pixel) {
  // The pointer moving over the view asks the GPU what lies under it and never waits for the
  // answer (collectHover takes it a frame or so later): reading the id buffer back at once
  // would stall every frame the mouse moves in.
  if (pixel) {
    view_->requestNodeAt(pixel->first, pixel->second);
    return;
  }
  view_->cancelNodeRequest();
  hovered_.reset();
  if (hoveredRegion_) {
    hoveredRegion_.reset();
    rebuildSymptomModel();
  }
}

bool Session::hoverPending() const {
  return view_->nodeRequestPending();
}

void Session::collectHover() {
  const auto sample = view_->pollNodeAt();
  if (!sample) return;
  if (symptomMapOpen()) {
    hovered_.reset();
    const auto region = regionOf(sample->node, sample->x, sample->y);
    if (region != hoveredRegion_) {
      hoveredRegion_ = region;
      rebuildSymptomModel();
    }
    return;
  }
  hovered_ = sample->node ? view_->nameOf(*sample->node) : std::nullopt;
}

void Session::renderScene() {
  view_->render();
}

void Session::renderViewInto(const std::string& viewName, render::RenderTarget& target,
                             const glm::vec3& background) {
  const render::OrbitCamera camera = view_->camera;
  const render::FrameStyle style = view_->style;
  const std::vector<std::string> hidden = hiddenByView_;
  const int width = view_->width(), height = view_->height();
  view_->resize(target.width(), target.height());
  if (!viewName.empty()) {
    const ViewPreset preset =
        makeViewPreset(view_->scene(), viewName,
                       static_cast<float>(target.width()) / static_cast<float>(target.height()),
                       viewOptions(state().view));
    view_->camera = preset.camera;
    view_->style.clipPlane = preset.clipPlane;
    view_->style.clipPlaneBelow = preset.clipPlaneBelow;
    hiddenByView_ = preset.hidden;
    applyStyle();
  }
  view_->style.pulseArc = -1.0f;  // a still picture: the steady glow, no travelling pulse
  view_->style.background = background;
  view_->render();
  view_->blitTo(target.colorFramebuffer(), 0, 0, target.width(), target.height());
  view_->resize(width, height);
  view_->camera = camera;
  view_->style = style;
  hiddenByView_ = hidden;
}

ui::InterfaceModel Session::interfaceModel(float scale) const {
  ui::InterfaceModel m;
  m.state = &state();
  m.findings = anatomy_ ? &findings_ : nullptr;
  m.texts = anatomy_ ? &texts_ : nullptr;
  m.labels = &labels();
  m.clinical = &clinicalTexts();
  m.presets = &presets_;
  m.quiz = state().quiz ? &quizText_ : nullptr;
  m.fileChooser = fileDialogs_.model();
  m.mriReader = mriReader_ ? &*mriReader_ : nullptr;
  m.symptomMap = symptomMapOpen() ? &symptomModel_ : nullptr;
  m.canCopyLink = static_cast<bool>(copyLink_);
  m.canQuit = canQuit_;
  m.question = question_;
  for (const auto& f : settings_.recentFiles) m.recentFiles.push_back(f.string());
  m.anatomy = anatomy_;
  m.canUndo = history_.canUndo();
  m.canRedo = history_.canRedo();
  m.viewOrbits = viewOrbits();
  m.modelName = modelName_;
  m.message = message_;
  m.hovered = hovered_;
  m.scale = scale;
  return m;
}

void Session::saveScenario(const std::filesystem::path& file) {
  const std::string problem = core::failureOf(
      [&] {
        state().toScenario().save(file);
        savedLesions_ = state().quiz ? state().quiz->before : state().scenario.pathologies;
        savedSymptoms_ = symptoms();
        message_ = labels().format("message.saved", {{"file", core::displayPath(file)}});
        rememberFile(file);
      },
      file.string());
  if (!problem.empty()) {
    message_ = problem;
    quitAfterSave_ = false;
    openAfterSave_.reset();
    return;
  }
  if (quitAfterSave_) quit_ = true;
  quitAfterSave_ = false;
  if (openAfterSave_) {
    const auto next = *openAfterSave_;
    openAfterSave_.reset();
    openScenario(next);
  }
}

void Session::openScenario(const std::filesystem::path& file) {
  const std::string problem = core::failureOf(
      [&] {
        // All reading and checking first: a bad file changes nothing.
        const core::Scenario scenario = core::Scenario::load(file);
        checkSymptoms(scenario, file.string());
        const core::AppState loaded = core::AppState::fromScenario(scenario);
        if (!anatomy_) backToAnatomy();
        history_.execute(core::cmd::ReplaceScenario{loaded.scenario});
        // The file's own view, language and mode win where it has them.
        if (scenario.extra.contains("view")) history_.execute(core::cmd::SetView{loaded.view.view});
        if (scenario.extra.contains("language"))
          history_.execute(core::cmd::SetLanguage{loaded.language});
        if (scenario.extra.contains("mode")) history_.execute(core::cmd::SetMode{loaded.mode});
        if (scenario.extra.contains("focus")) {
          history_.execute(core::cmd::SetFocus{loaded.view.focusLevel, loaded.view.focusSide});
        }
        savedLesions_ = state().scenario.pathologies;
        savedSymptoms_ = symptoms();
        if (!savedLesions_.empty()) interfaceState_.tab = ui::PanelTab::Findings;
        moveCameraTo(currentView(), true);
        refresh();
        message_.clear();
        rememberFile(file);
      },
      file.string());
  if (!problem.empty()) message_ = problem;
}

void Session::openModel(const std::filesystem::path& file) {
  if (file.extension() == ".json") {
    execute(ui::OpenScenario{file.string()});
    return;
  }
  const std::string problem = core::failureOf(
      [&] {
        io::Scene scene = io::loadModel(file);  // read whole first: a bad file changes nothing
        // The anatomy and its lesions wait in memory: "Back to the anatomy" brings both back.
        if (anatomy_) anatomyScene_ = view_->scene();
        interfaceState_.presentation = false;
        setScene(std::move(scene), file.filename().string());
        refresh();
        message_.clear();
        rememberFile(file);
      },
      file.string());
  if (!problem.empty()) message_ = problem;
}

void Session::backToAnatomy() {
  if (anatomy_) return;
  const std::string problem = core::failureOf(
      [&] {
        io::Scene scene = anatomyScene_ ? std::move(*anatomyScene_) : loadAnatomy();
        anatomyScene_.reset();
        setScene(std::move(scene), "");
        refresh();
      },
      anatomyAssetPath().string());
  if (!problem.empty()) message_ = problem;
}

void Session::openMriReportFile(const std::filesystem::path& file) {
  if (!mriReader_) mriReader_.emplace();
  mriProblem_ = core::failureOf(
      [&] {
        interfaceState_.mriText = core::readMriReportText(file);
        rememberFile(file);
      },
      file.string());
  interfaceState_.focusMriText = true;
  rereadMriReport();
}

namespace {

std::array<float, 4> swatchColor(core::PathologyType type) {
  const glm::vec4 c = lesionColor(type);
  return {c.r, c.g, c.b, 1.0f};
}

// The report's statements in the order they stand in the text: a statement that made lesions
// (a list of levels makes several) shows once, in the first one's colour; one that made nothing
// shows greyed with why, all its reasons together ("T12-L1: small protrusion, no stenosis").
std::vector<ui::MriReaderModel::Piece> readerPieces(const core::MriReading& reading,
                                                    const std::vector<core::Pathology>& preview,
                                                    const core::TextCatalog& words) {
  struct Item {
    std::size_t start;
    ui::MriReaderModel::Piece piece;
  };
  std::vector<Item> items;
  const auto oneLine = [](std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
  };
  std::size_t lastStart = static_cast<std::size_t>(-1);
  for (const auto& st : reading.statements) {
    if (st.span.start == lastStart) continue;
    lastStart = st.span.start;
    ui::MriReaderModel::Piece piece;
    piece.text = oneLine(st.text);
    piece.lesion = st.pathology < static_cast<int>(preview.size()) ? st.pathology : -1;
    if (piece.lesion >= 0)
      piece.color = swatchColor(preview[static_cast<std::size_t>(st.pathology)].type);
    items.push_back({st.span.start, std::move(piece)});
  }
  for (const auto& u : reading.unused) {
    // A statement that made a lesion shows as that, even if part of it was negated.
    const bool made = std::any_of(reading.statements.begin(), reading.statements.end(),
                                  [&](const auto& st) { return st.span.start == u.span.start; });
    if (made) continue;
    std::string why = words.get("mri.reason." + std::string(core::toString(u.reason)));
    if (!u.detail.empty() && u.lesions.empty()) why += " (" + u.detail + ")";
    for (const core::Pathology& p : u.lesions) why += " (" + core::lesionWords(p, words) + ")";
    const auto same = std::find_if(items.begin(), items.end(), [&](const Item& item) {
      return item.start == u.span.start && item.piece.lesion < 0;
    });
    if (same != items.end()) {
      same->piece.why += "; " + why;
      continue;
    }
    ui::MriReaderModel::Piece piece;
    piece.text = oneLine(u.text);
    piece.why = why;
    items.push_back({u.span.start, std::move(piece)});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.start < b.start; });
  std::vector<ui::MriReaderModel::Piece> pieces;
  for (auto& item : items) pieces.push_back(std::move(item.piece));
  return pieces;
}

}  // namespace

void Session::rereadMriReport() {
  if (!mriReader_) return;
  const core::MriReading reading = core::readMriReport(interfaceState_.mriText, mriTable_);
  const std::vector<core::Pathology> previous = std::move(mriPreview_);
  mriPreview_ = reading.scenario.pathologies;
  // Only as many as the scene still takes.
  const std::size_t room =
      core::kMaxPathologies - std::min(core::kMaxPathologies, state().scenario.pathologies.size());
  if (mriPreview_.size() > room) mriPreview_.resize(room);

  ui::MriReaderModel model;
  model.problem = mriProblem_;
  const core::TextCatalog& words = clinicalTexts();
  std::string plain;
  for (const core::Pathology& p : mriPreview_) {
    const std::string name = words.get("type." + std::string(core::toString(p.type)));
    const std::string where = p.isSpinal() ? core::levelWords(p.level) : std::string();
    const std::string side = words.get("side." + std::string(core::toString(p.side)));
    model.lesions.push_back({core::capitalisedLesionWords(p, words), swatchColor(p.type)});
    plain += (plain.empty() ? "" : "; ") + name + " " + where + " (" + side + ")";
  }
  // Findings the report hedges: in words, not drawn.
  for (const auto& u : reading.unused) {
    for (const core::Pathology& p : u.lesions) {
      model.uncertain.push_back(core::capitalisedLesionWords(p, words));
    }
  }
  model.pieces = readerPieces(reading, mriPreview_, words);
  if (state().mode == core::Mode::Patient && !mriPreview_.empty()) {
    model.summary = words.format("mri.patient_summary", {{"lesions", plain}});
  }
  // A person at home is told the report raised more, and who can say what it means.
  if (state().mode == core::Mode::Patient && !model.uncertain.empty()) {
    model.summary += (model.summary.empty() ? "" : " ") + words.get("mri.patient_uncertain");
  }
  *mriReader_ = std::move(model);
  // Most keystrokes change no lesion: the scene is analysed and meshed again only when one does.
  if (!sameLesions(previous, mriPreview_)) refresh();
}

HandoutContent Session::handoutContent() const {
  HandoutContent content;
  content.labels = &labels();
  content.clinical = &clinicalTexts();
  content.state = &state();
  content.findings = &findings_;
  content.texts = &texts_;
  return content;
}

void Session::exportHandout(const std::filesystem::path& file) {
  const std::string problem = core::failureOf(
      [&] {
        writeHandout(*this, handoutContent(), file);
        message_ = labels().format("message.exported", {{"file", core::displayPath(file)}});
        // The folder is remembered; a picture is not a file Radicula opens again.
        settings_.lastFolder = std::filesystem::absolute(file).parent_path();
        saveSettings();
      },
      file.string());
  if (!problem.empty()) message_ = problem;
}

}  // namespace radicula::app
