// Reads glTF 2.0 (.gltf and .glb) into a plain Scene with tinygltf. Every size the file gives
// is checked before anything is allocated or read (overflow-safe, against the buffer it points
// into), external files come only from the model's own folder (io/model_folder.h), and the
// JSON's nesting is bounded before tinygltf, which recurses on it, sees it: a truncated or
// hostile file gives a ModelError, not a crash.
#include <tiny_gltf.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

#include "core/content_error.h"
#include "core/json_reader.h"
#include "io/model_folder.h"
#include "io/model_loader.h"

namespace radicula::io {

namespace {

class AccessorReader {
 public:
  AccessorReader(const tinygltf::Model& model, int accessorIndex, const std::filesystem::path& file,
                 const std::string& what)
      : file_(file), what_(what) {
    if (accessorIndex < 0 || accessorIndex >= static_cast<int>(model.accessors.size())) {
      fail("refers to a missing accessor");
    }
    accessor_ = &model.accessors[accessorIndex];
    if (accessor_->sparse.isSparse) fail("uses a sparse accessor, which is not supported");
    components_ = tinygltf::GetNumComponentsInType(accessor_->type);
    componentSize_ = tinygltf::GetComponentSizeInBytes(accessor_->componentType);
    if (components_ <= 0 || componentSize_ <= 0) fail("has an unknown accessor type");
    if (accessor_->bufferView < 0 ||
        accessor_->bufferView >= static_cast<int>(model.bufferViews.size())) {
      fail("has no buffer view");
    }
    const auto& view = model.bufferViews[accessor_->bufferView];
    if (view.buffer < 0 || view.buffer >= static_cast<int>(model.buffers.size())) {
      fail("refers to a missing buffer");
    }
    const auto& buffer = model.buffers[view.buffer].data;
    const std::size_t elementBytes = static_cast<std::size_t>(components_ * componentSize_);
    stride_ = view.byteStride != 0 ? view.byteStride : elementBytes;
    if (stride_ < elementBytes) fail("has a byte stride smaller than one element");
    // Every size from the file is checked in 64 bits without wrapping around: a count of 2^60
    // elements 16 bytes apart is 2^64 bytes, which would wrap to almost nothing.
    std::size_t start = 0, viewEnd = 0, span = 0, end = 0;
    if (__builtin_add_overflow(view.byteOffset, accessor_->byteOffset, &start) ||
        __builtin_add_overflow(view.byteOffset, view.byteLength, &viewEnd) ||
        (accessor_->count > 0 && (__builtin_mul_overflow(stride_, accessor_->count - 1, &span) ||
                                  __builtin_add_overflow(span, elementBytes, &span) ||
                                  __builtin_add_overflow(start, span, &end)))) {
      fail("claims " + std::to_string(accessor_->count) +
           " elements, more than any file could hold (the file is corrupt)");
    }
    if (viewEnd > buffer.size() || end > viewEnd) {
      fail("reads past the end of its buffer (the file is truncated or corrupt)");
    }
    data_ = buffer.data() + start;
  }

  std::size_t count() const { return accessor_->count; }
  int components() const { return components_; }

  float component(std::size_t element, int c) const {
    const unsigned char* p =
        data_ + element * stride_ + static_cast<std::size_t>(c) * componentSize_;
    const bool norm = accessor_->normalized;
    switch (accessor_->componentType) {
      case TINYGLTF_COMPONENT_TYPE_FLOAT:
        return load<float>(p);
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: {
        const float v = load<std::uint8_t>(p);
        return norm ? v / 255.0f : v;
      }
      case TINYGLTF_COMPONENT_TYPE_BYTE: {
        const float v = load<std::int8_t>(p);
        return norm ? std::max(v / 127.0f, -1.0f) : v;
      }
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
        const float v = load<std::uint16_t>(p);
        return norm ? v / 65535.0f : v;
      }
      case TINYGLTF_COMPONENT_TYPE_SHORT: {
        const float v = load<std::int16_t>(p);
        return norm ? std::max(v / 32767.0f, -1.0f) : v;
      }
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
        return static_cast<float>(load<std::uint32_t>(p));
      default:
        fail("has an unsupported component type");
    }
  }

