// An OrbitCamera looks at a target point from a distance, turned by yaw (around +Y) and pitch.
// It is plain math: the window's mouse handling, --screenshot views and test probes all use
// it, so a probe projects an anatomical anchor with exactly the camera that drew the pixels.
#pragma once

#include <glm/glm.hpp>

#include "io/scene.h"

namespace radicula::render {

struct OrbitCamera {
  glm::vec3 target{0.0f};
  float distance = 1.0f;
  float yawDeg = 0.0f;    // 0: looking at the patient's front (+Z) from in front
  float pitchDeg = 0.0f;  // positive: looking down from above
  float fovYDeg = 35.0f;
  bool orthographic = false;
  // Shows the picture mirrored left to right: an axial slice seen from above, mirrored, is the
  // slice as MRI shows it (from the feet, the patient's left on the right of the screen).
  bool mirrored = false;

  glm::vec3 eye() const;
  glm::vec3 forward() const;  // unit vector from the eye to the target
  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;  // includes the mirror
  // The screen's right and up as world directions (right is flipped in a mirrored view).
  glm::vec3 screenRight() const;
  glm::vec3 screenUp() const;
  float nearPlane() const { return distance * 0.01f; }
  float farPlane() const { return distance * 20.0f; }

  void orbit(float dYawDeg, float dPitchDeg);
  // Moves the target in the view plane by a fraction of the visible height.
  void pan(float dxFraction, float dyFraction);
  // Zooms by `factor` (<1 closer) keeping the world point under the cursor fixed on screen.
  void zoomToward(float factor, const glm::vec3& worldPointUnderCursor);

  // Frames `bounds` so it fills a view of the given aspect (width / height) with a small
  // margin, keeping the current angles.
  void frame(const io::Bounds& bounds, float aspect = 1.0f);

  // World → pixel (origin top-left). Returns false if behind the camera.
  bool project(const glm::vec3& world, int width, int height, glm::vec2* pixel) const;
  // Pixel (origin top-left) + depth in [0,1] → world.
  glm::vec3 unproject(const glm::vec2& pixel, float depth, int width, int height) const;

  static OrbitCamera lerp(const OrbitCamera& a, const OrbitCamera& b, float t);
};

}  // namespace radicula::render
