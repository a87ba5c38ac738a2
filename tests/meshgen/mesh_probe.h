// Measuring tools for generated meshes: rays against triangles (a measurement is the distance
// between two surface crossings, not a parameter read back) and topology checks.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "io/scene.h"

namespace radicula::test {

// Every crossing of the line origin + t·dir (any t) with the mesh, as sorted t values.
inline std::vector<float> crossings(const io::MeshData& mesh, const glm::mat4& toWorld,
                                    const glm::vec3& origin, const glm::vec3& dir) {
  std::vector<float> hits;
  const glm::vec3 d = glm::normalize(dir);
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const glm::vec3 a = glm::vec3(toWorld * glm::vec4(mesh.positions[mesh.indices[i]], 1.0f));
    const glm::vec3 b = glm::vec3(toWorld * glm::vec4(mesh.positions[mesh.indices[i + 1]], 1.0f));
    const glm::vec3 c = glm::vec3(toWorld * glm::vec4(mesh.positions[mesh.indices[i + 2]], 1.0f));
    // Möller–Trumbore, double-sided.
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(d, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-14f) continue;
    const glm::vec3 s = origin - a;
    const float u = glm::dot(s, p) / det;
    if (u < 0.0f || u > 1.0f) continue;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(d, q) / det;
    if (v < 0.0f || u + v > 1.0f) continue;
    hits.push_back(glm::dot(e2, q) / det);
  }
  std::sort(hits.begin(), hits.end());
  // Rays through a shared edge hit both triangles: merge near-duplicates.
  std::vector<float> merged;
  for (float h : hits) {
    if (merged.empty() || h - merged.back() > 1e-6f) merged.push_back(h);
  }
  return merged;
}

// A mesh is closed when every directed edge a→b is matched by b→a exactly as often: no holes,
// no flipped triangles.
inline bool closedAndConsistent(const io::MeshData& mesh, std::size_t* badEdges = nullptr) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> count;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    for (int k = 0; k < 3; ++k) {
      const auto a = mesh.indices[i + k], b = mesh.indices[i + (k + 1) % 3];
      ++count[{a, b}];
    }
  }
  std::size_t bad = 0;
  for (const auto& [edge, n] : count) {
    const auto it = count.find({edge.second, edge.first});
    if (it == count.end() || it->second != n) ++bad;
  }
  if (badEdges) *badEdges = bad;
  return bad == 0 && !mesh.indices.empty();
}

// Signed volume by the divergence theorem: positive when triangles face outward.
inline double signedVolume(const io::MeshData& mesh) {
  double v = 0.0;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const glm::dvec3 a(mesh.positions[mesh.indices[i]]), b(mesh.positions[mesh.indices[i + 1]]),
        c(mesh.positions[mesh.indices[i + 2]]);
    v += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return v;
}

}  // namespace radicula::test
