#include "render/scene_renderer.h"

#include "render/gl_api.h"

#include <algorithm>
#include <cmath>

#include "render/gl_error.h"
#include "render/mesh_lods.h"

namespace radicula::render {

namespace {

const NodeStyle& styleOf(const FrameStyle& frame, int node) {
  static const NodeStyle kDefault;
  return node < static_cast<int>(frame.nodes.size()) ? frame.nodes[node] : kDefault;
}

}  // namespace

SceneRenderer::SceneRenderer(const std::filesystem::path& shaderDir)
    : meshProgram_(shaderDir / "mesh.vert", shaderDir / "mesh.frag"),
      idProgram_(shaderDir / "mesh.vert", shaderDir / "id.frag") {}

SceneRenderer::~SceneRenderer() = default;

void SceneRenderer::setScene(const io::Scene* scene) {
  scene_ = scene;
  meshes_.clear();
  items_.clear();
  if (scene == nullptr) return;
  for (const auto& mesh : scene->meshes) {
    meshes_.push_back(std::make_unique<GpuMesh>(mesh, /*withLods=*/true));
  }
  for (int i = 0; i < static_cast<int>(scene->nodes.size()); ++i) {
    const auto& node = scene->nodes[i];
    if (node.mesh < 0) continue;
    DrawItem item;
    item.node = i;
    item.mesh = node.mesh;
    item.model = scene->worldTransform(i);
    io::Bounds b;
    for (const auto& p : scene->meshes[node.mesh].positions) b.add(p);
    item.center = glm::vec3(item.model * glm::vec4(b.center(), 1.0f));
    item.scale =
        std::max({glm::length(glm::vec3(item.model[0])), glm::length(glm::vec3(item.model[1])),
                  glm::length(glm::vec3(item.model[2]))});
    item.radius = b.empty() ? 0.0f : 0.5f * glm::length(b.size()) * item.scale;
    items_.push_back(item);
  }
  checkGl("uploading meshes");
}

void SceneRenderer::setOverlays(std::vector<Overlay> overlays) {
  overlays_ = std::move(overlays);
  overlayMeshes_.clear();
  for (const auto& o : overlays_) overlayMeshes_.push_back(std::make_unique<GpuMesh>(o.mesh));
  checkGl("uploading overlays");
}

std::size_t SceneRenderer::lodFor(const DrawItem& item, const OrbitCamera& camera,
                                  int viewportHeight) const {
  // Errors under half a pixel cannot be seen; the nearest point of the item decides.
  constexpr float kMaxErrorPixels = 0.5f;
  float distance = camera.distance;
  if (!camera.orthographic) {
    distance = std::max(glm::length(item.center - camera.eye()) - item.radius, camera.nearPlane());
  }
  const float perUnit = pixelsPerUnit(distance, glm::radians(camera.fovYDeg), viewportHeight);
  const GpuMesh& mesh = *meshes_[item.mesh];
  std::size_t lod = 0;
  for (std::size_t i = 1; i < mesh.lodCount(); ++i) {
    if (mesh.lodError(i) * item.scale * perUnit < kMaxErrorPixels) lod = i;
  }
  return lod;
}

std::size_t SceneRenderer::levelOfDetail(int node, const OrbitCamera& camera,
                                         int viewportHeight) const {
  for (const auto& item : items_) {
    if (item.node == node) return lodFor(item, camera, viewportHeight);
  }
  return 0;
}

std::size_t SceneRenderer::levelCount(int node) const {
  for (const auto& item : items_) {
    if (item.node == node) return meshes_[item.mesh]->lodCount();
  }
  return 0;
}

void SceneRenderer::drawItem(ShaderProgram& program, const DrawItem& item, std::size_t lod,
                             const NodeStyle& style, const FrameStyle& frame) {
  const io::MeshData& mesh = scene_->meshes[item.mesh];
  io::Material material;
  if (mesh.material >= 0 && mesh.material < static_cast<int>(scene_->materials.size())) {
    material = scene_->materials[mesh.material];
  }
  glm::vec4 color = style.color.value_or(material.baseColor);
  color.a *= style.alpha;
  program.set("uModel", item.model);
  program.set("uNormalMatrix", glm::mat3(glm::transpose(glm::inverse(item.model))));
  program.set("uBaseColor", color);
  program.set("uRoughness", material.roughness);
  program.set("uGlow", style.glow);
  program.set("uGlowFromArc", style.glowFromArc);
  program.set("uSelected", style.selected ? 1.0f : 0.0f);
  program.set("uHasRegions", mesh.regionIds.empty() ? 0 : 1);
  program.set("uPulseArc", frame.pulseArc);
  meshes_[item.mesh]->draw(lod);
  drawnTriangles_ += meshes_[item.mesh]->triangleCount(lod);
}

void SceneRenderer::render(RenderTarget& target, const OrbitCamera& camera,
                           const FrameStyle& frame) {
  drawnTriangles_ = 0;
  const float aspect = static_cast<float>(target.width()) / static_cast<float>(target.height());
  const glm::mat4 viewProj = camera.projection(aspect) * camera.view();
  const glm::vec3 eye = camera.eye();
  const glm::vec3 camRight = camera.screenRight();
  const glm::vec3 camUp = camera.screenUp();
  // Key light from the viewer's upper left, so shapes read the same from every view.
  const glm::vec3 keyDir =
      glm::normalize(-0.45f * camRight + 0.6f * camUp - 0.65f * camera.forward());
  const bool clipping = frame.clipPlane != glm::vec4(0.0f);

  target.bindColor();
  // A mirrored projection turns every triangle's winding round.
  glFrontFace(camera.mirrored ? GL_CW : GL_CCW);
  glClearColor(frame.background.r, frame.background.g, frame.background.b, 1.0f);
  glClearDepthf(1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  if (clipping) {
#ifndef __EMSCRIPTEN__
    glEnable(GL_CLIP_DISTANCE0);
    glEnable(GL_CLIP_DISTANCE1);
#endif
  }
#ifndef __EMSCRIPTEN__
  if (target.samples() > 0) glEnable(GL_MULTISAMPLE);  // always on in WebGL
#endif

  if (scene_ != nullptr) {
    meshProgram_.use();
    meshProgram_.set("uViewProj", viewProj);
    meshProgram_.set("uEye", eye);
    meshProgram_.set("uKeyDir", keyDir);
    meshProgram_.set("uClipPlane", frame.clipPlane);
    meshProgram_.set("uClipPlaneBelow", frame.clipPlaneBelow);
    meshProgram_.set("uCapCut", clipping ? 1 : 0);
    meshProgram_.set("uShowThrough", 0.0f);
    meshProgram_.set("uRegionColor", frame.regionColor);
    meshProgram_.set("uGlowColor", frame.glowColor);
    meshProgram_.setArray("uRegionLeft", frame.regionLeft.data(), kMaxRegions);
    meshProgram_.setArray("uRegionRight", frame.regionRight.data(), kMaxRegions);
    meshProgram_.set("uMarkColor", frame.markColor);
    meshProgram_.setArray("uMarkLeft", frame.markLeft.data(), kMaxRegions);
    meshProgram_.setArray("uMarkRight", frame.markRight.data(), kMaxRegions);

    std::vector<const DrawItem*> translucent;
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
    // With a clipping plane the inside of cut bones shows: draw both faces then.
    glDisable(GL_CULL_FACE);
    for (const auto& item : items_) {
      const NodeStyle& style = styleOf(frame, item.node);
      if (!style.visible) continue;
      const float alpha = opacityOf(item, style);
      if (alpha <= 0.001f) continue;
      if (alpha < 0.999f) {
        translucent.push_back(&item);
        continue;
      }
      drawItem(meshProgram_, item, lodFor(item, camera, target.height()), style, frame);
    }
    drawOverlays();
    checkGl("opaque pass");

    // Translucent layers far to near, each with back faces first, without writing depth, so
    // the x-ray skin and bone never hide what lies behind them.
    std::sort(translucent.begin(), translucent.end(), [&](const DrawItem* a, const DrawItem* b) {
      return glm::dot(a->center - eye, camera.forward()) >
             glm::dot(b->center - eye, camera.forward());
    });
    meshProgram_.set("uCapCut", 0);  // translucent layers are not solids to fill
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    glEnable(GL_CULL_FACE);
    for (const DrawItem* item : translucent) {
      const NodeStyle& style = styleOf(frame, item->node);
      const std::size_t lod = lodFor(*item, camera, target.height());
      glCullFace(GL_FRONT);
      drawItem(meshProgram_, *item, lod, style, frame);
      glCullFace(GL_BACK);
      drawItem(meshProgram_, *item, lod, style, frame);
    }
    checkGl("translucent pass");

    // Overlays once more, only where something nearer covers them (depth test GREATER against
    // the opaque depth), faint and blended over what hides them.
    if (!overlays_.empty() && frame.overlayShowThrough > 0.0f) {
      glCullFace(GL_BACK);
      glDepthFunc(GL_GREATER);
      meshProgram_.set("uShowThrough", frame.overlayShowThrough);
      drawOverlays();
      meshProgram_.set("uShowThrough", 0.0f);
      glDepthFunc(GL_LESS);
      checkGl("show-through pass");
    }
    glDisable(GL_CULL_FACE);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
  }
  target.resolve();

  if (clipping) {
#ifndef __EMSCRIPTEN__
    glDisable(GL_CLIP_DISTANCE0);
    glDisable(GL_CLIP_DISTANCE1);
#endif
  }
  glFrontFace(GL_CCW);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

float SceneRenderer::opacityOf(const DrawItem& item, const NodeStyle& style) const {
  const io::MeshData& mesh = scene_->meshes[item.mesh];
  float alpha = style.color ? style.color->a : 1.0f;
  if (!style.color && mesh.material >= 0 &&
      mesh.material < static_cast<int>(scene_->materials.size())) {
    alpha = scene_->materials[mesh.material].baseColor.a;
  }
  return alpha * style.alpha;
}

void SceneRenderer::drawOverlays() {
  for (std::size_t i = 0; i < overlays_.size(); ++i) {
    const Overlay& o = overlays_[i];
    meshProgram_.set("uModel", glm::mat4(1.0f));
    meshProgram_.set("uNormalMatrix", glm::mat3(1.0f));
    meshProgram_.set("uBaseColor", o.color);
    meshProgram_.set("uRoughness", o.roughness);
    meshProgram_.set("uGlow", 0.0f);
    meshProgram_.set("uSelected", 0.0f);
    meshProgram_.set("uHasRegions", 0);
    overlayMeshes_[i]->draw();
    drawnTriangles_ += overlayMeshes_[i]->triangleCount();
  }
}

void SceneRenderer::renderIds(RenderTarget& target, const OrbitCamera& camera,
                              const FrameStyle& frame) {
  const float aspect = static_cast<float>(target.width()) / static_cast<float>(target.height());
  const glm::mat4 viewProj = camera.projection(aspect) * camera.view();
  const bool clipping = frame.clipPlane != glm::vec4(0.0f);
  if (clipping) {
#ifndef __EMSCRIPTEN__
    glEnable(GL_CLIP_DISTANCE0);
    glEnable(GL_CLIP_DISTANCE1);
#endif
  }
  // Every visible, pickable node that is not nearly transparent.
  target.bindIds();
  const GLuint zero[4] = {0, 0, 0, 0};
  glClearBufferuiv(GL_COLOR, 0, zero);
  glClear(GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  if (scene_ != nullptr) {
    idProgram_.use();
    idProgram_.set("uViewProj", viewProj);
    idProgram_.set("uClipPlane", frame.clipPlane);
    idProgram_.set("uClipPlaneBelow", frame.clipPlaneBelow);
    idProgram_.set("uHasRegions", 0);
    // Opaque structures first, writing depth; then translucent ones (the dural sac, bone at a
    // lowered x-ray opacity) over them without writing depth; then the lesions, tested against
    // the opaque depth alone. A lesion is named where it is seen through a translucent sheath
    // (a herniation inside the dural sac), and what is solid in front of a lesion keeps its
    // own name.
    const auto drawIds = [&](bool opaquePass) {
      for (const auto& item : items_) {
        const NodeStyle& style = styleOf(frame, item.node);
        if (!style.visible || !style.pickable || style.alpha < 0.35f) continue;
        const float alpha = opacityOf(item, style);
        if (alpha < 0.35f || (alpha >= 0.999f) != opaquePass) continue;
        idProgram_.set("uModel", item.model);
        idProgram_.set("uObjectId", static_cast<unsigned>(item.node + 1));
        meshes_[item.mesh]->draw(lodFor(item, camera, target.height()));
      }
    };
    drawIds(true);
    glDepthMask(GL_FALSE);
    drawIds(false);
    for (std::size_t i = 0; i < overlays_.size(); ++i) {
      idProgram_.set("uModel", glm::mat4(1.0f));
      idProgram_.set("uObjectId", static_cast<unsigned>(scene_->nodes.size() + i + 1));
      overlayMeshes_[i]->draw();
    }
    glDepthMask(GL_TRUE);
  }
  if (clipping) {
#ifndef __EMSCRIPTEN__
    glDisable(GL_CLIP_DISTANCE0);
    glDisable(GL_CLIP_DISTANCE1);
#endif
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  checkGl("id pass");
}

std::optional<int> SceneRenderer::nodeAt(RenderTarget& target, int x, int y) const {
  return nodeOf(target.readId(x, y));
}

std::optional<int> SceneRenderer::nodeOf(std::uint32_t id) const {
  if (id == 0 || scene_ == nullptr || id > scene_->nodes.size() + overlays_.size())
    return std::nullopt;
  return static_cast<int>(id) - 1;
}

}  // namespace radicula::render
