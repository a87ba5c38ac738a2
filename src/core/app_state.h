// AppState is everything the user has chosen: the lesions (as a Scenario), the view, the
// language and mode, accessibility settings and the selection. Commands are plain values;
// `applyCommand` is a pure function from state and command to the next state, so the UI never
// mutates the domain directly, scripted tests can drive the app, and undo is a stack of past
// states.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/anatomy_ids.h"
#include "core/pathology.h"
#include "core/quiz.h"
#include "core/scenario.h"
#include "core/symptom_lookup.h"

namespace radicula::core {

enum class Mode { Patient, Student };
enum class Language { English, Spanish };

std::string_view toString(Mode mode);          // "patient", "student"
std::string_view toString(Language language);  // "en", "es"
std::optional<Mode> parseMode(std::string_view text);
std::optional<Language> parseLanguage(std::string_view text);

struct ViewState {
  std::string view = "side";  // side | posterior | axial | foramen | front | leg
  DiscLevel focusLevel = DiscLevel::L4L5;
  Side focusSide = Side::Left;
  float skinOpacity = 0.25f;  // x-ray sliders
  float boneOpacity = 1.0f;
  bool showNerves = true;  // layer toggles
  bool showSkin = true;
  bool showBones = true;
  bool showDiscs = true;
  // The axial view as MRI shows it: seen from the feet, the patient's left on the right of the
  // screen. False: seen from above, as in an anatomy atlas.
  bool axialFromFeet = true;
};

// A "test yourself" round: the question on screen, the answer once given, the score so far,
// and the user's own lesions, which come back when the round ends.
struct QuizState {
  QuizQuestion question;
  std::optional<int> answer;  // the option chosen; the findings stay hidden until then
  int asked = 0;
  int right = 0;
  std::vector<Pathology> before;
  std::vector<QuizQuestion> round;  // every question of the round so far, this one last
  bool answered() const { return answer.has_value(); }
};

struct AppState {
  Scenario scenario;
  ViewState view;
  Mode mode = Mode::Patient;
  Language language = Language::English;
  bool largeText = false;
  bool reduceMotion = false;
  std::optional<std::string> selected;  // glTF node name of the selected structure
  std::optional<QuizState> quiz;        // set while the user tests themselves
  // "Test yourself" names no level, zone or side in forward questions: the lesion is read from
  // the picture.
  bool quizFromView = false;
  // The score of the round that ended last ({right, asked}), shown until the next round starts.
  std::optional<std::pair<int, int>> lastQuizScore;

  // The scenario file the app saves: the lesions plus the view, language and mode, in the
  // same `radicula-scenario/1` format as any scenario (docs/contracts.md).
  Scenario toScenario() const;
  // Reads back the extra keys the app itself wrote; unknown or malformed values keep defaults.
  static AppState fromScenario(const Scenario& scenario);
};

namespace cmd {
struct AddPathology {
  Pathology pathology;
};
// Several lesions at once (read from an MRI report): one undo step.
struct AddPathologies {
  std::vector<Pathology> pathologies;
};
struct RemovePathology {
  int index = 0;
};
// `continuous` marks a later step of one slider drag: it merges into the undo step of the
// edit just before it when that edited the same lesion (the drag's first step is not
// continuous, so each drag is one undo step).
struct UpdatePathology {
  int index = 0;
  Pathology pathology;
  bool continuous = false;
};
struct ClearPathologies {};
struct ReplaceScenario {
  Scenario scenario;
};  // open a file or a preset
struct SetView {
  std::string view;
};
struct SetFocus {
  DiscLevel level = DiscLevel::L4L5;
  Side side = Side::Left;
};
struct SetLayerOpacity {
  std::string layer;
  float opacity = 1.0f;
};  // "skin", "bone"
struct SetLayerVisible {
  std::string layer;
  bool visible = true;
};  // "nerves", "skin", "bones", "discs"
struct SetMode {
  Mode mode = Mode::Patient;
};
struct SetLanguage {
  Language language = Language::English;
};
struct SetLargeText {
  bool on = false;
};
struct SetReduceMotion {
  bool on = false;
};
struct SetAxialFromFeet {
  bool on = true;
};
struct Select {
  std::optional<std::string> node;
};
// Shows a quiz question: its lesion replaces the lesions on screen (starting a round keeps the
// user's own to bring back) and the view turns to its level and side.
struct AskQuiz {
  QuizQuestion question;
};
// Answers the question on screen; only the first answer counts.
struct AnswerQuiz {
  int option = 0;
};
// Ends the round and brings back the user's own lesions.
struct EndQuiz {};
// Forward questions name no level, zone or side (the question on screen too, if unanswered).
struct SetQuizFromView {
  bool on = false;
};
// The marks of "Where does it hurt?" (saved with the scenario, one undo step each).
struct SetSymptoms {
  SymptomPattern pattern;
};
}  // namespace cmd

using Command =
    std::variant<cmd::AddPathology, cmd::AddPathologies, cmd::RemovePathology, cmd::UpdatePathology,
                 cmd::ClearPathologies, cmd::ReplaceScenario, cmd::SetView, cmd::SetFocus,
                 cmd::SetLayerOpacity, cmd::SetLayerVisible, cmd::SetMode, cmd::SetLanguage,
                 cmd::SetLargeText, cmd::SetReduceMotion, cmd::SetAxialFromFeet, cmd::Select,
                 cmd::AskQuiz, cmd::AnswerQuiz, cmd::EndQuiz, cmd::SetSymptoms,
                 cmd::SetQuizFromView>;

// A file name stem that says what the state shows, for saved scenarios and handouts:
// "radicula-L5-S1-right" for its first lesion, "radicula-piriformis-left", or
// "radicula-anatomy" without lesions.
std::string fileStem(const AppState& state);

// The next state. Adding or editing a lesion turns the view's focus (the level of the axial
// slab and foramen close-up, the side the side and leg views look at) to that lesion, so the
// views always show the lesion being worked on. Invalid commands (an index out of range, an unknown
// layer) leave the state as it is; severities and opacities are clamped to 0..1.
AppState applyCommand(const AppState& state, const Command& command);

// Whether a command changes the lesions (or the symptom marks saved with them), which is what
// undo and redo step through.
bool changesLesions(const Command& command);

// Undo and redo over lesion edits. View, language and mode changes are not undone: they are
// how the user looks, not what they built. Nor is a quiz round: undo and redo wait while one
// runs, and editing the lesions ends it first (bringing back the user's own to edit).
class History {
 public:
  explicit History(AppState initial = {}) : state_(std::move(initial)) {}

  const AppState& state() const { return state_; }
  void execute(const Command& command);
  bool canUndo() const { return !undo_.empty() && !state_.quiz; }
  bool canRedo() const { return !redo_.empty() && !state_.quiz; }
  void undo();
  void redo();
  // Replaces the state without an undo step (e.g. after loading settings); clears redo.
  void reset(AppState state);

  // Undo steps kept; older ones are forgotten, so a long session holds bounded memory.
  static constexpr std::size_t kMaxUndo = 200;

 private:
  AppState state_;
  std::vector<Scenario> undo_;
  std::vector<Scenario> redo_;
  std::optional<int> lastUpdateIndex_;
};

}  // namespace radicula::core
