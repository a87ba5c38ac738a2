// A UiCommand is what the interface asks for when the user acts on a control: either a domain
// command for AppState (add a lesion, change the view, switch language) or an app action (undo,
// save, choose a file). Panels never change the app themselves; the app applies what they
// return, which keeps the UI free of domain rules and lets tests check what a click asks for.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/app_state.h"
#include "ui/interface_model.h"

namespace radicula::ui {

struct Undo {};
struct Redo {};
struct ResetCamera {};
struct ToggleHelp {};
struct TogglePresentation {};
struct DismissMessage {};
struct Quit {};
// Acts on a file directly (a recent file, a dropped file, the command line).
struct OpenScenario {
  std::string path;
};
struct SaveScenario {
  std::string path;
};
struct OpenModel {
  std::string path;
};
struct ExportHandout {
  std::string path;
};
// Back from a model file to Radicula's own anatomy, with the lesions as they were.
struct BackToAnatomy {};
struct LoadPreset {
  std::string id;
};
// A new "test yourself" question (starting a round if none runs); the app draws it from the
// clinical engine.
struct NewQuizQuestion {};

// The MRI report reader: open it, read the text again after an edit, add what it read to the
// scene (one undo step), or close it.
struct OpenMriReader {};
struct MriTextChanged {};
struct ApplyMriReport {};
struct CloseMriReader {};

// "Where does it hurt?": open or close it, turn the body, mark a skin region (a click on the
// view or a listed mark's ×), step a movement through untested, weak and strong or a reflex
// through its changes, choose a candidate to light its path, add its typical lesion to the
// scene, or clear the marks. Each change of the marks is one undo step.
// The web page: the scene as a link on the clipboard.
struct CopyLink {};
struct OpenSymptomMap {};
struct CloseSymptomMap {};
struct TurnSymptomMap {
  bool back = false;
};
struct ToggleSymptomRegion {
  std::string region;
  core::Side side = core::Side::Left;
};
struct CycleMovement {
  std::string movement;
  core::Side side = core::Side::Left;
};
struct CycleReflex {
  std::string reflex;
  core::Side side = core::Side::Left;
};
struct ChooseCandidate {
  int index = -1;  // -1: none
};
struct AddCandidateLesion {};
struct ClearSymptoms {};

// The file chooser: open it for an action, show another folder, take the typed or picked
// name, answer "replace it?", or close it.
struct ChooseFile {
  FileAction action = FileAction::OpenScenario;
};
struct FileChooserGo {
  std::string folder;
};
struct FileChooserTake {
  std::string name;  // as typed: a name, a relative or an absolute path
};
struct FileChooserReplace {};
struct FileChooserCancel {};

// The answer to a Question: save first, go on without saving, or stay.
enum class Answer { Save, Discard, Cancel };
struct AnswerQuestion {
  Answer answer = Answer::Cancel;
};

using UiCommand =
    std::variant<core::Command, Undo, Redo, ResetCamera, ToggleHelp, TogglePresentation,
                 DismissMessage, Quit, OpenScenario, SaveScenario, OpenModel, ExportHandout,
                 BackToAnatomy, LoadPreset, NewQuizQuestion, ChooseFile, FileChooserGo,
                 FileChooserTake, FileChooserReplace, FileChooserCancel, AnswerQuestion,
                 OpenMriReader, MriTextChanged, ApplyMriReport, CloseMriReader, OpenSymptomMap,
                 CloseSymptomMap, TurnSymptomMap, ToggleSymptomRegion, CycleMovement, CycleReflex,
                 ChooseCandidate, AddCandidateLesion, ClearSymptoms, CopyLink>;
using UiCommands = std::vector<UiCommand>;

}  // namespace radicula::ui
