// A Session is one user's work in Radicula: the state and its undo history, the clinical
// engine and its findings for the current lesions, the 3D view with its lesion meshes, the
// label catalogues, the camera moving between views, the file chooser and the questions asked
// before work is lost. The window, --screenshot, the handout and GL tests all drive a Session;
// it needs a current OpenGL context.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/anatomy_style.h"
#include "app/cli_options.h"
#include "app/file_dialogs.h"
#include "app/handout.h"
#include "app/scene_view.h"
#include "app/startup_scene.h"
#include "app/symptom_map.h"
#include "core/app_state.h"
#include "core/findings.h"
#include "core/mri_report.h"
#include "core/nerve_highlight.h"
#include "core/preset_library.h"
#include "core/settings.h"
#include "core/text_catalog.h"
#include "ui/interface_model.h"
#include "ui/ui_command.h"

namespace radicula::app {

// What only the interactive viewer gives a session: remembered settings and the desktop's
// file chooser. Headless runs use the defaults (nothing read or written, the in-app chooser).
struct SessionServices {
  std::optional<std::filesystem::path> settingsFile;  // read at start, written on change
  std::string nativeFileDialog;                       // "zenity", "kdialog" or empty
  std::function<void()> wake;                         // wakes the event loop from a thread
  // The browser: files are opened with its own picker (it calls back with the path it wrote)
  // and a scene link is copied to its clipboard. Unset on the desktop.
  std::function<void(ui::FileAction)> pickFile;
  std::function<void(const std::string&)> copyLink;
  // A browser tab is closed, never quit: the web page offers no Quit (it keeps the scene).
  bool canQuit = true;
};

class Session {
 public:
  // Loads content, the scene (the model in `options`, or the anatomy asset) and the scenario in
  // `options`. Throws io::ModelError or core::ContentError naming the bad file, and
  // render::GlError when GL fails.
  Session(const CliOptions& options, int viewWidth, int viewHeight);
  // With the scene and scenario already read (so bad input is reported before a window opens).
  Session(const CliOptions& options, StartupInputs inputs, int viewWidth, int viewHeight,
          SessionServices services = {});
  ~Session();

  const core::AppState& state() const { return history_.state(); }
  const core::History& history() const { return history_; }
  const core::Findings& findings() const { return findings_; }
  const core::FindingTexts& findingTexts() const { return texts_; }
  const std::vector<core::NerveHighlight>& highlights() const { return highlights_; }
  const core::ClinicalEngine& engine() const { return *engine_; }
  bool showsAnatomy() const { return anatomy_; }
  SceneView& view() { return *view_; }

  // Applies what the interface (or a key press) asked for. File errors become a message.
  void execute(const ui::UiCommand& command);
  // Domain commands: wraps them for execute(const ui::UiCommand&).
  template <typename C>
  void run(C command) {
    execute(ui::UiCommand(core::Command(std::move(command))));
  }
  bool wantsQuit() const { return quit_; }
  // The window's close button: quits, or asks first when lesions are not saved.
  void requestQuit();

  // Moves the camera transition and the nerve pulse on, and collects the desktop file
  // chooser's answer; true while something animates.
  bool advance(float seconds);
  bool animating() const;
  bool pulsing() const;
  void resetCamera();
  // Whether a left drag turns the view; in the flat axial slice it moves the picture instead.
  bool viewOrbits() const;
  void orbit(float dyaw, float dpitch);
  void pan(float dx, float dy);
  void zoomAt(float factor, int x, int y);
  void focusAt(int x, int y);
  void selectAt(int x, int y);
  void hoverAt(std::optional<std::pair<int, int>> pixel);

  void resizeView(int width, int height);
  void renderScene();
  // Draws a named view (as makeViewPreset frames it for the focus in the state), or the view on
  // screen for an empty name, into `target` on `background`, without changing what the window
  // shows. The handout's pictures are made this way.
  void renderViewInto(const std::string& viewName, render::RenderTarget& target,
                      const glm::vec3& background);

  ui::InterfaceModel interfaceModel(float scale) const;
  const core::TextCatalog& clinicalTexts() const;  // in the current language
  const core::TextCatalog& labels() const;
  ui::InterfaceState& interfaceState() { return interfaceState_; }
  const ui::InterfaceState& interfaceState() const { return interfaceState_; }
  const std::string& message() const { return message_; }
  // Opens the MRI report reader on a text file (the web page's picker hands it over).
  void openMriReport(const std::filesystem::path& file) {
    if (!mriReader_) execute(ui::OpenMriReader{});
    openMriReportFile(file);
  }
  // Shows a notice (the web page's word on a link it could not read).
  void notify(std::string text) { message_ = std::move(text); }
  // A dialog or question is open: keys go to it, not to the view's shortcuts.
  bool modalOpen() const;
  bool fileChooserOpen() const { return fileDialogs_.isOpen(); }
  bool mriReaderOpen() const { return mriReader_.has_value(); }
  bool symptomMapOpen() const { return symptomMap_ && symptomMapOpen_; }
  // The marks of "Where does it hurt?" saved in the scenario.
  core::SymptomPattern symptoms() const;
  bool waitingForDesktopChooser() const;
  const core::Settings& settings() const { return settings_; }
  // Lesions changed since they were last saved or opened.
  bool unsaved() const;

