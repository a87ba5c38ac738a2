#include "io/gltf_writer.h"

#include <tiny_gltf.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include <glm/gtc/type_ptr.hpp>

#include "io/atomic_file.h"

namespace radicula::io {

namespace {

// Packs attribute arrays into one binary buffer, one buffer view per array, each aligned to
// four bytes as glTF requires of vertex attributes.
class BufferBuilder {
 public:
  explicit BufferBuilder(tinygltf::Model& model) : model_(model) {}

  int addView(const void* data, std::size_t bytes, int target) {
    while (data_.size() % 4 != 0) data_.push_back(0);
    tinygltf::BufferView view;
    view.buffer = 0;
    view.byteOffset = data_.size();
    view.byteLength = bytes;
    view.target = target;
    const auto* p = static_cast<const unsigned char*>(data);
    data_.insert(data_.end(), p, p + bytes);
    model_.bufferViews.push_back(view);
    return static_cast<int>(model_.bufferViews.size()) - 1;
  }

  int addAccessor(int view, int componentType, int type, std::size_t count,
                  bool normalized = false) {
    tinygltf::Accessor accessor;
    accessor.bufferView = view;
    accessor.byteOffset = 0;
    accessor.componentType = componentType;
    accessor.type = type;
    accessor.count = count;
    accessor.normalized = normalized;
    model_.accessors.push_back(accessor);
    return static_cast<int>(model_.accessors.size()) - 1;
  }

  std::vector<unsigned char> take() {
    while (data_.size() % 4 != 0) data_.push_back(0);
    return std::move(data_);
  }

