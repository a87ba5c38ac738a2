#include "app/input_queue.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cfloat>

namespace radicula::app {

std::vector<InputEvent> InputQueue::takeFrame(bool holdKeys) {
  std::vector<InputEvent> frame;
  std::set<int> keysChanged;
  unsigned buttonsChanged = 0;
  bool moved = false, wheeled = false, typed = false;
  // A press right after a frame that saw a click waits one frame: a menu or popup that click
  // closed still counts as under the mouse in the frame after, and would eat the press.
  const bool pressWaits = lastFrameClicked_;
  while (!events_.empty()) {
    const InputEvent& e = events_.front();
    if (holdKeys && (e.kind == InputEvent::Kind::Key || e.kind == InputEvent::Kind::Char)) break;
    if (pressWaits && e.kind == InputEvent::Kind::MouseButton && e.down) break;
    bool fits = true;
    switch (e.kind) {
      case InputEvent::Kind::MousePos:
        // A move after a click belongs to the next frame, so the click lands where it was made.
        fits = buttonsChanged == 0 && !wheeled && keysChanged.empty() && !typed;
        break;
      case InputEvent::Kind::MouseButton:
        fits = (buttonsChanged & (1u << (e.code & 31))) == 0 && !wheeled;
        break;
      case InputEvent::Kind::Wheel:
        fits = !moved && buttonsChanged == 0;
        break;
      case InputEvent::Kind::Key:
        // ImGui reads text before keys within a frame: "a", Backspace must be two frames.
        fits = keysChanged.count(e.code) == 0 && !typed && buttonsChanged == 0;
        break;
      case InputEvent::Kind::Char:
        fits = keysChanged.empty() && buttonsChanged == 0 && !moved && !wheeled;
        break;
    }
    if (!fits && !frame.empty()) break;
    switch (e.kind) {
      case InputEvent::Kind::MousePos:
        moved = true;
        pointer_.x = e.x;
        pointer_.y = e.y;
        break;
      case InputEvent::Kind::MouseButton:
        buttonsChanged |= 1u << (e.code & 31);
        if (e.code >= 0 && e.code < 5) pointer_.buttons[e.code] = e.down;
        break;
      case InputEvent::Kind::Wheel:
        wheeled = true;
        break;
      case InputEvent::Kind::Key:
        keysChanged.insert(e.code);
        if (e.down) {
          keysDown_.insert(e.code);
        } else {
          keysDown_.erase(e.code);
        }
        break;
      case InputEvent::Kind::Char:
        typed = true;
        break;
    }
    frame.push_back(e);
    events_.pop_front();
  }
  lastFrameClicked_ = buttonsChanged != 0;
  return frame;
}

void applyToImGui(const std::vector<InputEvent>& events, const PointerState& pointer, ImGuiIO& io) {
  io.MousePos = pointer.x < -1e29f ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(pointer.x, pointer.y);
  for (int b = 0; b < 5; ++b) io.MouseDown[b] = pointer.buttons[b];
  for (const InputEvent& e : events) {
    switch (e.kind) {
      case InputEvent::Kind::MousePos:
      case InputEvent::Kind::MouseButton:
        break;  // in `pointer`
      case InputEvent::Kind::Wheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
      case InputEvent::Kind::Key:
        if (e.code >= 0 && e.code < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[e.code] = e.down;
        break;
      case InputEvent::Kind::Char:
        io.AddInputCharacter(e.character);
        break;
    }
  }
  // Modifiers follow the keys themselves, as GLFW's own modifier bits are not reliable on every
  // system; but a key pressed with a modifier whose own press never reached the window (held
  // before the window had the focus, or sent by a tool) still counts with it.
  int pressedWith = 0;
  for (const InputEvent& e : events) {
    if (e.kind == InputEvent::Kind::Key && e.down) pressedWith |= e.mods;
  }
  const auto down = [&](int a, int b, int bit) {
    return io.KeysDown[a] || io.KeysDown[b] || (pressedWith & bit) != 0;
  };
  io.KeyCtrl = down(GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL, GLFW_MOD_CONTROL);
  io.KeyShift = down(GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT, GLFW_MOD_SHIFT);
  io.KeyAlt = down(GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT, GLFW_MOD_ALT);
  io.KeySuper = down(GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER, GLFW_MOD_SUPER);
}

}  // namespace radicula::app
