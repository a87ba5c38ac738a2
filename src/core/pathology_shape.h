// A *PathologyShape* is the solid a pathology occupies, placed by the SpineLayout: a herniation
// is nucleus pushed out of the disc at its zone (bulge → protrusion → extrusion with a dome
// wider than its neck → sequestrated fragment), a bone spur a tapering cone from the facet or
// the endplate margin, a stenosis a narrowing of canal, recess or foramen, a slip the
// displaced facet and the pinched foramen, an entrapment the structure pressing on the nerve.
//
// It is an analytic solid: `signedDistance` (metres, negative inside) is what the compression
// engine measures with and what meshgen turns into the mesh the user sees.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "core/pathology.h"
#include "core/sdf.h"
#include "core/spine_layout.h"

namespace radicula::core {

class PathologyShape {
 public:
  // One solid; the shape is their union.
  struct Primitive {
    enum class Kind { RoundCone, RoundedBox, Ring };
    Kind kind = Kind::RoundCone;
    // RoundCone: sphere radius ra at a, rb at b (a sphere when a == b).
    glm::vec3 a{0.0f};
    glm::vec3 b{0.0f};
    float ra = 0.0f;
    float rb = 0.0f;
    // RoundedBox and Ring: placed in `frame`; box half extents and edge rounding, or ring
    // inner and outer radius round the local y axis, half height and rim rounding.
    Frame frame;
    glm::vec3 halfExtents{0.0f};
    float rounding = 0.0f;
    float inner = 0.0f;
    float outer = 0.0f;
    float halfHeight = 0.0f;
    // A half-space the solid is cut to, in the frame: keeps local z <= clipZ (e.g. behind
    // the disc's front); disabled when clipZ is +infinity.
    float clipZ = 1e30f;

    float signedDistance(const glm::vec3& world) const;
    Aabb bounds() const;
  };

  // Builds the shape for `pathology` on `layout`. Never fails: every type, level, side and
  // zone the scenario accepts has a shape (a lateral bone spur is real and presses on nothing).
  static PathologyShape build(const Pathology& pathology, const SpineLayout& layout);

  float signedDistance(const glm::vec3& world) const;
  // World bounding box of the solid (metres), for meshing and for culling the measurement.
  const Aabb& bounds() const { return bounds_; }
  const std::vector<Primitive>& primitives() const { return primitives_; }

 private:
  void add(const Primitive& primitive);

  std::vector<Primitive> primitives_;
  Aabb bounds_;
};

}  // namespace radicula::core
