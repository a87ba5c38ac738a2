#include "ui/symptom_map_panel.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/red_flag_view.h"

namespace radicula::ui {

namespace {

ImVec4 toImVec4(const std::array<float, 4>& c) {
  return ImVec4(c[0], c[1], c[2], 1.0f);
}

void wrappedText(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

void disabledText(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  wrappedText(text);
  ImGui::PopStyleColor();
}

// The button colour of a state: untested plain, abnormal amber, normal green-blue.
void pushTone(int tone) {
  if (tone == 1) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.72f, 0.45f, 0.05f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.82f, 0.53f, 0.10f, 1.0f));
  } else if (tone == 2) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.45f, 0.42f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.05f, 0.55f, 0.52f, 1.0f));
  } else {
    const ImVec4 b = ImGui::GetStyle().Colors[ImGuiCol_Button];
    ImGui::PushStyleColor(ImGuiCol_Button, b);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyle().Colors[ImGuiCol_ButtonHovered]);
  }
}

// A table of rows (movements or reflexes) with a button per side that steps its state.
template <typename Emit>
void stateTable(PanelFrame& f, const char* id, const std::vector<SymptomMapModel::Row>& rows,
                const std::string& tag, Emit emit) {
  const float s = f.scale();
  float stateWidth = 0.0f;
  for (const auto& row : rows) {
    for (const auto& st : row.state) stateWidth = std::max(stateWidth, buttonWidth(st));
  }
  stateWidth = std::max(stateWidth, 70.0f * s);
  if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("###what", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("###left", ImGuiTableColumnFlags_WidthFixed, stateWidth);
  ImGui::TableSetupColumn("###right", ImGuiTableColumnFlags_WidthFixed, stateWidth);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", f.label("side.left").c_str());
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", f.label("side.right").c_str());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    ImGui::PushID(static_cast<int>(r));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    wrappedText(row.words);
    for (int side = 0; side < 2; ++side) {
      ImGui::TableNextColumn();
      pushTone(row.tone[static_cast<std::size_t>(side)]);
      const std::string text = row.state[static_cast<std::size_t>(side)];
      if (ImGui::Button((text + "###" + std::to_string(side)).c_str(), ImVec2(stateWidth, 0))) {
        emit(row.id, side == 0 ? core::Side::Left : core::Side::Right);
      }
      ImGui::PopStyleColor(2);
      f.traced(tag + "." + row.id + "." + (side == 0 ? "left" : "right"), text);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void drawSymptomMap(PanelFrame& f, const Box& area) {
  const SymptomMapModel* m = f.model.symptomMap;
  if (m == nullptr) return;
  const float s = f.scale();
  // Beside the body, not over it: the view on the right is where the skin is marked.
  const float width = area.w;
  ImGui::SetNextWindowPos(ImVec2(area.x, area.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(std::max(1.0f, width), std::max(1.0f, area.h)), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  background.w = 1.0f;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  const bool shown =
      ImGui::Begin((f.label("symptoms.title") + "###symptom_map").c_str(), nullptr, flags);
  ImGui::PopStyleColor();
  if (!shown) {
    ImGui::End();
    return;
  }
  if (f.trace != nullptr) {
    const ImVec2 pos = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    f.trace->controls["symptom_map"] = UiTrace::Rect{pos, ImVec2(pos.x + sz.x, pos.y + sz.y)};
  }

  // Red flags before anything else, whatever the ranking says, each in its grade's colour.
  for (std::size_t i = 0; i < m->redFlags.size(); ++i) {
    drawRedFlagBox(f, m->redFlags[i],
                   i == 0 ? "symptoms.red_flag" : "symptoms.red_flag." + std::to_string(i));
  }
  ImGui::PushStyleColor(ImGuiCol_Text, kWarningText);
  wrappedText(m->caution);
  ImGui::PopStyleColor();
  f.traced("symptoms.caution", m->caution);

  // The marks above, what explains them below, each scrolling on its own so the answer stays
  // in view while the marks are made.
  const float footer = ImGui::GetFrameHeightWithSpacing() * 1.3f;
  const float rest = ImGui::GetContentRegionAvail().y - footer;
  // A short window (800x600, large text) scrolls marks and candidates as one list instead: two
  // lists of three lines each would show neither.
  const bool split = rest > ImGui::GetFrameHeightWithSpacing() * 16.0f;
  const float candidatesHeight =
      split ? std::max(ImGui::GetFrameHeightWithSpacing() * 4.0f, rest * 0.45f) : 0.0f;
  ImGui::BeginChild("###symptoms.body", ImVec2(0, std::max(1.0f, rest - candidatesHeight)), false);
  // Where: click the body; turn it; the saddle has its own box.
  wrappedText(f.label("symptoms.click_hint"));
  const std::string front = f.label("symptoms.front"), back = f.label("symptoms.back");
  if (ImGui::RadioButton((front + "###symptoms.front").c_str(), !m->back)) {
    f.emit(TurnSymptomMap{false});
  }
  f.traced("symptoms.front", front);
  ImGui::SameLine();
  if (ImGui::RadioButton((back + "###symptoms.back").c_str(), m->back)) {
    f.emit(TurnSymptomMap{true});
  }
  f.traced("symptoms.back", back);
  bool saddle = m->saddle;
  const std::string saddleText = f.label("symptoms.saddle");
  // The box alone, then its words wrapped beside it: a checkbox label cannot wrap.
  if (ImGui::Checkbox("###symptoms.saddle", &saddle)) {
    // Numbness between the legs is one area across the midline: marked on both sides.
    f.emit(ToggleSymptomRegion{"saddle", core::Side::Left});
    f.emit(ToggleSymptomRegion{"saddle", core::Side::Right});
  }
  f.traced("symptoms.saddle", saddleText);
  ImGui::SameLine();
  wrappedText(saddleText);
  if (m->regions.empty()) {
    disabledText(f.label("symptoms.no_regions"));
  } else {
    for (std::size_t i = 0; i < m->regions.size(); ++i) {
      const auto& r = m->regions[i];
      ImGui::PushID(static_cast<int>(i));
      swatch(m->markColor);
      // The × unmarks it, as a second click on the body does.
      if (ImGui::SmallButton("x")) f.emit(ToggleSymptomRegion{r.id, r.side});
      f.traced("symptoms.unmark." + r.id + "." + (r.side == core::Side::Left ? "left" : "right"));
      ImGui::SameLine();
      wrappedText(r.words);
      ImGui::PopID();
    }
  }

  ImGui::SetNextItemOpen(split, ImGuiCond_Appearing);
  if (ImGui::CollapsingHeader((f.label("symptoms.movements") + "###symptoms.movements").c_str())) {
    stateTable(f, "###movements", m->movements, "symptoms.movement",
               [&](const std::string& id, core::Side side) {
                 f.emit(CycleMovement{id, side});
               });
  }
  ImGui::SetNextItemOpen(f.model.state->mode == core::Mode::Student, ImGuiCond_Appearing);
  if (ImGui::CollapsingHeader((f.label("symptoms.reflexes") + "###symptoms.reflexes").c_str())) {
    stateTable(f, "###reflexes", m->reflexes, "symptoms.reflex",
               [&](const std::string& id, core::Side side) {
                 f.emit(CycleReflex{id, side});
               });
  }

  if (split) {
    ImGui::EndChild();
    ImGui::BeginChild("###symptoms.candidates", ImVec2(0, std::max(1.0f, candidatesHeight)), true);
  } else {
    ImGui::Separator();
  }
  wrappedText(f.label("symptoms.candidates"));
  if (m->candidates.empty()) {
    disabledText(f.label("symptoms.no_candidates"));
  } else {
    if (m->chosen < 0) disabledText(f.label("symptoms.choose_hint"));
    // The legend on one line where it fits.
    const std::string marked = f.label("symptoms.legend_marked");
    const std::string reach = f.label("symptoms.legend_reach");
    const float square = ImGui::GetTextLineHeight() * 0.7f + ImGui::GetStyle().ItemSpacing.x;
    swatch(m->markColor);
    ImGui::TextUnformatted(marked.c_str());
    sameLineIfRoom(square + ImGui::CalcTextSize(reach.c_str()).x + 8.0f * s);
    swatch(m->reachColor);
    wrappedText(reach);
  }
  for (std::size_t i = 0; i < m->candidates.size(); ++i) {
    const auto& c = m->candidates[i];
    ImGui::PushID(static_cast<int>(i));
    const bool chosen = static_cast<int>(i) == m->chosen;
    const std::string title =
        std::to_string(i + 1) + ". " + c.title + "  " + std::to_string(c.percent) + "%";
    // A selectable cannot wrap: long names (two nerves, Spanish) break between words instead.
    const std::string titleLines = wrapped(title, ImGui::GetContentRegionAvail().x);
    const float lines =
        static_cast<float>(std::count(titleLines.begin(), titleLines.end(), '\n') + 1);
    if (ImGui::Selectable((titleLines + "###candidate").c_str(), chosen, 0,
                          ImVec2(0, ImGui::GetTextLineHeight() * lines))) {
      f.emit(ChooseCandidate{static_cast<int>(i)});
    }
    f.traced("symptoms.candidate." + std::to_string(i), title);
    // A candidate just chosen scrolls to the top of the list, its why and button under it.
    if (chosen && f.state.symptomChosenShown != m->chosen) {
      ImGui::SetScrollHereY(0.0f);
      f.state.symptomChosenShown = m->chosen;
    }
    // How well it fits, as a bar under its name.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(
        p, ImVec2(p.x + w * static_cast<float>(c.percent) / 100.0f, p.y + 3.0f * s),
        ImGui::ColorConvertFloat4ToU32(toImVec4(m->reachColor)));
    ImGui::Dummy(ImVec2(w, 4.0f * s));
    if (chosen || i == 0) {
      ImGui::Indent();
      const auto list = [&](const char* key, const std::vector<std::string>& items) {
        if (items.empty()) return;
        std::string line = f.label(key);
        for (std::size_t k = 0; k < items.size(); ++k) line += (k ? "; " : " ") + items[k];
        wrappedText(line);
      };
      list("symptoms.explains", c.explains);
      list("symptoms.unexplained", c.unexplained);
      list("symptoms.contradicted", c.contradicted);
      if (chosen && !c.lesion.empty()) {
        wrappedText(f.model.labels->format("symptoms.typical", {{"lesion", c.lesion}}));
        const std::string add = f.label("symptoms.add_lesion");
        if (ImGui::Button((add + "###symptoms.add").c_str())) f.emit(AddCandidateLesion{});
        f.traced("symptoms.add", add);
      }
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();

  const std::string clear = f.label("symptoms.clear");
  if (ImGui::Button((clear + "###symptoms.clear").c_str())) f.emit(ClearSymptoms{});
  f.traced("symptoms.clear", clear);
  ImGui::SameLine();
  const std::string close = f.label("symptoms.close");
  if (ImGui::Button((close + "###symptoms.close").c_str())) f.emit(CloseSymptomMap{});
  f.traced("symptoms.close", close);
  ImGui::End();
}

}  // namespace radicula::ui
