// Levels of detail: each level has far fewer triangles over the same vertices and states how
// far it strays; the renderer keeps every triangle where the eye is close and saves them where
// the whole body fills the view.
#include <gtest/gtest.h>

#include <cmath>

#include "render/mesh_lods.h"

namespace radicula {
namespace {

// A UV sphere of radius 1 cm, welded at the poles.
io::MeshData sphere(int rings, int segments) {
  io::MeshData mesh;
  const float r = 0.01f;
  mesh.positions.push_back({0, r, 0});
  for (int i = 1; i < rings; ++i) {
    const float theta = 3.14159265f * static_cast<float>(i) / static_cast<float>(rings);
    for (int j = 0; j < segments; ++j) {
      const float phi = 6.2831853f * static_cast<float>(j) / static_cast<float>(segments);
      mesh.positions.push_back({r * std::sin(theta) * std::cos(phi), r * std::cos(theta),
                                r * std::sin(theta) * std::sin(phi)});
    }
  }
  mesh.positions.push_back({0, -r, 0});
  const auto ring = [&](int i, int j) {
    return static_cast<std::uint32_t>(1 + (i - 1) * segments + (j % segments));
  };
  const auto last = static_cast<std::uint32_t>(mesh.positions.size() - 1);
  for (int j = 0; j < segments; ++j) {
    mesh.indices.insert(mesh.indices.end(), {0u, ring(1, j + 1), ring(1, j)});
    mesh.indices.insert(mesh.indices.end(), {last, ring(rings - 1, j), ring(rings - 1, j + 1)});
  }
  for (int i = 1; i + 1 < rings; ++i) {
    for (int j = 0; j < segments; ++j) {
      mesh.indices.insert(mesh.indices.end(), {ring(i, j), ring(i, j + 1), ring(i + 1, j)});
      mesh.indices.insert(mesh.indices.end(), {ring(i, j + 1), ring(i + 1, j + 1), ring(i + 1, j)});
    }
  }
  return mesh;
}

TEST(MeshLods, EachLevelHasFarFewerTrianglesAndAnHonestError) {
  const io::MeshData mesh = sphere(64, 128);
  const auto lods = render::buildMeshLods(mesh);
  ASSERT_GE(lods.size(), 3u);
  EXPECT_EQ(lods[0].indices, mesh.indices);
  EXPECT_EQ(lods[0].error, 0.0f);
  for (std::size_t l = 1; l < lods.size(); ++l) {
    EXPECT_LE(lods[l].indices.size() * 2, lods[l - 1].indices.size()) << "level " << l;
    EXPECT_GT(lods[l].error, lods[l - 1].error) << "level " << l;
    // Over the same vertices; every triangle centre near the stated error of the sphere (a
    // centre of a flat triangle lies inside the curved surface it spans). The error is
    // meshoptimizer's estimate, not a strict bound: within a factor of two, which the
    // renderer's half-pixel threshold leaves room for.
    float worst = 0.0f;
    for (std::size_t i = 0; i + 2 < lods[l].indices.size(); i += 3) {
      for (int k = 0; k < 3; ++k) ASSERT_LT(lods[l].indices[i + k], mesh.positions.size());
      const glm::vec3 centre =
          (mesh.positions[lods[l].indices[i]] + mesh.positions[lods[l].indices[i + 1]] +
           mesh.positions[lods[l].indices[i + 2]]) /
          3.0f;
      worst = std::max(worst, 0.01f - glm::length(centre));
    }
    EXPECT_LE(worst, 2.0f * lods[l].error + 1e-6f) << "level " << l;
  }
}

TEST(MeshLods, SmallMeshesKeepOneLevel) {
  EXPECT_EQ(render::buildMeshLods(sphere(8, 8)).size(), 1u);
  EXPECT_EQ(render::buildMeshLods(io::MeshData{}).size(), 1u);
}

TEST(MeshLods, PixelsPerUnitFollowsDistanceAndViewport) {
  // 35° field of view, 720 pixels tall, 2 m away: about 1 px per millimetre.
  const float perMetre = render::pixelsPerUnit(2.0f, 35.0f * 3.14159265f / 180.0f, 720);
  EXPECT_NEAR(perMetre, 720.0f / (4.0f * std::tan(17.5f * 3.14159265f / 180.0f)), 1e-2f);
  EXPECT_NEAR(render::pixelsPerUnit(1.0f, 0.6f, 720), 2.0f * render::pixelsPerUnit(2.0f, 0.6f, 720),
              1e-3f);
}

}  // namespace
}  // namespace radicula
