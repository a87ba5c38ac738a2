#include "render/camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace radicula::render {

glm::vec3 OrbitCamera::forward() const {
  const float yaw = glm::radians(yawDeg), pitch = glm::radians(pitchDeg);
  // At yaw 0 the eye sits on +Z (in front of the patient) looking toward -Z.
  return -glm::vec3(std::sin(yaw) * std::cos(pitch), std::sin(pitch),
                    std::cos(yaw) * std::cos(pitch));
}

glm::vec3 OrbitCamera::eye() const {
  return target - forward() * distance;
}

glm::mat4 OrbitCamera::view() const {
  const glm::vec3 f = forward();
  // Near the poles use the yaw direction as "up" so a top-down axial view stays stable.
  glm::vec3 up(0.0f, 1.0f, 0.0f);
  if (std::abs(glm::dot(f, up)) > 0.999f) {
    const float yaw = glm::radians(yawDeg);
    up = -glm::vec3(std::sin(yaw), 0.0f, std::cos(yaw)) * (f.y < 0 ? 1.0f : -1.0f);
  }
  return glm::lookAt(eye(), target, up);
}

glm::mat4 OrbitCamera::projection(float aspect) const {
  glm::mat4 p;
  if (orthographic) {
    const float h = distance * std::tan(glm::radians(fovYDeg) * 0.5f);
    p = glm::ortho(-h * aspect, h * aspect, -h, h, nearPlane(), farPlane());
  } else {
    p = glm::perspective(glm::radians(fovYDeg), aspect, nearPlane(), farPlane());
  }
  return mirrored ? glm::scale(glm::mat4(1.0f), glm::vec3(-1.0f, 1.0f, 1.0f)) * p : p;
}

glm::vec3 OrbitCamera::screenRight() const {
  const glm::mat4 v = view();
  return glm::vec3(v[0][0], v[1][0], v[2][0]) * (mirrored ? -1.0f : 1.0f);
}

glm::vec3 OrbitCamera::screenUp() const {
  const glm::mat4 v = view();
  return glm::vec3(v[0][1], v[1][1], v[2][1]);
}

void OrbitCamera::orbit(float dYawDeg, float dPitchDeg) {
  yawDeg = std::fmod(yawDeg + dYawDeg, 360.0f);
  pitchDeg = std::clamp(pitchDeg + dPitchDeg, -89.9f, 89.9f);
}

void OrbitCamera::pan(float dxFraction, float dyFraction) {
  const glm::vec3 right = screenRight();
  const glm::vec3 up = screenUp();
  const float visibleHeight = 2.0f * distance * std::tan(glm::radians(fovYDeg) * 0.5f);
  target += (-dxFraction * right + dyFraction * up) * visibleHeight;
}

void OrbitCamera::zoomToward(float factor, const glm::vec3& worldPointUnderCursor) {
  factor = std::clamp(factor, 0.2f, 5.0f);
  // Scaling the eye and target about the cursor point keeps that point's projection fixed.
  const glm::vec3 newEye = worldPointUnderCursor + (eye() - worldPointUnderCursor) * factor;
  target = worldPointUnderCursor + (target - worldPointUnderCursor) * factor;
  distance = std::max(glm::length(target - newEye), 1e-4f);
}

void OrbitCamera::frame(const io::Bounds& bounds, float aspect) {
  if (bounds.empty()) return;
  target = bounds.center();
  distance = 1.0f;
  const glm::mat4 v = view();
  const glm::vec3 right(v[0][0], v[1][0], v[2][0]);
  const glm::vec3 up(v[0][1], v[1][1], v[2][1]);
  const glm::vec3 back(v[0][2], v[1][2], v[2][2]);
  // The box's extent across and along the view, from its eight corners.
  float halfWidth = 0.0f, halfHeight = 0.0f, halfDepth = 0.0f;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 corner((i & 1) ? bounds.max.x : bounds.min.x,
                           (i & 2) ? bounds.max.y : bounds.min.y,
                           (i & 4) ? bounds.max.z : bounds.min.z);
    const glm::vec3 d = corner - target;
    halfWidth = std::max(halfWidth, std::abs(glm::dot(d, right)));
    halfHeight = std::max(halfHeight, std::abs(glm::dot(d, up)));
    halfDepth = std::max(halfDepth, std::abs(glm::dot(d, back)));
  }
  const float t = std::tan(glm::radians(fovYDeg) * 0.5f);
  constexpr float kMargin = 1.06f;
  distance =
      std::max({halfHeight / t, halfWidth / (t * std::max(aspect, 0.05f)), 1e-4f}) * kMargin +
      halfDepth;
}

bool OrbitCamera::project(const glm::vec3& world, int width, int height, glm::vec2* pixel) const {
  const glm::vec4 clip = projection(static_cast<float>(width) / static_cast<float>(height)) *
                         view() * glm::vec4(world, 1.0f);
  if (clip.w <= 0.0f) return false;
  const glm::vec3 ndc = glm::vec3(clip) / clip.w;
  *pixel = glm::vec2((ndc.x * 0.5f + 0.5f) * width, (1.0f - (ndc.y * 0.5f + 0.5f)) * height);
  return true;
}

glm::vec3 OrbitCamera::unproject(const glm::vec2& pixel, float depth, int width, int height) const {
  const glm::vec4 ndc((pixel.x / width) * 2.0f - 1.0f, 1.0f - (pixel.y / height) * 2.0f,
                      depth * 2.0f - 1.0f, 1.0f);
  const glm::mat4 inv = glm::inverse(projection(static_cast<float>(width) / height) * view());
  const glm::vec4 w = inv * ndc;
  return glm::vec3(w) / w.w;
}

OrbitCamera OrbitCamera::lerp(const OrbitCamera& a, const OrbitCamera& b, float t) {
  OrbitCamera c = b;
  c.target = glm::mix(a.target, b.target, t);
  // Zoom feels even when the distance changes geometrically.
  c.distance = a.distance * std::pow(b.distance / a.distance, t);
  float dyaw = std::fmod(b.yawDeg - a.yawDeg + 540.0f, 360.0f) - 180.0f;  // shortest way round
  c.yawDeg = a.yawDeg + dyaw * t;
  c.pitchDeg = glm::mix(a.pitchDeg, b.pitchDeg, t);
  c.fovYDeg = glm::mix(a.fovYDeg, b.fovYDeg, t);
  return c;
}

}  // namespace radicula::render
