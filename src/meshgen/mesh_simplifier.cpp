#include "meshgen/mesh_simplifier.h"

#include <meshoptimizer.h>

#include <cstdint>
#include <limits>
#include <vector>

namespace radicula::meshgen {

namespace {

template <typename T>
void compact(std::vector<T>& values, const std::vector<std::uint32_t>& remap, std::size_t kept) {
  if (values.empty()) return;
  std::vector<T> out(kept);
  for (std::size_t v = 0; v < remap.size(); ++v) {
    if (remap[v] != std::numeric_limits<std::uint32_t>::max()) out[remap[v]] = values[v];
  }
  values = std::move(out);
}

}  // namespace

void simplifyMesh(io::MeshData& mesh, float maxError) {
  if (!(maxError > 0.0f) || mesh.indices.size() < 3 || mesh.positions.empty()) return;
  const float* positions = &mesh.positions[0].x;
  const std::size_t vertexCount = mesh.positions.size();
  // meshoptimizer measures error relative to the mesh's extent.
  const float scale = meshopt_simplifyScale(positions, vertexCount, sizeof(glm::vec3));
  if (!(scale > 0.0f)) return;
  std::vector<std::uint32_t> indices(mesh.indices.size());
  indices.resize(meshopt_simplify(indices.data(), mesh.indices.data(), mesh.indices.size(),
                                  positions, vertexCount, sizeof(glm::vec3), 3, maxError / scale,
                                  meshopt_SimplifyLockBorder, nullptr));
  if (indices.size() == mesh.indices.size()) return;

  // Drop the vertices no triangle uses any more, keeping the rest in their original order.
  std::vector<std::uint32_t> remap(vertexCount, std::numeric_limits<std::uint32_t>::max());
  for (auto v : indices) remap[v] = 0;
  std::uint32_t kept = 0;
  for (auto& r : remap) {
    if (r == 0) r = kept++;
  }
  for (auto& v : indices) v = remap[v];
  compact(mesh.positions, remap, kept);
  compact(mesh.normals, remap, kept);
  compact(mesh.colors, remap, kept);
  compact(mesh.regionIds, remap, kept);
  compact(mesh.regionWeights, remap, kept);
  compact(mesh.nerveArc, remap, kept);
  mesh.indices = std::move(indices);
}

}  // namespace radicula::meshgen
