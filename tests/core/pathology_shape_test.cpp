// Lesion solids (what meshgen draws and the engine measures): every accepted combination has
// one, its bounding box holds it, and it grows with severity.
#include <gtest/gtest.h>

#include "engine_fixture.h"

namespace radicula::core {
namespace {

using test::EngineFixture;

std::vector<Pathology> everyCombination(float severity) {
  std::vector<Pathology> out;
  for (PathologyType type : {PathologyType::Herniation, PathologyType::Osteophyte,
                             PathologyType::Stenosis, PathologyType::Spondylolisthesis}) {
    for (DiscLevel level : kDiscLevels) {
      for (Zone zone : {Zone::Central, Zone::Paracentral, Zone::Foraminal, Zone::Extraforaminal}) {
        for (SideSpec side : {SideSpec::Left, SideSpec::Right, SideSpec::Both}) {
          for (SlipKind slip : {SlipKind::Degenerative, SlipKind::Isthmic}) {
            if (type != PathologyType::Spondylolisthesis && slip == SlipKind::Isthmic) continue;
            Pathology p;
            p.type = type;
            p.level = level;
            p.zone = zone;
            p.side = side;
            p.slip = slip;
            p.severity = severity;
            out.push_back(p);
          }
        }
      }
    }
  }
  for (PathologyType type : {PathologyType::Piriformis, PathologyType::FibularHead}) {
    for (SideSpec side : {SideSpec::Left, SideSpec::Right, SideSpec::Both}) {
      Pathology p;
      p.type = type;
      p.side = side;
      p.severity = severity;
      out.push_back(p);
    }
  }
  return out;
}

std::string describe(const Pathology& p) {
  return std::string(toString(p.type)) + " " + std::string(toString(p.level)) + " " +
         std::string(toString(p.zone)) + " " + std::string(toString(p.side));
}

TEST(PathologyShape, EveryCombinationHasASolidInsideItsBounds) {
  const auto& layout = EngineFixture::get().layout;
  for (const Pathology& p : everyCombination(0.6f)) {
    const PathologyShape shape = PathologyShape::build(p, layout);
    ASSERT_FALSE(shape.primitives().empty()) << describe(p);
    ASSERT_FALSE(shape.bounds().empty()) << describe(p);
    const Aabb& b = shape.bounds();
    const glm::vec3 size = b.hi - b.lo;
    if (p.isSpinal() || p.side != SideSpec::Both) {  // both legs' entrapments span the body
      EXPECT_LT(glm::length(size), 0.12f) << describe(p) << ": a lesion is centimetres, not more";
    }
    // Some grid point inside; nothing inside just outside the box.
    bool anyInside = false;
    constexpr int n = 12;
    for (int i = 0; i <= n; ++i) {
      for (int j = 0; j <= n; ++j) {
        for (int k = 0; k <= n; ++k) {
          const glm::vec3 t(i / float(n), j / float(n), k / float(n));
          const glm::vec3 inBox = b.lo + t * size;
          if (shape.signedDistance(inBox) < 0.0f) anyInside = true;
          const glm::vec3 outside = b.lo - glm::vec3(0.001f) + t * (size + glm::vec3(0.002f));
          const bool onShell = i == 0 || j == 0 || k == 0 || i == n || j == n || k == n;
          if (onShell) {
            EXPECT_GT(shape.signedDistance(outside), 0.0f)
                << describe(p) << " pokes out of its box";
          }
        }
      }
    }
    EXPECT_TRUE(anyInside) << describe(p);
  }
}

TEST(PathologyShape, SolidsGrowWithSeverity) {
  const auto& layout = EngineFixture::get().layout;
  const auto small = everyCombination(0.3f);
  const auto large = everyCombination(0.8f);
  for (std::size_t i = 0; i < small.size(); ++i) {
    const auto a = PathologyShape::build(small[i], layout).bounds();
    const auto b = PathologyShape::build(large[i], layout).bounds();
    // Spinal lesions grow; an entrapment is a structure that moves onto the nerve instead.
    if (a.empty() || !small[i].isSpinal()) continue;
    ASSERT_FALSE(b.empty()) << describe(large[i]);
    // The larger lesion's box is at least as big in volume (1 % slack for float rounding).
    const glm::vec3 sa = a.hi - a.lo;
    const glm::vec3 sb = b.hi - b.lo;
    EXPECT_GE(sb.x * sb.y * sb.z, 0.99f * sa.x * sa.y * sa.z) << describe(large[i]);
  }
}

}  // namespace
}  // namespace radicula::core
