// Small model files the tests make themselves, written independently of Radicula's own glTF
// writer so the reader is checked against hand-built glTF.
#pragma once

#include <filesystem>

namespace radicula::test {

// A glTF 2.0 file (.gltf with an embedded base64 buffer) holding one node "fixture.cube": a
// red unit cube (edge 0.2 m) centred at the origin, with a _NERVE_ARC attribute equal to each
// vertex's height + 0.1.
std::filesystem::path writeCubeGltf(const std::filesystem::path& file);

// The same cube as text OBJ, ASCII STL and ASCII PLY.
std::filesystem::path writeCubeObj(const std::filesystem::path& file);
std::filesystem::path writeCubeStl(const std::filesystem::path& file);
std::filesystem::path writeCubePly(const std::filesystem::path& file);

}  // namespace radicula::test
