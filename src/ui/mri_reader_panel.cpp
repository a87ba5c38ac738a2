#include "ui/mri_reader_panel.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace radicula::ui {

namespace {

// ImGui edits a char buffer; this lets it grow the std::string it lives in, and puts the
// cursor after the text when the field has just been given it (not selecting it all, so a
// reopened report is added to, not replaced by the first key).
int editText(ImGuiInputTextCallbackData* data) {
  auto* state = static_cast<InterfaceState*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    state->mriText.resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = state->mriText.data();
  } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && state->mriCursorToEnd) {
    data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
    state->mriCursorToEnd = false;
  }
  return 0;
}

// What was read: each statement in its lesion's colour or greyed with why, the lesions, and the
// findings the report hedges, which are not drawn.
void drawWhatWasRead(PanelFrame& f, const MriReaderModel& m, bool empty) {
  const ImGuiStyle& style = ImGui::GetStyle();
  if (m.pieces.empty()) {
    ImGui::TextDisabled("%s", f.label(empty ? "mri.empty" : "mri.none").c_str());
  } else {
    ImGui::TextUnformatted(f.label("mri.read").c_str());
    for (std::size_t i = 0; i < m.pieces.size(); ++i) {
      const auto& piece = m.pieces[i];
      ImGui::PushID(static_cast<int>(i));
      if (piece.lesion >= 0) {
        swatch(piece.color);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(piece.text.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered() && piece.lesion < static_cast<int>(m.lesions.size())) {
          ImGui::SetTooltip("%s", m.lesions[static_cast<std::size_t>(piece.lesion)].words.c_str());
        }
      } else {
        ImGui::Dummy(ImVec2(ImGui::GetTextLineHeight() * 0.7f, 1.0f));
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(piece.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
          ImGui::SetTooltip("%s",
                            f.model.labels->format("mri.not_made", {{"why", piece.why}}).c_str());
        }
      }
      ImGui::PopID();
    }
    if (!m.lesions.empty()) {
      ImGui::Separator();
      ImGui::TextUnformatted(f.label("mri.lesions").c_str());
      for (const auto& lesion : m.lesions) {
        swatch(lesion.color);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(lesion.words.c_str());
        ImGui::PopTextWrapPos();
      }
    }
    // Hedged findings stay visible, in words, so the reader knows the report raised them.
    if (!m.uncertain.empty()) {
      ImGui::Separator();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(f.label("mri.uncertain").c_str());
      ImGui::PushStyleColor(ImGuiCol_Text, kWarningText);
      for (const auto& words : m.uncertain) ImGui::BulletText("%s", words.c_str());
      ImGui::PopStyleColor();
      ImGui::PopTextWrapPos();
    }
  }
}

// Patient mode's plain sentence, then "Add to the scene" (Ctrl+Enter) and Cancel (Esc).
void drawSummaryAndButtons(PanelFrame& f, const MriReaderModel& m) {
  if (!m.summary.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(m.summary.c_str());
    ImGui::PopTextWrapPos();
  }
  const std::string apply = f.label("mri.apply");
  ImGui::BeginDisabled(m.lesions.empty());
  const bool ctrlEnter = ImGui::GetIO().KeyCtrl && keyPressed(ImGuiKey_Enter);
  if (ImGui::Button((apply + "###mri.apply").c_str()) || (ctrlEnter && !m.lesions.empty())) {
    f.emit(ApplyMriReport{});
  }
  ImGui::EndDisabled();
  f.traced("mri.apply", apply);
  ImGui::SameLine();
  const std::string cancel = f.label("dialog.cancel");
  if (ImGui::Button((cancel + "###mri.cancel").c_str()) ||
      (keyPressed(ImGuiKey_Escape) && f.model.fileChooser == nullptr)) {
    f.emit(CloseMriReader{});
  }
  f.traced("mri.cancel", cancel);
}

}  // namespace

void drawMriReader(PanelFrame& f, const Box& area) {
  const MriReaderModel* m = f.model.mriReader;
  if (m == nullptr) return;
  // Not a modal: it stands over the panels on the left, and the 3D view beside it shows the
  // lesions it reads as they are typed (and can still be turned to look at them).
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float s = f.scale();
  const float width = std::min(area.w, std::clamp(display.x * 0.5f, 420.0f * s, 760.0f * s));
  ImGui::SetNextWindowPos(ImVec2(area.x, area.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(std::max(1.0f, width), std::max(1.0f, area.h)), ImGuiCond_Always);
  if (f.state.focusMriText) ImGui::SetNextWindowFocus();
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  // Opaque: the panels under it must not show through the text.
  ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  background.w = 1.0f;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  const bool shown = ImGui::Begin((f.label("mri.title") + "###mri_reader").c_str(), nullptr, flags);
  ImGui::PopStyleColor();
  if (!shown) {
    ImGui::End();
    return;
  }
  if (f.trace != nullptr) {
    const ImVec2 pos = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    f.trace->controls["mri_reader"] = UiTrace::Rect{pos, ImVec2(pos.x + sz.x, pos.y + sz.y)};
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(f.label("mri.hint").c_str());
  ImGui::PopTextWrapPos();
  const std::string open = f.label("mri.open_file");
  if (ImGui::Button((open + "###mri.open_file").c_str())) {
    f.emit(ChooseFile{FileAction::OpenMriReport});
  }
  f.traced("mri.open_file", open);
  if (!m->problem.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningText);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(m->problem.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }

  // The text, then what was read from it, then the buttons.
  const float line = ImGui::GetFrameHeightWithSpacing();
  const float avail = ImGui::GetContentRegionAvail().y;
  const float buttons = line * 1.5f + (m->summary.empty() ? 0.0f : line * 2.5f);
  const float textHeight = std::max(line * 3.0f, (avail - buttons) * 0.42f);
  // Asked again each frame until the field has the cursor: a popup takes focus as it appears.
  if (f.state.focusMriText) {
    ImGui::SetKeyboardFocusHere();
    f.state.mriCursorToEnd = true;
  }
  std::string& text = f.state.mriText;
  // Escape in an ImGui text field puts back the text it had when it took the cursor; here
  // Escape closes the reader and the text is kept for the next time.
  const bool escape = keyPressed(ImGuiKey_Escape) && f.model.fileChooser == nullptr;
  const std::string beforeEscape = escape ? text : std::string();
  if (ImGui::InputTextMultiline(
          "###mri.text", text.data(), text.capacity() + 1, ImVec2(-1.0f, textHeight),
          ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways, editText,
          &f.state)) {
    f.emit(MriTextChanged{});
  }
  if (ImGui::IsItemActive()) f.state.focusMriText = false;
  if (escape) text = beforeEscape;
  f.traced("mri.text");

  ImGui::BeginChild("###mri.read", ImVec2(0, -buttons), true);
  drawWhatWasRead(f, *m, text.empty());
  ImGui::EndChild();

  drawSummaryAndButtons(f, *m);
  ImGui::End();
}

}  // namespace radicula::ui
