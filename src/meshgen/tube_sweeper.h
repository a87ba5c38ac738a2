// The tube sweeper turns a centre line with radii (a root, a nerve, the dural sac) into a
// closed tube mesh: rings of vertices carried along the line by rotation-minimising frames
// (no twist), rounded end caps, and each vertex's arc length from the proximal end in
// `_NERVE_ARC` so a pulse can run distally in the shader.
#pragma once

#include "core/spine_layout.h"
#include "io/scene.h"

namespace radicula::meshgen {

struct TubeOptions {
  float minStep = 0.0015f;  // ring spacing bounds (metres); the spacing follows the radius
  float maxStep = 0.006f;
  int minSides = 8;  // ring resolution bounds; thick tubes get more sides
  int maxSides = 20;
  float sideLength = 0.0012f;  // target edge length round the ring
  int capRings = 3;            // rings in each hemispherical end cap
};

io::MeshData sweepTube(const core::TubePath& path, const TubeOptions& options = {});

// Distance from p to the tube's surface (negative inside): the tube as a signed distance field,
// for ambient occlusion and for carving canals through bone.
float tubeDistance(const core::TubePath& path, const glm::vec3& p);

}  // namespace radicula::meshgen
