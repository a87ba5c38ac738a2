#include "meshgen/sdf.h"

namespace radicula::meshgen::sdf {

float triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ba = b - a, pa = p - a;
  const glm::vec3 cb = c - b, pb = p - b;
  const glm::vec3 ac = a - c, pc = p - c;
  const glm::vec3 nor = glm::cross(ba, ac);
  const auto sign = [](float v) { return v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : 0.0f); };
  const auto dot2 = [](const glm::vec3& v) { return glm::dot(v, v); };
  const float inside = sign(glm::dot(glm::cross(ba, nor), pa)) +
                       sign(glm::dot(glm::cross(cb, nor), pb)) +
                       sign(glm::dot(glm::cross(ac, nor), pc));
  if (inside < 2.0f) {
    const float e1 = dot2(ba * std::clamp(glm::dot(ba, pa) / dot2(ba), 0.0f, 1.0f) - pa);
    const float e2 = dot2(cb * std::clamp(glm::dot(cb, pb) / dot2(cb), 0.0f, 1.0f) - pb);
    const float e3 = dot2(ac * std::clamp(glm::dot(ac, pc) / dot2(ac), 0.0f, 1.0f) - pc);
    return std::sqrt(std::min(e1, std::min(e2, e3)));
  }
  return std::sqrt(glm::dot(nor, pa) * glm::dot(nor, pa) / dot2(nor));
}

float polygon2(const glm::vec2& p, const glm::vec2* v, int count) {
  float d = glm::dot(p - v[0], p - v[0]);
  float s = 1.0f;
  for (int i = 0, j = count - 1; i < count; j = i, ++i) {
    const glm::vec2 e = v[j] - v[i];
    const glm::vec2 w = p - v[i];
    const glm::vec2 b = w - e * std::clamp(glm::dot(w, e) / glm::dot(e, e), 0.0f, 1.0f);
    d = std::min(d, glm::dot(b, b));
    const bool c1 = p.y >= v[i].y, c2 = p.y<v[j].y, c3 = e.x * w.y> e.y * w.x;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s;
  }
  return s * std::sqrt(d);
}

}  // namespace radicula::meshgen::sdf
