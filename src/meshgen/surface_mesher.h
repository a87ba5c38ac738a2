// The surface mesher turns a signed distance field into a closed triangle mesh: it samples
// the field on a grid over a box, places one vertex per cell the surface crosses (surface
// nets, a dual method that gives even, well-shaped triangles), then pulls each vertex onto the
// exact zero level set and takes its normal from the field's gradient, so no voxel steps show.
//
// The result is watertight with outward-facing triangles as long as the surface stays inside
// the box. It is fast enough to run while the user drags a slider (64³ cells in a few ms).
#pragma once

#include "io/scene.h"
#include "meshgen/sdf.h"

namespace radicula::meshgen {

struct MeshingOptions {
  // Newton steps pulling vertices onto the zero level set using the field itself (exact, but
  // each step costs four field evaluations per vertex). 0 keeps the grid estimate, which is
  // what run-time meshing of lesion shapes uses.
  int projectionSteps = 2;
  // Normals from the field's gradient (smooth) rather than from the triangles.
  bool gradientNormals = true;
  // Pieces smaller than this many triangles are dropped: slivers left where thin carvings
  // nearly cut through (0 keeps everything).
  std::size_t minComponentTriangles = 60;
  // Edges are collapsed while the surface moves less than this (field units; 0 keeps the grid
  // triangles). Generated assets use it; run-time lesion shapes are small and keep the grid.
  float simplifyError = 0.0f;
};

// Removes connected pieces of fewer than `minTriangles` triangles and unused vertices.
void dropSmallPieces(io::MeshData& mesh, std::size_t minTriangles);

// Meshes the region of `box` where `field` < 0, at the given cell size (same units as the box).
// The box is padded by one cell so a surface touching it still closes.
io::MeshData meshSdf(const Sdf& field, const io::Bounds& box, float cell,
                     const MeshingOptions& options = {});

// Central-difference gradient of a field, normalised (falls back to +y where flat).
glm::vec3 sdfNormal(const Sdf& field, const glm::vec3& p, float h);

}  // namespace radicula::meshgen
