#include "app/file_dialogs.h"

#include <cstdio>

#include "io/file_choice.h"
#include "io/model_loader.h"

namespace radicula::app {

namespace fs = std::filesystem;

namespace {

bool forSaving(ui::FileAction a) {
  return a == ui::FileAction::SaveScenario || a == ui::FileAction::ExportHandout;
}

void setName(ui::InterfaceState& ui, const std::string& name) {
  std::snprintf(ui.fileName.data(), ui.fileName.size(), "%s", name.c_str());
}

std::string problemText(io::ChoiceProblem problem, const io::Choice& choice,
                        const std::vector<std::string>& extensions,
                        const core::TextCatalog& labels) {
  std::string all;
  for (const auto& e : extensions) all += (all.empty() ? "" : ", ") + e;
  const std::string file = choice.path.filename().string();
  switch (problem) {
    case io::ChoiceProblem::None:
      return "";
    case io::ChoiceProblem::Empty:
      return labels.get("file.problem.empty");
    case io::ChoiceProblem::IsFolder:
      return labels.format("file.problem.folder", {{"file", choice.path.string()}});
    case io::ChoiceProblem::NoSuchFolder:
      return labels.format("file.problem.no_folder",
                           {{"folder", choice.path.parent_path().string()}});
    case io::ChoiceProblem::NoSuchFile:
      return labels.format("file.problem.no_file", {{"file", file}});
    case io::ChoiceProblem::BadCharacters:
      return labels.get("file.problem.characters");
    case io::ChoiceProblem::WrongExtension:
      return labels.format("file.problem.extension", {{"file", file}, {"extensions", all}});
  }
  return "";
}

}  // namespace

fs::path startFolder(const core::Settings& settings) {
  std::error_code ec;
  if (!settings.lastFolder.empty() && fs::is_directory(settings.lastFolder, ec)) {
    return settings.lastFolder;
  }
  const fs::path home = io::homeFolder();
  if (fs::is_directory(home / "Documents", ec)) return home / "Documents";
  return home;
}

std::vector<std::string> FileDialogs::extensionsFor(ui::FileAction action) {
  switch (action) {
    case ui::FileAction::OpenScenario:
    case ui::FileAction::SaveScenario:
      return {".json"};
    case ui::FileAction::ExportHandout:
      return {".png", ".pdf"};
    case ui::FileAction::OpenModel:
      return io::supportedModelExtensions();
    case ui::FileAction::OpenMriReport:
      return {".txt"};
  }
  return {};
}

FileDialogs::FileDialogs(std::string nativeTool, std::function<void()> wake)
    : nativeTool_(std::move(nativeTool)), wake_(std::move(wake)) {}

FileDialogs::~FileDialogs() = default;

void FileDialogs::open(ui::FileAction action, const std::string& stem,
                       const core::Settings& settings, const core::TextCatalog& labels,
                       ui::InterfaceState& ui) {
  close();
  model_ = ui::FileChooserModel{};
  model_->action = action;
  model_->extensions = extensionsFor(action);
  for (const auto& f : settings.recentFiles) {
    const bool wanted = action == ui::FileAction::OpenModel       ? io::isSupportedModel(f)
                        : action == ui::FileAction::OpenMriReport ? f.extension() == ".txt"
                                                                  : f.extension() == ".json";
    if (wanted) model_->recent.push_back(f.string());
  }
  const fs::path folder = startFolder(settings);
  const std::string name =
      forSaving(action) ? io::unusedFileName(folder, stem, model_->extensions.front()) : "";
  setName(ui, name);
  ui.fileSelected = -1;
  ui.focusFileName = true;
  show(folder, labels);
  if (!nativeTool_.empty()) {
    NativeDialogRequest request;
    request.save = forSaving(action);
    request.title = labels.get(std::string("file.title.") + fileActionKey(action));
    request.folder = folder;
    request.suggestedName = name;
    request.filterName = labels.get(std::string("file.filter.") + fileActionKey(action));
    request.extensions = model_->extensions;
    native_ = std::make_unique<NativeFileDialog>(nativeTool_, request, wake_);
    model_->waitingForDesktop = true;
  }
}

void FileDialogs::close() {
  native_.reset();
  model_.reset();
}

void FileDialogs::show(const fs::path& folder, const core::TextCatalog& labels) {
  const io::FolderListing listing = io::listFolder(folder, model_->extensions);
  if (!listing.problem.empty() && model_->folder != folder.string() && !model_->folder.empty()) {
    // Stay where we were and say why the other folder cannot be shown.
    model_->problem = labels.format("file.problem.unreadable",
                                    {{"folder", folder.string()}, {"why", listing.problem}});
    return;
  }
  model_->folder = folder.string();
  model_->entries.clear();
  for (const auto& e : listing.entries) model_->entries.push_back({e.name, e.folder});
  model_->problem = listing.problem.empty()
                        ? ""
                        : labels.format("file.problem.unreadable",
                                        {{"folder", folder.string()}, {"why", listing.problem}});
}

std::optional<ChosenFile> FileDialogs::take(const std::string& typed,
                                            const core::TextCatalog& labels,
                                            ui::InterfaceState& ui) {
  const ui::FileAction action = model_->action;
  const io::Choice choice =
      io::resolveChoice(model_->folder, typed, model_->extensions, forSaving(action));
  if (choice.problem == io::ChoiceProblem::IsFolder) {
    // A folder typed or picked: show it, keeping the file name when one was suggested.
    show(choice.path, labels);
    if (!forSaving(action)) setName(ui, "");
    ui.fileSelected = -1;
    ui.focusFileName = true;
    return std::nullopt;
  }
  if (choice.problem != io::ChoiceProblem::None) {
    model_->problem = problemText(choice.problem, choice, model_->extensions, labels);
    ui.focusFileName = true;
    return std::nullopt;
  }
  if (forSaving(action) && choice.exists) {
    model_->replace = choice.path.string();
    model_->problem.clear();
    return std::nullopt;
  }
  ChosenFile chosen{action, choice.path};
  close();
  return chosen;
}

std::optional<ChosenFile> FileDialogs::handle(const ui::UiCommand& command,
                                              const core::TextCatalog& labels,
                                              ui::InterfaceState& ui) {
  if (!model_) return std::nullopt;
  if (const auto* go = std::get_if<ui::FileChooserGo>(&command)) {
    model_->replace.reset();
    show(fs::path(go->folder), labels);
    ui.fileSelected = -1;
    if (!forSaving(model_->action)) setName(ui, "");
  } else if (const auto* t = std::get_if<ui::FileChooserTake>(&command)) {
    if (!model_->waitingForDesktop) return take(t->name, labels, ui);
  } else if (std::holds_alternative<ui::FileChooserReplace>(command)) {
    if (model_->replace) {
      ChosenFile chosen{model_->action, fs::path(*model_->replace)};
      close();
      return chosen;
    }
  } else if (std::holds_alternative<ui::FileChooserCancel>(command)) {
    if (model_->replace) {
      // "Keep it": back to the name, to type another.
      model_->replace.reset();
      ui.focusFileName = true;
    } else {
      close();
    }
  }
  return std::nullopt;
}

std::optional<ChosenFile> FileDialogs::poll(const core::TextCatalog& labels,
                                            ui::InterfaceState& ui) {
  if (!native_ || !native_->finished()) return std::nullopt;
  const bool failed = native_->failed();
  const auto result = native_->result();
  native_.reset();
  model_->waitingForDesktop = false;
  if (failed) {
    // The desktop's chooser could not run: the in-app one takes over, already open.
    nativeTool_.clear();
    return std::nullopt;
  }
  if (!result) {
    close();
    return std::nullopt;
  }
  // The desktop chooser already asked about replacing; the checks still add a missing
  // extension and refuse a folder, in the in-app chooser where the user can fix the name.
  const io::Choice choice = io::resolveChoice(result->parent_path(), result->filename().string(),
                                              model_->extensions, forSaving(model_->action));
  if (choice.problem == io::ChoiceProblem::None &&
      !(choice.exists && forSaving(model_->action) && choice.path != *result)) {
    ChosenFile chosen{model_->action, choice.path};
    close();
    return chosen;
  }
  show(result->parent_path(), labels);
  setName(ui, result->filename().string());
  return take(result->filename().string(), labels, ui);
}

}  // namespace radicula::app
