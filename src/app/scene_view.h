// A SceneView is one 3D view of a scene at an explicit size: the scene, its renderer, the
// offscreen target, the camera and this frame's styling. The window, --screenshot,
// --benchmark and GL tests all draw through it, so they share one code path.
// It needs a current OpenGL 3.3 context (a GlWindow).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/view_presets.h"
#include "io/scene.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"

namespace radicula::app {

class SceneView {
 public:
  SceneView(int width, int height, int samples, const std::filesystem::path& shaderDir);

  void setScene(io::Scene scene);
  const io::Scene& scene() const { return scene_; }

  void resize(int width, int height) {
    target_.resize(width, height);
    idsStale_ = true;
  }
  int width() const { return target_.width(); }
  int height() const { return target_.height(); }
  int samples() const { return target_.samples(); }

  // Sets the camera and clipping plane of a named view (see view_presets.h).
  void applyView(std::string_view view, const ViewOptions& options = {});

  void render();
  // Waits until the GPU has finished the frame (benchmarks time whole frames).
  void finish();
  io::Image image() { return target_.readColor(); }
  void blitToScreen(int width, int height) { target_.blitToScreen(width, height); }

  std::optional<int> nodeAt(int x, int y) {
    ensureIds();
    return renderer_.nodeAt(target_, x, y);
  }
  // Name of the node or overlay under the pixel ("root.L5.left", "lesion.0").
  std::optional<std::string> nameAt(int x, int y) {
    const auto node = nodeAt(x, y);
    return node ? nameOf(*node) : std::nullopt;
  }
  std::optional<std::string> nameOf(int node) const;
  // The node under a pixel without waiting for the GPU (render::RenderTarget::requestId), for
  // the pointer hovering over the view: pollNodeAt() answers once, when the GPU got there.
  struct NodeSample {
    int x = 0, y = 0;
    std::optional<int> node;
  };
  void requestNodeAt(int x, int y) {
    ensureIds();
    target_.requestId(x, y);
  }
  std::optional<NodeSample> pollNodeAt();
  bool nodeRequestPending() const { return target_.idPending(); }
  void cancelNodeRequest() { target_.cancelId(); }
  void setOverlays(std::vector<render::Overlay> overlays) {
    renderer_.setOverlays(std::move(overlays));
  }
  const std::vector<render::Overlay>& overlays() const { return renderer_.overlays(); }
  void blitTo(unsigned framebuffer, int x, int y, int w, int h) {
    target_.blitTo(framebuffer, x, y, w, h);
  }
  unsigned colorTexture() const { return target_.colorTexture(); }
  // World point under the pixel from the last id pass, if something is there.
  std::optional<glm::vec3> pointAt(int x, int y);
  bool project(const glm::vec3& world, glm::vec2* pixel) const {
    return camera.project(world, target_.width(), target_.height(), pixel);
  }
  std::size_t drawnTriangles() const { return renderer_.drawnTriangles(); }
  // Level of detail `node` is drawn at with the current camera (0: every triangle).
  std::size_t levelOfDetail(int node) const {
    return renderer_.levelOfDetail(node, camera, target_.height());
  }
  std::size_t levelCount(int node) const { return renderer_.levelCount(node); }

  render::OrbitCamera camera;
  render::FrameStyle style;

 private:
  // The id buffer is drawn lazily, for the camera and styling of the last render.
  void ensureIds();

  bool idsStale_ = true;
  render::RenderTarget target_;
  render::SceneRenderer renderer_;
  io::Scene scene_;
};

}  // namespace radicula::app
