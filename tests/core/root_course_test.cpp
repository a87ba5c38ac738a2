// The root course (Fardon et al. 2014; Gray's Anatomy, 42nd edition: a root is named after the
// vertebra above its foramen): names, sections in order, traversing roots in the
// recess medial to the exiting root, ganglia high in the foramen, sacral roots posteromedial in the
// sac.
#include <gtest/gtest.h>

#include "core/canal_landmarks.h"
#include "engine_fixture.h"

namespace radicula::core {
namespace {

using test::EngineFixture;

TEST(RootCourse, EveryRootIsNamedAndItsSectionsAreInOrder) {
  const auto& layout = EngineFixture::get().layout;
  for (Root r : kRoots) {
    for (Side s : kSides) {
      const TubePath& path = layout.root(r, s);
      EXPECT_EQ(path.id, "root." + std::string(toString(r)) + "." + std::string(toString(s)));
      ASSERT_GT(path.points.size(), 20u);
      const RootSections& sec = layout.rootSections(r, s);
      EXPECT_GT(sec.sleeveStart, 0.0f) << path.id;
      EXPECT_LT(sec.sleeveStart, sec.foramenStart) << path.id;
      EXPECT_LT(sec.foramenStart, sec.foramenEnd) << path.id;
      EXPECT_LT(sec.foramenEnd, path.length()) << path.id;
      // Left roots stay on the left (+X) once out of the sac, right ones on the right.
      const glm::vec3 end = path.points.back().position;
      EXPECT_GT(SpineLayout::sideSign(s) * (end.x - layout.disc(DiscLevel::L3L4).origin.x), 0.0f)
          << path.id;
    }
  }
}

TEST(RootCourse, AtEachDiscTheTraversingRootIsMedialAndTheExitingRootInTheForamen) {
  const auto& layout = EngineFixture::get().layout;
  for (DiscLevel level : kDiscLevels) {
    const Frame& disc = layout.disc(level);
    const DiscLandmarks lm = discLandmarks(layout, level);
    for (Side s : kSides) {
      float yDistance = 0.0f;
      // Nearest point of each root to the disc's posterior midline, in the disc frame (mm).
      const auto nearest = [&](Root r, glm::vec3 aimMm) {
        const TubePath& path = layout.root(r, s);
        glm::vec3 best{0.0f};
        float bestD = 1e9f;
        for (const auto& p : path.points) {
          const glm::vec3 local = disc.toLocal(p.position) * 1000.0f;
          const float d = glm::length(local - aimMm);
          if (d < bestD) {
            bestD = d;
            best = local;
          }
        }
        yDistance = bestD;
        return best;
      };
      const float sg = SpineLayout::sideSign(s);
      const glm::vec3 y = nearest(traversingRoot(level), {sg * lm.recessX, 0.0f, lm.recessZ});
      EXPECT_LT(yDistance, 1.0f) << toString(level) << " traversing root leaves the recess";
      const glm::vec3 g = nearest(exitingRoot(level), {sg * lm.foramenX, lm.foramenY, lm.foramenZ});
      EXPECT_LT(yDistance, 1.0f) << toString(level) << " exiting root misses its foramen";
      EXPECT_LT(std::abs(y.x), std::abs(g.x)) << toString(level);
      EXPECT_GT(g.y, lm.discHalfHeight) << toString(level) << ": ganglion above the disc";
      // The roots still in the sac lie behind the traversing root.
      if (index(level) + 2 < 10) {
        const Root next = static_cast<Root>(index(level) + 2);
        const glm::vec3 inSac = nearest(next, {0.0f, 0.0f, lm.sacCentreZ});
        EXPECT_LT(inSac.z, y.z) << toString(level);
      }
    }
  }
}

TEST(RootCourse, SacralRootsLiePosteromedialToTheNextRootToLeave) {
  for (int rank = 1; rank < 8; ++rank) {
    const SacSlot a = sacSlot(rank - 1);
    const SacSlot b = sacSlot(rank);
    EXPECT_LE(b.x, a.x + 1e-4f) << rank;  // toward the midline
    EXPECT_LT(b.z, a.z) << rank;          // further back
  }
}

}  // namespace
}  // namespace radicula::core

namespace radicula::core {
namespace {

// No root runs through a vertebral body, a disc or the front half of a pedicle. Bodies and
// discs are taken as the ellipses of their tabulated width and depth (the generated meshes
// are within 10 % of these); a tube counts with its radius.
TEST(RootCourse, NoRootPassesThroughBone) {
  const auto& layout = test::EngineFixture::get().layout;
  const Morphometry& m = layout.morphometry();
  for (Root r : kRoots) {
    for (Side s : kSides) {
      const TubePath& path = layout.root(r, s);
      int inside = 0;
      for (const TubePoint& p : path.points) {
        for (int v = 0; v < 5; ++v) {
          const Vertebra vert = static_cast<Vertebra>(v);
          const VertebraMorphometry& b = m.lumbar[v];
          const glm::vec3 q = layout.vertebra(vert).toLocal(p.position);
          const float ex = q.x / (0.5f * b.endplateWidth);
          const float ez = q.z / (0.5f * b.bodyDepth);
          if (std::abs(q.y) < 0.5f * b.posteriorHeight && ex * ex + ez * ez < 0.95f) ++inside;
          const glm::vec3 c = layout.pedicleCentreLocal(vert, s);
          const float px = (q.x - c.x) / (0.5f * b.pedicleWidth + p.radius);
          const float py = (q.y - c.y) / (0.5f * layout.pedicleHeight(vert) + p.radius);
          const float back = -0.5f * b.bodyDepth;
          if (px * px + py * py < 1.0f && q.z < back && q.z > back - 0.010f) ++inside;
        }
        for (DiscLevel d : kDiscLevels) {
          const DiscMorphometry& dm = m.discs[index(d)];
          const glm::vec3 q = layout.disc(d).toLocal(p.position);
          const float ex = q.x / (0.5f * m.lumbar[index(d)].endplateWidth);
          const float ez = q.z / (0.5f * dm.apLength);
          if (std::abs(q.y) < 0.5f * dm.posteriorHeight && ex * ex + ez * ez < 0.95f) ++inside;
        }
      }
      EXPECT_EQ(inside, 0) << path.id;
    }
  }
}

}  // namespace
}  // namespace radicula::core
