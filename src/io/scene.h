// A Scene is plain model data: named nodes with transforms, triangle meshes and materials,
// as read from or written to a model file. meshgen produces it, io reads and writes it, and
// render uploads it; none of it touches GL.
//
// Application attributes (docs/contracts.md) ride along per vertex: skin region ids and weights
// (up to four per vertex) and a nerve's arc length from its proximal end.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace radicula::io {

struct Material {
  std::string name;
  glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f};  // linear RGB; alpha < 1 means translucent
  float roughness = 0.6f;
  float metallic = 0.0f;
  bool doubleSided = false;
};

struct MeshData {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;                      // empty: computed on load
  std::vector<glm::vec4> colors;                       // COLOR_0: baked ambient occlusion tint
  std::vector<std::uint32_t> indices;                  // triangles
  std::vector<std::array<std::uint8_t, 4>> regionIds;  // _REGION_IDS
  std::vector<glm::vec4> regionWeights;                // _REGION_WEIGHTS
  std::vector<float> nerveArc;                         // _NERVE_ARC, metres
  int material = -1;

  std::size_t vertexCount() const { return positions.size(); }
  std::size_t triangleCount() const { return indices.size() / 3; }
  // Area-weighted vertex normals from the triangles.
  void computeNormals();
};

struct Node {
  std::string name;
  glm::mat4 transform{1.0f};  // local → parent
  int mesh = -1;
  int parent = -1;
  std::vector<int> children;
};

struct Bounds {
  glm::vec3 min{1e30f};
  glm::vec3 max{-1e30f};
  bool empty() const { return min.x > max.x; }
  glm::vec3 center() const { return 0.5f * (min + max); }
  glm::vec3 size() const { return max - min; }
  void add(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
  }
};

struct Scene {
  std::vector<Node> nodes;
  std::vector<MeshData> meshes;
  std::vector<Material> materials;

  // Adds a node (with an optional mesh) under `parent` (-1: a root node); returns its index.
  int addNode(std::string name, const glm::mat4& transform, int mesh = -1, int parent = -1);
  int addMesh(MeshData mesh);
  int addMaterial(Material material);

  std::vector<int> rootNodes() const;
  glm::mat4 worldTransform(int node) const;
  std::optional<int> findNode(const std::string& name) const;
  Bounds bounds() const;  // world-space bounds of every mesh instance
  std::size_t triangleCount() const;
};

}  // namespace radicula::io
