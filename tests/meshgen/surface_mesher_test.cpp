// The surface mesher: closed, outward, accurate on a known shape, and fast enough to mesh a
// lesion shape while a slider moves.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "mesh_probe.h"
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

TEST(SurfaceMesher, Meshes64CubedQuicklyForRunTimeLesions) {
  // A herniation-like blob: two smoothly joined ellipsoids.
  const meshgen::Sdf blob = [](const glm::vec3& p) {
    return meshgen::sdf::smin(meshgen::sdf::ellipsoid(p, {0, 0, 0}, {0.008f, 0.004f, 0.006f}),
                              meshgen::sdf::sphere(p, {0.004f, 0.0f, -0.006f}, 0.004f), 0.003f);
  };
  io::Bounds box;
  box.add(glm::vec3(-0.0128f));
  box.add(glm::vec3(0.0128f));
  meshgen::MeshingOptions fast;
  fast.projectionSteps = 1;
  const auto start = std::chrono::steady_clock::now();
  const auto mesh = meshgen::meshSdf(blob, box, 0.0004f, fast);  // 64 cells a side
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("  64^3 lesion mesh: %zu triangles in %.1f ms\n", mesh.triangleCount(), ms);
  EXPECT_TRUE(test::closedAndConsistent(mesh));
  // A few ms on a desktop; generous here because the test machine may be busy or sanitised.
  EXPECT_LT(ms, 250.0);
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
