#include "meshgen/lesion_mesher.h"

#include "meshgen/surface_mesher.h"

namespace radicula::meshgen {

io::MeshData meshLesion(const core::PathologyShape& shape) {
  if (shape.bounds().empty()) return {};
  io::Bounds box;
  box.add(shape.bounds().lo);
  box.add(shape.bounds().hi);
  MeshingOptions options;
  options.projectionSteps = 1;
  return meshSdf([&](const glm::vec3& p) { return shape.signedDistance(p); }, box, kLesionCell,
                 options);
}

}  // namespace radicula::meshgen
