#include "ui/red_flag_view.h"

#include <algorithm>

#include "core/clinical_rules.h"

namespace radicula::ui {

// Red (emergency) is used for nothing else in the interface; amber (urgent) is lighter, so it
// carries near-black text (contrast about 10:1) where the red carries white (about 6:1).
ImVec4 flagColor(core::Urgency urgency) {
  return urgency == core::Urgency::Emergency ? kRedFlag : kUrgentFlag;
}

ImVec4 flagTextColor(core::Urgency urgency) {
  return urgency == core::Urgency::Emergency ? ImVec4(1.0f, 1.0f, 1.0f, 1.0f)
                                             : ImVec4(0.10f, 0.07f, 0.0f, 1.0f);
}

std::vector<RedFlagWords> findingFlagWords(const InterfaceModel& model) {
  std::vector<RedFlagWords> out;
  const core::Findings* findings = model.findings;
  if (findings == nullptr || model.clinical == nullptr || model.state == nullptr) return out;
  const bool student = model.state->mode == core::Mode::Student;
  for (const core::RedFlag& flag : findings->redFlags) {
    RedFlagWords w;
    w.urgency = flag.urgency;
    w.action = core::urgencyAction(flag.urgency, student, *model.clinical);
    w.title = core::redFlagTitle(flag, *model.clinical);
    w.text = core::redFlagText(flag, *model.clinical);
    if (student) w.text = core::redFlagReason(flag, *model.clinical, true) + ". " + w.text;
    out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(), [](const RedFlagWords& a, const RedFlagWords& b) {
    return a.urgency > b.urgency;
  });
  return out;
}

float drawRedFlagBanner(PanelFrame& f, const Box& view, bool large) {
  if (!f.model.anatomy) return view.y;
  const std::vector<RedFlagWords> flags = findingFlagWords(f.model);
  if (flags.empty()) return view.y;
  const core::Urgency urgency = flags.front().urgency;  // the most urgent sets the banner
  const float s = f.scale();
  const float margin = 8.0f * s;
  ImGui::SetNextWindowPos(ImVec2(view.x + margin, view.y + margin));
  ImGui::SetNextWindowSize(ImVec2(std::max(1.0f, view.w - 2 * margin), 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, flagColor(urgency));
  ImGui::PushStyleColor(ImGuiCol_Text, flagTextColor(urgency));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * s, 10 * s));
  ImGui::Begin("###red_flag", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  // What to do comes first, in the large face when presenting to a patient across the room.
  if (large && f.model.titleFont != nullptr) ImGui::PushFont(f.model.titleFont);
  ImGui::PushTextWrapPos(0.0f);
  const bool student = f.model.state != nullptr && f.model.state->mode == core::Mode::Student;
  const std::string head =
      "⚠ " + (student ? f.label("findings.red_flag") + ": " : std::string()) + flags.front().action;
  ImGui::TextUnformatted(head.c_str());
  if (large && f.model.titleFont != nullptr) ImGui::PopFont();
  // The whole explanation where it leaves the picture most of the view; in a small view the
  // flag's title alone (the findings say the rest), so the banner never buries the anatomy.
  const float wrap = std::max(1.0f, view.w - 2 * margin - 28 * s);
  float detailHeight = 0.0f;
  for (const auto& flag : flags) {
    const std::string line = flag.title + ": " + flag.text;
    detailHeight += ImGui::CalcTextSize(line.c_str(), nullptr, false, wrap).y;
  }
  const bool details = detailHeight <= 0.3f * view.h;
  for (const auto& flag : flags) {
    // A second flag of another grade says its own action too.
    const std::string prefix = flag.urgency != urgency ? flag.action + " — " : std::string();
    const std::string line = prefix + flag.title + (details ? ": " + flag.text : std::string());
    ImGui::TextUnformatted(line.c_str());
  }
  ImGui::PopTextWrapPos();
  const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
  if (f.trace != nullptr) {
    UiTrace::Rect rect{ImGui::GetWindowPos(),
                       ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, bottom)};
    rect.text = head;
    f.trace->controls["red_flag"] = rect;
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  return bottom;
}

void drawRedFlagBox(PanelFrame& f, const RedFlagWords& flag, const std::string& stable) {
  const float s = f.scale();
  const float pad = 8.0f * s;
  const float width = ImGui::GetContentRegionAvail().x - 2 * pad;
  const std::string head = "⚠ " + flag.action;
  const float lines = ImGui::CalcTextSize(head.c_str(), nullptr, false, width).y +
                      ImGui::CalcTextSize(flag.title.c_str(), nullptr, false, width).y +
                      ImGui::CalcTextSize(flag.text.c_str(), nullptr, false, width).y;
  const float h = lines + 2 * pad + 2 * ImGui::GetStyle().ItemSpacing.y;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, flagColor(flag.urgency));
  ImGui::PushStyleColor(ImGuiCol_Text, flagTextColor(flag.urgency));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::BeginChild(("###flag." + stable).c_str(), ImVec2(0, h), false,
                    ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(head.c_str());
  ImGui::TextUnformatted(flag.title.c_str());
  ImGui::TextUnformatted(flag.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  f.traced(stable, head);
}

}  // namespace radicula::ui
