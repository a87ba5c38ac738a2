// Ambient occlusion baked per vertex: how much of the open hemisphere above a surface point is
// blocked by nearby anatomy. Baked once when the assets are generated (into COLOR_0, which
// glTF multiplies into the base colour), it gives software renderers depth cues for free.
#pragma once

#include "io/scene.h"
#include "meshgen/sdf.h"

namespace radicula::meshgen {

// Samples `context` (the mesh's own field plus its neighbours, in the mesh's coordinates)
// along each vertex normal, out to `reach`; writes grey COLOR_0 from `floor` (fully enclosed)
// to 1 (open).
void bakeAmbientOcclusion(io::MeshData& mesh, const Sdf& context, float reach, float floor = 0.35f);

}  // namespace radicula::meshgen
