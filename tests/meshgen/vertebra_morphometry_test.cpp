// The generated vertebrae must match the published morphometry (Panjabi et al. 1992, Spine
// 17:299; Bonczar et al. 2024; Cook et al. 2021; each row of content/morphometry.json names its
// source) within 10 %, measured on the meshes by casting rays through them, not by reading
// parameters back.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "core/morphometry.h"
#include "core/spine_layout.h"
#include "mesh_probe.h"
#include "meshgen/anatomy_builder.h"
#include "meshgen/spine_shapes.h"
#include "meshgen/surface_mesher.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

using core::Vertebra;

// Within 10 % of the table: published series differ by up to tens of percent through their
// definitions, so a closer fit would be false precision.
constexpr float kTolerance = 0.10f;
constexpr float kMm = 1000.0f;

class VertebraMorphometry : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    morphometry_ = std::make_unique<core::Morphometry>(
        core::Morphometry::load(test::sourceDir() / "content" / "morphometry.json"));
    layout_ = std::make_unique<core::SpineLayout>(*morphometry_);
    shapes_ = std::make_unique<meshgen::SpineShapes>(*layout_);
    const meshgen::AnatomyOptions options;
    for (int v = 0; v < 5; ++v) {
      meshes_[v] = meshgen::meshSdf([&](const glm::vec3& p) { return shapes_->vertebra(v, p); },
                                    shapes_->vertebraBounds(v), options.vertebraCell);
    }
    meshes_[5] = meshgen::meshSdf([&](const glm::vec3& p) { return shapes_->sacrum(p); },
                                  shapes_->sacrumBounds(), options.sacrumCell);
  }
  static void TearDownTestSuite() {
    shapes_.reset();
    layout_.reset();
    morphometry_.reset();
  }

  // Distance between the two crossings that bracket `inside` along `dir` (local frame, mm).
  static float bracket(int v, glm::vec3 insideMm, glm::vec3 dir) {
    const auto hits = test::crossings(meshes_[v], glm::mat4(1.0f), insideMm / kMm, dir);
    float before = -1e9f, after = 1e9f;
    for (float t : hits) {
      if (t < 0.0f) before = std::max(before, t);
      if (t > 0.0f) after = std::min(after, t);
    }
    return (after - before) * kMm;
  }

  static void expectNear(const char* what, int v, float measuredMm, float tableM) {
    const float table = tableM * kMm;
    std::printf("  %s L%d: measured %.1f mm, table %.1f mm (%+.1f %%)\n", what, v + 1, measuredMm,
                table, 100.0f * (measuredMm - table) / table);
    EXPECT_NEAR(measuredMm, table, kTolerance * table) << what << " of L" << v + 1;
  }

  static std::unique_ptr<core::Morphometry> morphometry_;
  static std::unique_ptr<core::SpineLayout> layout_;
  static std::unique_ptr<meshgen::SpineShapes> shapes_;
  static std::array<io::MeshData, 6> meshes_;
};

std::unique_ptr<core::Morphometry> VertebraMorphometry::morphometry_;
std::unique_ptr<core::SpineLayout> VertebraMorphometry::layout_;
std::unique_ptr<meshgen::SpineShapes> VertebraMorphometry::shapes_;
std::array<io::MeshData, 6> VertebraMorphometry::meshes_;

TEST_F(VertebraMorphometry, BodyWidthAndDepthAtTheEndplates) {
  for (int v = 0; v < 5; ++v) {
    const auto& t = morphometry_->lumbar[v];
    const float halfHeight = 0.25f * (t.anteriorHeight + t.posteriorHeight) * kMm;
    float width = 0.0f, depth = 0.0f;
    // Just inside each endplate, where the rims flare to the endplate's full size.
    for (float y : {halfHeight - 2.5f, -(halfHeight - 2.5f)}) {
      for (float z = -0.5f * t.bodyDepth * kMm + 8.0f; z < 0.5f * t.bodyDepth * kMm - 3.0f;
           z += 1.0f) {
        width = std::max(width, bracket(v, {0.0f, y, z}, {1, 0, 0}));
      }
      depth = std::max(depth, bracket(v, {0.0f, y, 0.0f}, {0, 0, 1}));
    }
    expectNear("endplate width", v, width, t.endplateWidth);
    expectNear("body depth", v, depth, t.bodyDepth);
  }
}

