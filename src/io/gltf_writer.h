// The glTF writer saves a Scene as one binary glTF 2.0 file (.glb): nodes with their
// transforms and names, one triangle primitive per mesh, PBR metallic-roughness materials, and
// the application attributes _REGION_IDS, _REGION_WEIGHTS and _NERVE_ARC (docs/contracts.md,
// "Skin and nerve vertex attributes").
//
// Output is byte-deterministic: the same Scene always gives the same bytes, so generated
// assets can be committed and checked for staleness.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "io/scene.h"

namespace radicula::io {

struct GltfWriteOptions {
  std::string generator = "radicula generate-assets";
  std::string copyright;
};

// Serialises the scene to .glb bytes. Throws std::runtime_error on an inconsistent scene
// (attribute arrays whose length differs from the positions, indices past the end).
std::vector<std::uint8_t> writeGlbBytes(const Scene& scene, const GltfWriteOptions& options = {});

// Writes the .glb file (through a temporary file, so a crash never leaves half a file).
void writeGlb(const Scene& scene, const std::filesystem::path& file,
              const GltfWriteOptions& options = {});

}  // namespace radicula::io
