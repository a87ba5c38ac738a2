// How severity decides, measured: the cut points of each kind of lesion on the 0..1 severity scale
// of radicula-scenario/1, whose bands are named after the morphology of Fardon et al. 2014 (bulge
// and protrusion below touching, extrusion compressing, massive or sequestrated reaching the lower
// roots) and the stenosis grades of Schizas et al. 2010.
#include <gtest/gtest.h>

#include "engine_fixture.h"
#include "support/lesions.h"

namespace radicula::core {
namespace {

using test::EngineFixture;
using test::lesion;

std::string name(Root r, Side s) {
  return std::string(toString(r)) + "." + std::string(toString(s));
}

TEST(SeverityTable, OtherZonesNoneBelow02TouchingBelow035AffectedFrom035) {
  const auto& f = EngineFixture::get();
  const std::pair<PathologyType, Zone> kinds[] = {{PathologyType::Herniation, Zone::Paracentral},
                                                  {PathologyType::Herniation, Zone::Foraminal},
                                                  {PathologyType::Herniation, Zone::Extraforaminal},
                                                  {PathologyType::Stenosis, Zone::Paracentral},
                                                  {PathologyType::Stenosis, Zone::Foraminal},
                                                  {PathologyType::Osteophyte, Zone::Paracentral},
                                                  {PathologyType::Osteophyte, Zone::Foraminal}};
  for (const auto& kind : kinds) {
    // Plain variables, not structured bindings: clang 14 cannot capture those in the lambda.
    const PathologyType type = kind.first;
    const Zone zone = kind.second;
    for (DiscLevel level : kDiscLevels) {
      const Root target = zone == Zone::Paracentral ? traversingRoot(level) : exitingRoot(level);
      const auto at = [&](float s) {
        return f.rootCompression(lesion(type, zone, level, SideSpec::Left, s), target, Side::Left);
      };
      const std::string what = std::string(toString(type)) + " " + std::string(toString(zone)) +
                               " " + std::string(toString(level));
      EXPECT_EQ(at(0.15f), 0.0f) << what;
      EXPECT_LT(at(0.25f), kAffectedThreshold) << what;
      EXPECT_GT(at(0.25f), 0.0f) << what << " should touch between 0.2 and 0.35";
      EXPECT_GE(at(0.35f), kAffectedThreshold) << what;
    }
  }
}

TEST(SeverityTable, CentralHerniationAndStenosisCutPoints) {
  const auto& f = EngineFixture::get();
  for (PathologyType type : {PathologyType::Herniation, PathologyType::Stenosis}) {
    for (DiscLevel level : kDiscLevels) {
      const Root y = traversingRoot(level);
      const std::string what = std::string(toString(type)) + " " + std::string(toString(level));
      const auto roots = [&](float s) {
        return f.affectedRoots({lesion(type, Zone::Central, level, SideSpec::Both, s)});
      };
      EXPECT_TRUE(roots(0.3f).empty()) << what;
      EXPECT_TRUE(roots(0.45f).empty()) << what;
      const std::set<std::string> bilateralY = {name(y, Side::Left), name(y, Side::Right)};
      EXPECT_EQ(roots(0.5f), bilateralY) << what;
      EXPECT_EQ(roots(0.7f), bilateralY) << what;
      EXPECT_EQ(roots(0.8f), bilateralY) << what;
      // Massive: the lower roots too, S2–S5 reached on both sides.
      const auto severe = roots(0.9f);
      for (int r = index(y); r < 10; ++r) {
        for (Side s : kSides) {
          EXPECT_TRUE(severe.count(name(static_cast<Root>(r), s)))
              << what << " at 0.9 misses " << name(static_cast<Root>(r), s);
        }
      }
      // Never the exiting root: it is out in the foramen.
      EXPECT_FALSE(severe.count(name(exitingRoot(level), Side::Left))) << what;
    }
  }
}

}  // namespace
}  // namespace radicula::core
