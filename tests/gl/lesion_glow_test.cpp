// What a user sees when a lesion presses on a root: the root glows at its projected anchor
// (found through the id buffer, then checked by colour) and its skin region lights, on the
// lesion's side only; with no lesion nothing is lit.
#include <gtest/gtest.h>

#include <fstream>

#include "app/app_frame.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "gl_context.h"
#include "io/png_writer.h"
#include "render/render_target.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

std::filesystem::path writeScenario(const std::string& name, const std::string& pathologies) {
  const auto file = test::outputDir() / name;
  std::ofstream(file) << R"({"format": "radicula-scenario/1", "pathologies": [)" << pathologies
                      << "]}";
  return file;
}

const char* kL4L5LeftParacentral =
    R"({"type": "herniation", "level": "L4-L5", "side": "left", "zone": "paracentral", "severity": 0.6})";

std::unique_ptr<app::Session> session(const std::string& pathologies, int w = 640, int h = 480) {
  app::CliOptions options;
  options.scenario =
      writeScenario("glow_" + std::to_string(pathologies.size()) + ".json", pathologies);
  options.samples = 0;  // exact colours at the probe pixels
  return std::make_unique<app::Session>(options, w, h);
}

struct Probe {
  std::optional<std::string> node;
  glm::vec3 rgb{0.0f};  // 0..255
};

// Projects a world point with the camera that drew the frame and reads id and colour there.
Probe probe(app::Session& s, const glm::vec3& world) {
  glm::vec2 px;
  EXPECT_TRUE(s.view().project(world, &px));
  const int x = static_cast<int>(px.x), y = static_cast<int>(px.y);
  Probe p;
  p.node = s.view().nameAt(x, y);
  const io::Image image = s.view().image();
  if (x >= 0 && y >= 0 && x < image.width && y < image.height) {
    const std::uint8_t* c = image.pixel(x, y);
    p.rgb = glm::vec3(c[0], c[1], c[2]);
  }
  return p;
}

// A point on the root just outside its foramen, where nothing but the root is when skin and
// bone are hidden and the spine is seen from behind.
glm::vec3 rootAnchor(const app::Session& s, core::Root root, core::Side side) {
  const auto& layout = s.engine().layout();
  return layout.root(root, side).at(layout.rootSections(root, side).foramenEnd + 0.008f).position;
}

void showRootsFromBehind(app::Session& s) {
  s.run(core::cmd::SetLayerVisible{"skin", false});
  s.run(core::cmd::SetLayerVisible{"bones", false});
  s.run(core::cmd::SetView{"posterior"});
  s.advance(10.0f);
  s.renderScene();
}

// Glowing nerves are reddish purple (blue above green); calm nerves are yellow (green above blue).
bool glows(const glm::vec3& rgb) {
  return rgb.b > rgb.g + 20.0f;
}
bool calm(const glm::vec3& rgb) {
  return rgb.g > rgb.b + 20.0f;
}

TEST(LesionGlowGLTest, L4L5LeftParacentralLightsTheLeftL5RootOnly) {
  RADICULA_REQUIRE_GL(window);
  auto s = session(kL4L5LeftParacentral);
  showRootsFromBehind(*s);
  const Probe left = probe(*s, rootAnchor(*s, core::Root::L5, core::Side::Left));
  const Probe right = probe(*s, rootAnchor(*s, core::Root::L5, core::Side::Right));
  ASSERT_EQ(left.node, "root.L5.left");
  ASSERT_EQ(right.node, "root.L5.right");
  EXPECT_TRUE(glows(left.rgb)) << "left L5 colour " << left.rgb.r << "," << left.rgb.g << ","
                               << left.rgb.b;
  EXPECT_TRUE(calm(right.rgb)) << "right L5 colour " << right.rgb.r << "," << right.rgb.g << ","
                               << right.rgb.b;
  const Probe l4 = probe(*s, rootAnchor(*s, core::Root::L4, core::Side::Left));
  ASSERT_EQ(l4.node, "root.L4.left");
  EXPECT_TRUE(calm(l4.rgb)) << "the exiting L4 root is spared by a paracentral herniation";
}

TEST(LesionGlowGLTest, WithoutALesionNothingGlows) {
  RADICULA_REQUIRE_GL(window);
  auto s = session("");
  showRootsFromBehind(*s);
  for (core::Side side : core::kSides) {
    const Probe p = probe(*s, rootAnchor(*s, core::Root::L5, side));
    ASSERT_EQ(p.node, "root.L5." + std::string(core::toString(side)));
    EXPECT_TRUE(calm(p.rgb));
  }
}

