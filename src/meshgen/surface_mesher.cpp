#include "meshgen/surface_mesher.h"

#include <array>
#include <cmath>
#include <cstdint>

#include "meshgen/mesh_simplifier.h"

namespace radicula::meshgen {

glm::vec3 sdfNormal(const Sdf& field, const glm::vec3& p, float h) {
  // Tetrahedral sampling: four evaluations instead of six.
  const glm::vec3 k0(1, -1, -1), k1(-1, -1, 1), k2(-1, 1, -1), k3(1, 1, 1);
  const glm::vec3 g = k0 * field(p + k0 * h) + k1 * field(p + k1 * h) + k2 * field(p + k2 * h) +
                      k3 * field(p + k3 * h);
  const float len = glm::length(g);
  return len > 0.0f ? g / len : glm::vec3(0, 1, 0);
}

io::MeshData meshSdf(const Sdf& field, const io::Bounds& box, float cell,
                     const MeshingOptions& options) {
  io::MeshData mesh;
  if (box.empty() || !(cell > 0.0f)) return mesh;
  const glm::vec3 origin = box.min - glm::vec3(cell);
  const glm::ivec3 n = glm::ivec3(glm::ceil((box.max - box.min) / cell)) + glm::ivec3(3);
  const auto node = [&](int i, int j, int k) {
    return static_cast<std::size_t>(i) +
           static_cast<std::size_t>(n.x) *
               (static_cast<std::size_t>(j) +
                static_cast<std::size_t>(n.y) * static_cast<std::size_t>(k));
  };

  std::vector<float> value(static_cast<std::size_t>(n.x) * n.y * n.z);
  for (int k = 0; k < n.z; ++k) {
    for (int j = 0; j < n.y; ++j) {
      for (int i = 0; i < n.x; ++i) {
        float v = field(origin + glm::vec3(i, j, k) * cell);
        // The outermost layer is forced outside so every surface closes inside the grid.
        if (i == 0 || j == 0 || k == 0 || i == n.x - 1 || j == n.y - 1 || k == n.z - 1) {
          v = std::max(v, cell * 0.5f);
        }
        // Exact zeros would make a vertex sit on a grid node; nudge them outside.
        value[node(i, j, k)] = v == 0.0f ? 1e-9f : v;
      }
    }
  }

  // One vertex per cell the surface crosses: the mean of its edge crossings.
  static constexpr std::array<std::array<int, 2>, 12> kEdges = {{{0, 1},
                                                                 {2, 3},
                                                                 {4, 5},
                                                                 {6, 7},
                                                                 {0, 2},
                                                                 {1, 3},
                                                                 {4, 6},
                                                                 {5, 7},
                                                                 {0, 4},
                                                                 {1, 5},
                                                                 {2, 6},
                                                                 {3, 7}}};
  std::vector<std::int32_t> cellVertex(static_cast<std::size_t>(n.x) * n.y * n.z, -1);
  for (int k = 0; k + 1 < n.z; ++k) {
    for (int j = 0; j + 1 < n.y; ++j) {
      for (int i = 0; i + 1 < n.x; ++i) {
        std::array<float, 8> corner;
        int inside = 0;
        for (int c = 0; c < 8; ++c) {
          corner[c] = value[node(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1))];
          inside += corner[c] < 0.0f;
        }
        if (inside == 0 || inside == 8) continue;
        glm::vec3 sum(0.0f);
        int crossings = 0;
        for (const auto& e : kEdges) {
          const float a = corner[e[0]], b = corner[e[1]];
          if ((a < 0.0f) == (b < 0.0f)) continue;
          const float t = a / (a - b);
          const glm::vec3 pa(e[0] & 1, (e[0] >> 1) & 1, (e[0] >> 2) & 1);
          const glm::vec3 pb(e[1] & 1, (e[1] >> 1) & 1, (e[1] >> 2) & 1);
          sum += pa + (pb - pa) * t;
          ++crossings;
        }
        cellVertex[node(i, j, k)] = static_cast<std::int32_t>(mesh.positions.size());
        mesh.positions.push_back(origin + (glm::vec3(i, j, k) + sum / float(crossings)) * cell);
      }
    }
  }

