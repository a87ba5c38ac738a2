#include "ui/file_chooser.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace radicula::ui {

namespace {

bool opens(FileAction action) {
  return action == FileAction::OpenScenario || action == FileAction::OpenModel ||
         action == FileAction::OpenMriReport;
}

}  // namespace

void drawFileChooser(PanelFrame& f) {
  const FileChooserModel* m = f.model.fileChooser;
  const std::string key = m != nullptr ? fileActionKey(m->action) : "open_scenario";
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float s = f.scale();
  const ImVec2 size(std::max(1.0f, std::min(760.0f * s, display.x - 20.0f)),
                    std::max(1.0f, std::min(560.0f * s, display.y - 20.0f)));
  if (!beginModal(f.label("file.title." + key), "###file_chooser", m != nullptr, size)) return;
  if (f.trace != nullptr) {
    f.trace->controls["file_chooser"] = UiTrace::Rect{
        ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                      ImGui::GetWindowPos().y + ImGui::GetWindowSize().y)};
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  if (m->waitingForDesktop) {
    // The desktop's own chooser is open in its own window; this one only waits for it.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(f.label("file.desktop").c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(f.id("dialog.cancel", "file.cancel").c_str()) ||
        keyPressed(ImGuiKey_Escape)) {
      f.emit(FileChooserCancel{});
    }
    f.traced("file.cancel", f.label("dialog.cancel"));
    ImGui::EndPopup();
    return;
  }

  // The folder shown, with a way up.
  const std::string up = f.label("file.up");
  if (ImGui::Button((up + "###file.up").c_str())) {
    const std::string parent = std::filesystem::path(m->folder).parent_path().string();
    f.emit(FileChooserGo{parent.empty() ? m->folder : parent});
  }
  f.traced("file.up", up);
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(m->folder.c_str());
  ImGui::PopTextWrapPos();

  // Room under the list for recent files, the name, the reason and the buttons.
  const float line = ImGui::GetFrameHeightWithSpacing();
  const bool showRecent = opens(m->action) && !m->recent.empty();
  float below = line * 3.2f + (m->problem.empty() ? 0 : line * 1.6f) +
                (m->replace ? line * 2.2f : 0) +
                (showRecent ? line * (1.0f + std::min<std::size_t>(m->recent.size(), 3)) : 0);
  below = std::min(below, ImGui::GetContentRegionAvail().y - line * 2);
  // Up and Down walk the list while the name is being typed, as in a desktop file dialog: the
  // name takes the entry's (a folder's with a slash, so Enter opens it).
  const int count = static_cast<int>(m->entries.size());
  int moved = 0;
  if (ImGui::GetIO().WantTextInput && count > 0) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) moved = 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) moved = -1;
  }
  if (moved != 0) {
    f.state.fileSelected = std::clamp(f.state.fileSelected + moved, 0, count - 1);
    const auto& e = m->entries[f.state.fileSelected];
    std::snprintf(f.state.fileName.data(), f.state.fileName.size(), "%s%s", e.name.c_str(),
                  e.folder ? "/" : "");
    // The field shows a new text only once it is entered again.
    ImGui::ClearActiveID();
    f.state.focusFileName = true;
  }
  ImGui::BeginChild("###file.entries", ImVec2(0, -below), true);
  for (int i = 0; i < count; ++i) {
    const auto& e = m->entries[i];
    const std::string text = e.folder ? "▸ " + e.name + "/" : "   " + e.name;
    ImGui::PushID(i);
    if (ImGui::Selectable(text.c_str(), f.state.fileSelected == i,
                          ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.folder) {
        f.emit(FileChooserGo{(std::filesystem::path(m->folder) / e.name).string()});
      } else {
        f.state.fileSelected = i;
        std::snprintf(f.state.fileName.data(), f.state.fileName.size(), "%s", e.name.c_str());
        if (ImGui::IsMouseDoubleClicked(0)) f.emit(FileChooserTake{e.name});
      }
    }
    if (moved != 0 && i == f.state.fileSelected) ImGui::SetScrollHereY();
    f.traced("file.entry." + e.name, text);
    ImGui::PopID();
  }
  if (m->entries.empty()) ImGui::TextDisabled("%s", f.label("file.empty_folder").c_str());
  ImGui::EndChild();

  if (showRecent) {
    ImGui::TextDisabled("%s", f.label("file.recent").c_str());
    for (std::size_t i = 0; i < std::min<std::size_t>(m->recent.size(), 3); ++i) {
      ImGui::PushID(static_cast<int>(1000 + i));
      if (ImGui::Selectable(m->recent[i].c_str())) f.emit(FileChooserTake{m->recent[i]});
      f.traced("file.recent." + std::to_string(i), m->recent[i]);
      ImGui::PopID();
    }
  }

  // The name, with the cursor in it when the chooser opens or a name was refused.
  const std::string nameLabel = f.label("file.name");
  ImGui::TextUnformatted(nameLabel.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  if (f.state.focusFileName) {
    ImGui::SetKeyboardFocusHere();
    f.state.focusFileName = false;
  }
  const bool entered =
      ImGui::InputText("###file.name", f.state.fileName.data(), f.state.fileName.size(),
                       ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  f.traced("file.name", nameLabel);
  const bool typing = ImGui::IsItemActive();
  if (!m->problem.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningText);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(m->problem.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    f.traced("file.problem", "");
  }
  const std::string name(f.state.fileName.data());
  if (m->replace) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        f.model.labels->format("file.replace_question", {{"file", *m->replace}}).c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(f.id("file.replace", "file.replace").c_str())) f.emit(FileChooserReplace{});
    f.traced("file.replace", f.label("file.replace"));
    ImGui::SameLine();
    if (ImGui::Button(f.id("file.keep", "file.keep").c_str()) || keyPressed(ImGuiKey_Escape)) {
      f.emit(FileChooserCancel{});
    }
    f.traced("file.keep", f.label("file.keep"));
    ImGui::EndPopup();
    return;
  }
  const std::string action = f.label("file.do." + key);
  const bool ok = ImGui::Button((action + "###file.ok").c_str());
  f.traced("file.ok", action);
  ImGui::SameLine();
  const bool cancel = ImGui::Button(f.id("dialog.cancel", "file.cancel").c_str());
  f.traced("file.cancel", f.label("dialog.cancel"));
  ImGui::SameLine();
  if (!m->extensions.empty()) {
    ImGui::TextDisabled(
        "%s", f.model.labels->format("file.extension_hint", {{"extension", m->extensions.front()}})
                  .c_str());
  }
  // Enter takes the name even when the cursor is no longer in the field.
  const bool enter =
      entered || (!typing && (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter)));
  if (ok || enter) {
    f.emit(FileChooserTake{name});
  } else if (cancel || keyPressed(ImGuiKey_Escape)) {
    f.emit(FileChooserCancel{});
  }
  (void)style;
  ImGui::EndPopup();
}

void drawQuestion(PanelFrame& f) {
  const Question q = f.model.question;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float width = std::max(1.0f, std::min(560.0f * f.scale(), display.x - 20.0f));
  const std::string key = q == Question::QuitWithUnsaved ? "quit" : "open";
  if (!beginModal(f.label("question.title"), "###question", q != Question::None,
                  ImVec2(width, 0))) {
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(f.label("question." + key).c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const std::string save = f.label("question.save"), discard = f.label("question.discard." + key),
                    cancel = f.label("dialog.cancel");
  if (ImGui::Button((save + "###question.save").c_str())) f.emit(AnswerQuestion{Answer::Save});
  f.traced("question.save", save);
  sameLineIfRoom(buttonWidth(discard));
  if (ImGui::Button((discard + "###question.discard").c_str())) {
    f.emit(AnswerQuestion{Answer::Discard});
  }
  f.traced("question.discard", discard);
  sameLineIfRoom(buttonWidth(cancel));
  if (ImGui::Button((cancel + "###question.cancel").c_str()) || keyPressed(ImGuiKey_Escape)) {
    f.emit(AnswerQuestion{Answer::Cancel});
  }
  f.traced("question.cancel", cancel);
  ImGui::EndPopup();
}

}  // namespace radicula::ui
