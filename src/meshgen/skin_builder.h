// The skin is the body surface as one translucent mesh: an adult figure modelled in detail
// from the waist down (buttocks, thighs, knees, calves, ankles, feet and toes) and simply
// above it. Each vertex carries up to four skin regions with weights (_REGION_IDS,
// _REGION_WEIGHTS; region index = position in content/regions.json), painted from the
// regions' placement on the limb with soft edges. A vertex with x > 0 lies on the patient's
// left, so one region index serves both sides.
#pragma once

#include <vector>

#include "core/region_table.h"
#include "core/spine_layout.h"
#include "io/scene.h"

namespace radicula::meshgen {

class SkinShape {
 public:
  explicit SkinShape(const core::SpineLayout& layout);
  float field(const glm::vec3& world) const;  // metres
  io::Bounds bounds() const;

 private:
  float legField(const glm::vec3& p) const;  // left leg, mm
  const core::SpineLayout& layout_;
  glm::vec3 hip_, knee_, ankle_, heel_, toe_;  // left, mm
  float stature_;
};

// Where a skin vertex lies on its limb (docs/clinical-basis.md §3 conventions), used to paint
// regions.
struct LimbCoordinate {
  core::BodySegment segment = core::BodySegment::Thigh;
  float along = 0.0f;      // 0 proximal … 1 distal within the segment
  float aroundDeg = 0.0f;  // 0 front (foot: top), 90 lateral, 180 back (sole), 270 medial
  bool onLimb = false;     // false above the groin, on the trunk
};
LimbCoordinate limbCoordinate(const core::SpineLayout& layout, const glm::vec3& world);

// Region weights for one vertex: strongest four, summing to at most 1.
void paintRegions(const core::SpineLayout& layout, const std::vector<core::SkinRegion>& regions,
                  const glm::vec3& world, std::array<std::uint8_t, 4>& ids, glm::vec4& weights);

void addSkin(io::Scene& scene, const core::SpineLayout& layout,
             const std::vector<core::SkinRegion>& regions, float cell, float maxError,
             int material);

}  // namespace radicula::meshgen
