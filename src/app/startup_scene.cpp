#include "app/startup_scene.h"

#include "core/data_paths.h"
#include "core/report_command.h"
#include "core/symptom_lookup.h"
#include "io/model_loader.h"

namespace radicula::app {

std::filesystem::path anatomyAssetPath() {
  return core::assetsDir() / "anatomy.glb";
}

io::Scene loadAnatomy() {
  const auto asset = anatomyAssetPath();
  if (!std::filesystem::exists(asset)) {
    throw io::ModelError(asset,
                         "the anatomy asset is missing (regenerate it with generate-assets)");
  }
  return io::loadModel(asset);
}

io::Scene loadStartupScene(const CliOptions& options) {
  return options.model ? io::loadModel(*options.model) : loadAnatomy();
}

StartupInputs loadStartupInputs(const CliOptions& options) {
  StartupInputs inputs;
  // The scenario first: it is the smaller file and the likelier typo.
  if (options.scenario || options.mri) {
    inputs.scenario = core::loadScenarioInput(options.scenario, options.mri).scenario;
  }
  if (options.symptoms) {
    const core::SymptomPattern marks =
        core::SymptomPattern::load(*options.symptoms, core::NerveGraph::loadDefault());
    if (!inputs.scenario) inputs.scenario = core::Scenario{};
    core::setSymptoms(*inputs.scenario, marks);
    inputs.openSymptomMap = true;
  }
  inputs.scene = loadStartupScene(options);
  if (options.model) inputs.modelName = options.model->filename().string();
  return inputs;
}

}  // namespace radicula::app
