// The committed anatomy asset: node names of docs/contracts.md, the triangle budget, closed
// meshes, skin region weights and nerve arcs. (That it is not stale, byte for byte, is a
// regression pin: tests/regression/anatomy_asset_pin_test.cpp.)
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "core/morphometry.h"
#include "core/region_table.h"
#include "core/spine_layout.h"
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "mesh_probe.h"
#include "meshgen/anatomy_builder.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

std::filesystem::path assetPath() {
  return test::sourceDir() / "assets" / "anatomy.glb";
}

const io::Scene& asset() {
  static const io::Scene scene = io::loadModel(assetPath());
  return scene;
}

const io::MeshData& meshOf(const std::string& name) {
  const auto node = asset().findNode(name);
  EXPECT_TRUE(node.has_value()) << name;
  static const io::MeshData empty;
  if (!node || asset().nodes[*node].mesh < 0) return empty;
  return asset().meshes[asset().nodes[*node].mesh];
}

std::vector<std::string> requiredNames() {
  std::vector<std::string> names = {"sacrum", "dura", "cord", "skin"};
  for (const char* v : {"L1", "L2", "L3", "L4", "L5"})
    names.push_back(std::string("vertebra.") + v);
  for (auto level : core::kDiscLevels) {
    const std::string disc = "disc." + std::string(core::toString(level));
    names.insert(names.end(), {disc, disc + ".annulus", disc + ".nucleus"});
  }
  for (auto root : core::kRoots) {
    for (auto side : core::kSides) {
      names.push_back("root." + std::string(core::toString(root)) + "." +
                      std::string(core::toString(side)));
    }
  }
  for (const char* side : {"left", "right"}) {
    for (const char* n : {"sciatic", "tibial", "common_fibular", "deep_fibular",
                          "superficial_fibular", "sural", "femoral", "saphenous", "obturator",
                          "lateral_femoral_cutaneous", "posterior_femoral_cutaneous"}) {
      names.push_back(std::string("nerve.") + n + "." + side);
    }
    names.push_back(std::string("plexus.lumbosacral.") + side);
    for (const char* bone : {"pelvis", "femur", "tibia", "fibula", "foot"}) {
      names.push_back(std::string(bone) + "." + side);
    }
  }
  return names;
}

TEST(AnatomyAsset, HasEveryNodeNameOfTheDesign) {
  for (const auto& name : requiredNames()) {
    EXPECT_TRUE(asset().findNode(name).has_value()) << "missing node " << name;
  }
}

TEST(AnatomyAsset, StaysWithinTheTriangleBudget) {
  // The budget keeps the whole scene smooth on a software rasteriser (llvmpipe).
  EXPECT_LE(asset().triangleCount(), meshgen::kTriangleBudget);
  std::printf("  anatomy.glb: %zu triangles, %.1f MB\n", asset().triangleCount(),
              static_cast<double>(std::filesystem::file_size(assetPath())) / (1024.0 * 1024.0));
}

TEST(AnatomyAsset, SolidStructuresAreClosedWithOutwardNormals) {
  for (const auto& name : requiredNames()) {
    const auto node = asset().findNode(name);
    if (!node || asset().nodes[*node].mesh < 0) continue;
    const auto& mesh = asset().meshes[asset().nodes[*node].mesh];
    std::size_t bad = 0;
    EXPECT_TRUE(test::closedAndConsistent(mesh, &bad)) << name << ": " << bad << " unmatched edges";
    EXPECT_GT(test::signedVolume(mesh), 0.0) << name << " is inside out";
  }
}

TEST(AnatomyAsset, VertebraeSitInTheirOwnFramesWithTheLordosis) {
  const auto l1 = asset().findNode("vertebra.L1");
  const auto l5 = asset().findNode("vertebra.L5");
  ASSERT_TRUE(l1 && l5);
  const glm::mat4 m1 = asset().worldTransform(*l1), m5 = asset().worldTransform(*l5);
  // L1 above L5; L5 tilted forward relative to L1 by the sum of the segmental lordosis above it.
  EXPECT_GT(m1[3].y, m5[3].y + 0.1f);
  const float angle =
      std::acos(std::clamp(glm::dot(glm::vec3(m1[1]), glm::vec3(m5[1])), -1.0f, 1.0f));
  EXPECT_NEAR(glm::degrees(angle), 1.2f + 5.9f + 9.1f + 12.7f, 1.0f);
}

TEST(AnatomyAsset, NervesCarryTheirArcLength) {
  for (const char* name : {"nerve.sciatic.left", "root.L5.right", "nerve.sural.left"}) {
    const auto& mesh = meshOf(name);
    ASSERT_EQ(mesh.nerveArc.size(), mesh.positions.size()) << name;
    const auto [lo, hi] = std::minmax_element(mesh.nerveArc.begin(), mesh.nerveArc.end());
    EXPECT_FLOAT_EQ(*lo, 0.0f) << name;
    EXPECT_GT(*hi, 0.1f) << name;  // every one of these is longer than 10 cm
  }
}

TEST(AnatomyAsset, SkinRegionsArePaintedOnBothSidesWithWeightsUpToOne) {
  const auto regions = core::RegionTable::load(test::sourceDir() / "content" / "regions.json");
  const auto& skin = meshOf("skin");
  ASSERT_EQ(skin.regionIds.size(), skin.positions.size());
  ASSERT_EQ(skin.regionWeights.size(), skin.positions.size());
  std::vector<std::array<int, 2>> strong(regions.size(), {0, 0});
  for (std::size_t v = 0; v < skin.positions.size(); ++v) {
    const glm::vec4 w = skin.regionWeights[v];
    ASSERT_LE(w.x + w.y + w.z + w.w, 1.0f + 1e-4f) << "vertex " << v;
    for (int k = 0; k < 4; ++k) {
      ASSERT_GE(w[k], 0.0f);
      if (w[k] == 0.0f) continue;
      ASSERT_LT(skin.regionIds[v][k], regions.size());
      // A region's core: painted at least half strength.
      if (w[k] >= 0.5f) ++strong[skin.regionIds[v][k]][skin.positions[v].x > 0.0f ? 0 : 1];
    }
  }
  for (std::size_t r = 0; r < regions.size(); ++r) {
    EXPECT_GT(strong[r][0], 0) << regions[r].id << " is not painted on the left";
    EXPECT_GT(strong[r][1], 0) << regions[r].id << " is not painted on the right";
  }
}

}  // namespace
}  // namespace radicula
