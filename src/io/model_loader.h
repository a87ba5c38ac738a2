// The front door for opening any model a user gives us: glTF 2.0 (.gltf, .glb) through
// tinygltf, everything else Assimp reads (OBJ, STL, PLY, FBX, COLLADA, …) through Assimp.
// Both produce the same plain Scene; both throw ModelError with the file and the problem.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/model_error.h"
#include "io/scene.h"

namespace radicula::io {

// File name extensions (lower case, with the dot) that loadModel accepts.
const std::vector<std::string>& supportedModelExtensions();
bool isSupportedModel(const std::filesystem::path& file);

Scene loadModel(const std::filesystem::path& file);

Scene loadGltf(const std::filesystem::path& file);        // gltf_reader.cpp
Scene loadWithAssimp(const std::filesystem::path& file);  // assimp_importer.cpp

}  // namespace radicula::io
