#include "render/mesh_lods.h"

#include <meshoptimizer.h>

#include <cmath>

namespace radicula::render {

std::vector<MeshLod> buildMeshLods(const io::MeshData& mesh) {
  std::vector<MeshLod> lods;
  lods.push_back({mesh.indices, 0.0f});
  if (mesh.positions.empty() || mesh.indices.size() < 3) return lods;
  const float* positions = &mesh.positions[0].x;
  const std::size_t vertexCount = mesh.positions.size();
  const float scale = meshopt_simplifyScale(positions, vertexCount, sizeof(glm::vec3));
  constexpr std::size_t kMinTriangles = 64;
  constexpr int kMaxLevels = 4;
  while (static_cast<int>(lods.size()) < kMaxLevels) {
    const MeshLod& finer = lods.back();
    if (finer.indices.size() / 3 < 4 * kMinTriangles) break;
    MeshLod coarser;
    coarser.indices.resize(finer.indices.size());
    float relativeError = 0.0f;
    // Each level simplifies the one before, so errors add up along the chain.
    coarser.indices.resize(meshopt_simplify(coarser.indices.data(), finer.indices.data(),
                                            finer.indices.size(), positions, vertexCount,
                                            sizeof(glm::vec3), finer.indices.size() / 4, 1.0f,
                                            meshopt_SimplifyLockBorder, &relativeError));
    if (coarser.indices.empty() || coarser.indices.size() * 2 > finer.indices.size()) break;
    coarser.error = finer.error + relativeError * scale;
    lods.push_back(std::move(coarser));
  }
  return lods;
}

float pixelsPerUnit(float distance, float fovYRadians, int viewportHeight) {
  const float visibleHeight = 2.0f * distance * std::tan(0.5f * fovYRadians);
  return visibleHeight > 0.0f ? static_cast<float>(viewportHeight) / visibleHeight : 1e30f;
}

}  // namespace radicula::render