  // Writes the handout (PNG or, by the extension, PDF; see handout.h); a failure becomes the
  // message.
  void exportHandout(const std::filesystem::path& file);
  // What a handout of the current state says, in the current language.
  HandoutContent handoutContent() const;
  void saveScenario(const std::filesystem::path& file);
  void openScenario(const std::filesystem::path& file);

  // Asks the "test yourself" question of `seed` (the same seed, the same question).
  void askQuiz(std::uint32_t seed);
  // Called after every change of lesions or language: findings, texts, glow, lesion meshes.
  void refresh();

 private:
  void openModel(const std::filesystem::path& file);
  void backToAnatomy();
  void setScene(io::Scene scene, std::string name);
  void moveCameraTo(const std::string& view, bool animate);
  void applyStyle();
  void rebuildLesionMeshes();
  void updateQuizText();
  void chooseFile(ui::FileAction action);
  void actOn(const ChosenFile& chosen);
  void answer(ui::Answer answer);
  void rememberFile(const std::filesystem::path& file);
  void saveSettings();
  // The MRI report reader: reads the pasted text again and shows its lesions in the scene as a
  // preview (not an undo step) until they are added or the reader closes.
  void rereadMriReport();
  void openMriReportFile(const std::filesystem::path& file);
  // The lesions drawn and analysed: the state's, plus the reader's preview while it is open,
  // or the typical lesion of the candidate chosen in "Where does it hurt?".
  std::vector<core::Pathology> shownLesions() const;
  // "Where does it hurt?": ranks the marks again and rebuilds its panel; refreshes the scene
  // when the chosen candidate's lesion or path changes.
  void updateSymptomMap();
  void rebuildSymptomModel();
  void openSymptomMap();
  void closeSymptomMap();
  // The camera view for the state: the body map's while it is open.
  std::string currentView() const;
  // Throws ContentError naming `file` when the scenario's symptom marks are malformed.
  void checkSymptoms(const core::Scenario& scenario, const std::string& file) const;
  // The skin region (index, side) under a pixel of the view, if the skin is there.
  std::optional<std::pair<int, core::Side>> regionAt(int x, int y);

  std::unique_ptr<core::ClinicalEngine> engine_;
  core::PresetLibrary presets_;
  std::vector<core::TextCatalog> clinicalCatalogs_;  // en, es
  std::vector<core::TextCatalog> labelCatalogs_;     // en, es
  core::History history_;
  core::Findings findings_;
  core::FindingTexts texts_;
  std::vector<core::NerveHighlight> highlights_;
  std::vector<core::Pathology> meshedLesions_;
  std::vector<core::Pathology> savedLesions_;  // as last saved or opened

  std::unique_ptr<SceneView> view_;
  std::vector<Layer> layers_;
  bool anatomy_ = true;
  std::optional<io::Scene> anatomyScene_;  // kept while a model file is shown
  std::string modelName_;
  std::string shownView_;
  std::vector<std::string> hiddenByView_;
  render::OrbitCamera home_, from_, to_;
  float transition_ = 1.0f;
  bool cameraMoved_ = false;  // the user turned, moved or zoomed since the last view change
  float pulseSeconds_ = 0.0f;
  float pulseLeft_ = 0.0f;  // seconds the pulse still runs
  std::optional<std::string> hovered_;
  ui::InterfaceState interfaceState_;
  std::string message_;
  bool quit_ = false;
  std::uint32_t quizSeed_ = 0;  // the next question's; random per session
  core::QuizText quizText_;

  core::Settings settings_;
  std::optional<std::filesystem::path> settingsFile_;
  std::function<void(ui::FileAction)> pickFile_;
  std::function<void(const std::string&)> copyLink_;
  bool canQuit_ = true;
  // The scene's own language and mode (a link's, a scenario file's) are shown, not
  // remembered: they become the user's settings only once the user chooses them.
  bool languageFromScene_ = false;
  bool modeFromScene_ = false;
  FileDialogs fileDialogs_;
  ui::Question question_ = ui::Question::None;
  std::optional<std::filesystem::path> pendingOpen_;  // a scenario waiting for the answer
  bool quitAfterSave_ = false;
  std::optional<std::filesystem::path> openAfterSave_;

  core::MriSeverityTable mriTable_;
  std::optional<ui::MriReaderModel> mriReader_;  // set while the reader is open
  std::vector<core::Pathology> mriPreview_;      // what "Add to the scene" would add
  std::string mriProblem_;                       // why an opened report file was refused

  std::unique_ptr<SymptomMap> symptomMap_;  // built the first time "Where does it hurt?" opens
  bool symptomMapOpen_ = false;
  ui::SymptomMapModel symptomModel_;
  std::optional<std::pair<int, core::Side>> hoveredRegion_;
  core::SymptomPattern savedSymptoms_;  // as last saved or opened
};

}  // namespace radicula::app
