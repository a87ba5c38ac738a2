#include "ui/viewer_panel.h"

#include <imgui.h>

#include <cctype>

namespace radicula::ui {

namespace {

// A section heading: a little space, the title, a rule.
void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", title);
  ImGui::Separator();
}

std::string titleCase(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  for (auto& c : text) c = c == '_' ? ' ' : c;
  return text;
}

}  // namespace

const std::vector<Shortcut>& viewerShortcuts() {
  static const std::vector<Shortcut> shortcuts = {
      {"Left drag", "turn the view"},
      {"Right drag / Shift + left drag", "move the view"},
      {"Wheel", "zoom toward the cursor"},
      {"Double-click", "centre on the point under the cursor"},
      {"1 … 6", "side, posterior, axial, foramen, front, leg view"},
      {"R", "reset the view"},
      {"F1 or H", "show or hide this help"},
      {"Drop a file", "open a model (glTF, OBJ, STL, PLY, FBX, COLLADA)"},
  };
  return shortcuts;
}

UiCommands drawViewerPanel(const ViewerPanelModel& model, UiTrace* trace) {
  UiCommands commands;
  const auto traced = [&](const std::string& label) {
    if (trace != nullptr) trace->record(label);
  };

  const float pad = 12.0f * model.uiScale;
  ImGui::SetNextWindowPos(ImVec2(pad, pad), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300.0f * model.uiScale, 0.0f), ImGuiCond_FirstUseEver);
  ImGui::Begin("Radicula", nullptr, ImGuiWindowFlags_AlwaysAutoResize);

  ImGui::TextUnformatted(model.modelName.c_str());
  ImGui::TextDisabled("%zu triangles", model.triangles);

  section("View");
  int column = 0;
  for (const auto& view : model.views) {
    const std::string label = titleCase(view);
    const bool current = view == model.currentView;
    if (current)
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label.c_str(), ImVec2(88.0f * model.uiScale, 0.0f)))
      commands.push_back(SetView{view});
    traced(label);
    if (current) ImGui::PopStyleColor();
    if (++column % 3 != 0) ImGui::SameLine();
  }
  if (column % 3 != 0) ImGui::NewLine();
  if (ImGui::Button("Reset view")) commands.push_back(ResetCamera{});
  traced("Reset view");

  section("X-ray");
  float skin = model.skinOpacity;
  if (ImGui::SliderFloat("Skin", &skin, 0.0f, 1.0f, "%.2f"))
    commands.push_back(SetLayerOpacity{"skin", skin});
  traced("Skin");
  float bone = model.boneOpacity;
  if (ImGui::SliderFloat("Bone", &bone, 0.0f, 1.0f, "%.2f"))
    commands.push_back(SetLayerOpacity{"bone", bone});
  traced("Bone");

  ImGui::Separator();
  if (ImGui::Button(model.showHelp ? "Hide help" : "Help")) commands.push_back(ToggleHelp{});
  traced("Help");
  ImGui::TextDisabled("%s", model.renderer.c_str());
  ImGui::End();

  if (model.showHelp) {
    ImGui::SetNextWindowPos(
        ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f),
        ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    bool open = true;
    ImGui::Begin("Keyboard and mouse", &open, ImGuiWindowFlags_AlwaysAutoResize);
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg)) {
      for (const auto& s : viewerShortcuts()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.keys);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.action);
      }
      ImGui::EndTable();
    }
    ImGui::End();
    if (!open) commands.push_back(ToggleHelp{});
  }

  if (!model.message.empty()) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(size.x * 0.5f, size.y - pad), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::Begin(
        "##message", nullptr,
        ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", model.message.c_str());
    ImGui::SameLine();
    if (ImGui::Button("OK")) commands.push_back(DismissMessage{});
    traced("OK");
    ImGui::End();
  }
  return commands;
}

}  // namespace radicula::ui
