#include "app/scene_view.h"

namespace radicula::app {

SceneView::SceneView(int width, int height, int samples, const std::filesystem::path& shaderDir)
    : target_(width, height, samples), renderer_(shaderDir) {}

void SceneView::setScene(io::Scene scene) {
  scene_ = std::move(scene);
  renderer_.setScene(&scene_);
  style.nodes.assign(scene_.nodes.size(), render::NodeStyle{});
  applyView(defaultViewFor(scene_));
}

void SceneView::applyView(std::string_view view, std::string_view level, std::string_view side) {
  const ViewPreset preset = makeViewPreset(scene_, view, level, side);
  camera = preset.camera;
  style.clipPlane = preset.clipPlane;
}

void SceneView::render() {
  renderer_.render(target_, camera, style);
}

std::optional<glm::vec3> SceneView::pointAt(int x, int y) {
  const float depth = target_.readDepth(x, y);
  if (depth >= 1.0f) return std::nullopt;
  return camera.unproject(glm::vec2(x + 0.5f, y + 0.5f), depth, target_.width(), target_.height());
}

}  // namespace radicula::app
