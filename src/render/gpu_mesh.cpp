#include "render/gpu_mesh.h"

#include "render/gl_api.h"

#include <meshoptimizer.h>

#include <cstring>
#include <vector>

#include "render/mesh_lods.h"

namespace radicula::render {

namespace {

// Interleaved vertex: 52 bytes. Region ids stay integers for exact indexing in the shader.
struct Vertex {
  float position[3];
  float normal[3];
  float occlusion;
  std::uint8_t regionIds[4];
  float regionWeights[4];
  float nerveArc;
};
static_assert(sizeof(Vertex) == 52);

}  // namespace

GpuMesh::GpuMesh(const io::MeshData& mesh, bool withLods) {
  const std::size_t n = mesh.positions.size();
  std::vector<Vertex> vertices(n);
  for (std::size_t i = 0; i < n; ++i) {
    Vertex& v = vertices[i];
    std::memcpy(v.position, &mesh.positions[i], sizeof v.position);
    const glm::vec3 normal = i < mesh.normals.size() ? mesh.normals[i] : glm::vec3(0, 1, 0);
    std::memcpy(v.normal, &normal, sizeof v.normal);
    v.occlusion = i < mesh.colors.size() ? mesh.colors[i].r : 1.0f;
    for (int k = 0; k < 4; ++k) {
      v.regionIds[k] = i < mesh.regionIds.size() ? mesh.regionIds[i][k] : 0;
      v.regionWeights[k] = i < mesh.regionWeights.size() ? mesh.regionWeights[i][k] : 0.0f;
    }
    v.nerveArc = i < mesh.nerveArc.size() ? mesh.nerveArc[i] : -1.0f;
  }

  glGenVertexArrays(1, &vao_);
  glGenBuffers(2, buffers_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, buffers_[0]);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)),
               vertices.data(), GL_STATIC_DRAW);
  // Every level's triangles reordered for the post-transform vertex cache: a software
  // renderer shades far fewer vertices per frame this way.
  std::vector<MeshLod> lods =
      withLods ? buildMeshLods(mesh) : std::vector<MeshLod>{{mesh.indices, 0.0f}};
  std::vector<std::uint32_t> indices;
  for (const MeshLod& lod : lods) {
    const std::size_t first = indices.size();
    indices.resize(first + lod.indices.size());
    meshopt_optimizeVertexCache(indices.data() + first, lod.indices.data(), lod.indices.size(), n);
    levels_.push_back({first, lod.indices.size(), lod.error});
  }
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers_[1]);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
               GL_STATIC_DRAW);

  const auto offset = [](std::size_t bytes) { return reinterpret_cast<const void*>(bytes); };
  glEnableVertexAttribArray(kPosition);
  glVertexAttribPointer(kPosition, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        offset(offsetof(Vertex, position)));
  glEnableVertexAttribArray(kNormal);
  glVertexAttribPointer(kNormal, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        offset(offsetof(Vertex, normal)));
  glEnableVertexAttribArray(kOcclusion);
  glVertexAttribPointer(kOcclusion, 1, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        offset(offsetof(Vertex, occlusion)));
  glEnableVertexAttribArray(kRegionIds);
  glVertexAttribIPointer(kRegionIds, 4, GL_UNSIGNED_BYTE, sizeof(Vertex),
                         offset(offsetof(Vertex, regionIds)));
  glEnableVertexAttribArray(kRegionWeights);
  glVertexAttribPointer(kRegionWeights, 4, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        offset(offsetof(Vertex, regionWeights)));
  glEnableVertexAttribArray(kNerveArc);
  glVertexAttribPointer(kNerveArc, 1, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        offset(offsetof(Vertex, nerveArc)));
  glBindVertexArray(0);
}

GpuMesh::~GpuMesh() {
  glDeleteBuffers(2, buffers_);
  glDeleteVertexArrays(1, &vao_);
}

void GpuMesh::draw(std::size_t lod) const {
  const Level& level = levels_[lod < levels_.size() ? lod : levels_.size() - 1];
  glBindVertexArray(vao_);
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(level.count), GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(level.first * sizeof(std::uint32_t)));
}

}  // namespace radicula::render
