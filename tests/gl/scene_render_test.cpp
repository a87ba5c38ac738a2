// Pixels from the real renderer: what is at the centre (through the id buffer, then colour
// with a tolerance), what is at the corners, and that every pass leaves GL without errors.
#include <gtest/gtest.h>

#include <array>

#include "app/scene_view.h"
#include "core/data_paths.h"
#include "gl_context.h"
#include "io/model_loader.h"
#include "support/fixture_models.h"

namespace radicula {
namespace {

// Colour channels may differ by rounding and multisample resolve; 3 of 255 covers both.
constexpr int kClearTolerance = 3;

std::unique_ptr<app::SceneView> cubeView(int w, int h) {
  auto view = std::make_unique<app::SceneView>(w, h, 4, core::shadersDir());
  view->setScene(io::loadModel(test::writeCubeGltf(test::outputDir() / "gl_cube.gltf")));
  view->applyView("front");
  return view;
}

// A closed box mesh centred at the origin, triangles wound outward (counter-clockwise seen
// from outside) as the lesion meshes are.
io::MeshData boxMesh(float half) {
  io::MeshData mesh;
  for (int i = 0; i < 8; ++i) {
    mesh.positions.emplace_back((i & 1) ? half : -half, (i & 2) ? half : -half,
                                (i & 4) ? half : -half);
  }
  const int quads[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4},
                           {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
  for (const auto& q : quads) {
    for (const auto& tri : {std::array{q[0], q[1], q[2]}, std::array{q[0], q[2], q[3]}}) {
      const glm::vec3 a = mesh.positions[tri[0]], b = mesh.positions[tri[1]],
                      c = mesh.positions[tri[2]];
      const bool outward = glm::dot(glm::cross(b - a, c - a), a + b + c) > 0.0f;
      mesh.indices.push_back(tri[0]);
      mesh.indices.push_back(outward ? tri[1] : tri[2]);
      mesh.indices.push_back(outward ? tri[2] : tri[1]);
    }
  }
  mesh.computeNormals();
  return mesh;
}

TEST(SceneRenderGLTest, FixtureAtCentreClearColourAtCorners) {
  RADICULA_REQUIRE_GL(window);
  auto viewPtr = cubeView(320, 240);
  app::SceneView& view = *viewPtr;
  ASSERT_NO_THROW(view.render());

  const auto centre = view.nodeAt(160, 120);
  ASSERT_TRUE(centre.has_value());
  EXPECT_EQ(view.scene().nodes[*centre].name, "fixture.cube");

  const io::Image image = view.image();
  const std::uint8_t* c = image.pixel(160, 120);
  // The cube is red (0.8, 0.05, 0.05 linear) and lit: red clearly dominates.
  EXPECT_GT(c[0], 120);
  EXPECT_LT(c[1], c[0] / 3);
  EXPECT_LT(c[2], c[0] / 3);

  const glm::vec3 bg = view.style.background;
  for (auto [x, y] : {std::pair{0, 0}, {319, 0}, {0, 239}, {319, 239}}) {
    SCOPED_TRACE(testing::Message() << "corner " << x << "," << y);
    EXPECT_FALSE(view.nodeAt(x, y).has_value());
    const std::uint8_t* p = image.pixel(x, y);
    EXPECT_NEAR(p[0], bg.r * 255.0f, kClearTolerance);
    EXPECT_NEAR(p[1], bg.g * 255.0f, kClearTolerance);
    EXPECT_NEAR(p[2], bg.b * 255.0f, kClearTolerance);
  }
}

TEST(SceneRenderGLTest, ProjectedAnchorHitsTheStructure) {
  RADICULA_REQUIRE_GL(window);
  auto viewPtr = cubeView(400, 300);
  app::SceneView& view = *viewPtr;
  view.camera.orbit(40.0f, 25.0f);
  view.render();
  // The centre of the cube's top face, projected with the camera that drew the frame.
  glm::vec2 pixel;
  ASSERT_TRUE(view.project(glm::vec3(0.0f, 0.1f, 0.0f), &pixel));
  const auto node = view.nodeAt(static_cast<int>(pixel.x), static_cast<int>(pixel.y) + 2);
  ASSERT_TRUE(node.has_value());
  EXPECT_EQ(view.scene().nodes[*node].name, "fixture.cube");
  const auto point = view.pointAt(static_cast<int>(pixel.x), static_cast<int>(pixel.y) + 2);
  ASSERT_TRUE(point.has_value());
  EXPECT_NEAR(point->y, 0.1f, 0.01f);  // the depth buffer puts us back on the top face
}

TEST(SceneRenderGLTest, HiddenNodesAndTinyTargetsRenderWithoutErrors) {
  RADICULA_REQUIRE_GL(window);
  auto viewPtr = cubeView(64, 64);
  app::SceneView& view = *viewPtr;
  view.style.nodes[0].visible = false;
  ASSERT_NO_THROW(view.render());
  EXPECT_FALSE(view.nodeAt(32, 32).has_value());
  view.resize(0, 0);  // a minimised window asks for 0×0
  EXPECT_NO_THROW(view.render());
}

TEST(SceneRenderGLTest, TranslucentMaterialShowsWhatIsBehind) {
  RADICULA_REQUIRE_GL(window);
  auto viewPtr = cubeView(200, 200);
  app::SceneView& view = *viewPtr;
  view.style.nodes[0].color = glm::vec4(0.8f, 0.05f, 0.05f, 0.3f);
  view.render();
  const io::Image image = view.image();
  const std::uint8_t* c = image.pixel(100, 100);
  const glm::vec3 bg = view.style.background;
  // A 30 % red layer over the dark background: redder than the background, far from opaque.
  EXPECT_GT(c[0], bg.r * 255.0f + 20.0f);
  EXPECT_LT(c[0], 200);
}

// A lesion hidden inside or behind bone must still be seen: the overlay shows through what
// covers it, faintly, and nothing else on screen changes.
TEST(SceneRenderGLTest, HiddenOverlayShowsThroughWhatCoversIt) {
  RADICULA_REQUIRE_GL(window);
  auto viewPtr = cubeView(240, 240);
  app::SceneView& view = *viewPtr;
  render::Overlay lesion;
  lesion.name = "lesion.0";
  lesion.mesh = boxMesh(0.05f);  // wholly inside the red 0.2 m cube
  lesion.color = glm::vec4(0.05f, 0.25f, 0.9f, 1.0f);
  view.setOverlays({lesion});

  glm::vec2 centre, side;
  ASSERT_TRUE(view.project(glm::vec3(0.0f), &centre));
  // Between the lesion's edge (0.05) and the cube's (0.1): cube only, in any view axis.
  ASSERT_TRUE(view.project(glm::vec3(0.08f, 0.08f, 0.08f), &side));
  const int cx = static_cast<int>(centre.x), cy = static_cast<int>(centre.y);
  const int sx = static_cast<int>(side.x), sy = static_cast<int>(side.y);

  view.style.overlayShowThrough = 0.0f;
  view.render();
  const io::Image hidden = view.image();
  view.style.overlayShowThrough = 0.4f;
  view.render();
  const io::Image shown = view.image();

  // Off: the cube hides the lesion entirely.
  EXPECT_LT(hidden.pixel(cx, cy)[2], hidden.pixel(cx, cy)[0] / 3);
  // On: the centre turns clearly bluer, yet stays a blend with the red in front.
  EXPECT_GT(shown.pixel(cx, cy)[2], hidden.pixel(cx, cy)[2] + 40);
  EXPECT_GT(shown.pixel(cx, cy)[0], 40);
  EXPECT_LT(shown.pixel(cx, cy)[0], hidden.pixel(cx, cy)[0]);
  // Where no lesion lies behind, the picture is unchanged.
  for (int c = 0; c < 3; ++c) EXPECT_EQ(shown.pixel(sx, sy)[c], hidden.pixel(sx, sy)[c]);
  // What is solid in front keeps its name: the cube, not the lesion showing through it.
  EXPECT_EQ(view.nameAt(cx, cy).value_or(""), "fixture.cube");
  EXPECT_EQ(view.nameAt(sx, sy).value_or(""), "fixture.cube");
  // Behind a translucent layer instead, the lesion is what is named.
  view.style.nodes[0].color = glm::vec4(0.8f, 0.05f, 0.05f, 0.4f);
  view.render();
  EXPECT_EQ(view.nameAt(cx, cy).value_or(""), "lesion.0");
  EXPECT_EQ(view.nameAt(sx, sy).value_or(""), "fixture.cube");
}

}  // namespace
}  // namespace radicula
