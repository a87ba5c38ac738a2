// Inputs the fuzzers (fuzz/) once crashed, hung or leaked on, kept so the fix stays: each file
// in tests/data/fuzz_regressions/<target>/ is fed to the same reader the fuzz target drives and
// must end in success or the reader's own clear error, quickly.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <vector>

#include "../../fuzz/fuzz_inputs.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

std::vector<std::uint8_t> readBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FuzzRegressions, EverySavedInputEndsInSuccessOrAClearError) {
  const auto root = test::dataDir() / "fuzz_regressions";
  ASSERT_TRUE(std::filesystem::is_directory(root)) << root;
  int replayed = 0;
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    if (!folder.is_directory()) continue;
    const auto feed = fuzz::feedFor(folder.path().filename().string());
    ASSERT_NE(feed, nullptr) << "no fuzz target named " << folder.path().filename();
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
      if (!entry.is_regular_file() || entry.path().filename() == ".gitkeep") continue;
      SCOPED_TRACE(entry.path().string());
      const auto bytes = readBytes(entry.path());
      const auto start = std::chrono::steady_clock::now();
      EXPECT_NO_THROW(feed(bytes.data(), bytes.size()));
      // A hang shows up as a time-out of the whole test; this bound catches a slow path first.
      // 5 s is generous: each input is a few hundred bytes and reads in milliseconds.
      EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0);
}

TEST(FuzzRegressions, PlyHeaderWithoutEndHeaderIsRefusedNotHung) {
  const auto file = test::outputDir() / "truncated_header.ply";
  std::ofstream(file) << "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nend_hea";
  try {
    io::loadModel(file);
    FAIL() << "a PLY file without end_header loaded";
  } catch (const io::ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("end_header"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace radicula