  std::uint32_t index(std::size_t element) const {
    const unsigned char* p = data_ + element * stride_;
    switch (accessor_->componentType) {
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
        return load<std::uint8_t>(p);
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
        return load<std::uint16_t>(p);
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
        return load<std::uint32_t>(p);
      default:
        fail("has indices that are not unsigned integers");
    }
  }

  template <int N>
  glm::vec<N, float> vec(std::size_t element) const {
    glm::vec<N, float> v(0.0f);
    for (int c = 0; c < N && c < components_; ++c) v[c] = component(element, c);
    return v;
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw ModelError(file_, what_ + " " + problem);
  }

 private:
  template <typename T>
  static T load(const unsigned char* p) {
    T value;
    std::memcpy(&value, p, sizeof(T));
    return value;
  }

  const std::filesystem::path& file_;
  std::string what_;
  const tinygltf::Accessor* accessor_ = nullptr;
  int components_ = 0;
  int componentSize_ = 0;
  std::size_t stride_ = 0;
  const unsigned char* data_ = nullptr;
};

glm::mat4 nodeTransform(const tinygltf::Node& node) {
  if (node.matrix.size() == 16) {
    glm::mat4 m;
    for (int i = 0; i < 16; ++i) glm::value_ptr(m)[i] = static_cast<float>(node.matrix[i]);
    return m;
  }
  glm::mat4 m(1.0f);
  if (node.translation.size() == 3) {
    m = glm::translate(m, glm::vec3(node.translation[0], node.translation[1], node.translation[2]));
  }
  if (node.rotation.size() == 4) {
    const glm::quat q(static_cast<float>(node.rotation[3]), static_cast<float>(node.rotation[0]),
                      static_cast<float>(node.rotation[1]), static_cast<float>(node.rotation[2]));
    m = m * glm::mat4_cast(q);
  }
  if (node.scale.size() == 3) {
    m = glm::scale(m, glm::vec3(node.scale[0], node.scale[1], node.scale[2]));
  }
  return m;
}

// Vertices and indices one model may hold in all, over every primitive (several may share one
// large accessor): a scanned vertebra has a few million; beyond this a file only exhausts memory.
constexpr std::size_t kMaxElements = std::size_t{1} << 25;

MeshData readPrimitive(const tinygltf::Model& model, const tinygltf::Primitive& primitive,
                       const std::filesystem::path& file, const std::string& where,
                       std::size_t& budget) {
  const auto spend = [&](const AccessorReader& reader) {
    if (reader.count() > budget) {
      reader.fail("would make the model larger than " + std::to_string(kMaxElements) +
                  " vertices and indices");
    }
    budget -= reader.count();
  };
  MeshData mesh;
  const auto attribute = [&](const char* name) {
    auto it = primitive.attributes.find(name);
    return it == primitive.attributes.end() ? -1 : it->second;
  };
  const int positionAccessor = attribute("POSITION");
  if (positionAccessor < 0) throw ModelError(file, where + " has no POSITION attribute");

  AccessorReader positions(model, positionAccessor, file, where + " POSITION");
  spend(positions);
  const std::size_t n = positions.count();
  mesh.positions.resize(n);
  for (std::size_t i = 0; i < n; ++i) mesh.positions[i] = positions.vec<3>(i);

  const auto readPerVertex = [&](const char* name, auto&& store) {
    const int acc = attribute(name);
    if (acc < 0) return;
    AccessorReader reader(model, acc, file, where + " " + name);
    if (reader.count() != n) reader.fail("has a different vertex count than POSITION");
    store(reader);
  };
  readPerVertex("NORMAL", [&](const AccessorReader& r) {
    mesh.normals.resize(n);
    for (std::size_t i = 0; i < n; ++i) mesh.normals[i] = r.vec<3>(i);
  });
  readPerVertex("COLOR_0", [&](const AccessorReader& r) {
    mesh.colors.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      mesh.colors[i] = r.components() == 3 ? glm::vec4(r.vec<3>(i), 1.0f) : r.vec<4>(i);
    }
  });
  readPerVertex("_REGION_IDS", [&](const AccessorReader& r) {
    mesh.regionIds.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (int c = 0; c < 4; ++c) {
        const float v = c < r.components() ? r.component(i, c) : 0.0f;
        mesh.regionIds[i][c] = static_cast<std::uint8_t>(std::clamp(v, 0.0f, 255.0f));
      }
    }
  });
  readPerVertex("_REGION_WEIGHTS", [&](const AccessorReader& r) {
    mesh.regionWeights.resize(n);
    for (std::size_t i = 0; i < n; ++i) mesh.regionWeights[i] = r.vec<4>(i);
  });
  readPerVertex("_NERVE_ARC", [&](const AccessorReader& r) {
    mesh.nerveArc.resize(n);
    for (std::size_t i = 0; i < n; ++i) mesh.nerveArc[i] = r.component(i, 0);
  });

  if (primitive.indices >= 0) {
    AccessorReader indices(model, primitive.indices, file, where + " indices");
    spend(indices);
    mesh.indices.resize(indices.count());
    for (std::size_t i = 0; i < indices.count(); ++i) {
      mesh.indices[i] = indices.index(i);
      if (mesh.indices[i] >= n) indices.fail("point past the last vertex");
    }
  } else {
    mesh.indices.resize(n);
    for (std::size_t i = 0; i < n; ++i) mesh.indices[i] = static_cast<std::uint32_t>(i);
  }
  mesh.indices.resize(mesh.indices.size() - mesh.indices.size() % 3);
  return mesh;
}

