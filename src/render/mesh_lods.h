// Levels of detail for one mesh: index lists over the mesh's own vertices, each about a quarter
// of the triangles of the one before, with how far (in the mesh's units) its surface may stray
// from the full mesh. The renderer draws, per object and frame, the coarsest level whose error
// covers less than half a pixel on screen, so a whole-body view does not pay for millimetre
// facets that would fall between pixels, while close-ups still get every triangle.
// Plain data, no GL: built once when a mesh is uploaded.
#pragma once

#include <cstdint>
#include <vector>

#include "io/scene.h"

namespace radicula::render {

struct MeshLod {
  std::vector<std::uint32_t> indices;  // triangles over the mesh's vertices
  float error = 0.0f;                  // largest deviation from the full mesh (mesh units)
};

// Level 0 is the mesh itself (error 0); coarser levels follow while they still halve the
// triangle count. Deterministic.
std::vector<MeshLod> buildMeshLods(const io::MeshData& mesh);

// Pixels covered by one unit of length at `distance` from a perspective camera with vertical
// field of view `fovYRadians`, on a viewport `viewportHeight` pixels tall.
float pixelsPerUnit(float distance, float fovYRadians, int viewportHeight);

}  // namespace radicula::render
