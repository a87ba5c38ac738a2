// REGRESSION PIN, NOT EVIDENCE OF CORRECTNESS (see tests/README.md).
// assets/anatomy.glb is the generator's own output, committed. Regenerating it from content/
// must give the same bytes: the committed file is not stale. Any change to the generator, right
// or wrong, fails this until the asset is regenerated (`generate-assets`) and looked at; the
// anatomy's correctness is checked elsewhere (tests/meshgen: morphometry within 10 % of the
// published tables, nerve courses, the validator).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/morphometry.h"
#include "core/region_table.h"
#include "core/spine_layout.h"
#include "io/gltf_writer.h"
#include "meshgen/anatomy_builder.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

std::filesystem::path assetPath() {
  return test::sourceDir() / "assets" / "anatomy.glb";
}

TEST(RegressionAnatomyAsset, IsReproducibleFromContent) {
  // The stale-asset check: regenerate from content/ and compare bytes with the committed file.
  const auto content = test::sourceDir() / "content";
  const core::Morphometry morphometry = core::Morphometry::load(content / "morphometry.json");
  const core::SpineLayout layout(morphometry);
  const auto regions = core::RegionTable::load(content / "regions.json");
  io::GltfWriteOptions options;
  options.copyright = "Radicula parametric anatomy, generated from content/morphometry.json";
  const auto bytes = io::writeGlbBytes(meshgen::buildAnatomy(layout, regions), options);
  std::ifstream in(assetPath(), std::ios::binary);
  const std::vector<std::uint8_t> committed((std::istreambuf_iterator<char>(in)), {});
  const bool same = bytes == committed;
  if (!same) {
    const auto fresh = test::outputDir() / "anatomy.glb";
    std::ofstream(fresh, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    ADD_FAILURE()
        << "assets/anatomy.glb is stale: regenerate with `generate-assets` (fresh copy at " << fresh
        << ")";
  }
}

}  // namespace
}  // namespace radicula
