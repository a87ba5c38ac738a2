#include "app/startup_scene.h"

#include "core/data_paths.h"
#include "io/model_loader.h"

namespace radicula::app {

std::filesystem::path anatomyAssetPath() {
  return core::assetsDir() / "anatomy.glb";
}

io::Scene loadStartupScene(const CliOptions& options) {
  if (options.model) return io::loadModel(*options.model);
  const auto asset = anatomyAssetPath();
  if (!std::filesystem::exists(asset)) {
    throw io::ModelError(asset,
                         "the anatomy asset is missing (regenerate it with generate-assets)");
  }
  return io::loadModel(asset);
}

}  // namespace radicula::app
