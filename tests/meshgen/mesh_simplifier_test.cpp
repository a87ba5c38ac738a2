// The mesh simplifier: far fewer triangles, the same closed shape within the error asked for,
// and every per-vertex attribute carried with the vertices that stay.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "mesh_probe.h"
#include "meshgen/mesh_simplifier.h"
#include "meshgen/surface_mesher.h"
#include "meshgen/tube_sweeper.h"

namespace radicula {
namespace {

// A flattened ellipsoid with a bump: flat areas to collapse and a curved rim to keep.
float body(const glm::vec3& p) {
  const glm::vec3 r(0.02f, 0.008f, 0.015f);
  const float ellipsoid = (glm::length(p / r) - 1.0f) * std::min({r.x, r.y, r.z});
  const float bump = glm::length(p - glm::vec3(0.012f, 0.006f, 0.0f)) - 0.004f;
  return std::min(ellipsoid, bump);
}

io::MeshData meshBody(float simplifyError) {
  io::Bounds box;
  box.add(glm::vec3(-0.022f, -0.012f, -0.017f));
  box.add(glm::vec3(0.022f, 0.012f, 0.017f));
  meshgen::MeshingOptions options;
  options.simplifyError = simplifyError;
  return meshgen::meshSdf(body, box, 0.0008f, options);
}

TEST(MeshSimplifier, KeepsTheClosedShapeWithinTheErrorWithFarFewerTriangles) {
  const io::MeshData full = meshBody(0.0f);
  constexpr float kError = 0.0001f;  // 0.1 mm, what the generated spine uses
  const io::MeshData simple = meshBody(kError);
  std::printf("  %zu -> %zu triangles\n", full.triangleCount(), simple.triangleCount());
  EXPECT_LT(simple.triangleCount() * 3, full.triangleCount());
  EXPECT_TRUE(test::closedAndConsistent(simple));
  // Flat triangles over a convex surface cut a thin shell off: at most its area times the
  // error.
  double area = 0.0;
  for (std::size_t i = 0; i + 2 < full.indices.size(); i += 3) {
    const glm::vec3 a = full.positions[full.indices[i]], b = full.positions[full.indices[i + 1]],
                    c = full.positions[full.indices[i + 2]];
    area += 0.5 * glm::length(glm::cross(b - a, c - a));
  }
  EXPECT_NEAR(test::signedVolume(simple), test::signedVolume(full), area * kError);
  // Kept vertices sit on the surface; triangle centres stray no further than the error plus
  // what the grid mesher itself allows.
  ASSERT_EQ(simple.normals.size(), simple.positions.size());
  for (const auto& p : simple.positions) ASSERT_NEAR(body(p), 0.0f, 5e-5f);
  for (std::size_t i = 0; i + 2 < simple.indices.size(); i += 3) {
    const glm::vec3 centre =
        (simple.positions[simple.indices[i]] + simple.positions[simple.indices[i + 1]] +
         simple.positions[simple.indices[i + 2]]) /
        3.0f;
    ASSERT_LT(std::abs(body(centre)), 2.0f * kError + 5e-5f);
  }
}

TEST(MeshSimplifier, CarriesEveryAttributeWithTheVerticesThatStay) {
  core::TubePath path;
  path.id = "nerve.test";
  for (int i = 0; i <= 40; ++i) {
    const float t = static_cast<float>(i) / 40.0f;
    path.points.push_back({{0.0f, -0.3f * t, 0.01f * std::sin(2.0f * t)}, 0.003f});
  }
  io::MeshData mesh = meshgen::sweepTube(path);
  mesh.colors.assign(mesh.positions.size(), glm::vec4(1.0f));
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) mesh.colors[v].r = mesh.nerveArc[v];
  const std::size_t before = mesh.triangleCount();
  meshgen::simplifyMesh(mesh, 0.0001f);
  EXPECT_LT(mesh.triangleCount(), before);
  EXPECT_TRUE(test::closedAndConsistent(mesh));
  ASSERT_EQ(mesh.nerveArc.size(), mesh.positions.size());
  ASSERT_EQ(mesh.colors.size(), mesh.positions.size());
  ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    // The arc still belongs to its own vertex (the colour was tagged with it before).
    ASSERT_EQ(mesh.colors[v].r, mesh.nerveArc[v]);
    ASSERT_NEAR(meshgen::tubeDistance(path, mesh.positions[v]), 0.0f, 2e-4f);
  }
  // Both ends survive, so the glow still runs the whole length.
  EXPECT_NEAR(*std::max_element(mesh.nerveArc.begin(), mesh.nerveArc.end()), path.length(), 1e-5f);
  EXPECT_NEAR(*std::min_element(mesh.nerveArc.begin(), mesh.nerveArc.end()), 0.0f, 1e-5f);
}

TEST(MeshSimplifier, ZeroErrorChangesNothing) {
  const io::MeshData a = meshBody(0.0f);
  io::MeshData b = a;
  meshgen::simplifyMesh(b, 0.0f);
  EXPECT_EQ(a.indices, b.indices);
  EXPECT_EQ(a.positions.size(), b.positions.size());
}

}  // namespace
}  // namespace radicula
