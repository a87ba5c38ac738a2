// TouchInput drives the viewer with a touch screen's fingers (the web page hands them over):
// TouchGestures reads them, and this applies what they mean to the session and the interface.
// On the picture a finger turns, two pinch and move, a tap picks, a double tap centres, a long
// press names; on the interface a tap clicks, a sideways drag drags, and an upward or downward
// drag scrolls the panel (or pulls the sheet of a tall window) under the finger.
#pragma once

#include "app/viewer_window.h"
#include "ui/touch_gestures.h"

namespace radicula::app {

class TouchInput {
 public:
  // `unit`: window units per point (CSS pixel).
  TouchInput(ViewerWindow& viewer, float unit) : viewer_(viewer), gestures_(unit), unit_(unit) {}
  void setUnit(float unit) {
    unit_ = unit;
    gestures_.setUnit(unit);
  }

  // A finger's start, move, end or cancel, in window units; `t` in seconds.
  enum class Phase { Start, Move, End, Cancel };
  void finger(Phase phase, int id, float x, float y, double t);
  // Time passing (every animation frame): long presses and flicks.
  void tick(double t);
  // Fingers are down or a flick glides on: frames are due.
  bool busy() const { return gestures_.busy(); }

 private:
  void apply(const ui::Gesture& g);

  ViewerWindow& viewer_;
  ui::TouchGestures gestures_;
  float unit_ = 1.0f;
};

}  // namespace radicula::app
