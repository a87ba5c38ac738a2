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
// The smallest control a finger hits reliably, in points (CSS pixels): 44, as the platform
// guidelines for touch screens say.
inline constexpr float kTouchTarget = 44.0f;

// Sets the current ImGui context's fonts (replacing any) and style, both at `scale`; `touch`
// makes every control kTouchTarget high.
InterfaceFonts setUpInterfaceStyle(float scale, bool touch = false);

}  // namespace radicula::ui