 private:
  tinygltf::Model& model_;
  std::vector<unsigned char> data_;
};

void check(const MeshData& mesh, std::size_t index) {
  const std::size_t n = mesh.positions.size();
  const auto same = [&](std::size_t size, const char* what) {
    if (size != 0 && size != n) {
      throw std::runtime_error("mesh " + std::to_string(index) + ": " + what +
                               " has a different length than the positions");
    }
  };
  same(mesh.normals.size(), "normals");
  same(mesh.colors.size(), "colors");
  same(mesh.regionIds.size(), "_REGION_IDS");
  same(mesh.regionWeights.size(), "_REGION_WEIGHTS");
  same(mesh.nerveArc.size(), "_NERVE_ARC");
  if (mesh.regionIds.size() != mesh.regionWeights.size()) {
    throw std::runtime_error("mesh " + std::to_string(index) +
                             ": _REGION_IDS and _REGION_WEIGHTS must come together");
  }
  if (mesh.indices.size() % 3 != 0) {
    throw std::runtime_error("mesh " + std::to_string(index) +
                             ": index count is not a multiple of 3");
  }
  for (auto i : mesh.indices) {
    if (i >= n) throw std::runtime_error("mesh " + std::to_string(index) + ": index past the end");
  }
}

int addMesh(tinygltf::Model& model, BufferBuilder& buffers, const MeshData& mesh, std::size_t index,
            int materialCount) {
  check(mesh, index);
  tinygltf::Primitive primitive;
  primitive.mode = TINYGLTF_MODE_TRIANGLES;
  const std::size_t n = mesh.positions.size();

  {
    const int view =
        buffers.addView(mesh.positions.data(), n * sizeof(glm::vec3), TINYGLTF_TARGET_ARRAY_BUFFER);
    const int acc = buffers.addAccessor(view, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, n);
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const auto& p : mesh.positions) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    model.accessors[acc].minValues = {lo.x, lo.y, lo.z};
    model.accessors[acc].maxValues = {hi.x, hi.y, hi.z};
    primitive.attributes["POSITION"] = acc;
  }
  if (!mesh.normals.empty()) {
    // Re-normalise in float so the validator's unit-length check holds exactly.
    std::vector<glm::vec3> normals(mesh.normals);
    for (auto& v : normals) {
      const float len = glm::length(v);
      v = len > 0.0f ? v / len : glm::vec3(0, 1, 0);
    }
    const int view =
        buffers.addView(normals.data(), n * sizeof(glm::vec3), TINYGLTF_TARGET_ARRAY_BUFFER);
    primitive.attributes["NORMAL"] =
        buffers.addAccessor(view, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, n);
  }
  if (!mesh.colors.empty()) {
    // Normalised bytes: a quarter of the size of floats, ample for baked occlusion.
    std::vector<std::uint8_t> bytes(n * 4);
    for (std::size_t i = 0; i < n; ++i) {
      for (int c = 0; c < 4; ++c) {
        const float v = std::clamp(mesh.colors[i][c], 0.0f, 1.0f);
        bytes[i * 4 + c] = static_cast<std::uint8_t>(std::lround(v * 255.0f));
      }
    }
    const int view = buffers.addView(bytes.data(), bytes.size(), TINYGLTF_TARGET_ARRAY_BUFFER);
    primitive.attributes["COLOR_0"] = buffers.addAccessor(
        view, TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE, TINYGLTF_TYPE_VEC4, n, true);
  }
  if (!mesh.regionIds.empty()) {
    const int idView = buffers.addView(mesh.regionIds.data(), n * 4, TINYGLTF_TARGET_ARRAY_BUFFER);
    primitive.attributes["_REGION_IDS"] =
        buffers.addAccessor(idView, TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE, TINYGLTF_TYPE_VEC4, n);
    const int wView = buffers.addView(mesh.regionWeights.data(), n * sizeof(glm::vec4),
                                      TINYGLTF_TARGET_ARRAY_BUFFER);
    primitive.attributes["_REGION_WEIGHTS"] =
        buffers.addAccessor(wView, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC4, n);
  }
  if (!mesh.nerveArc.empty()) {
    const int view =
        buffers.addView(mesh.nerveArc.data(), n * sizeof(float), TINYGLTF_TARGET_ARRAY_BUFFER);
    primitive.attributes["_NERVE_ARC"] =
        buffers.addAccessor(view, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_SCALAR, n);
  }
  if (n <= std::numeric_limits<std::uint16_t>::max()) {
    std::vector<std::uint16_t> small(mesh.indices.begin(), mesh.indices.end());
    const int view =
        buffers.addView(small.data(), small.size() * 2, TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
    primitive.indices = buffers.addAccessor(view, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT,
                                            TINYGLTF_TYPE_SCALAR, small.size());
  } else {
    const int view = buffers.addView(mesh.indices.data(), mesh.indices.size() * 4,
                                     TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
    primitive.indices = buffers.addAccessor(view, TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT,
                                            TINYGLTF_TYPE_SCALAR, mesh.indices.size());
  }
  if (mesh.material >= 0 && mesh.material < materialCount) primitive.material = mesh.material;

  tinygltf::Mesh out;
  out.primitives.push_back(std::move(primitive));
  model.meshes.push_back(std::move(out));
  return static_cast<int>(model.meshes.size()) - 1;
}

}  // namespace

std::vector<std::uint8_t> writeGlbBytes(const Scene& scene, const GltfWriteOptions& options) {
  tinygltf::Model model;
  model.asset.version = "2.0";
  model.asset.generator = options.generator;
  model.asset.copyright = options.copyright;

  for (const auto& m : scene.materials) {
    tinygltf::Material mat;
    mat.name = m.name;
    mat.pbrMetallicRoughness.baseColorFactor = {m.baseColor.r, m.baseColor.g, m.baseColor.b,
                                                m.baseColor.a};
    mat.pbrMetallicRoughness.metallicFactor = m.metallic;
    mat.pbrMetallicRoughness.roughnessFactor = m.roughness;
    mat.alphaMode = m.baseColor.a < 1.0f ? "BLEND" : "OPAQUE";
    mat.doubleSided = m.doubleSided;
    model.materials.push_back(std::move(mat));
  }

  BufferBuilder buffers(model);
  std::vector<int> meshIndex(scene.meshes.size(), -1);
  for (std::size_t i = 0; i < scene.meshes.size(); ++i) {
    if (scene.meshes[i].positions.empty()) continue;  // an empty primitive is invalid glTF
    meshIndex[i] =
        addMesh(model, buffers, scene.meshes[i], i, static_cast<int>(scene.materials.size()));
  }

  for (const auto& node : scene.nodes) {
    tinygltf::Node out;
    out.name = node.name;
    if (node.mesh >= 0 && node.mesh < static_cast<int>(meshIndex.size()))
      out.mesh = meshIndex[node.mesh];
    out.children = node.children;
    if (node.transform != glm::mat4(1.0f)) {
      const float* m = glm::value_ptr(node.transform);
      out.matrix.assign(m, m + 16);
    }
    model.nodes.push_back(std::move(out));
  }
  tinygltf::Scene root;
  root.name = "anatomy";
  root.nodes = scene.rootNodes();
  model.scenes.push_back(root);
  model.defaultScene = 0;

  tinygltf::Buffer buffer;
  buffer.data = buffers.take();
  model.buffers.push_back(std::move(buffer));

  std::ostringstream stream;
  tinygltf::TinyGLTF writer;
  if (!writer.WriteGltfSceneToStream(&model, stream, false, true)) {
    throw std::runtime_error("tinygltf could not serialise the scene");
  }
  const std::string bytes = stream.str();
  return {bytes.begin(), bytes.end()};
}

void writeGlb(const Scene& scene, const std::filesystem::path& file,
              const GltfWriteOptions& options) {
  const auto bytes = writeGlbBytes(scene, options);
  writeAtomically(file, [&](const std::filesystem::path& temp) {
    std::ofstream out(temp, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
  });
}

}  // namespace radicula::io
