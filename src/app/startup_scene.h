// What a run starts with, read before any window opens so that a bad file is reported as bad
// input (exit 2) on any machine, with or without a display: the scene (the model file the user
// named, or Radicula's own anatomy from assets/) and the scenario. A missing or broken file
// throws io::ModelError or core::ContentError naming it.
#pragma once

#include <optional>
#include <string>

#include "app/cli_options.h"
#include "core/scenario.h"
#include "io/scene.h"

namespace radicula::app {

struct StartupInputs {
  io::Scene scene;
  std::string modelName;  // the file name when a model file was given
  std::optional<core::Scenario> scenario;
  bool openSymptomMap = false;  // --symptoms: "Where does it hurt?" opens on the file's marks
};

StartupInputs loadStartupInputs(const CliOptions& options);

io::Scene loadStartupScene(const CliOptions& options);

// Radicula's own anatomy (assets/anatomy.glb); throws io::ModelError when it is missing.
io::Scene loadAnatomy();

std::filesystem::path anatomyAssetPath();

}  // namespace radicula::app