// tinygltf converts JSON values recursively, so a file nested thousands of levels deep
// (`"extras": [[[[…`) would overflow the stack. Real glTF nests a handful of levels; the JSON
// (the whole .gltf, or a .glb's first chunk) is checked by the one JSON reader first.
constexpr int kMaxGltfNesting = 128;
// A model file and the files it refers to, in all: tinygltf takes lengths as 32-bit numbers.
constexpr std::uintmax_t kMaxModelBytes = std::uintmax_t{1} << 29;  // 512 MiB

std::string readModelFile(const std::filesystem::path& file) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) throw ModelError(file, "cannot be read");
  if (size > kMaxModelBytes) {
    throw ModelError(file, "is larger than " + std::to_string(kMaxModelBytes >> 20) +
                               " MiB, more than Radicula opens");
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) throw ModelError(file, "cannot be read");
  return bytes;
}

// The JSON of a .gltf, or of a .glb's first chunk (after the 12-byte header, the chunk's length
// and type).
std::string_view gltfJson(std::string_view bytes, bool binary) {
  if (!binary) return bytes;
  if (bytes.size() < 20) return {};  // tinygltf refuses it
  std::uint32_t length = 0;
  std::memcpy(&length, bytes.data() + 12, sizeof length);
  return bytes.substr(20, std::min<std::size_t>(length, bytes.size() - 20));
}

tinygltf::Model parseGltf(const std::filesystem::path& file) {
  const std::string bytes = readModelFile(file);
  const bool binary = bytes.rfind("glTF", 0) == 0;
  try {
    core::checkJson(gltfJson(bytes, binary), file.string(),
                    {.maxDepth = kMaxGltfNesting, .maxMembers = 1 << 30});
  } catch (const core::ContentError& e) {
    throw ModelError(file, "invalid glTF: " + e.problem());
  }
  ModelFolder folder(file, kMaxModelBytes - bytes.size());
  tinygltf::TinyGLTF loader;
  loader.SetFsCallbacks(folder.callbacks());
  // Images are not needed for anatomy and skipping them avoids decoding untrusted data.
  loader.SetImageLoader([](tinygltf::Image*, const int, std::string*, std::string*, int, int,
                           const unsigned char*, int, void*) { return true; },
                        nullptr);
  tinygltf::Model model;
  std::string error, warning;
  const bool ok =
      binary ? loader.LoadBinaryFromMemory(&model, &error, &warning,
                                           reinterpret_cast<const unsigned char*>(bytes.data()),
                                           static_cast<unsigned>(bytes.size()), folder.baseDir())
             : loader.LoadASCIIFromString(&model, &error, &warning, bytes.data(),
                                          static_cast<unsigned>(bytes.size()), folder.baseDir());
  // A file outside the folder is refused even where tinygltf only warns (an image).
  if (!folder.refusedUri().empty()) {
    throw ModelError(file, "refers to \"" + folder.refusedUri() +
                               "\", which lies outside the model's folder; a model may only "
                               "use files in its own folder");
  }
  if (!folder.problem().empty()) throw ModelError(file, folder.problem());
  if (!ok) {
    std::string problem = error.empty() ? "not a readable glTF file" : error;
    while (!problem.empty() && (problem.back() == '\n' || problem.back() == ' '))
      problem.pop_back();
    if (const auto nl = problem.find('\n'); nl != std::string::npos)
      problem = problem.substr(0, nl);
    throw ModelError(file, "invalid glTF: " + problem);
  }
  return model;
}

}  // namespace

