// The surface mesher: closed, outward and accurate on a known shape; the lesion meshes the
// viewer draws lie on the engine's own solids.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/findings.h"
#include "mesh_probe.h"
#include "meshgen/lesion_mesher.h"
#include "meshgen/sdf.h"
#include "meshgen/surface_mesher.h"
#include "meshgen/tube_sweeper.h"

namespace radicula {
namespace {

TEST(SurfaceMesher, SphereIsClosedOutwardAndOnTheSurface) {
  const meshgen::Sdf sphere = [](const glm::vec3& p) { return glm::length(p) - 0.01f; };
  io::Bounds box;
  box.add(glm::vec3(-0.011f));
  box.add(glm::vec3(0.011f));
  const auto mesh = meshgen::meshSdf(sphere, box, 0.001f);
  EXPECT_TRUE(test::closedAndConsistent(mesh));
  // Volume within 1 % of 4/3 π r³: the projection puts vertices on the exact surface.
  const double exact = 4.0 / 3.0 * 3.14159265358979 * 1e-6;
  EXPECT_NEAR(test::signedVolume(mesh), exact, 0.01 * exact);
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    ASSERT_NEAR(glm::length(mesh.positions[i]), 0.01f, 2e-5f);
    ASSERT_GT(glm::dot(mesh.normals[i], mesh.positions[i]), 0.0f);  // outward
  }
}

TEST(SurfaceMesher, TouchingTheBoxStillCloses) {
  const meshgen::Sdf cube = [](const glm::vec3& p) {
    return meshgen::sdf::roundBox(p, {}, glm::vec3(0.01f), 0.002f);
  };
  io::Bounds box;
  box.add(glm::vec3(-0.01f));
  box.add(glm::vec3(0.01f));
  EXPECT_TRUE(test::closedAndConsistent(meshgen::meshSdf(cube, box, 0.0015f)));
}

TEST(SurfaceMesher, Meshes64CubedClosedWithFastOptions) {
  // A herniation-like blob: two smoothly joined ellipsoids, meshed with the run-time options.
  // Its speed is a figure of build/tests/bench_lesion_mesh, not asserted here.
  const meshgen::Sdf blob = [](const glm::vec3& p) {
    return meshgen::sdf::smin(meshgen::sdf::ellipsoid(p, {0, 0, 0}, {0.008f, 0.004f, 0.006f}),
                              meshgen::sdf::sphere(p, {0.004f, 0.0f, -0.006f}, 0.004f), 0.003f);
  };
  io::Bounds box;
  box.add(glm::vec3(-0.0128f));
  box.add(glm::vec3(0.0128f));
  meshgen::MeshingOptions fast;
  fast.projectionSteps = 1;
  const auto mesh = meshgen::meshSdf(blob, box, 0.0004f, fast);  // 64 cells a side
  EXPECT_TRUE(test::closedAndConsistent(mesh));
  EXPECT_GT(mesh.triangleCount(), 1000u);
}

// What the viewer draws for a lesion is the solid the engine measures compression with: for
// every lesion type and zone the mesh is closed and lies on that solid's surface.
TEST(LesionMesher, EveryLesionIsAClosedMeshOnItsSolid) {
  const auto engine = core::ClinicalEngine::loadDefault();
  std::vector<core::Pathology> lesions;
  for (auto type : {core::PathologyType::Herniation, core::PathologyType::Osteophyte,
                    core::PathologyType::Stenosis, core::PathologyType::Spondylolisthesis}) {
    for (auto zone : {core::Zone::Central, core::Zone::Paracentral, core::Zone::Foraminal,
                      core::Zone::Extraforaminal}) {
      core::Pathology p;
      p.type = type;
      p.level = core::DiscLevel::L4L5;
      p.side = core::SideSpec::Left;
      p.zone = zone;
      p.severity = 0.6f;
      lesions.push_back(p);
    }
  }
  for (auto type : {core::PathologyType::Piriformis, core::PathologyType::FibularHead}) {
    core::Pathology p;
    p.type = type;
    p.side = core::SideSpec::Right;
    p.severity = 0.6f;
    lesions.push_back(p);
  }
  const std::vector<core::PathologyShape> shapes = engine->shapes(lesions);
  ASSERT_EQ(shapes.size(), lesions.size());
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    SCOPED_TRACE(testing::Message()
                 << "lesion " << i << " (type " << static_cast<int>(lesions[i].type) << ", zone "
                 << static_cast<int>(lesions[i].zone) << ")");
    const io::MeshData mesh = meshgen::meshLesion(shapes[i]);
    ASSERT_GT(mesh.triangleCount(), 100u);
    EXPECT_TRUE(test::closedAndConsistent(mesh));
    float worst = 0.0f;
    for (const glm::vec3& v : mesh.positions) {
      worst = std::max(worst, std::abs(shapes[i].signedDistance(v)));
    }
    // Surface nets with one projection step land within a fraction of the 0.6 mm cell.
    EXPECT_LT(worst, 0.5f * meshgen::kLesionCell);
  }
}

TEST(TubeSweeper, TubeIsClosedWithArcAlongIt) {
  core::TubePath path;
  path.id = "nerve.test";
  for (int i = 0; i <= 20; ++i) {
    const float t = static_cast<float>(i) / 20.0f;
    path.points.push_back(
        {{0.05f * std::sin(3.0f * t), -0.2f * t, 0.02f * t}, 0.003f - 0.002f * t});
  }
  const auto mesh = meshgen::sweepTube(path);
  EXPECT_TRUE(test::closedAndConsistent(mesh));
  EXPECT_GT(test::signedVolume(mesh), 0.0);
  ASSERT_EQ(mesh.nerveArc.size(), mesh.positions.size());
  EXPECT_NEAR(*std::max_element(mesh.nerveArc.begin(), mesh.nerveArc.end()), path.length(), 1e-5f);
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    // Every vertex lies on the tube's surface.
    ASSERT_NEAR(meshgen::tubeDistance(path, mesh.positions[i]), 0.0f, 2e-4f);
  }
}

}  // namespace
}  // namespace radicula
