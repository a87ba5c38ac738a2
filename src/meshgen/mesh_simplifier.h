// The mesh simplifier removes the triangles a surface does not need. Surface nets give even,
// grid-sized triangles everywhere, so flat and gently curved bone carries as many triangles as a
// facet's edge; collapsing edges until the surface would move by more than a set distance keeps
// the shape while the triangle count (what a software rasteriser pays for) drops severalfold.
#pragma once

#include "io/scene.h"

namespace radicula::meshgen {

// Collapses edges of `mesh` while no surface point moves more than `maxError` (absolute, in the
// mesh's units). Kept vertices keep every attribute unchanged (normals, colours, skin regions,
// nerve arc), since collapses only ever merge a vertex into a neighbour. Open borders stay
// where they are, so a closed mesh stays closed. Deterministic.
void simplifyMesh(io::MeshData& mesh, float maxError);

}  // namespace radicula::meshgen
