// The peripheral nerves run where textbook anatomy puts them relative to the bony landmarks
// (Gray's Anatomy, 42nd edition: the sciatic nerve below the piriformis, between the greater
// trochanter and the ischial tuberosity, the common fibular nerve round the fibular neck, the
// femoral nerve in front of the hip), and stay inside the body surface and outside the bones.
#include <gtest/gtest.h>

#include "core/morphometry.h"
#include "core/spine_layout.h"
#include "meshgen/leg_shapes.h"
#include "meshgen/skin_builder.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

using core::Side;

const core::SpineLayout& layout() {
  static const core::Morphometry m =
      core::Morphometry::load(test::sourceDir() / "content" / "morphometry.json");
  static const core::SpineLayout l(m);
  return l;
}

// The point of a nerve closest to a given height.
glm::vec3 atHeight(const core::TubePath& path, float y) {
  glm::vec3 best = path.points.front().position;
  for (const auto& p : path.points) {
    if (std::abs(p.position.y - y) < std::abs(best.y - y)) best = p.position;
  }
  return best;
}

class NerveCourse : public ::testing::TestWithParam<Side> {};

TEST_P(NerveCourse, SciaticLeavesBelowTheNotchAndRunsDownTheBackOfTheThigh) {
  const Side s = GetParam();
  const auto& leg = layout().leg(s);
  const auto& sciatic = layout().nerve("sciatic", s);
  EXPECT_LT(sciatic.points.front().position.y, leg.greaterSciaticNotch.y);  // below the notch
  // Between the greater trochanter and the ischial tuberosity, behind the hip.
  const glm::vec3 p = atHeight(sciatic, leg.ischialTuberosity.y);
  const float sx = core::SpineLayout::sideSign(s);
  EXPECT_GT(p.x * sx, leg.ischialTuberosity.x * sx);
  EXPECT_LT(p.x * sx, leg.greaterTrochanter.x * sx);
  EXPECT_LT(p.z, leg.hipJoint.z - 0.03f);
  // Divides near the apex of the popliteal fossa: above the knee, within its lower third.
  const float split = sciatic.points.back().position.y;
  EXPECT_GT(split, leg.kneeJoint.y + 0.03f);
  EXPECT_LT(split, leg.kneeJoint.y + 0.35f * (leg.hipJoint.y - leg.kneeJoint.y));
}

TEST_P(NerveCourse, BranchesGoWhereTheTextbookSays) {
  const Side s = GetParam();
  const float sx = core::SpineLayout::sideSign(s);
  const auto& leg = layout().leg(s);
  // Common fibular winds round the fibular neck: lateral to the fibular head's centre.
  const glm::vec3 fibular =
      atHeight(layout().nerve("common_fibular", s), leg.fibularHead.y - 0.02f);
  EXPECT_GT(fibular.x * sx, leg.fibularHead.x * sx);
  // Femoral in front of the hip; saphenous on the inner side of the knee.
  EXPECT_GT(atHeight(layout().nerve("femoral", s), leg.hipJoint.y).z, leg.hipJoint.z + 0.03f);
  EXPECT_LT(atHeight(layout().nerve("saphenous", s), leg.kneeJoint.y).x * sx,
            leg.kneeJoint.x * sx - 0.02f);
  // Sural behind the lateral malleolus; tibial behind the medial malleolus, then the sole.
  const glm::vec3 sural = atHeight(layout().nerve("sural", s), leg.ankleJoint.y);
  EXPECT_GT(sural.x * sx, leg.ankleJoint.x * sx + 0.02f);
  EXPECT_LT(sural.z, leg.ankleJoint.z);
  const glm::vec3 tibial = atHeight(layout().nerve("tibial", s), leg.ankleJoint.y);
  EXPECT_LT(tibial.x * sx, leg.ankleJoint.x * sx - 0.01f);
  EXPECT_LT(tibial.z, leg.ankleJoint.z);
  EXPECT_LT(layout().nerve("tibial", s).points.back().position.y, 0.03f);
  // Deep and superficial fibular end on the top of the foot.
  for (const char* n : {"deep_fibular", "superficial_fibular"}) {
    const glm::vec3 end = layout().nerve(n, s).points.back().position;
    EXPECT_GT(end.z, leg.ankleJoint.z + 0.08f) << n;
  }
}

TEST_P(NerveCourse, NervesStayInsideTheSkinAndOutOfTheLegBones) {
  const Side s = GetParam();
  const meshgen::SkinShape skin(layout());
  const meshgen::LegShapes bones(layout());
  const float sx = core::SpineLayout::sideSign(s);
  for (const auto& [name, pair] : layout().nerves()) {
    const auto& path = pair[core::SpineLayout::sideIndex(s)];
    float worstSkin = -1.0f, worstBone = -1.0f, skinY = 0.0f, boneY = 0.0f;
    for (const auto& p : path.points) {
      // Under the skin by at least the nerve's own radius.
      const float out = skin.field(p.position) + p.radius;
      if (out > worstSkin) worstSkin = out, skinY = p.position.y;
      // The bone fields model the left side; mirror the right's points onto it. A nerve may
      // touch bone (the common fibular on the fibular neck) but not run through it.
      const glm::vec3 q(p.position.x * sx, p.position.y, p.position.z);
      for (auto bone : {meshgen::LegBone::Femur, meshgen::LegBone::Tibia, meshgen::LegBone::Fibula,
                        meshgen::LegBone::Pelvis}) {
        const float in = -bones.field(bone, q) - 0.5f * p.radius;
        if (in > worstBone) worstBone = in, boneY = p.position.y;
      }
    }
    EXPECT_LT(worstSkin, 0.0f) << path.id << " pierces the skin by " << worstSkin * 1000.0f
                               << " mm at y=" << skinY;
    EXPECT_LT(worstBone, 0.0f) << path.id << " runs " << worstBone * 1000.0f
                               << " mm into bone at y=" << boneY;
  }
}

INSTANTIATE_TEST_SUITE_P(BothSides, NerveCourse, ::testing::Values(Side::Left, Side::Right),
                         [](const auto& info) { return std::string(core::toString(info.param)); });

}  // namespace
}  // namespace radicula
