#include "support/fixture_models.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace radicula::test {

namespace {

constexpr float h = 0.1f;
// 24 vertices (4 per face, so each face has its own flat normal) and 12 triangles.
struct Face {
  std::array<float, 3> normal;
  std::array<std::array<float, 3>, 4> corners;
};
const std::array<Face, 6> kFaces = {{
    {{1, 0, 0}, {{{h, -h, -h}, {h, h, -h}, {h, h, h}, {h, -h, h}}}},
    {{-1, 0, 0}, {{{-h, -h, h}, {-h, h, h}, {-h, h, -h}, {-h, -h, -h}}}},
    {{0, 1, 0}, {{{-h, h, -h}, {-h, h, h}, {h, h, h}, {h, h, -h}}}},
    {{0, -1, 0}, {{{-h, -h, h}, {-h, -h, -h}, {h, -h, -h}, {h, -h, h}}}},
    {{0, 0, 1}, {{{-h, -h, h}, {h, -h, h}, {h, h, h}, {-h, h, h}}}},
    {{0, 0, -1}, {{{h, -h, -h}, {-h, -h, -h}, {-h, h, -h}, {h, h, -h}}}},
}};

std::string base64(const std::vector<std::uint8_t>& data) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < data.size(); i += 3) {
    std::uint32_t n = data[i] << 16;
    if (i + 1 < data.size()) n |= data[i + 1] << 8;
    if (i + 2 < data.size()) n |= data[i + 2];
    out += table[(n >> 18) & 63];
    out += table[(n >> 12) & 63];
    out += i + 1 < data.size() ? table[(n >> 6) & 63] : '=';
    out += i + 2 < data.size() ? table[n & 63] : '=';
  }
  return out;
}

template <typename T>
void append(std::vector<std::uint8_t>& bytes, const T& value) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
  bytes.insert(bytes.end(), p, p + sizeof(T));
}

}  // namespace

std::filesystem::path writeCubeGltf(const std::filesystem::path& file) {
  std::vector<std::uint8_t> bytes;
  for (const auto& f : kFaces) {
    for (const auto& c : f.corners) {
      for (float v : c) append(bytes, v);
    }
  }
  const std::size_t normalOffset = bytes.size();
  for (const auto& f : kFaces) {
    for (int k = 0; k < 4; ++k) {
      for (float v : f.normal) append(bytes, v);
    }
  }
  const std::size_t arcOffset = bytes.size();
  for (const auto& f : kFaces) {
    for (const auto& c : f.corners) append(bytes, c[1] + h);
  }
  const std::size_t indexOffset = bytes.size();
  for (std::uint16_t face = 0; face < 6; ++face) {
    const std::uint16_t b = face * 4;
    for (std::uint16_t i :
         {b, static_cast<std::uint16_t>(b + 1), static_cast<std::uint16_t>(b + 2), b,
          static_cast<std::uint16_t>(b + 2), static_cast<std::uint16_t>(b + 3)}) {
      append(bytes, i);
    }
  }
  const std::size_t total = bytes.size();
  std::ofstream out(file);
  out << R"({"asset":{"version":"2.0","generator":"radicula tests"},"scene":0,
"scenes":[{"nodes":[0]}],
"nodes":[{"name":"fixture.cube","mesh":0,"translation":[0,0,0]}],
"materials":[{"name":"red","pbrMetallicRoughness":{"baseColorFactor":[0.8,0.05,0.05,1],"metallicFactor":0,"roughnessFactor":0.7}}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":1,"_NERVE_ARC":2},"indices":3,"material":0}]}],
"buffers":[{"byteLength":)"
      << total << R"(,"uri":"data:application/octet-stream;base64,)" << base64(bytes) << R"("}],
"bufferViews":[
 {"buffer":0,"byteOffset":0,"byteLength":)"
      << normalOffset << R"(},
 {"buffer":0,"byteOffset":)"
      << normalOffset << R"(,"byteLength":)" << arcOffset - normalOffset << R"(},
 {"buffer":0,"byteOffset":)"
      << arcOffset << R"(,"byteLength":)" << indexOffset - arcOffset << R"(},
 {"buffer":0,"byteOffset":)"
      << indexOffset << R"(,"byteLength":)" << total - indexOffset << R"(}],
"accessors":[
 {"bufferView":0,"componentType":5126,"count":24,"type":"VEC3","min":[-0.1,-0.1,-0.1],"max":[0.1,0.1,0.1]},
 {"bufferView":1,"componentType":5126,"count":24,"type":"VEC3"},
 {"bufferView":2,"componentType":5126,"count":24,"type":"SCALAR"},
 {"bufferView":3,"componentType":5123,"count":36,"type":"SCALAR"}]}
)";
  return file;
}

std::filesystem::path writeCubeObj(const std::filesystem::path& file) {
  std::ofstream out(file);
  out << "# cube\no cube\n";
  for (const auto& f : kFaces) {
    for (const auto& c : f.corners) out << "v " << c[0] << " " << c[1] << " " << c[2] << "\n";
  }
  for (int face = 0; face < 6; ++face) {
    const int b = face * 4 + 1;
    out << "f " << b << " " << b + 1 << " " << b + 2 << " " << b + 3 << "\n";
  }
  return file;
}

std::filesystem::path writeCubeStl(const std::filesystem::path& file) {
  std::ofstream out(file);
  out << "solid cube\n";
  for (const auto& f : kFaces) {
    for (const auto& tri : {std::array<int, 3>{0, 1, 2}, std::array<int, 3>{0, 2, 3}}) {
      out << " facet normal " << f.normal[0] << " " << f.normal[1] << " " << f.normal[2]
          << "\n  outer loop\n";
      for (int k : tri) {
        out << "   vertex " << f.corners[k][0] << " " << f.corners[k][1] << " " << f.corners[k][2]
            << "\n";
      }
      out << "  endloop\n endfacet\n";
    }
  }
  out << "endsolid cube\n";
  return file;
}

std::filesystem::path writeCubePly(const std::filesystem::path& file) {
  std::ofstream out(file);
  out << "ply\nformat ascii 1.0\nelement vertex 24\nproperty float x\nproperty float y\n"
         "property float z\nelement face 6\nproperty list uchar int vertex_indices\nend_header\n";
  for (const auto& f : kFaces) {
    for (const auto& c : f.corners) out << c[0] << " " << c[1] << " " << c[2] << "\n";
  }
  for (int face = 0; face < 6; ++face) {
    const int b = face * 4;
    out << "4 " << b << " " << b + 1 << " " << b + 2 << " " << b + 3 << "\n";
  }
  return file;
}

}  // namespace radicula::test
