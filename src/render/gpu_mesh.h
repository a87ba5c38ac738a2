// A GpuMesh is one MeshData uploaded once: positions, normals, baked occlusion, skin region
// ids and weights and nerve arc as vertex attributes, so lighting regions or pulsing a nerve
// needs only uniforms, never a re-upload.
#pragma once

#include <cstddef>

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
  explicit GpuMesh(const io::MeshData& mesh);
  ~GpuMesh();
  GpuMesh(const GpuMesh&) = delete;
  GpuMesh& operator=(const GpuMesh&) = delete;

  void draw() const;
  std::size_t triangleCount() const { return indexCount_ / 3; }

 private:
  unsigned vao_ = 0;
  unsigned buffers_[2] = {0, 0};
  std::size_t indexCount_ = 0;
};

}  // namespace radicula::render
