// Meshes a lesion's solid (the very PathologyShape the clinical engine measures compression
// with) for drawing. Runs while the user drags the severity slider, so it trades the asset
// generator's exact surface for speed: a 0.6 mm grid and one projection step.
// Figures: build/tests/bench_lesion_mesh.
#pragma once

#include "core/pathology_shape.h"
#include "io/scene.h"

namespace radicula::meshgen {

inline constexpr float kLesionCell = 0.0006f;  // 0.6 mm: smooth at every view, a few ms each

// A closed, outward-wound mesh of `shape`; empty when the shape is.
io::MeshData meshLesion(const core::PathologyShape& shape);

}  // namespace radicula::meshgen