TEST_F(VertebraMorphometry, AnteriorAndPosteriorBodyHeights) {
  for (int v = 0; v < 5; ++v) {
    const auto& t = morphometry_->lumbar[v];
    // 2.5 mm inside the front and back walls, in the midline.
    const float front = bracket(v, {0.0f, 0.0f, 0.5f * t.bodyDepth * kMm - 2.5f}, {0, 1, 0});
    const float back = bracket(v, {0.0f, 0.0f, -0.5f * t.bodyDepth * kMm + 2.5f}, {0, 1, 0});
    expectNear("anterior height", v, front, t.anteriorHeight);
    expectNear("posterior height", v, back, t.posteriorHeight);
  }
}

TEST_F(VertebraMorphometry, CanalAndPedicles) {
  for (int v = 0; v < 5; ++v) {
    const auto& t = morphometry_->lumbar[v];
    const glm::vec3 pedicle =
        layout_->pedicleCentreLocal(static_cast<Vertebra>(v), core::Side::Left) * kMm;
    // Canal AP: midline, level with the pedicles, from the back of the body to the laminae.
    const float ap = bracket(
        v, {0.0f, pedicle.y, -0.5f * t.bodyDepth * kMm - 0.5f * t.canalAP * kMm}, {0, 0, 1});
    expectNear("canal AP", v, ap, t.canalAP);
    // Canal width: between the pedicles' medial walls, through their centres.
    const float width = bracket(v, {0.0f, pedicle.y, pedicle.z}, {1, 0, 0});
    expectNear("canal width", v, width, t.canalWidth);
    // Pedicle width: across the left pedicle at its centre.
    const float pedicleWidth = bracket(v, pedicle, {1, 0, 0});
    expectNear("pedicle width", v, pedicleWidth, t.pedicleWidth);
  }
}

TEST_F(VertebraMorphometry, ForamenHeightFromPedicleToPedicle) {
  for (int d = 0; d < 5; ++d) {
    const auto level = core::kDiscLevels[d];
    const auto above = core::vertebraAbove(level);
    const auto below = core::vertebraBelow(level);
    const core::Frame& fa = layout_->vertebra(above);
    const core::Frame& fb = layout_->vertebra(below);
    const glm::vec3 centre = fa.toWorld(layout_->pedicleCentreLocal(above, core::Side::Left));
    const glm::vec3 down = -layout_->disc(level).axes[1];
    // Leave the pedicle above downward, then meet the pedicle (or sacral mass) below.
    float roof = 1e9f;
    for (float t : test::crossings(meshes_[static_cast<int>(above)], fa.matrix(), centre, down)) {
      if (t > 0.0f) roof = std::min(roof, t);
    }
    float floor = 1e9f;
    for (float t : test::crossings(meshes_[static_cast<int>(below)], fb.matrix(), centre, down)) {
      if (t > roof) floor = std::min(floor, t);
    }
    ASSERT_LT(floor, 1.0f) << "no floor below the foramen at " << core::toString(level);
    std::printf("  %s: pedicle centre to roof %.1f mm, to floor %.1f mm\n",
                std::string(core::toString(level)).c_str(), roof * kMm, floor * kMm);
    expectNear("foramen height", d, (floor - roof) * kMm, morphometry_->lumbar[d].foramenHeight);
  }
}

TEST_F(VertebraMorphometry, BonesAreClosedAndFaceOutward) {
  for (int v = 0; v < 6; ++v) {
    std::size_t bad = 0;
    EXPECT_TRUE(test::closedAndConsistent(meshes_[v], &bad))
        << "bone " << v << ": " << bad << " open edges";
    EXPECT_GT(test::signedVolume(meshes_[v]), 0.0) << "bone " << v << " is inside out";
  }
}

}  // namespace
}  // namespace radicula
