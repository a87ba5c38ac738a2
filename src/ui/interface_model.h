// What the interface shows, gathered by the app each frame: the state, the findings and their
// texts, the label catalogues, the file chooser or question on screen, and a little about the
// scene. Panels only read it.
// InterfaceState is the interface's own memory between frames (the tab shown, the text typed
// into the file chooser); the app owns it, so panels keep no static locals.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/findings.h"
#include "core/preset_library.h"
#include "core/quiz.h"
#include "core/text_catalog.h"

struct ImFont;

namespace radicula::ui {

// What a file is chosen for.
enum class FileAction { OpenScenario, SaveScenario, OpenModel, ExportHandout, OpenMriReport };

// The action's name in label keys: "open_scenario", "save_scenario", "open_model",
// "export_handout" (e.g. "file.title.save_scenario").
inline const char* fileActionKey(FileAction action) {
  switch (action) {
    case FileAction::OpenScenario:
      return "open_scenario";
    case FileAction::SaveScenario:
      return "save_scenario";
    case FileAction::OpenModel:
      return "open_model";
    case FileAction::ExportHandout:
      return "export_handout";
    case FileAction::OpenMriReport:
      return "open_mri_report";
  }
  return "open_scenario";
}

// The in-app file chooser, as the app has prepared it: the folder shown and what is in it,
// recent files, and why the last choice was refused (in the user's language).
struct FileChooserModel {
  FileAction action = FileAction::OpenScenario;
  std::string folder;
  struct Entry {
    std::string name;
    bool folder = false;
  };
  std::vector<Entry> entries;
  std::vector<std::string> recent;      // full paths, newest first (open dialogs)
  std::vector<std::string> extensions;  // accepted, with the dot; the first is added
  std::string problem;                  // why the last name was refused; empty for none
  std::optional<std::string> replace;   // a file that exists: replace it? (saving)
  bool waitingForDesktop = false;       // the desktop's own chooser is open instead
};

// The MRI report reader, as the app has read the pasted text: its statements in order, each
// that made a lesion in that lesion's colour, the others with why they made nothing; the
// lesions "Add to the scene" would add, in words.
struct MriReaderModel {
  struct Piece {
    std::string text;
    int lesion = -1;  // index into `lesions`; -1: made nothing
    std::array<float, 4> color{};
    std::string why;  // for a piece that made nothing
  };
  std::vector<Piece> pieces;
  struct Lesion {
    std::string words;  // "Herniated disc, L4/L5, left (extrusion)"
    std::array<float, 4> color{};
  };
  std::vector<Lesion> lesions;
  // Findings the report hedges ("possible", "cannot exclude"), in words: listed, not drawn.
  std::vector<std::string> uncertain;
  std::string summary;  // patient mode: what the report describes, in plain words
  std::string problem;  // why an opened file cannot be read; empty for none
};

// A graded red flag in words: what to do in a few words ("Go to emergency care today"), its
// title and what it means. Shown in the grade's own colour.
struct RedFlagWords {
  core::Urgency urgency = core::Urgency::Emergency;
  std::string action, title, text;
};

// "Where does it hurt?", as the app has ranked the marks: what is marked, in words; each
// movement and reflex with its state on each side; the candidates best first with their why;
// the red flags first of all.
struct SymptomMapModel {
  bool back = false;    // the body seen from behind
  std::string hovered;  // the skin region under the pointer, in words; empty for none
  struct Region {
    std::string id;
    core::Side side = core::Side::Left;
    std::string words;  // "top of the foot (left)"
  };
  std::vector<Region> regions;  // marked, in the order marked
  bool saddle = false;          // the saddle area is marked
  // A movement or reflex row: its state on the left and the right, in words, and how to colour
  // it (0 untested, 1 abnormal: weak or a reflex changed, 2 normal: strong or a normal reflex).
  struct Row {
    std::string id;
    std::string words;
    std::array<std::string, 2> state;  // [left, right]
    std::array<int, 2> tone{};
  };
  std::vector<Row> movements;
  std::vector<Row> reflexes;
  struct Candidate {
    std::string title;                                             // "L5 root (left)"
    int percent = 0;                                               // how well it fits, 0..100
    std::vector<std::string> explains, unexplained, contradicted;  // in words
    std::string lesion;  // a typical lesion in words; empty for none
  };
  std::vector<Candidate> candidates;   // best first
  int chosen = -1;                     // lit in the view
  std::vector<RedFlagWords> redFlags;  // most urgent first
  std::string caution;                 // it explains patterns, it does not diagnose
  std::array<float, 4> markColor{};
  std::array<float, 4> reachColor{};
};

// A question the user must answer before something is lost.
enum class Question { None, QuitWithUnsaved, OpenOverUnsaved };

struct InterfaceModel {
  const core::AppState* state = nullptr;
  const core::Findings* findings = nullptr;     // null when a foreign model is shown
  const core::FindingTexts* texts = nullptr;    // in the state's language
  const core::TextCatalog* labels = nullptr;    // interface labels (content/i18n/ui)
  const core::TextCatalog* clinical = nullptr;  // clinical names (content/i18n)
  const core::PresetLibrary* presets = nullptr;
  const core::QuizText* quiz = nullptr;  // the question on screen in words, while a round runs
  const FileChooserModel* fileChooser = nullptr;  // the file chooser on screen, if any
  const MriReaderModel* mriReader = nullptr;      // the MRI report reader on screen, if any
  const SymptomMapModel* symptomMap = nullptr;    // "Where does it hurt?" on screen, if any
  Question question = Question::None;
  std::vector<std::string> recentFiles;  // for File > Open recent, newest first
  bool anatomy = true;  // false: a model file is open, lesions and findings do not apply
  bool canUndo = false;
  bool canRedo = false;
  bool canCopyLink = false;  // the web page: File > Copy link
  bool canQuit = true;       // false on the web page: a tab is closed, not quit
  bool viewOrbits = true;    // false: a left drag moves the picture (the flat axial slice)
  std::string modelName;
  std::string message;                 // a notice or error for the user; empty for none
  std::optional<std::string> hovered;  // node name under the cursor
  float scale = 1.0f;                  // text and spacing scale (high-DPI, large text)
  float touchTarget = 0.0f;            // a finger's smallest target in units (0: a mouse)
  ImFont* titleFont = nullptr;         // large bold type for presentation captions
};

enum class PanelTab { Lesions, Findings, View };

struct InterfaceState {
  bool showHelp = false;
  bool presentation = false;          // the 3D view fills the window, with a large caption
  PanelTab tab = PanelTab::Lesions;   // shown when the panels share one column
  bool panelCollapsed = false;        // that column folded to a strip of tabs
  std::array<char, 1024> fileName{};  // the name typed into the file chooser
  bool focusFileName = false;         // put the cursor in the name field next frame
  int fileSelected = -1;              // entry highlighted in the file chooser
  int dragLesion = -1;                // lesion whose severity slider is being dragged
  std::string mriText;                // the report text pasted into the MRI reader
  bool focusMriText = false;          // put the cursor in the report text next frame
  bool mriCursorToEnd = false;        // … after the text, not selecting it
  int symptomChosenShown = -1;        // the chosen candidate the list last scrolled to
  float sheetOpen = 0.0f;  // the sheet of a tall window: 0 resting under the view, 1 pulled up
  // A finger's scroll for this frame in interface units (positive: the content moves up) at
  // (touchX, touchY): the sheet takes it first, then the window under the finger. 0: none.
  float touchScroll = 0.0f;
  float touchX = 0.0f, touchY = 0.0f;
  // A long press on the view names the structure under the finger, above it.
  bool fingerLabel = false;
  float fingerX = 0.0f, fingerY = 0.0f;
};

}  // namespace radicula::ui
