// Reads OBJ, STL, PLY, FBX, COLLADA and the other formats Assimp knows into a plain Scene, so
// a user can open a vertebra exported from an anatomy database next to ours.
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <assimp/Importer.hpp>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "io/model_loader.h"

namespace radicula::io {

namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
  // Assimp stores row-major matrices; glm is column-major.
  return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4,
                   m.b4, m.c4, m.d4);
}

// Assimp allocates what a header declares before it reads a byte of the body: a PLY or OFF
// file of a few bytes that declares four billion vertices would take all the memory there
// is. Every element needs at least one byte of the file, so a count larger than the file is
// refused first.
void requireCountFits(const std::filesystem::path& file, unsigned long long count,
                      const std::string& what) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (!ec && count > size) {
    throw ModelError(file, "cannot be read: it declares " + std::to_string(count) + " " + what +
                               " but holds only " + std::to_string(size) + " bytes (corrupt?)");
  }
}

std::string readHead(const std::filesystem::path& file, std::size_t bytes) {
  std::string head(bytes, '\0');
  std::ifstream in(file, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// Assimp 5.2's PLY reader never returns on a header without an `end_header` line (a truncated
// file hangs the app) and reads out of bounds when binary data follows `end_header` on the
// same line, so such headers are refused before Assimp sees them. Real headers are a
// few hundred bytes; 1 MiB is far more than any header needs.
void requireCompletePlyHeader(const std::filesystem::path& file) {
  constexpr std::size_t kMaxHeaderBytes = 1u << 20;
  const std::string head = readHead(file, kMaxHeaderBytes);
  for (std::size_t line = 0; line < head.size();) {
    const std::size_t next = head.find('\n', line);
    if (next == std::string::npos) break;
    // The line must be `end_header` alone: binary data glued to it crashes Assimp's reader.
    std::string_view text(head.data() + line, next - line);
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
      text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text == "end_header") return;
    // "element vertex 8": its count is checked against the file.
    std::istringstream words{std::string(text)};
    std::string keyword, name, count;
    if (words >> keyword >> name >> count && keyword == "element") {
      unsigned long long n = 0;
      if (count.find_first_not_of("0123456789") == std::string::npos && count.size() < 20) {
        n = std::stoull(count);
      } else {
        n = ~0ull;  // not a count a file could hold
      }
      requireCountFits(file, n, "\"" + name + "\" elements");
    }
    line = next + 1;
  }
  throw ModelError(
      file, "cannot be read: the PLY header does not end with an end_header line (truncated?)");
}

// OFF: "OFF", then the vertex, face and edge counts (comments may come between).
void requirePlausibleOffCounts(const std::filesystem::path& file) {
  std::istringstream in(readHead(file, 4096));
  std::string word;
  std::vector<unsigned long long> counts;
  while (counts.size() < 2 && in >> word) {
    if (word[0] == '#') {
      std::getline(in, word);
      continue;
    }
    if (word.find_first_not_of("0123456789") != std::string::npos) continue;  // "OFF" and kin
    counts.push_back(word.size() < 20 ? std::stoull(word) : ~0ull);
  }
  if (counts.size() > 0) requireCountFits(file, counts[0], "vertices");
  if (counts.size() > 1) requireCountFits(file, counts[1], "faces");
}

}  // namespace

