// Levels of detail on the shipped anatomy: the whole body seen at once draws a fraction of the
// triangles (the facets it skips would fall between pixels), a close-up of the foramen draws
// the spine with every triangle it has.
#include <gtest/gtest.h>

#include "app/session.h"
#include "gl_context.h"

namespace radicula {
namespace {

int node(app::Session& s, const std::string& name) {
  const auto index = s.view().scene().findNode(name);
  EXPECT_TRUE(index.has_value()) << name;
  return index.value_or(-1);
}

TEST(LevelOfDetailGLTest, WholeBodyViewSkipsInvisibleFacetsCloseUpKeepsThemAll) {
  RADICULA_REQUIRE_GL(window);
  app::CliOptions options;
  options.samples = 0;
  app::Session s(options, 1280, 720);
  const std::size_t total = s.view().scene().triangleCount();
  const int l4 = node(s, "vertebra.L4");
  ASSERT_GT(s.view().levelCount(l4), 1u) << "the vertebra has coarser levels to choose from";

  s.run(core::cmd::SetView{"front"});
  s.advance(10.0f);
  s.renderScene();
  const std::size_t wholeBody = s.view().drawnTriangles();
  std::printf("  front view: %zu of %zu triangles drawn\n", wholeBody, total);
  EXPECT_LT(wholeBody * 2, total);
  EXPECT_GT(s.view().levelOfDetail(l4), 0u);

  s.run(core::cmd::SetView{"foramen"});
  s.advance(10.0f);
  s.renderScene();
  std::printf("  foramen view: %zu triangles drawn\n", s.view().drawnTriangles());
  EXPECT_EQ(s.view().levelOfDetail(l4), 0u);
  EXPECT_EQ(s.view().levelOfDetail(node(s, "disc.L4-L5.annulus")), 0u);
  EXPECT_GT(s.view().drawnTriangles(), wholeBody);
}

}  // namespace
}  // namespace radicula
