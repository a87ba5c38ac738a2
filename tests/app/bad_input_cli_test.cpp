// Inputs that once aborted the program (SIGABRT, exit 134) from the command line: a glTF whose
// sizes overflow, and a report whose file name is not UTF-8. Each must end in one clear line
// with exit status 2, or in the work done with every name shown as valid UTF-8, and never
// leave a temporary file behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/run_process.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

namespace fs = std::filesystem;

const std::map<std::string, std::string> kNoDisplay = {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}};

test::ProcessResult radicula(const std::vector<std::string>& args) {
  std::vector<std::string> full = {test::executable().string()};
  full.insert(full.end(), args.begin(), args.end());
  return test::runProcess(full, kNoDisplay);
}

fs::path freshDir(const std::string& name) {
  const fs::path dir = test::outputDir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Well-formed UTF-8 by the Unicode standard's table 3-7, written here independently of the
// program's own check.
bool isUtf8(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = b(i);
    std::size_t n = c < 0x80                   ? 1
                    : (c >= 0xC2 && c <= 0xDF) ? 2
                    : (c >= 0xE0 && c <= 0xEF) ? 3
                    : (c >= 0xF0 && c <= 0xF4) ? 4
                                               : 0;
    if (n == 0 || i + n > text.size()) return false;
    const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (n > 1 && (b(i + 1) < lo || b(i + 1) > hi)) return false;
    for (std::size_t k = 2; k < n; ++k) {
      if (b(i + k) < 0x80 || b(i + k) > 0xBF) return false;
    }
    i += n;
  }
  return true;
}

void expectOneValidLine(const std::string& text) {
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
  EXPECT_TRUE(isUtf8(text)) << "not UTF-8: " << text;
}

// The issue's input: `count` 2^60 + 1 with a 16-byte stride, whose byte size wraps around to
// almost nothing in 64 bits; the reader once allocated 2^60 vertices and aborted.
void writeOverflowingGltf(const fs::path& file) {
  std::ofstream(file) << R"({
  "asset": {"version": "2.0"},
  "buffers": [{"byteLength": 48,
    "uri": "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAgD8AAAAAAAAAAAAAgD8AAAAAAACAPwAAAAAAAIA/"}],
  "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 48, "byteStride": 16}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 1152921504606846977,
                 "type": "VEC3"}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "nodes": [{"mesh": 0}],
  "scenes": [{"nodes": [0]}]
})";
}

TEST(BadInputCli, AGltfWhoseAccessorSizeOverflowsExitsTwoWithOneLine) {
  const fs::path dir = freshDir("cli_overflow");
  const fs::path model = dir / "overflow.gltf";
  writeOverflowingGltf(model);
  for (const auto& args :
       {std::vector<std::string>{model.string(), "--screenshot", (dir / "x.png").string()},
        std::vector<std::string>{model.string()}}) {
    const auto r = radicula(args);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    expectOneValidLine(r.err);
    EXPECT_EQ(r.err.rfind("radicula: " + model.string() + ": ", 0), 0u) << r.err;
  }
  EXPECT_EQ(entries(dir), std::vector<std::string>{"overflow.gltf"});
}

// A report saved by a Latin-1 system ("informé.txt" with é as the byte E9): the scenario is
// written, its note names the report with U+FFFD where the byte was, and nothing else is left.
TEST(BadInputCli, AReportWithALatin1NameIsSavedAsValidUtf8AndLeavesNoTemporaryFile) {
  const fs::path dir = freshDir("cli_latin1");
  const fs::path report = dir / std::string("inform\xE9.txt");
  {
    std::ofstream out(report);
    out << "L4-L5: Left paracentral disc extrusion compressing the traversing left L5 nerve "
           "root.\n";
  }
  const fs::path saved = dir / "out.json";
  const auto r = radicula({"--mri", report.string(), "--save-scenario", saved.string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(isUtf8(r.out)) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
  ASSERT_TRUE(fs::exists(saved));
  const nlohmann::json doc = nlohmann::json::parse(test::readFile(saved));  // throws if not UTF-8
  EXPECT_NE(doc.value("notes", "").find("inform\xEF\xBF\xBD.txt"), std::string::npos) << doc.dump();
  ASSERT_EQ(doc["pathologies"].size(), 1u);
  EXPECT_EQ(entries(dir), (std::vector<std::string>{std::string("inform\xE9.txt"), "out.json"}));
}

TEST(BadInputCli, AMessageNamingAFileThatIsNotUtf8IsValidUtf8) {
  const fs::path dir = freshDir("cli_latin1_missing");
  const fs::path missing = dir / std::string("caf\xE9.json");
  const auto r = radicula({"--scenario", missing.string(), "--report"});
  EXPECT_EQ(r.exitCode, 2) << r.err;
  expectOneValidLine(r.err);
  EXPECT_NE(r.err.find("caf\xEF\xBF\xBD.json"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace radicula
