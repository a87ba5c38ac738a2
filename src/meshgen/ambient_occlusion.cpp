#include "meshgen/ambient_occlusion.h"

#include <algorithm>

namespace radicula::meshgen {

void bakeAmbientOcclusion(io::MeshData& mesh, const Sdf& context, float reach, float floor) {
  if (mesh.normals.size() != mesh.positions.size()) mesh.computeNormals();
  mesh.colors.assign(mesh.positions.size(), glm::vec4(1.0f));
  // Five samples along the normal, nearer ones weighing more (Quilez's SDF occlusion): a
  // sample whose distance to anything is less than its distance from the surface is occluded.
  constexpr int kSamples = 5;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    float occlusion = 0.0f, weight = 1.0f, total = 0.0f;
    for (int i = 1; i <= kSamples; ++i) {
      const float h = reach * static_cast<float>(i) / kSamples;
      const float d = context(mesh.positions[v] + mesh.normals[v] * h);
      occlusion += weight * std::clamp((h - d) / h, 0.0f, 1.0f);
      total += weight;
      weight *= 0.7f;
    }
    const float open = 1.0f - std::clamp(1.6f * occlusion / total, 0.0f, 1.0f);
    const float grey = floor + (1.0f - floor) * open;
    mesh.colors[v] = glm::vec4(grey, grey, grey, 1.0f);
  }
}

}  // namespace radicula::meshgen
