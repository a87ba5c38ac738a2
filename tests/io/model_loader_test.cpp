// Opening model files a user may hand us: glTF through tinygltf, other formats through Assimp,
// and broken files that must give one clear error naming the file.
#include <gtest/gtest.h>

#include <fstream>

#include "io/model_loader.h"
#include "support/fixture_models.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

std::filesystem::path out(const std::string& name) {
  return test::outputDir() / name;
}

TEST(ModelLoader, ReadsGltfNodesMaterialsAndNerveArc) {
  const io::Scene scene = io::loadModel(test::writeCubeGltf(out("cube.gltf")));
  const auto node = scene.findNode("fixture.cube");
  ASSERT_TRUE(node.has_value());
  const io::MeshData& mesh = scene.meshes[scene.nodes[*node].mesh];
  EXPECT_EQ(mesh.triangleCount(), 12u);
  ASSERT_EQ(mesh.nerveArc.size(), mesh.vertexCount());
  for (std::size_t i = 0; i < mesh.vertexCount(); ++i) {
    EXPECT_NEAR(mesh.nerveArc[i], mesh.positions[i].y + 0.1f, 1e-6f);
  }
  ASSERT_EQ(scene.materials.size(), 1u);
  EXPECT_NEAR(scene.materials[0].baseColor.r, 0.8f, 1e-6f);
  const io::Bounds b = scene.bounds();
  EXPECT_NEAR(b.size().x, 0.2f, 1e-6f);
}

TEST(ModelLoader, ReadsObjStlAndPlyThroughAssimp) {
  for (const auto& file : {test::writeCubeObj(out("cube.obj")), test::writeCubeStl(out("cube.stl")),
                           test::writeCubePly(out("cube.ply"))}) {
    SCOPED_TRACE(file.string());
    const io::Scene scene = io::loadModel(file);
    EXPECT_EQ(scene.triangleCount(), 12u);
    const io::Bounds b = scene.bounds();
    EXPECT_NEAR(b.size().y, 0.2f, 1e-5f);
    for (const auto& mesh : scene.meshes) EXPECT_EQ(mesh.normals.size(), mesh.positions.size());
  }
}

// Every broken input gives a ModelError whose message starts with the file name.
void expectModelError(const std::filesystem::path& file, const std::string& fragment) {
  try {
    io::loadModel(file);
    FAIL() << "no error for " << file;
  } catch (const io::ModelError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(file.string(), 0), 0u) << message;
    EXPECT_NE(message.find(fragment), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
  }
}

TEST(ModelLoader, MissingEmptyAndUnsupportedFilesAreNamed) {
  expectModelError(out("does_not_exist.glb"), "no such file");
  std::ofstream(out("empty.glb")).close();
  expectModelError(out("empty.glb"), "empty");
  std::ofstream(out("notes.txt")) << "hello";
  expectModelError(out("notes.txt"), "unsupported model format");
  expectModelError(test::outputDir(), "folder");
}

TEST(ModelLoader, CorruptAndTruncatedGltfAreRejected) {
  std::ofstream(out("garbage.glb"), std::ios::binary) << "this is not a binary glTF file at all";
  expectModelError(out("garbage.glb"), "invalid glTF");
  std::ofstream(out("broken.gltf")) << "{\"asset\": {\"version\": \"2.0\"}, \"nodes\": [";
  expectModelError(out("broken.gltf"), "invalid glTF");

  // An accessor that claims more vertices than its buffer holds.
  std::ifstream in(test::writeCubeGltf(out("cube_src.gltf")));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = text.find("\"count\":24");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 10, "\"count\":99999");
  std::ofstream(out("overrun.gltf")) << text;
  expectModelError(out("overrun.gltf"), "");
}

TEST(ModelLoader, TruncatedStlIsRejected) {
  std::ofstream(out("truncated.stl"), std::ios::binary)
      << "solid cube\n facet normal 0 0 1\n  outer loop\n   vertex 0 0";
  EXPECT_THROW(io::loadModel(out("truncated.stl")), io::ModelError);
}

}  // namespace
}  // namespace radicula
