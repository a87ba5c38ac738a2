#include "ui/touch_gestures.h"

#include <cmath>

namespace radicula::ui {

namespace {

using Kind = Gesture::Kind;

Gesture at(Kind kind, float x, float y) {
  Gesture g;
  g.kind = kind;
  g.x = x;
  g.y = y;
  return g;
}

// A flick glides on at its speed, slowing by this much each second, until it crawls.
constexpr float kFlickDecayPerSecond = 4.0f;
constexpr float kFlickMinPointsPerSecond = 40.0f;
constexpr double kTrailSeconds = 0.1;

}  // namespace

float TouchGestures::pinchSpread() const {
  auto a = fingers_.begin(), b = std::next(a);
  return std::hypot(a->second.x - b->second.x, a->second.y - b->second.y);
}

void TouchGestures::track(float y, double t) {
  trail_.emplace_back(t, y);
  while (trail_.size() > 2 && t - trail_.front().first > kTrailSeconds)
    trail_.erase(trail_.begin());
}

std::vector<Gesture> TouchGestures::down(int id, float x, float y, double t, bool overView) {
  std::vector<Gesture> out;
  flickSpeed_ = 0.0f;  // a finger stops a glide
  fingers_[id] = {x, y};
  if (fingers_.size() == 1) {
    state_ = State::Pending;
    overView_ = overView;
    first_ = id;
    startX_ = x;
    startY_ = y;
    startT_ = t;
    trail_.clear();
    return out;
  }
  if (fingers_.size() == 2 && overView_ && (state_ == State::Pending || state_ == State::Turning)) {
    state_ = State::Pinching;
  } else if (state_ == State::Naming) {
    out.push_back(at(Kind::NameEnd, x, y));
    state_ = State::Done;
  } else if (state_ != State::Pinching) {
    // A second finger on the interface, or a third anywhere: nothing more to read.
    if (state_ == State::Pointer) out.push_back(at(Kind::Release, startX_, startY_));
    state_ = State::Done;
  }
  return out;
}

std::vector<Gesture> TouchGestures::move(int id, float x, float y, double t) {
  std::vector<Gesture> out;
  const auto it = fingers_.find(id);
  if (it == fingers_.end()) return out;
  const Finger before = it->second;
  if (state_ == State::Pinching && fingers_.size() >= 2) {
    const float spreadBefore = pinchSpread();
    auto a = fingers_.begin(), b = std::next(a);
    const float cx0 = (a->second.x + b->second.x) * 0.5f, cy0 = (a->second.y + b->second.y) * 0.5f;
    it->second = {x, y};
    const float cx1 = (a->second.x + b->second.x) * 0.5f, cy1 = (a->second.y + b->second.y) * 0.5f;
    Gesture g = at(Kind::PinchPan, cx1, cy1);
    g.factor = spreadBefore / std::max(1.0f, pinchSpread());
    g.dx = cx1 - cx0;
    g.dy = cy1 - cy0;
    out.push_back(g);
    return out;
  }
  it->second = {x, y};
  if (id != first_) return out;
  if (state_ == State::Pending) {
    const float dx = x - startX_, dy = y - startY_;
    if (std::hypot(dx, dy) < kSlopPoints * unit_) return out;
    if (overView_) {
      state_ = State::Turning;
      Gesture g = at(Kind::Turn, x, y);
      g.dx = dx;
      g.dy = dy;
      out.push_back(g);
    } else if (std::abs(dx) > std::abs(dy)) {
      // Sideways on the interface: the pointer, pressed where the finger landed.
      state_ = State::Pointer;
      out.push_back(at(Kind::Press, startX_, startY_));
      out.push_back(at(Kind::Move, x, y));
    } else {
      state_ = State::Scrolling;
      trail_.clear();
      track(startY_, startT_);
      track(y, t);
      Gesture g = at(Kind::Scroll, x, y);
      g.dy = -dy;
      out.push_back(g);
    }
    return out;
  }
  if (state_ == State::Turning) {
    Gesture g = at(Kind::Turn, x, y);
    g.dx = x - before.x;
    g.dy = y - before.y;
    out.push_back(g);
  } else if (state_ == State::Naming) {
    out.push_back(at(Kind::Name, x, y));
  } else if (state_ == State::Pointer) {
    out.push_back(at(Kind::Move, x, y));
  } else if (state_ == State::Scrolling) {
    track(y, t);
    Gesture g = at(Kind::Scroll, x, y);
    g.dy = before.y - y;
    out.push_back(g);
  }
  return out;
}

std::vector<Gesture> TouchGestures::up(int id, float x, float y, double t) {
  std::vector<Gesture> out;
  if (fingers_.erase(id) == 0) return out;
  if (id == first_ || state_ == State::Pinching) {
    switch (state_) {
      case State::Pending:
        if (overView_) {
          const bool second = lastTapT_ >= 0.0 && t - lastTapT_ < kDoubleTapSeconds &&
                              std::hypot(x - lastTapX_, y - lastTapY_) < kDoubleTapPoints * unit_;
          out.push_back(at(second ? Kind::DoubleTap : Kind::Tap, startX_, startY_));
          lastTapT_ = second ? -1.0 : t;
          lastTapX_ = startX_;
          lastTapY_ = startY_;
        } else {
          out.push_back(at(Kind::Press, startX_, startY_));
          out.push_back(at(Kind::Release, startX_, startY_));
        }
        break;
      case State::Naming:
        out.push_back(at(Kind::NameEnd, x, y));
        break;
      case State::Pointer:
        out.push_back(at(Kind::Release, x, y));
        break;
      case State::Scrolling:
        track(y, t);
        if (trail_.size() >= 2 && trail_.back().first > trail_.front().first) {
          const float speed = (trail_.front().second - trail_.back().second) /
                              static_cast<float>(trail_.back().first - trail_.front().first);
          if (std::abs(speed) > 3.0f * kFlickMinPointsPerSecond * unit_) {
            flickSpeed_ = speed;
            flickX_ = x;
            flickY_ = y;
            flickT_ = t;
          }
        }
        break;
      default:
        break;
    }
    // What the other fingers still do is nothing new: wait until they lift.
    state_ = fingers_.empty() ? State::Idle : State::Done;
  }
  if (fingers_.empty()) state_ = State::Idle;
  return out;
}

std::vector<Gesture> TouchGestures::cancel(double t) {
  std::vector<Gesture> out;
  if (state_ == State::Naming) out.push_back(at(Kind::NameEnd, startX_, startY_));
  if (state_ == State::Pointer) out.push_back(at(Kind::Release, -1e30f, -1e30f));
  fingers_.clear();
  state_ = State::Idle;
  flickSpeed_ = 0.0f;
  (void)t;
  return out;
}

std::vector<Gesture> TouchGestures::tick(double t) {
  std::vector<Gesture> out;
  if (state_ == State::Pending && overView_ && fingers_.size() == 1 &&
      t - startT_ >= kLongPressSeconds) {
    state_ = State::Naming;
    const Finger& f = fingers_.begin()->second;
    out.push_back(at(Kind::Name, f.x, f.y));
  }
  if (flickSpeed_ != 0.0f && fingers_.empty()) {
    const float dt = static_cast<float>(std::max(0.0, t - flickT_));
    flickT_ = t;
    Gesture g = at(Kind::Scroll, flickX_, flickY_);
    g.dy = flickSpeed_ * dt;
    if (g.dy != 0.0f) out.push_back(g);
    flickSpeed_ *= std::exp(-kFlickDecayPerSecond * dt);
    if (std::abs(flickSpeed_) < kFlickMinPointsPerSecond * unit_) flickSpeed_ = 0.0f;
  }
  return out;
}

}  // namespace radicula::ui
