#include "app/touch_input.h"

#include <GLFW/glfw3.h>

namespace radicula::app {

namespace {

// Degrees the view turns per point a finger moves: a swipe across a phone turns it half round.
constexpr float kTurnDegreesPerPoint = 0.4f;

}  // namespace

void TouchInput::finger(Phase phase, int id, float x, float y, double t) {
  std::vector<ui::Gesture> gestures;
  switch (phase) {
    case Phase::Start:
      gestures = gestures_.down(id, x, y, t, !viewer_.overInterface(x, y));
      break;
    case Phase::Move:
      gestures = gestures_.move(id, x, y, t);
      break;
    case Phase::End:
      gestures = gestures_.up(id, x, y, t);
      break;
    case Phase::Cancel:
      gestures = gestures_.cancel(t);
      break;
  }
  for (const auto& g : gestures) apply(g);
  viewer_.wake();
}

void TouchInput::tick(double t) {
  const std::vector<ui::Gesture> gestures = gestures_.tick(t);
  for (const auto& g : gestures) apply(g);
  if (!gestures.empty()) viewer_.wake();
}

void TouchInput::apply(const ui::Gesture& g) {
  using Kind = ui::Gesture::Kind;
  Session& session = viewer_.session();
  ui::InterfaceState& state = session.interfaceState();
  switch (g.kind) {
    case Kind::Turn:
      session.orbit(-g.dx / unit_ * kTurnDegreesPerPoint, g.dy / unit_ * kTurnDegreesPerPoint);
      break;
    case Kind::PinchPan:
      if (const auto p = viewer_.viewPixel(g.x, g.y)) {
        session.zoomAt(g.factor, p->first, p->second);
        const float h = static_cast<float>(std::max(1, session.view().height()));
        session.pan(g.dx / h, g.dy / h);
      }
      break;
    case Kind::Tap:
      if (const auto p = viewer_.viewPixel(g.x, g.y)) session.selectAt(p->first, p->second);
      break;
    case Kind::DoubleTap:
      if (const auto p = viewer_.viewPixel(g.x, g.y)) session.focusAt(p->first, p->second);
      break;
    case Kind::Name:
      viewer_.nameAt(std::pair{g.x, g.y});
      state.fingerLabel = true;
      state.fingerX = g.x;
      state.fingerY = g.y;
      break;
    case Kind::NameEnd:
      viewer_.nameAt(std::nullopt);
      state.fingerLabel = false;
      break;
    case Kind::Press:
      viewer_.push(InputEvent::mousePos(g.x, g.y));
      viewer_.push(InputEvent::mouseButton(GLFW_MOUSE_BUTTON_LEFT, true, 0));
      break;
    case Kind::Move:
      viewer_.push(InputEvent::mousePos(g.x, g.y));
      break;
    case Kind::Release:
      viewer_.push(InputEvent::mouseButton(GLFW_MOUSE_BUTTON_LEFT, false, 0));
      // A finger leaves no pointer behind: nothing stays lit as if hovered.
      viewer_.push(InputEvent::mousePos(-1e31f, -1e31f));
      break;
    case Kind::Scroll:
      state.touchScroll += g.dy;
      state.touchX = g.x;
      state.touchY = g.y;
      break;
  }
}

}  // namespace radicula::app
