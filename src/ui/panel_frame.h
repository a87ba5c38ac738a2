// Internal to the interface: what every panel of one frame shares (the model it reads, the
// state it keeps, the commands it returns, the trace tests read) and small layout helpers
// that keep text whole at any width and in any language.
#pragma once

#include <imgui.h>

#include <array>
#include <string>
#include <type_traits>

#include "ui/interface_model.h"
#include "ui/ui_command.h"
#include "ui/ui_trace.h"

namespace radicula::ui {

struct PanelFrame {
  const InterfaceModel& model;
  InterfaceState& state;
  UiTrace* trace;
  UiCommands commands;

  std::string label(const std::string& key) const { return model.labels->get(key); }
  // A label with a stable ImGui id, so ids do not change with the language.
  std::string id(const std::string& key, const std::string& stable) const {
    return label(key) + "###" + stable;
  }
  // Records the last item for tests, with the width its visible text needs.
  void traced(const std::string& stable, const std::string& text = "", float beside = 0.0f) {
    if (trace != nullptr) trace->record(stable, text, beside);
  }
  template <typename T>
  void emit(T c) {
    if constexpr (std::is_constructible_v<core::Command, T>) {
      commands.emplace_back(core::Command(std::move(c)));
    } else {
      commands.emplace_back(std::move(c));
    }
  }
  float scale() const { return model.scale; }
};

// Interface colours: readable from a distance; the red-flag red (an emergency) and amber (an
// urgent flag) are never used for anything else, and lesion toggles are blue so they stay
// distinct for colour-blind users.
inline const ImVec4 kRedFlag(0.78f, 0.08f, 0.08f, 1.0f);
inline const ImVec4 kUrgentFlag(0.98f, 0.66f, 0.12f, 1.0f);
inline const ImVec4 kToggleOn(0.16f, 0.45f, 0.80f, 1.0f);
inline const ImVec4 kWarningText(1.0f, 0.8f, 0.35f, 1.0f);

// `text` with line breaks between words so each line fits `width` (ImGui buttons do not wrap).
std::string wrapped(const std::string& text, float width);
// The width of the longest word of `text`: a button narrower than this would cut a word.
float longestWord(const std::string& text);
// Puts the next item on the same line when `nextWidth` still fits there, else on a new line.
void sameLineIfRoom(float nextWidth);
// A bullet with wrapped text.
void bullet(const std::string& text);
// A key pressed this frame (not repeated).
bool keyPressed(ImGuiKey key);
// Opens the modal named `id` while `wanted`, closes it when the app no longer wants it; a
// size with y 0 fits the height to the content.
bool beginModal(const std::string& title, const char* id, bool wanted, const ImVec2& size);
// Width a button needs for `text` (one line) with its padding.
float buttonWidth(const std::string& text);
// A small square in `color` (RGB, alpha ignored), level with the text after it: the lesion
// colours of the MRI reader, the marks of "Where does it hurt?".
void swatch(const std::array<float, 4>& color);

}  // namespace radicula::ui
