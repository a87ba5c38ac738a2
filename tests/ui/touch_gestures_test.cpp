// Fingers as a phone user moves them, read as the gestures a phone app answers to: turn, pinch,
// tap, double tap and long press on the picture; tap, slide and scroll (with a flick that glides
// on) on the panels. The distances are in points at a pixel ratio of 3 (display units are
// device pixels), as on the page of a phone.
#include <gtest/gtest.h>

#include <cmath>

#include "ui/touch_gestures.h"

namespace radicula {
namespace {

using Kind = ui::Gesture::Kind;
constexpr float kRatio = 3.0f;

std::vector<Kind> kinds(const std::vector<ui::Gesture>& gs) {
  std::vector<Kind> out;
  for (const auto& g : gs) out.push_back(g.kind);
  return out;
}

TEST(TouchGestures, AFingerThatStaysPutIsATapAndASecondSoonAfterADoubleTap) {
  ui::TouchGestures t(kRatio);
  EXPECT_TRUE(t.down(1, 300, 600, 0.0, true).empty());
  // A tremble of two points is still a tap.
  EXPECT_TRUE(t.move(1, 306, 603, 0.05).empty());
  auto g = t.up(1, 306, 603, 0.1);
  ASSERT_EQ(kinds(g), std::vector<Kind>{Kind::Tap});
  EXPECT_EQ(g[0].x, 300);
  EXPECT_EQ(g[0].y, 600);
  t.down(2, 310, 610, 0.25, true);
  EXPECT_EQ(kinds(t.up(2, 310, 610, 0.3)), std::vector<Kind>{Kind::DoubleTap});
  // A tap a second later is a tap again.
  t.down(3, 310, 610, 1.3, true);
  EXPECT_EQ(kinds(t.up(3, 310, 610, 1.35)), std::vector<Kind>{Kind::Tap});
}

TEST(TouchGestures, OneFingerDraggedOnThePictureTurnsItByAllItMoved) {
  ui::TouchGestures t(kRatio);
  t.down(1, 100, 100, 0.0, true);
  float dx = 0, dy = 0;
  for (int i = 1; i <= 10; ++i) {
    for (const auto& g : t.move(1, 100.0f + 12 * i, 100.0f + 3 * i, 0.016 * i)) {
      EXPECT_EQ(g.kind, Kind::Turn);
      dx += g.dx;
      dy += g.dy;
    }
  }
  EXPECT_FLOAT_EQ(dx, 120);
  EXPECT_FLOAT_EQ(dy, 30);
  EXPECT_TRUE(t.up(1, 220, 130, 0.2).empty()) << "a drag is no tap";
  EXPECT_TRUE(t.tick(2.0).empty()) << "nor a long press";
}

TEST(TouchGestures, TwoFingersSpreadingApartZoomInAndMovingTogetherMoveThePicture) {
  ui::TouchGestures t(kRatio);
  t.down(1, 400, 600, 0.0, true);
  t.down(2, 600, 600, 0.01, true);
  // Spread from 200 to 600 apart: the picture grows three times (the distance is a third).
  float factor = 1;
  for (int i = 1; i <= 4; ++i) {
    for (const auto& g : t.move(2, 600.0f + 50 * i, 600, 0.02 * i)) {
      ASSERT_EQ(g.kind, Kind::PinchPan);
      factor *= g.factor;
    }
    for (const auto& g : t.move(1, 400.0f - 50 * i, 600, 0.02 * i + 0.01)) factor *= g.factor;
  }
  EXPECT_NEAR(factor, 200.0f / 600.0f, 1e-3);
  // Both moving down by 90: the centre moves 90, the spread stays.
  float moved = 0;
  for (const auto& g : t.move(1, 200, 690, 0.2)) moved += g.dy;
  for (const auto& g : t.move(2, 1000, 690, 0.21)) moved += g.dy;
  EXPECT_NEAR(moved, 90.0f, 1e-3);
  // Lifting one finger does not turn the picture with the other.
  t.up(1, 200, 690, 0.3);
  EXPECT_TRUE(t.move(2, 1100, 700, 0.35).empty());
  EXPECT_TRUE(t.up(2, 1100, 700, 0.4).empty());
}

TEST(TouchGestures, ALongPressNamesWhatIsUnderTheFingerAndFollowsItUntilItLifts) {
  ui::TouchGestures t(kRatio);
  t.down(1, 500, 500, 0.0, true);
  EXPECT_TRUE(t.tick(0.3).empty());
  auto g = t.tick(0.55);
  ASSERT_EQ(kinds(g), std::vector<Kind>{Kind::Name});
  EXPECT_EQ(g[0].x, 500);
  g = t.move(1, 560, 520, 0.7);
  ASSERT_EQ(kinds(g), std::vector<Kind>{Kind::Name}) << "sliding names what it slides onto";
  EXPECT_EQ(g[0].x, 560);
  EXPECT_EQ(kinds(t.up(1, 560, 520, 0.9)), std::vector<Kind>{Kind::NameEnd});
  // The panels have no long press.
  t.down(2, 500, 500, 2.0, false);
  EXPECT_TRUE(t.tick(3.0).empty());
}

TEST(TouchGestures, OnThePanelsATapClicksASidewaysDragDragsAndAnUpwardDragScrolls) {
  ui::TouchGestures t(kRatio);
  t.down(1, 100, 2000, 0.0, false);
  EXPECT_EQ(kinds(t.up(1, 100, 2000, 0.1)), (std::vector<Kind>{Kind::Press, Kind::Release}));
  // Sideways (a slider): pressed where the finger landed, then following it.
  t.down(2, 100, 2000, 1.0, false);
  auto g = t.move(2, 160, 2005, 1.05);
  ASSERT_EQ(kinds(g), (std::vector<Kind>{Kind::Press, Kind::Move}));
  EXPECT_EQ(g[0].x, 100);
  EXPECT_EQ(g[1].x, 160);
  EXPECT_EQ(kinds(t.up(2, 170, 2005, 1.1)), std::vector<Kind>{Kind::Release});
  // Upward, slowly: the content follows the finger up, point for point, and stops with it.
  t.down(3, 300, 2000, 2.0, false);
  float scrolled = 0;
  for (int i = 1; i <= 10; ++i) {
    for (const auto& e : t.move(3, 302, 2000.0f - 30 * i, 2.0 + 0.1 * i)) {
      EXPECT_EQ(e.kind, Kind::Scroll);
      scrolled += e.dy;
    }
  }
  EXPECT_FLOAT_EQ(scrolled, 300);
  EXPECT_TRUE(t.up(3, 302, 1700, 3.1).empty());
  EXPECT_TRUE(t.tick(3.2).empty()) << "a slow drag does not glide on";
  EXPECT_FALSE(t.busy());
}

TEST(TouchGestures, AFlickGlidesOnInItsDirectionSlowingUntilItStops) {
  ui::TouchGestures t(kRatio);
  t.down(1, 300, 2000, 0.0, false);
  for (int i = 1; i <= 5; ++i) t.move(1, 300, 2000.0f - 60 * i, 0.016 * i);
  t.up(1, 300, 1700, 0.09);
  ASSERT_TRUE(t.busy());
  float glide = 0, last = 1e9f;
  double now = 0.09;
  int frames = 0;
  while (t.busy() && frames < 1000) {
    now += 1.0 / 60;
    for (const auto& g : t.tick(now)) {
      EXPECT_GT(g.dy, 0.0f) << "the same way as the flick";
      EXPECT_LE(g.dy, last + 1e-3f) << "slowing";
      last = g.dy;
      glide += g.dy;
    }
    ++frames;
  }
  EXPECT_FALSE(t.busy()) << "it stops";
  EXPECT_GT(glide, 300.0f);
  // A finger on the screen stops a glide at once.
  t.down(2, 300, 2000, 5.0, false);
  for (int i = 1; i <= 5; ++i) t.move(2, 300, 2000.0f - 60 * i, 5.0 + 0.016 * i);
  t.up(2, 300, 1700, 5.09);
  t.down(3, 300, 1000, 5.1, false);
  EXPECT_TRUE(t.tick(5.2).empty());
}

}  // namespace
}  // namespace radicula