Scene loadGltf(const std::filesystem::path& file) {
  const tinygltf::Model model = parseGltf(file);

  Scene scene;
  for (const auto& m : model.materials) {
    Material material;
    material.name = m.name;
    const auto& f = m.pbrMetallicRoughness.baseColorFactor;
    if (f.size() == 4) material.baseColor = glm::vec4(f[0], f[1], f[2], f[3]);
    if (m.alphaMode != "BLEND") material.baseColor.a = 1.0f;
    material.roughness = static_cast<float>(m.pbrMetallicRoughness.roughnessFactor);
    material.metallic = static_cast<float>(m.pbrMetallicRoughness.metallicFactor);
    material.doubleSided = m.doubleSided;
    scene.addMaterial(material);
  }

  // glTF meshes may hold several primitives; ours hold one, so extra primitives become
  // child nodes of the node that instances the mesh.
  std::vector<std::vector<int>> meshPrimitives(model.meshes.size());
  std::size_t budget = kMaxElements;
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const auto& gm = model.meshes[mi];
    for (std::size_t pi = 0; pi < gm.primitives.size(); ++pi) {
      const auto& primitive = gm.primitives[pi];
      if (primitive.mode != TINYGLTF_MODE_TRIANGLES && primitive.mode != -1) continue;
      const std::string where = "mesh " + std::to_string(mi) + " primitive " + std::to_string(pi);
      MeshData mesh = readPrimitive(model, primitive, file, where, budget);
      if (primitive.material >= 0 &&
          primitive.material < static_cast<int>(scene.materials.size())) {
        mesh.material = primitive.material;
      }
      meshPrimitives[mi].push_back(scene.addMesh(std::move(mesh)));
    }
  }

  std::vector<int> visited(model.nodes.size(), 0);
  const auto addNode = [&](auto&& self, int gltfNode, int parent, int depth) -> void {
    if (gltfNode < 0 || gltfNode >= static_cast<int>(model.nodes.size())) {
      throw ModelError(file, "a node refers to a missing child node");
    }
    if (visited[gltfNode]++ || depth > 256)
      throw ModelError(file, "the node hierarchy has a cycle");
    const auto& gn = model.nodes[gltfNode];
    std::string name = gn.name.empty() ? "node" + std::to_string(gltfNode) : gn.name;
    int firstMesh = -1;
    std::vector<int> extra;
    if (gn.mesh >= 0 && gn.mesh < static_cast<int>(meshPrimitives.size()) &&
        !meshPrimitives[gn.mesh].empty()) {
      firstMesh = meshPrimitives[gn.mesh][0];
      extra.assign(meshPrimitives[gn.mesh].begin() + 1, meshPrimitives[gn.mesh].end());
    }
    const int id = scene.addNode(name, nodeTransform(gn), firstMesh, parent);
    for (std::size_t k = 0; k < extra.size(); ++k) {
      scene.addNode(name + ".part" + std::to_string(k + 1), glm::mat4(1.0f), extra[k], id);
    }
    for (int child : gn.children) self(self, child, id, depth + 1);
  };

  std::vector<int> roots;
  if (!model.scenes.empty()) {
    const int s =
        model.defaultScene >= 0 && model.defaultScene < static_cast<int>(model.scenes.size())
            ? model.defaultScene
            : 0;
    roots = model.scenes[s].nodes;
  } else {
    std::vector<bool> isChild(model.nodes.size(), false);
    for (const auto& n : model.nodes) {
      for (int c : n.children) {
        if (c >= 0 && c < static_cast<int>(isChild.size())) isChild[c] = true;
      }
    }
    for (int i = 0; i < static_cast<int>(model.nodes.size()); ++i) {
      if (!isChild[i]) roots.push_back(i);
    }
  }
  for (int r : roots) addNode(addNode, r, -1, 0);
  return scene;
}

}  // namespace radicula::io
