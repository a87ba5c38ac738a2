// The SceneRenderer draws a Scene into a RenderTarget: an opaque pass, a translucent pass for
// x-ray layers (skin, bone), highlight uniforms for affected nerves and lit skin regions, an
// optional clipping plane, and an id pass that records which node covers each pixel.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "io/scene.h"
#include "render/camera.h"
#include "render/gpu_mesh.h"
#include "render/render_target.h"
#include "render/shader_program.h"

namespace radicula::render {

inline constexpr int kMaxRegions = 32;  // matches shaders/mesh.vert

// How one node is drawn this frame. Defaults draw it as its material says.
struct NodeStyle {
  bool visible = true;
  float alpha = 1.0f;        // multiplies the material alpha (x-ray sliders)
  float glow = 0.0f;         // affected nerve: 0 calm … 1 strongly compressed
  float glowFromArc = 0.0f;  // glow starts at this arc (the point of compression)
  bool selected = false;
  bool pickable = true;
  std::optional<glm::vec4> color;  // replaces the material colour (linear RGB + alpha)
};

struct FrameStyle {
  glm::vec3 background{0.11f, 0.12f, 0.14f};  // linear RGB
  std::vector<NodeStyle> nodes;               // by node index; missing entries use defaults
  std::array<float, kMaxRegions> regionLeft{};
  std::array<float, kMaxRegions> regionRight{};
  glm::vec3 regionColor{0.95f, 0.35f, 0.05f};  // orange reads on skin and for colour-blind users
  // Regions the person marked, in their own colour (striped with regionColor where both).
  std::array<float, kMaxRegions> markLeft{};
  std::array<float, kMaxRegions> markRight{};
  glm::vec3 markColor{0.0f, 0.17f, 0.45f};
  glm::vec3 glowColor{1.0f, 0.18f, 0.55f};
  float pulseArc = -1.0f;          // < 0: no pulse (reduce motion)
  glm::vec4 clipPlane{0.0f};       // world plane; all zero disables
  glm::vec4 clipPlaneBelow{0.0f};  // closes a slab with clipPlane; zero: off
  // Overlays (lesions) hidden behind opaque structures show through them at this opacity, so
  // what presses on a root reads from every view, even from the side through a pedicle. 0: off.
  float overlayShowThrough = 0.4f;
};

// A mesh drawn with the scene but not part of it, replaced freely while the user edits: the
// lesions, re-meshed as severity changes. Overlays are picked like nodes; their pick index
// follows the scene's nodes (node count + overlay index).
struct Overlay {
  std::string name;  // e.g. "lesion.0"
  io::MeshData mesh;
  glm::vec4 color{0.8f, 0.8f, 0.8f, 1.0f};
  float roughness = 0.5f;
};

class SceneRenderer {
 public:
  explicit SceneRenderer(const std::filesystem::path& shaderDir);
  ~SceneRenderer();

  // Uploads the meshes (once); the scene must outlive the renderer's use of it.
  void setScene(const io::Scene* scene);
  const io::Scene* scene() const { return scene_; }

  void setOverlays(std::vector<Overlay> overlays);
  const std::vector<Overlay>& overlays() const { return overlays_; }

  // Draws colour and leaves it resolved in the target. Checks GL after each pass.
  void render(RenderTarget& target, const OrbitCamera& camera, const FrameStyle& style);
  // Draws the id buffer (node index + 1 per pixel, 0 for background) with its depth. Costly on
  // a software renderer, so it runs only when something asks what is under a pixel.
  void renderIds(RenderTarget& target, const OrbitCamera& camera, const FrameStyle& style);

  // Node index under the pixel from the last id pass, if any; indices from the node count on
  // are overlays.
  std::optional<int> nodeAt(RenderTarget& target, int x, int y) const;
  // The node (or overlay, after the nodes) an id of the id pass stands for.
  std::optional<int> nodeOf(std::uint32_t id) const;

  std::size_t drawnTriangles() const { return drawnTriangles_; }
  // The level of detail `node` is drawn at with this camera (0: every triangle; 0 for nodes
  // without a mesh), and how many levels it has.
  std::size_t levelOfDetail(int node, const OrbitCamera& camera, int viewportHeight) const;
  std::size_t levelCount(int node) const;

 private:
  struct DrawItem {
    int node = 0;
    int mesh = 0;
    glm::mat4 model{1.0f};
    glm::vec3 center{0.0f};
    float radius = 0.0f;  // world-space bounding sphere around `center`
    float scale = 1.0f;   // largest scale of `model`, turning mesh errors into world lengths
  };

  // The level of detail of `item` for this camera: the coarsest one that looks the same.
  std::size_t lodFor(const DrawItem& item, const OrbitCamera& camera, int viewportHeight) const;

  void drawItem(ShaderProgram& program, const DrawItem& item, std::size_t lod,
                const NodeStyle& style, const FrameStyle& frame);
  void drawOverlays();
  // How opaque a node is drawn: its style's colour or its material, times the x-ray slider.
  float opacityOf(const DrawItem& item, const NodeStyle& style) const;

  ShaderProgram meshProgram_;
  ShaderProgram idProgram_;
  const io::Scene* scene_ = nullptr;
  std::vector<std::unique_ptr<GpuMesh>> meshes_;
  std::vector<DrawItem> items_;
  std::vector<Overlay> overlays_;
  std::vector<std::unique_ptr<GpuMesh>> overlayMeshes_;
  std::size_t drawnTriangles_ = 0;
};

}  // namespace radicula::render
