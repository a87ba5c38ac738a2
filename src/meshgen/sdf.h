// A signed distance field (SDF) gives, for any point, its distance to a surface: negative
// inside, positive outside. Anatomy is modelled as SDFs built from a few primitives joined
// with smooth blends (smooth-min), so bones read as one organic piece; the surface mesher then
// extracts the zero level set. Distances need not be exact, only continuous with a usable
// gradient near the surface.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>

#include <glm/glm.hpp>

namespace radicula::meshgen {

using Sdf = std::function<float(const glm::vec3&)>;

namespace sdf {

// Polynomial smooth minimum (Quilez): blends two shapes with a fillet of about k.
inline float smin(float a, float b, float k) {
  if (k <= 0.0f) return std::min(a, b);
  const float h = std::max(k - std::abs(a - b), 0.0f) / k;
  return std::min(a, b) - h * h * k * 0.25f;
}
inline float smax(float a, float b, float k) {
  return -smin(-a, -b, k);
}
// Smooth subtraction: a with b carved out.
inline float ssub(float a, float b, float k) {
  return smax(a, -b, k);
}

inline float sphere(const glm::vec3& p, const glm::vec3& c, float r) {
  return glm::length(p - c) - r;
}

// Distance to segment ab, and the parameter of the closest point (0 at a, 1 at b).
inline float segment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                     float* t = nullptr) {
  const glm::vec3 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float h = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  if (t) *t = h;
  return glm::length(p - a - ab * h);
}

inline float capsule(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float r) {
  return segment(p, a, b) - r;
}

// Capsule whose radius runs linearly from ra at a to rb at b (a cheap cone; accurate when
// the radii differ little over the length, as for bone shafts and processes).
inline float taperedCapsule(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra,
                            float rb) {
  float t = 0.0f;
  const float d = segment(p, a, b, &t);
  return d - (ra + (rb - ra) * t);
}

// Ellipsoid (Quilez's bound-corrected approximation).
inline float ellipsoid(const glm::vec3& p, const glm::vec3& c, const glm::vec3& radii) {
  const glm::vec3 q = p - c;
  const float k0 = glm::length(q / radii);
  const float k1 = glm::length(q / (radii * radii));
  return k1 > 0.0f ? k0 * (k0 - 1.0f) / k1 : -std::min(radii.x, std::min(radii.y, radii.z));
}

// Box with rounded edges, axis-aligned around c.
inline float roundBox(const glm::vec3& p, const glm::vec3& c, const glm::vec3& half, float r) {
  const glm::vec3 q = glm::abs(p - c) - (half - glm::vec3(r));
  return glm::length(glm::max(q, glm::vec3(0.0f))) +
         std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - r;
}

// Unsigned distance to triangle abc (Quilez).
float triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

// 2D ellipse, approximate like the 3D one.
inline float ellipse2(const glm::vec2& p, const glm::vec2& radii) {
  const float k0 = glm::length(p / radii);
  const float k1 = glm::length(p / (radii * radii));
  return k1 > 0.0f ? k0 * (k0 - 1.0f) / k1 : -std::min(radii.x, radii.y);
}

// 2D superellipse |x/a|^n + |y/b|^n = 1, scaled to roughly metric distance near the curve.
inline float superellipse2(const glm::vec2& p, const glm::vec2& radii, float n) {
  const glm::vec2 q = glm::abs(p) / radii;
  const float v = std::pow(std::pow(q.x, n) + std::pow(q.y, n), 1.0f / n);
  return (v - 1.0f) * std::min(radii.x, radii.y);
}

// Signed distance to a simple polygon in 2D (Quilez), exact.
float polygon2(const glm::vec2& p, const glm::vec2* vertices, int count);

// Distance to a 2D segment.
inline float segment2(const glm::vec2& p, const glm::vec2& a, const glm::vec2& b) {
  const glm::vec2 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float h = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - a - ab * h);
}

}  // namespace sdf
}  // namespace radicula::meshgen
