// TouchGestures turns the fingers on a touch screen into what they mean, as a phone user
// expects. On the 3D view one finger turns it, two fingers pinch to zoom and move together to
// move it, a tap picks, a double tap centres, and a long press names what is under the finger
// (and goes on naming as the finger slides). On the interface a tap is a click, a sideways
// drag drives the pointer (a slider follows the finger), and an upward or downward drag
// scrolls what is under the finger, gliding on for a moment after a quick flick.
// Positions are in display units; `unit` is display units per point (CSS pixel), so the
// distances that tell a tap from a drag are the same on every screen. Times in seconds.
#pragma once

#include <map>
#include <vector>

namespace radicula::ui {

struct Gesture {
  enum class Kind {
    Turn,       // one finger on the view moved by (dx, dy)
    PinchPan,   // two fingers: spread before / after in `factor`, centre now (x, y), moved (dx, dy)
    Tap,        // on the view, at (x, y)
    DoubleTap,  // a second tap close to the first, soon after it
    Name,       // a long press (or the finger sliding after it): name what is at (x, y)
    NameEnd,    // that finger lifted
    Press,      // the pointer pressed at (x, y) on the interface
    Move,       // ... moved to (x, y)
    Release,    // ... released at (x, y)
    Scroll,     // scroll the interface at (x, y) by dy (positive: the content moves up)
  };
  Kind kind = Kind::Tap;
  float x = 0, y = 0, dx = 0, dy = 0, factor = 1;
};

class TouchGestures {
 public:
  static constexpr float kSlopPoints = 8.0f;  // a finger moving less is still a tap
  static constexpr double kLongPressSeconds = 0.5;
  static constexpr double kDoubleTapSeconds = 0.35;
  static constexpr float kDoubleTapPoints = 30.0f;

  explicit TouchGestures(float unit = 1.0f) : unit_(unit) {}
  void setUnit(float unit) { unit_ = unit; }

  // A finger down; `overView` says whether the first finger landed on the 3D view rather
  // than on the interface (later fingers join the first one's gesture).
  std::vector<Gesture> down(int id, float x, float y, double t, bool overView);
  std::vector<Gesture> move(int id, float x, float y, double t);
  std::vector<Gesture> up(int id, float x, float y, double t);
  // The system took the fingers (a call, a gesture of its own): ends what they did.
  std::vector<Gesture> cancel(double t);
  // Time passing: a finger held still becomes a long press; a flick glides on.
  std::vector<Gesture> tick(double t);
  // Fingers are down or a flick still glides: keep the frames coming.
  bool busy() const { return !fingers_.empty() || flickSpeed_ != 0.0f; }

 private:
  enum class State { Idle, Pending, Turning, Pinching, Naming, Pointer, Scrolling, Done };
  struct Finger {
    float x, y;
  };
  float pinchSpread() const;
  void track(float y, double t);

  float unit_ = 1.0f;
  State state_ = State::Idle;
  bool overView_ = false;
  std::map<int, Finger> fingers_;
  int first_ = -1;
  float startX_ = 0, startY_ = 0;
  double startT_ = 0;
  double lastTapT_ = -1.0;
  float lastTapX_ = 0, lastTapY_ = 0;
  // Recent heights of a scrolling finger, for the speed of a flick.
  std::vector<std::pair<double, float>> trail_;
  float flickSpeed_ = 0.0f;  // units per second, positive: content up
  float flickX_ = 0, flickY_ = 0;
  double flickT_ = 0;
};

}  // namespace radicula::ui
