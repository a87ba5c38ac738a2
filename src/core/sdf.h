// Signed distance functions of the few solids lesions are built from: negative inside, zero on
// the surface, the true Euclidean distance outside (so "how far into a nerve tube" is a real
// length). Every primitive is exact; a union of them (the minimum) is exact outside and a
// bound inside, which is all the compression measurement needs.
#pragma once

#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>

namespace radicula::core {

struct Aabb {
  glm::vec3 lo{1e30f};
  glm::vec3 hi{-1e30f};

  bool empty() const { return lo.x > hi.x; }
  void add(const glm::vec3& p) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  void add(const Aabb& b) {
    if (!b.empty()) {
      add(b.lo);
      add(b.hi);
    }
  }
  void grow(float by) {
    lo -= glm::vec3(by);
    hi += glm::vec3(by);
  }
  bool overlaps(const Aabb& b) const {
    return lo.x <= b.hi.x && b.lo.x <= hi.x && lo.y <= b.hi.y && b.lo.y <= hi.y && lo.z <= b.hi.z &&
           b.lo.z <= hi.z;
  }
};

namespace sdf {

inline float sphere(const glm::vec3& p, const glm::vec3& centre, float radius) {
  return glm::length(p - centre) - radius;
}

// A cone with rounded ends ("round cone", Quilez): sphere radius ra at a, rb at b, and the
// tangent cone between them. Spurs taper this way from their base to their tip.
inline float roundCone(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra,
                       float rb) {
  const glm::vec3 ba = b - a;
  const float l2 = glm::dot(ba, ba);
  if (l2 < 1e-14f) return glm::length(p - a) - std::max(ra, rb);
  const float rr = ra - rb;
  const float a2 = l2 - rr * rr;
  if (a2 <= 0.0f) return std::min(glm::length(p - a) - ra, glm::length(p - b) - rb);
  const float il2 = 1.0f / l2;
  const glm::vec3 pa = p - a;
  const float y = glm::dot(pa, ba);
  const float z = y - l2;
  const glm::vec3 xv = pa * l2 - ba * y;
  const float x2 = glm::dot(xv, xv);
  const float y2 = y * y * l2;
  const float z2 = z * z * l2;
  const float k = (rr > 0.0f ? 1.0f : -1.0f) * rr * rr * x2;
  if ((z > 0.0f ? 1.0f : -1.0f) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
  if ((y > 0.0f ? 1.0f : -1.0f) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
  return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

// A box with rounded edges, given in its own frame (`local` = point in that frame).
inline float roundedBox(const glm::vec3& local, const glm::vec3& halfExtents, float rounding) {
  const glm::vec3 q = glm::abs(local) - (halfExtents - glm::vec3(rounding));
  return glm::length(glm::max(q, glm::vec3(0.0f))) +
         std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - rounding;
}

// A thick-walled tube round the local y axis (centre at the local origin, axis y), cut off at
// |y| = halfHeight with rounded rims: the shape of a canal narrowed from all sides.
inline float ring(const glm::vec3& local, float inner, float outer, float halfHeight,
                  float rounding) {
  const float rho = std::sqrt(local.x * local.x + local.z * local.z);
  const float dRadial = std::max(inner - rho, rho - outer) + rounding;
  const float dAxial = std::abs(local.y) - halfHeight + rounding;
  const glm::vec2 q(dRadial, dAxial);
  return glm::length(glm::max(q, glm::vec2(0.0f))) + std::min(std::max(q.x, q.y), 0.0f) - rounding;
}

}  // namespace sdf
}  // namespace radicula::core