// The point of the skin most strongly painted with a region, on one side.
glm::vec3 regionAnchor(app::Session& s, const std::string& regionId, core::Side side) {
  const io::Scene& scene = s.view().scene();
  const auto skin = scene.findNode("skin");
  EXPECT_TRUE(skin.has_value());
  const auto& table = s.engine().graph().regionTable();
  int region = -1;
  for (int i = 0; i < static_cast<int>(table.size()); ++i) {
    if (table[i].id == regionId) region = i;
  }
  EXPECT_GE(region, 0);
  const io::MeshData& mesh = scene.meshes[scene.nodes[*skin].mesh];
  const glm::mat4 m = scene.worldTransform(*skin);
  float best = 0.0f;
  glm::vec3 anchor(0.0f);
  for (std::size_t v = 0; v < mesh.vertexCount(); ++v) {
    const glm::vec3 p(m * glm::vec4(mesh.positions[v], 1.0f));
    if ((p.x > 0.0f) != (side == core::Side::Left)) continue;
    for (int k = 0; k < 4; ++k) {
      // Facing up (the top of the foot), so the probe sees it from above and in front.
      if (mesh.regionIds[v][k] == region && mesh.regionWeights[v][k] > best &&
          mesh.normals[v].y > 0.5f) {
        best = mesh.regionWeights[v][k];
        anchor = p;
      }
    }
  }
  EXPECT_GT(best, 0.5f) << regionId << " is painted on the skin";
  return anchor;
}

TEST(LesionGlowGLTest, L4L5LeftParacentralLightsTheLeftDorsumOfTheFoot) {
  RADICULA_REQUIRE_GL(window);
  auto s = session(kL4L5LeftParacentral);
  auto none = session("");
  for (app::Session* x : {s.get(), none.get()}) {
    x->run(core::cmd::SetLayerOpacity{"skin", 1.0f});  // opaque skin is what the id buffer sees
    x->run(core::cmd::SetView{"front"});
    x->advance(10.0f);
    // Look down on the feet from in front and above.
    x->view().camera.target = 0.5f * (regionAnchor(*x, "dorsum_foot", core::Side::Left) +
                                      regionAnchor(*x, "dorsum_foot", core::Side::Right));
    x->view().camera.distance = 0.9f;
    x->view().camera.pitchDeg = 40.0f;
    x->renderScene();
  }
  for (core::Side side : core::kSides) {
    SCOPED_TRACE(std::string(core::toString(side)));
    const glm::vec3 anchor = regionAnchor(*s, "dorsum_foot", side);
    const Probe lit = probe(*s, anchor);
    const Probe unlit = probe(*none, anchor);
    ASSERT_EQ(lit.node, "skin");
    ASSERT_EQ(unlit.node, "skin");
    // Lit skin turns orange: far less blue for its red than bare skin.
    const float litBlue = lit.rgb.b / std::max(lit.rgb.r, 1.0f);
    const float bareBlue = unlit.rgb.b / std::max(unlit.rgb.r, 1.0f);
    if (side == core::Side::Left) {
      EXPECT_LT(litBlue, bareBlue - 0.15f) << "left dorsum of the foot is lit";
    } else {
      EXPECT_NEAR(litBlue, bareBlue, 0.03f) << "right dorsum of the foot stays bare";
    }
  }
}

// "Test yourself": the question's lesion is drawn but its root stays calm (the glow is the
// answer); once answered, the root glows like any lesion's. The whole window of both moments
// is written to test-output for a look.
TEST(LesionGlowGLTest, AQuizQuestionKeepsItsRootCalmUntilAnswered) {
  RADICULA_REQUIRE_GL(window);
  auto s = session("", 1280, 800);
  // A fixed question (a foraminal bone spur at L5/S1: which root?), so the probe is the same on
  // every run.
  s->askQuiz(47);
  ASSERT_TRUE(s->state().quiz.has_value());
  const core::QuizQuestion q = s->state().quiz->question;
  EXPECT_EQ(s->view().overlays().size(), 1u) << "the question's lesion is drawn";
  EXPECT_EQ(s->interfaceModel(1.0f).quiz->options.size(), q.options.size());

  app::ImGuiLayer imgui(nullptr, 1.0f);
  render::RenderTarget frame(1280, 800, 0);
  const auto windowShot = [&](const std::string& name) {
    s->advance(10.0f);
    app::drawOffscreenWindowFrame(*s, imgui, frame, 1280, 800);
    app::drawOffscreenWindowFrame(*s, imgui, frame, 1280, 800);  // panels settle
    io::writePng(test::outputDir() / name, frame.readColor());
  };
  windowShot("quiz_question.png");

  showRootsFromBehind(*s);
  const Probe before = probe(*s, rootAnchor(*s, q.root, q.side));
  ASSERT_EQ(before.node, "root." + std::string(core::toString(q.root)) + "." +
                             std::string(core::toString(q.side)));
  EXPECT_TRUE(calm(before.rgb)) << "the glow would give the answer away";

  s->run(core::cmd::AnswerQuiz{q.correct});
  s->renderScene();
  const Probe after = probe(*s, rootAnchor(*s, q.root, q.side));
  EXPECT_TRUE(glows(after.rgb)) << "answered: " << after.rgb.r << "," << after.rgb.g << ","
                                << after.rgb.b;
  s->run(core::cmd::SetLayerVisible{"skin", true});
  s->run(core::cmd::SetLayerVisible{"bones", true});
  s->run(core::cmd::SetView{"axial"});
  windowShot("quiz_answered.png");

  s->run(core::cmd::EndQuiz{});
  EXPECT_TRUE(s->view().overlays().empty()) << "the user's own (empty) set comes back";
}

}  // namespace
}  // namespace radicula
