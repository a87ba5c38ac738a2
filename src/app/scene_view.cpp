#include "app/scene_view.h"

namespace radicula::app {

SceneView::SceneView(int width, int height, int samples, const std::filesystem::path& shaderDir)
    : target_(width, height, samples), renderer_(shaderDir) {}

void SceneView::setScene(io::Scene scene) {
  target_.cancelId();  // an id on its way belongs to the scene before
  scene_ = std::move(scene);
  renderer_.setScene(&scene_);
  style.nodes.assign(scene_.nodes.size(), render::NodeStyle{});
  applyView(defaultViewFor(scene_));
}

void SceneView::applyView(std::string_view view, const ViewOptions& options) {
  const ViewPreset preset = makeViewPreset(
      scene_, view, static_cast<float>(width()) / static_cast<float>(height()), options);
  camera = preset.camera;
  style.clipPlane = preset.clipPlane;
  style.clipPlaneBelow = preset.clipPlaneBelow;
}

void SceneView::render() {
  renderer_.render(target_, camera, style);
  idsStale_ = true;
}

void SceneView::ensureIds() {
  if (!idsStale_) return;
  renderer_.renderIds(target_, camera, style);
  idsStale_ = false;
}

void SceneView::finish() {
  target_.finish();
}

std::optional<std::string> SceneView::nameOf(int index) const {
  if (index < 0) return std::nullopt;
  if (index < static_cast<int>(scene_.nodes.size())) {
    // Child parts ("disc.L4-L5.annulus") answer with their structure's name.
    int top = index;
    while (scene_.nodes[top].parent >= 0 &&
           scene_.nodes[top].name.rfind(scene_.nodes[scene_.nodes[top].parent].name + ".", 0) ==
               0) {
      top = scene_.nodes[top].parent;
    }
    return scene_.nodes[top].name;
  }
  const auto& overlays = renderer_.overlays();
  const std::size_t o = static_cast<std::size_t>(index) - scene_.nodes.size();
  return o < overlays.size() ? std::optional<std::string>(overlays[o].name) : std::nullopt;
}

std::optional<SceneView::NodeSample> SceneView::pollNodeAt() {
  const auto sample = target_.pollId();
  if (!sample) return std::nullopt;
  return NodeSample{sample->x, sample->y, renderer_.nodeOf(sample->id)};
}

std::optional<glm::vec3> SceneView::pointAt(int x, int y) {
  ensureIds();
  const float depth = target_.readDepth(x, y);
  if (depth >= 1.0f) return std::nullopt;
  return camera.unproject(glm::vec2(x + 0.5f, y + 0.5f), depth, target_.width(), target_.height());
}

}  // namespace radicula::app
