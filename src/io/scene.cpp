#include "io/scene.h"

namespace radicula::io {

void MeshData::computeNormals() {
  normals.assign(positions.size(), glm::vec3(0.0f));
  for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
    const auto a = indices[i], b = indices[i + 1], c = indices[i + 2];
    // The cross product's length is twice the triangle area: area weighting comes for free.
    const glm::vec3 n = glm::cross(positions[b] - positions[a], positions[c] - positions[a]);
    normals[a] += n;
    normals[b] += n;
    normals[c] += n;
  }
  for (auto& n : normals) {
    const float len = glm::length(n);
    n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

int Scene::addNode(std::string name, const glm::mat4& transform, int mesh, int parent) {
  Node node;
  node.name = std::move(name);
  node.transform = transform;
  node.mesh = mesh;
  node.parent = parent;
  nodes.push_back(std::move(node));
  const int id = static_cast<int>(nodes.size()) - 1;
  if (parent >= 0) nodes[parent].children.push_back(id);
  return id;
}

int Scene::addMesh(MeshData mesh) {
  meshes.push_back(std::move(mesh));
  return static_cast<int>(meshes.size()) - 1;
}

int Scene::addMaterial(Material material) {
  materials.push_back(std::move(material));
  return static_cast<int>(materials.size()) - 1;
}

std::vector<int> Scene::rootNodes() const {
  std::vector<int> roots;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    if (nodes[i].parent < 0) roots.push_back(i);
  }
  return roots;
}

glm::mat4 Scene::worldTransform(int node) const {
  glm::mat4 m(1.0f);
  for (int n = node; n >= 0; n = nodes[n].parent) m = nodes[n].transform * m;
  return m;
}

std::optional<int> Scene::findNode(const std::string& name) const {
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    if (nodes[i].name == name) return i;
  }
  return std::nullopt;
}

Bounds Scene::bounds() const {
  Bounds b;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    if (nodes[i].mesh < 0) continue;
    const glm::mat4 m = worldTransform(i);
    for (const auto& p : meshes[nodes[i].mesh].positions) b.add(glm::vec3(m * glm::vec4(p, 1.0f)));
  }
  return b;
}

std::size_t Scene::triangleCount() const {
  std::size_t count = 0;
  for (const auto& node : nodes) {
    if (node.mesh >= 0) count += meshes[node.mesh].triangleCount();
  }
  return count;
}

}  // namespace radicula::io