  // One quad per grid edge the surface crosses, joining the four cells around that edge and
  // facing from the inside end toward the outside end.
  const auto quad = [&](std::int32_t a, std::int32_t b, std::int32_t c, std::int32_t d, bool flip) {
    if (flip) std::swap(b, d);
    const glm::vec3 &pa = mesh.positions[a], &pb = mesh.positions[b], &pc = mesh.positions[c],
                    &pd = mesh.positions[d];
    // Split along the shorter diagonal for better-shaped triangles.
    if (glm::dot(pa - pc, pa - pc) <= glm::dot(pb - pd, pb - pd)) {
      mesh.indices.insert(mesh.indices.end(),
                          {std::uint32_t(a), std::uint32_t(b), std::uint32_t(c), std::uint32_t(a),
                           std::uint32_t(c), std::uint32_t(d)});
    } else {
      mesh.indices.insert(mesh.indices.end(),
                          {std::uint32_t(a), std::uint32_t(b), std::uint32_t(d), std::uint32_t(b),
                           std::uint32_t(c), std::uint32_t(d)});
    }
  };
  for (int k = 0; k + 1 < n.z; ++k) {
    for (int j = 0; j + 1 < n.y; ++j) {
      for (int i = 0; i + 1 < n.x; ++i) {
        const bool here = value[node(i, j, k)] < 0.0f;
        if (j > 0 && k > 0 &&
            here != (value[node(i + 1, j, k)] < 0.0f)) {  // x edge: cells around in y, z
          quad(cellVertex[node(i, j - 1, k - 1)], cellVertex[node(i, j, k - 1)],
               cellVertex[node(i, j, k)], cellVertex[node(i, j - 1, k)], !here);
        }
        if (i > 0 && k > 0 &&
            here != (value[node(i, j + 1, k)] < 0.0f)) {  // y edge: cells around in z, x
          quad(cellVertex[node(i - 1, j, k - 1)], cellVertex[node(i - 1, j, k)],
               cellVertex[node(i, j, k)], cellVertex[node(i, j, k - 1)], !here);
        }
        if (i > 0 && j > 0 &&
            here != (value[node(i, j, k + 1)] < 0.0f)) {  // z edge: cells around in x, y
          quad(cellVertex[node(i - 1, j - 1, k)], cellVertex[node(i, j - 1, k)],
               cellVertex[node(i, j, k)], cellVertex[node(i - 1, j, k)], !here);
        }
      }
    }
  }
  // Edges lying in the outer grid layer never cross (that layer is forced outside), so each
  // crossing edge has its four cells.

  const float h = 0.25f * cell;
  if (options.projectionSteps > 0) {
    for (auto& p : mesh.positions) {
      const glm::vec3 start = p;
      for (int s = 0; s < options.projectionSteps; ++s) {
        const float d = field(p);
        const glm::vec3 g = sdfNormal(field, p, h);
        p -= g * d;
      }
      // Keep each vertex within its cell's neighbourhood: a far jump would fold triangles.
      const glm::vec3 delta = p - start;
      const float len = glm::length(delta);
      if (len > cell) p = start + delta * (cell / len);
    }
  }
  dropSmallPieces(mesh, options.minComponentTriangles);
  simplifyMesh(mesh, options.simplifyError);
  if (options.gradientNormals) {
    mesh.normals.resize(mesh.positions.size());
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
      mesh.normals[v] = sdfNormal(field, mesh.positions[v], h);
    }
  } else {
    mesh.computeNormals();
  }
  return mesh;
}

void dropSmallPieces(io::MeshData& mesh, std::size_t minTriangles) {
  if (minTriangles == 0 || mesh.indices.empty()) return;
  // Union-find over vertices joined by triangles.
  std::vector<std::uint32_t> parent(mesh.positions.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<std::uint32_t>(i);
  const auto find = [&](std::uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const auto a = find(mesh.indices[i]);
    parent[find(mesh.indices[i + 1])] = a;
    parent[find(mesh.indices[i + 2])] = a;
  }
  std::vector<std::size_t> size(mesh.positions.size(), 0);
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) ++size[find(mesh.indices[i])];
  std::vector<std::uint32_t> kept;
  kept.reserve(mesh.indices.size());
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    if (size[find(mesh.indices[i])] < minTriangles) continue;
    kept.insert(kept.end(), {mesh.indices[i], mesh.indices[i + 1], mesh.indices[i + 2]});
  }
  if (kept.size() == mesh.indices.size()) return;
  // Compact the vertices in their original order (deterministic).
  std::vector<std::int64_t> remap(mesh.positions.size(), -1);
  for (auto v : kept) remap[v] = 0;
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    if (remap[v] < 0) continue;
    remap[v] = static_cast<std::int64_t>(positions.size());
    positions.push_back(mesh.positions[v]);
    if (!mesh.normals.empty()) normals.push_back(mesh.normals[v]);
  }
  for (auto& v : kept) v = static_cast<std::uint32_t>(remap[v]);
  mesh.positions = std::move(positions);
  mesh.normals = std::move(normals);
  mesh.indices = std::move(kept);
}

}  // namespace radicula::meshgen
