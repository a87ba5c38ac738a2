#include "io/model_loader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <new>
#include <system_error>

namespace radicula::io {

namespace {

std::string lowerExtension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

const std::vector<std::string>& supportedModelExtensions() {
  static const std::vector<std::string> extensions = {".glb", ".gltf", ".obj", ".stl", ".ply",
                                                      ".fbx", ".dae",  ".3ds", ".off"};
  return extensions;
}

bool isSupportedModel(const std::filesystem::path& file) {
  const auto& list = supportedModelExtensions();
  return std::find(list.begin(), list.end(), lowerExtension(file)) != list.end();
}

Scene loadModel(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw ModelError(file, "no such file");
  if (std::filesystem::is_directory(file, ec))
    throw ModelError(file, "is a folder, not a model file");
  if (!std::ifstream(file, std::ios::binary))
    throw ModelError(file, "cannot be opened for reading");
  if (std::filesystem::file_size(file, ec) == 0) throw ModelError(file, "is empty");
  if (!isSupportedModel(file)) {
    std::string list;
    for (const auto& e : supportedModelExtensions()) list += (list.empty() ? "" : " ") + e;
    throw ModelError(file, "unsupported model format (expected one of: " + list + ")");
  }
  const std::string ext = lowerExtension(file);
#ifdef RADICULA_NO_ASSIMP
  // The browser build reads glTF only: Assimp's formats are the desktop's.
  if (ext != ".glb" && ext != ".gltf") {
    throw ModelError(file,
                     "the web version opens glTF (.glb, .gltf) models; other formats open in "
                     "the desktop app");
  }
#endif
  Scene scene;
  // Whatever a reader or the library under it throws, the caller hears one thing: which file
  // could not be opened, and why.
  try {
#ifdef RADICULA_NO_ASSIMP
    scene = loadGltf(file);
#else
    scene = (ext == ".glb" || ext == ".gltf") ? loadGltf(file) : loadWithAssimp(file);
#endif
  } catch (const ModelError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw ModelError(file, "is too large to open in the memory there is");
  } catch (const std::exception& e) {
    throw ModelError(file, std::string("cannot be read: ") + e.what());
  }
  if (scene.triangleCount() == 0) throw ModelError(file, "holds no triangles to show");
  for (auto& mesh : scene.meshes) {
    if (mesh.normals.size() != mesh.positions.size()) mesh.computeNormals();
  }
  return scene;
}

}  // namespace radicula::io
