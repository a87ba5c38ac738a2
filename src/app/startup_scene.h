// The scene a run starts with: the model file the user named, or Radicula's own anatomy from
// assets/. A missing or broken file throws io::ModelError naming it.
#pragma once

#include "app/cli_options.h"
#include "io/scene.h"

namespace radicula::app {

io::Scene loadStartupScene(const CliOptions& options);

std::filesystem::path anatomyAssetPath();

}  // namespace radicula::app
