// A GpuMesh is one MeshData uploaded once: positions, normals, baked occlusion, skin region
// ids and weights and nerve arc as vertex attributes, so lighting regions or pulsing a nerve
// needs only uniforms, never a re-upload. Optionally with coarser levels of detail sharing the
// same vertices (render/mesh_lods.h).
#pragma once

#include <cstddef>
#include <vector>

#include "io/scene.h"

namespace radicula::render {

// Vertex attribute locations shared with shaders/mesh.vert.
enum AttributeLocation : unsigned {
  kPosition = 0,
  kNormal = 1,
  kOcclusion = 2,
  kRegionIds = 3,
  kRegionWeights = 4,
  kNerveArc = 5,
};

class GpuMesh {
 public:
  explicit GpuMesh(const io::MeshData& mesh, bool withLods = false);
  ~GpuMesh();
  GpuMesh(const GpuMesh&) = delete;
  GpuMesh& operator=(const GpuMesh&) = delete;

  // Draws level `lod` (0: every triangle).
  void draw(std::size_t lod = 0) const;
  std::size_t lodCount() const { return levels_.size(); }
  float lodError(std::size_t lod) const { return levels_[lod].error; }
  std::size_t triangleCount(std::size_t lod = 0) const { return levels_[lod].count / 3; }

 private:
  struct Level {
    std::size_t first = 0;  // into the index buffer
    std::size_t count = 0;
    float error = 0.0f;
  };
  unsigned vao_ = 0;
  unsigned buffers_[2] = {0, 0};
  std::vector<Level> levels_;
};

}  // namespace radicula::render
