// The glow follows the fibres: from the pressed point of the root down the nerves that carry
// its fibres, and nowhere else.
#include <gtest/gtest.h>

#include "core/nerve_highlight.h"

namespace radicula::core {
namespace {

const ClinicalEngine& engine() {
  static const auto e = ClinicalEngine::loadDefault();
  return *e;
}

std::vector<NerveHighlight> highlightsFor(PathologyType type, DiscLevel level, SideSpec side,
                                          Zone zone) {
  Pathology p;
  p.type = type;
  p.level = level;
  p.side = side;
  p.zone = zone;
  p.severity = 0.6f;
  return nerveHighlights(engine().analyse(std::vector<Pathology>{p}), engine());
}

const NerveHighlight* find(const std::vector<NerveHighlight>& hs, const std::string& node) {
  for (const auto& h : hs) {
    if (h.node == node) return &h;
  }
  return nullptr;
}

TEST(NerveHighlight, L5RootGlowsFromThePressedPointDownTheSciaticTree) {
  const auto hs =
      highlightsFor(PathologyType::Herniation, DiscLevel::L4L5, SideSpec::Left, Zone::Paracentral);
  const NerveHighlight* root = find(hs, "root.L5.left");
  ASSERT_NE(root, nullptr);
  EXPECT_TRUE(root->pressed);
  EXPECT_GT(root->intensity, 0.2f);
  EXPECT_GT(root->fromArc, 0.0f) << "the glow starts where the disc presses, not at the conus";
  EXPECT_NE(find(hs, "nerve.sciatic.left"), nullptr);
  EXPECT_NE(find(hs, "nerve.common_fibular.left"), nullptr);
  EXPECT_EQ(find(hs, "root.L5.right"), nullptr);
  EXPECT_EQ(find(hs, "nerve.sciatic.right"), nullptr);
  EXPECT_EQ(find(hs, "nerve.femoral.left"), nullptr) << "the femoral nerve carries no L5 fibres";
  EXPECT_EQ(find(hs, "root.L4.left"), nullptr);
}

TEST(NerveHighlight, FibularHeadLightsOnlyTheFibularBranches) {
  const auto hs =
      highlightsFor(PathologyType::FibularHead, DiscLevel::L4L5, SideSpec::Left, Zone::Central);
  EXPECT_NE(find(hs, "nerve.common_fibular.left"), nullptr);
  EXPECT_NE(find(hs, "nerve.deep_fibular.left"), nullptr);
  EXPECT_EQ(find(hs, "nerve.tibial.left"), nullptr);
  EXPECT_EQ(find(hs, "nerve.sciatic.left"), nullptr) << "nothing above the fibular head glows";
}

TEST(NerveHighlight, NoLesionNoGlow) {
  EXPECT_TRUE(nerveHighlights(engine().analyse(std::vector<Pathology>{}), engine()).empty());
}

TEST(NerveHighlight, TubeNodeNames) {
  EXPECT_EQ(tubeNode("root.S1", Side::Right), "root.S1.right");
  EXPECT_EQ(tubeNode("sciatic", Side::Left), "nerve.sciatic.left");
  EXPECT_EQ(tubeNode("plexus.lumbosacral", Side::Left), "plexus.lumbosacral.left");
  EXPECT_EQ(tubeNode("cord", Side::Left), "cord");
  EXPECT_EQ(tubeNode("", Side::Left), "");
}

}  // namespace
}  // namespace radicula::core
