// The interface's type and style, the same for the window, screenshots and the tests that
// measure the layout: DejaVu Sans (clear at a distance, every Spanish letter) in a normal and a
// large size and a bold face for titles, the dark panel style, and text that does not blink (a
// blinking cursor would keep an idle window drawing).
#pragma once

struct ImFont;

namespace radicula::ui {

struct InterfaceFonts {
  ImFont* normal = nullptr;
  ImFont* large = nullptr;  // "large text": for two metres away
  ImFont* title = nullptr;  // bold
};

inline constexpr float kNormalTextSize = 17.0f;
inline constexpr float kLargeTextSize = 25.0f;

// Adds the fonts to the current ImGui context's atlas and sets the style, both at `scale`.
InterfaceFonts setUpInterfaceStyle(float scale);

}  // namespace radicula::ui
