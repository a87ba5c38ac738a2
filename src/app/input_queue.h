// An InputQueue keeps every key, character and mouse event the window receives, in order, and
// hands them to the interface a frame at a time. Dear ImGui 1.86 reads keys and mouse buttons
// as states once per frame: a key pressed and released between two frames, or a Backspace
// typed ten times in one frame, would be seen once or not at all. The queue therefore gives a
// frame only as many events as ImGui can tell apart (at most one change per key or button,
// text and key presses in separate frames, as ImGui 1.87's "trickled" input queue does, and a
// quiet frame between one click and the next press), and the window keeps drawing frames until
// the queue is empty. Nothing typed or clicked is lost.
#pragma once

#include <cstdint>
#include <deque>
#include <set>
#include <vector>

struct ImGuiIO;

namespace radicula::app {

struct InputEvent {
  enum class Kind { MousePos, MouseButton, Wheel, Key, Char };
  Kind kind = Kind::MousePos;
  float x = 0, y = 0;  // MousePos: window coordinates; Wheel: offsets
  int code = 0;        // MouseButton: button; Key: GLFW key code
  bool down = false;   // MouseButton and Key
  int mods = 0;        // GLFW modifier bits at the time of a MouseButton or Key event
  std::uint32_t character = 0;

  static InputEvent mousePos(float x, float y) { return {Kind::MousePos, x, y}; }
  static InputEvent mouseButton(int button, bool down, int mods) {
    return {Kind::MouseButton, 0, 0, button, down, mods};
  }
  static InputEvent wheel(float dx, float dy) { return {Kind::Wheel, dx, dy}; }
  static InputEvent key(int key, bool down, int mods) { return {Kind::Key, 0, 0, key, down, mods}; }
  static InputEvent text(std::uint32_t c) { return {Kind::Char, 0, 0, 0, false, 0, c}; }
};

// Where the pointer is and which buttons are held, as the events taken so far leave them. The
// window writes this into ImGui every frame instead of polling GLFW, whose state may already be
// ahead of the events still queued.
struct PointerState {
  float x = -1e30f, y = -1e30f;  // off the window until the first move
  bool buttons[5] = {};
};

class InputQueue {
 public:
  void push(const InputEvent& event) { events_.push_back(event); }
  bool empty() const { return events_.empty(); }
  void clear() { events_.clear(); }

  // Removes and returns the events one frame can take without ImGui missing any of them.
  // `holdKeys` leaves keys and characters queued (mouse events still pass): a text field that
  // is about to take the cursor gets every character typed before it could.
  std::vector<InputEvent> takeFrame(bool holdKeys = false);
  // Whether the next event waiting is a key or a character.
  bool keyWaiting() const {
    return !events_.empty() && (events_.front().kind == InputEvent::Kind::Key ||
                                events_.front().kind == InputEvent::Kind::Char);
  }
  // Whether a key is held down as the events taken so far leave it.
  bool anyKeyDown() const { return !keysDown_.empty(); }
  const PointerState& pointer() const { return pointer_; }

 private:
  std::deque<InputEvent> events_;
  PointerState pointer_;
  std::set<int> keysDown_;
  bool lastFrameClicked_ = false;
};

// Applies one frame's events to ImGui's input state (after the platform backend's NewFrame,
// before ImGui::NewFrame): the pointer, wheel, keys with their modifiers, text.
void applyToImGui(const std::vector<InputEvent>& events, const PointerState& pointer, ImGuiIO& io);

}  // namespace radicula::app
