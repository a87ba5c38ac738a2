// generate-assets: builds the parametric anatomy from content/ (morphometry, skin regions)
// and writes assets/anatomy.glb. Regenerating gives identical bytes; a test compares.
//
//   generate-assets [--content DIR] [--out DIR] [--stats]
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/morphometry.h"
#include "core/region_table.h"
#include "core/spine_layout.h"
#include "io/gltf_writer.h"
#include "meshgen/anatomy_builder.h"

namespace {

int usage() {
  std::fprintf(stderr, "usage: generate-assets [--content DIR] [--out DIR] [--stats]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace radicula;
  core::setExecutablePath(argv[0]);
  std::filesystem::path content = core::contentDir();
  std::filesystem::path out = core::assetsDir();
  bool stats = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--content" && i + 1 < argc) {
      content = argv[++i];
    } else if (arg == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (arg == "--stats") {
      stats = true;
    } else {
      return usage();
    }
  }

  try {
    const auto start = std::chrono::steady_clock::now();
    const core::Morphometry morphometry = core::Morphometry::load(content / "morphometry.json");
    const auto regions = core::RegionTable::load(content / "regions.json");
    const core::SpineLayout layout(morphometry);
    const io::Scene scene = meshgen::buildAnatomy(layout, regions);

    std::filesystem::create_directories(out);
    const auto file = out / "anatomy.glb";
    io::GltfWriteOptions options;
    options.copyright = "Radicula parametric anatomy, generated from content/morphometry.json";
    io::writeGlb(scene, file, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (stats) {
      for (const auto& node : scene.nodes) {
        if (node.mesh < 0) continue;
        std::printf("%-44s %8zu triangles\n", node.name.c_str(),
                    scene.meshes[node.mesh].triangleCount());
      }
    }
    std::printf("wrote %s: %zu nodes, %zu triangles (budget %zu), %.1f MB, %.1f s\n",
                file.string().c_str(), scene.nodes.size(), scene.triangleCount(),
                meshgen::kTriangleBudget,
                static_cast<double>(std::filesystem::file_size(file)) / (1024.0 * 1024.0), seconds);
    return scene.triangleCount() <= meshgen::kTriangleBudget ? 0 : 1;
  } catch (const core::ContentError& e) {
    std::fprintf(stderr, "generate-assets: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "generate-assets: %s\n", e.what());
    return 1;
  }
}
