#include "meshgen/tube_sweeper.h"

#include <algorithm>
#include <cmath>

#include "meshgen/sdf.h"

namespace radicula::meshgen {

namespace {

constexpr float kPi = 3.14159265358979f;

glm::vec3 anyPerpendicular(const glm::vec3& t) {
  const glm::vec3 axis = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  return glm::normalize(glm::cross(axis, t));
}

}  // namespace

io::MeshData sweepTube(const core::TubePath& path, const TubeOptions& options) {
  io::MeshData mesh;
  const float length = path.length();
  if (path.points.size() < 2 || length <= 0.0f) return mesh;

  // Resample by arc: spacing about twice the radius, within bounds, so curves stay round and
  // long straight nerves stay light.
  std::vector<float> arcs = {0.0f};
  while (arcs.back() < length) {
    const float r = path.at(arcs.back()).radius;
    arcs.push_back(
        std::min(length, arcs.back() + std::clamp(2.0f * r, options.minStep, options.maxStep)));
  }
  if (arcs.size() < 2) arcs.push_back(length);
  std::vector<core::TubePoint> samples;
  for (float a : arcs) samples.push_back(path.at(a));

  float maxRadius = 0.0f;
  for (const auto& s : samples) maxRadius = std::max(maxRadius, s.radius);
  const int sides =
      std::clamp(static_cast<int>(std::ceil(2.0f * kPi * maxRadius / options.sideLength)),
                 options.minSides, options.maxSides);

  // Tangents by central differences; frames by the double-reflection method (Wang et al.
  // 2008), which minimises rotation along the curve.
  const std::size_t count = samples.size();
  std::vector<glm::vec3> tangent(count);
  for (std::size_t i = 0; i < count; ++i) {
    const glm::vec3 a = samples[i == 0 ? 0 : i - 1].position;
    const glm::vec3 b = samples[std::min(i + 1, count - 1)].position;
    const glm::vec3 d = b - a;
    tangent[i] =
        glm::length(d) > 0.0f ? glm::normalize(d) : (i ? tangent[i - 1] : glm::vec3(0, -1, 0));
  }
  std::vector<glm::vec3> normal(count);
  normal[0] = anyPerpendicular(tangent[0]);
  for (std::size_t i = 0; i + 1 < count; ++i) {
    const glm::vec3 v1 = samples[i + 1].position - samples[i].position;
    const float c1 = glm::dot(v1, v1);
    if (c1 <= 0.0f) {
      normal[i + 1] = normal[i];
      continue;
    }
    const glm::vec3 rL = normal[i] - (2.0f / c1) * glm::dot(v1, normal[i]) * v1;
    const glm::vec3 tL = tangent[i] - (2.0f / c1) * glm::dot(v1, tangent[i]) * v1;
    const glm::vec3 v2 = tangent[i + 1] - tL;
    const float c2 = glm::dot(v2, v2);
    glm::vec3 r = c2 > 0.0f ? rL - (2.0f / c2) * glm::dot(v2, rL) * v2 : rL;
    r -= tangent[i + 1] * glm::dot(r, tangent[i + 1]);
    normal[i + 1] = glm::length(r) > 0.0f ? glm::normalize(r) : anyPerpendicular(tangent[i + 1]);
  }

  const auto addRing = [&](const glm::vec3& centre, const glm::vec3& t, const glm::vec3& n,
                           float radius, float axial, float arc) {
    // `axial` tilts the ring normals along the tangent (for the rounded caps).
    const glm::vec3 b = glm::cross(t, n);
    for (int s = 0; s < sides; ++s) {
      const float angle = 2.0f * kPi * static_cast<float>(s) / static_cast<float>(sides);
      const glm::vec3 dir = std::cos(angle) * n + std::sin(angle) * b;
      mesh.positions.push_back(centre + dir * radius);
      mesh.normals.push_back(
          glm::normalize(dir * std::sqrt(std::max(0.0f, 1.0f - axial * axial)) + t * axial));
      mesh.nerveArc.push_back(arc);
    }
  };
  const auto stitch = [&](std::uint32_t ringA, std::uint32_t ringB) {
    for (int s = 0; s < sides; ++s) {
      const std::uint32_t s1 = static_cast<std::uint32_t>((s + 1) % sides);
      const std::uint32_t a0 = ringA + s, a1 = ringA + s1, b0 = ringB + s, b1 = ringB + s1;
      mesh.indices.insert(mesh.indices.end(), {a0, b1, b0, a0, a1, b1});
    }
  };

  // Hemispherical caps: rings shrinking toward a pole at each end.
  const int caps = std::max(1, options.capRings);
  const auto capRings = [&](std::size_t end, bool proximal) {
    const glm::vec3 t = proximal ? -tangent[end] : tangent[end];
    const float r = samples[end].radius;
    const float arc = proximal ? 0.0f : length;
    std::vector<std::uint32_t> rings;
    for (int c = caps; c >= 1; --c) {  // from near the pole outward
      const float phi = 0.5f * kPi * static_cast<float>(c) / static_cast<float>(caps + 1);
      rings.push_back(static_cast<std::uint32_t>(mesh.positions.size()));
      addRing(samples[end].position + t * (r * std::sin(phi)), tangent[end], normal[end],
              r * std::cos(phi), std::sin(phi) * (proximal ? -1.0f : 1.0f), arc);
    }
    return rings;
  };

  // Pole vertex, cap rings, body rings, cap rings, pole.
  const std::uint32_t pole0 = 0;
  mesh.positions.push_back(samples[0].position - tangent[0] * samples[0].radius);
  mesh.normals.push_back(-tangent[0]);
  mesh.nerveArc.push_back(0.0f);
  std::vector<std::uint32_t> ring = capRings(0, true);
  for (std::size_t i = 0; i < count; ++i) {
    ring.push_back(static_cast<std::uint32_t>(mesh.positions.size()));
    addRing(samples[i].position, tangent[i], normal[i], samples[i].radius, 0.0f, arcs[i]);
  }
  std::vector<std::uint32_t> distal = capRings(count - 1, false);
  std::reverse(distal.begin(), distal.end());  // from the tube outward to near the pole
  ring.insert(ring.end(), distal.begin(), distal.end());
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) stitch(ring[i], ring[i + 1]);
  for (int s = 0; s < sides; ++s) {  // fan to the proximal pole
    const std::uint32_t s1 = static_cast<std::uint32_t>((s + 1) % sides);
    mesh.indices.insert(mesh.indices.end(), {pole0, ring.front() + s1, ring.front() + s});
  }
  const std::uint32_t pole1 = static_cast<std::uint32_t>(mesh.positions.size());
  mesh.positions.push_back(samples[count - 1].position +
                           tangent[count - 1] * samples[count - 1].radius);
  mesh.normals.push_back(tangent[count - 1]);
  mesh.nerveArc.push_back(length);
  for (int s = 0; s < sides; ++s) {
    const std::uint32_t s1 = static_cast<std::uint32_t>((s + 1) % sides);
    mesh.indices.insert(mesh.indices.end(), {pole1, ring.back() + s, ring.back() + s1});
  }
  return mesh;
}

float tubeDistance(const core::TubePath& path, const glm::vec3& p) {
  float best = 1e30f;
  for (std::size_t i = 1; i < path.points.size(); ++i) {
    const auto& a = path.points[i - 1];
    const auto& b = path.points[i];
    float t = 0.0f;
    const float d = sdf::segment(p, a.position, b.position, &t);
    best = std::min(best, d - (a.radius + (b.radius - a.radius) * t));
  }
  if (path.points.size() == 1)
    best = glm::length(p - path.points[0].position) - path.points[0].radius;
  return best;
}

}  // namespace radicula::meshgen
