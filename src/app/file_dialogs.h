// FileDialogs runs the choosing of a file for open, save and export: the desktop's own chooser
// where one is installed, else the in-app one (ui/file_chooser.h). It starts in the folder
// last used, suggests a name that says what is in the file ("radicula-L5-S1-right.png") and
// replaces no file by accident, adds the extension, explains a refused name, and asks before
// replacing a file. What to do with the chosen file is the caller's.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/native_file_dialog.h"
#include "core/settings.h"
#include "core/text_catalog.h"
#include "ui/interface_model.h"
#include "ui/ui_command.h"

namespace radicula::app {

struct ChosenFile {
  ui::FileAction action = ui::FileAction::OpenScenario;
  std::filesystem::path path;
};

class FileDialogs {
 public:
  // `nativeTool`: "zenity", "kdialog" or empty for the in-app chooser. `wake` wakes the event
  // loop when the desktop chooser answers.
  FileDialogs(std::string nativeTool, std::function<void()> wake);
  ~FileDialogs();

  // Opens a chooser for `action`. `stem` names what is saved ("radicula-L5-S1-right"); the
  // folder is the one last used (from `settings`), else Documents or home.
  void open(ui::FileAction action, const std::string& stem, const core::Settings& settings,
            const core::TextCatalog& labels, ui::InterfaceState& ui);
  bool isOpen() const { return model_.has_value(); }
  const ui::FileChooserModel* model() const { return model_ ? &*model_ : nullptr; }
  void close();

  // Handles the chooser's own commands (go, take, replace, cancel); returns the file to act on
  // once the choice is final.
  std::optional<ChosenFile> handle(const ui::UiCommand& command, const core::TextCatalog& labels,
                                   ui::InterfaceState& ui);
  // The desktop chooser's answer, once there is one.
  std::optional<ChosenFile> poll(const core::TextCatalog& labels, ui::InterfaceState& ui);

  // Accepted extensions for an action, lower case with the dot; the first is the default.
  static std::vector<std::string> extensionsFor(ui::FileAction action);

 private:
  void show(const std::filesystem::path& folder, const core::TextCatalog& labels);
  std::optional<ChosenFile> take(const std::string& typed, const core::TextCatalog& labels,
                                 ui::InterfaceState& ui);

  std::string nativeTool_;
  std::function<void()> wake_;
  std::optional<ui::FileChooserModel> model_;
  std::unique_ptr<NativeFileDialog> native_;
};

// The folder a chooser starts in: the last one used if it still exists, else ~/Documents,
// else the home folder.
std::filesystem::path startFolder(const core::Settings& settings);

}  // namespace radicula::app