Scene loadWithAssimp(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".ply") requireCompletePlyHeader(file);
  if (ext == ".off") requirePlausibleOffCounts(file);

  Assimp::Importer importer;
  // Points and lines are dropped: the viewer shows surfaces.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE,
                              aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const auto refuse = [&](std::string problem) {
    if (problem.empty()) problem = "Assimp could not read it";
    if (const auto nl = problem.find('\n'); nl != std::string::npos)
      problem = problem.substr(0, nl);
    throw ModelError(file, "cannot be read: " + problem);
  };
  // Read and validate first, post-process second: Assimp 5.2's post-processing steps assert
  // (abort the app) on meshes the readers build from corrupt files, such as a PLY face with
  // no vertices, so those are refused here before the steps run.
  const aiScene* ai = importer.ReadFile(file.string(), aiProcess_ValidateDataStructure);
  if (ai == nullptr || ai->mRootNode == nullptr || (ai->mFlags & AI_SCENE_FLAGS_INCOMPLETE)) {
    refuse(importer.GetErrorString());
  }
  for (unsigned i = 0; i < ai->mNumMeshes; ++i) {
    aiMesh* am = ai->mMeshes[i];
    unsigned types = 0;
    for (unsigned f = 0; f < am->mNumFaces; ++f) {
      const unsigned n = am->mFaces[f].mNumIndices;
      if (n == 0 || am->mFaces[f].mIndices == nullptr) refuse("a face has no vertices");
      types |= n == 1   ? aiPrimitiveType_POINT
               : n == 2 ? aiPrimitiveType_LINE
               : n == 3 ? aiPrimitiveType_TRIANGLE
                        : aiPrimitiveType_POLYGON;
    }
    // The steps trust these flags (triangulation asserts when a "polygon" mesh has none).
    am->mPrimitiveTypes = types;
  }
  ai = importer.ApplyPostProcessing(aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                    aiProcess_GenSmoothNormals | aiProcess_SortByPType);
  if (ai == nullptr || ai->mRootNode == nullptr) refuse(importer.GetErrorString());

  Scene scene;
  for (unsigned i = 0; i < ai->mNumMaterials; ++i) {
    Material material;
    aiString name;
    if (ai->mMaterials[i]->Get(AI_MATKEY_NAME, name) == AI_SUCCESS) material.name = name.C_Str();
    aiColor4D diffuse;
    if (ai->mMaterials[i]->Get(AI_MATKEY_COLOR_DIFFUSE, diffuse) == AI_SUCCESS) {
      material.baseColor = glm::vec4(diffuse.r, diffuse.g, diffuse.b, 1.0f);
    }
    float opacity = 1.0f;
    if (ai->mMaterials[i]->Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) {
      material.baseColor.a = std::clamp(opacity, 0.0f, 1.0f);
    }
    scene.addMaterial(material);
  }

  std::vector<int> meshIndex(ai->mNumMeshes, -1);
  for (unsigned i = 0; i < ai->mNumMeshes; ++i) {
    const aiMesh* am = ai->mMeshes[i];
    if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    MeshData mesh;
    mesh.positions.reserve(am->mNumVertices);
    for (unsigned v = 0; v < am->mNumVertices; ++v) {
      mesh.positions.emplace_back(am->mVertices[v].x, am->mVertices[v].y, am->mVertices[v].z);
    }
    if (am->HasNormals()) {
      for (unsigned v = 0; v < am->mNumVertices; ++v) {
        mesh.normals.emplace_back(am->mNormals[v].x, am->mNormals[v].y, am->mNormals[v].z);
      }
    }
    for (unsigned f = 0; f < am->mNumFaces; ++f) {
      const aiFace& face = am->mFaces[f];
      if (face.mNumIndices != 3) continue;
      for (int k = 0; k < 3; ++k) mesh.indices.push_back(face.mIndices[k]);
    }
    mesh.material =
        am->mMaterialIndex < ai->mNumMaterials ? static_cast<int>(am->mMaterialIndex) : -1;
    meshIndex[i] = scene.addMesh(std::move(mesh));
  }

  const auto addNode = [&](auto&& self, const aiNode* node, int parent) -> void {
    std::string name = node->mName.length > 0 ? node->mName.C_Str() : "node";
    int firstMesh = -1;
    std::vector<int> extra;
    for (unsigned k = 0; k < node->mNumMeshes; ++k) {
      const unsigned m = node->mMeshes[k];
      if (m >= ai->mNumMeshes || meshIndex[m] < 0) continue;
      if (firstMesh < 0) {
        firstMesh = meshIndex[m];
      } else {
        extra.push_back(meshIndex[m]);
      }
    }
    const int id = scene.addNode(name, toGlm(node->mTransformation), firstMesh, parent);
    for (std::size_t k = 0; k < extra.size(); ++k) {
      scene.addNode(name + ".part" + std::to_string(k + 1), glm::mat4(1.0f), extra[k], id);
    }
    for (unsigned c = 0; c < node->mNumChildren; ++c) self(self, node->mChildren[c], id);
  };
  addNode(addNode, ai->mRootNode, -1);
  return scene;
}

}  // namespace radicula::io
