// Model files made to hurt: sizes that overflow when multiplied, and buffers or images that
// point outside the model's own folder. Each is refused with a ModelError that names the file
// and what is wrong; nothing is allocated from an unchecked size and no file outside the
// model's folder is read, as a browser would refuse it.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "io/model_loader.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

namespace fs = std::filesystem;

fs::path freshDir(const std::string& name) {
  const fs::path dir = test::outputDir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// One triangle: three float positions, 36 bytes.
void writeTriangleBin(const fs::path& file) {
  const float xyz[9] = {0, 0, 0, 0.1f, 0, 0, 0, 0.1f, 0};
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(xyz), sizeof xyz);
}

// A glTF whose one triangle's positions come from `bufferUri`, with an optional image.
void writeGltf(const fs::path& file, const std::string& bufferUri,
               const std::string& imageUri = "") {
  std::ofstream out(file);
  out << R"({"asset": {"version": "2.0"},
  "buffers": [{"byteLength": 36, "uri": ")"
      << bufferUri << R"("}],
  "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3",
                 "min": [0, 0, 0], "max": [0.1, 0.1, 0]}],)";
  if (!imageUri.empty()) out << R"("images": [{"uri": ")" << imageUri << R"("}],)";
  out << R"("meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "nodes": [{"name": "triangle", "mesh": 0}],
  "scenes": [{"nodes": [0]}]})";
}

std::string refusal(const fs::path& file) {
  try {
    io::loadModel(file);
  } catch (const io::ModelError& e) {
    return e.what();
  }
  return "";
}

TEST(HostileModels, AnAccessorWhoseByteSizeOverflowsIsRefusedBeforeAnythingIsAllocated) {
  const fs::path dir = freshDir("hostile_overflow");
  writeTriangleBin(dir / "tri.bin");
  // 2^60 + 1 elements 16 bytes apart: 2^64 + 12 bytes, which wraps to 12 in 64 bits.
  std::ofstream(dir / "overflow.gltf") << R"({"asset": {"version": "2.0"},
  "buffers": [{"byteLength": 36, "uri": "tri.bin"}],
  "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36, "byteStride": 16}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 1152921504606846977,
                 "type": "VEC3"}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "nodes": [{"mesh": 0}], "scenes": [{"nodes": [0]}]})";
  const std::string message = refusal(dir / "overflow.gltf");
  EXPECT_EQ(message.rfind((dir / "overflow.gltf").string() + ": ", 0), 0u) << message;
  EXPECT_NE(message.find("POSITION"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;

  // Offsets near 2^64 that would wrap when added.
  std::ofstream(dir / "offset.gltf") << R"({"asset": {"version": "2.0"},
  "buffers": [{"byteLength": 36, "uri": "tri.bin"}],
  "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36}],
  "accessors": [{"bufferView": 0, "byteOffset": 18446744073709551600, "componentType": 5126,
                 "count": 3, "type": "VEC3"}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "nodes": [{"mesh": 0}], "scenes": [{"nodes": [0]}]})";
  EXPECT_NE(refusal(dir / "offset.gltf").find("offset.gltf"), std::string::npos);

  // An index count no buffer could hold.
  std::ofstream(dir / "indices.gltf") << R"({"asset": {"version": "2.0"},
  "buffers": [{"byteLength": 36, "uri": "tri.bin"}],
  "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3"},
                {"bufferView": 0, "componentType": 5125, "count": 4611686018427387905,
                 "type": "SCALAR"}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
  "nodes": [{"mesh": 0}], "scenes": [{"nodes": [0]}]})";
  EXPECT_NE(refusal(dir / "indices.gltf").find("indices"), std::string::npos);
}

TEST(HostileModels, BuffersBesideTheModelOrBelowItStillLoad) {
  const fs::path dir = freshDir("hostile_inside");
  writeTriangleBin(dir / "tri.bin");
  fs::create_directories(dir / "data");
  writeTriangleBin(dir / "data" / "tri.bin");
  writeGltf(dir / "beside.gltf", "tri.bin");
  writeGltf(dir / "below.gltf", "data/tri.bin");
  writeGltf(dir / "roundabout.gltf", "data/../tri.bin");
  for (const char* name : {"beside.gltf", "below.gltf", "roundabout.gltf"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(io::loadModel(dir / name).triangleCount(), 1u);
  }
}

TEST(HostileModels, ABufferOutsideTheModelsFolderIsRefusedNamingItsUri) {
  const fs::path dir = freshDir("hostile_escape");
  fs::create_directories(dir / "models" / "spine");
  writeTriangleBin(dir / "secret.bin");  // a file the model has no business reading
  const fs::path model = dir / "models" / "spine" / "model.gltf";
  for (const std::string& uri :
       {std::string("../../secret.bin"), std::string("../../../../etc/hostname"),
        (dir / "secret.bin").string(), std::string("%2E%2E/%2E%2E/secret.bin")}) {
    SCOPED_TRACE(uri);
    writeGltf(model, uri);
    const std::string message = refusal(model);
    EXPECT_EQ(message.rfind(model.string() + ": ", 0), 0u) << message;
    EXPECT_NE(message.find("outside"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  writeGltf(model, "../../secret.bin");
  EXPECT_NE(refusal(model).find("\"../../secret.bin\""), std::string::npos) << refusal(model);
}

TEST(HostileModels, ALinkInTheModelsFolderThatLeadsOutIsRefused) {
  const fs::path dir = freshDir("hostile_symlink");
  fs::create_directories(dir / "model");
  writeTriangleBin(dir / "secret.bin");
  fs::create_symlink(dir / "secret.bin", dir / "model" / "tri.bin");
  writeGltf(dir / "model" / "model.gltf", "tri.bin");
  const std::string message = refusal(dir / "model" / "model.gltf");
  EXPECT_NE(message.find("outside"), std::string::npos) << message;
}

TEST(HostileModels, AnImageOutsideTheModelsFolderIsRefusedToo) {
  const fs::path dir = freshDir("hostile_image");
  fs::create_directories(dir / "model");
  writeTriangleBin(dir / "model" / "tri.bin");
  std::ofstream(dir / "private.png") << "not for the model to read";
  writeGltf(dir / "model" / "model.gltf", "tri.bin", "../private.png");
  const std::string message = refusal(dir / "model" / "model.gltf");
  EXPECT_NE(message.find("\"../private.png\""), std::string::npos) << message;
  EXPECT_NE(message.find("outside"), std::string::npos) << message;
}

}  // namespace
}  // namespace radicula
