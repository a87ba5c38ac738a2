#include "app/anatomy_style.h"

#include <algorithm>
#include <unordered_map>

namespace radicula::app {

namespace {

bool startsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

Layer layerOf(const std::string& name) {
  if (name == "skin" || startsWith(name, "skin.")) return Layer::Skin;
  for (const char* p : {"vertebra.", "sacrum", "pelvis.", "femur.", "tibia.", "fibula.", "foot."}) {
    if (startsWith(name, p)) return Layer::Bone;
  }
  if (startsWith(name, "disc.")) return Layer::Disc;
  for (const char* p : {"root.", "nerve.", "plexus.", "cord", "dura", "ganglion."}) {
    if (startsWith(name, p)) return Layer::Nerve;
  }
  return Layer::Other;
}

}  // namespace

std::vector<Layer> classifyNodes(const io::Scene& scene) {
  std::vector<Layer> layers(scene.nodes.size(), Layer::Other);
  for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
    // A child takes its own layer if its name says one, else its parent's.
    Layer layer = layerOf(scene.nodes[i].name);
    for (int p = scene.nodes[i].parent; layer == Layer::Other && p >= 0;
         p = scene.nodes[p].parent) {
      layer = layerOf(scene.nodes[p].name);
    }
    layers[i] = layer;
  }
  return layers;
}

glm::vec4 lesionColor(core::PathologyType type) {
  switch (type) {
    case core::PathologyType::Herniation:
      return palette::kHerniation;
    case core::PathologyType::Osteophyte:
      return palette::kOsteophyte;
    default:
      return palette::kStenosis;
  }
}

void applyAnatomyStyle(const StyleInputs& in, render::FrameStyle& style) {
  const io::Scene& scene = *in.scene;
  const core::ViewState& view = *in.view;
  style.nodes.assign(scene.nodes.size(), render::NodeStyle{});
  style.regionLeft.fill(0.0f);
  style.regionRight.fill(0.0f);
  style.markLeft.fill(0.0f);
  style.markRight.fill(0.0f);
  style.markColor = palette::kMarked;
  style.glowColor = palette::kGlow;
  style.regionColor = palette::kRegion;
  style.pulseArc = in.pulseArc;

  std::unordered_map<std::string, const core::NerveHighlight*> glow;
  if (in.highlights != nullptr) {
    for (const auto& h : *in.highlights) glow[h.node] = &h;
  }
  for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
    render::NodeStyle& s = style.nodes[i];
    const auto& node = scene.nodes[i];
    switch ((*in.layers)[i]) {
      case Layer::Skin: {
        s.visible = view.showSkin && view.skinOpacity > 0.0f;
        glm::vec4 color(0.80f, 0.55f, 0.45f, 1.0f);
        if (node.mesh >= 0 && scene.meshes[node.mesh].material >= 0) {
          color = scene.materials[scene.meshes[node.mesh].material].baseColor;
        }
        color.a = view.skinOpacity;
        // The body map is marked on the skin: it shows (enough for the glowing path inside to
        // read through) and takes the clicks.
        if (in.bodyMap) {
          s.visible = true;
          color.a = std::max(color.a, 0.8f);
        }
        s.color = color;
        // The x-ray skin must not catch clicks meant for the nerves inside it.
        s.pickable = color.a >= 0.6f;
        break;
      }
      case Layer::Bone:
        s.visible = view.showBones && view.boneOpacity > 0.0f;
        s.alpha = view.boneOpacity;
        break;
      case Layer::Disc:
        s.visible = view.showDiscs;
        break;
      case Layer::Nerve:
        s.visible = view.showNerves;
        break;
      case Layer::Other:
        break;
    }
    if (const auto it = glow.find(node.name); it != glow.end()) {
      // Even a nerve just past the threshold glows clearly; stronger compression glows more.
      s.glow = 0.55f + 0.45f * std::clamp(it->second->intensity, 0.0f, 1.0f);
      s.glowFromArc = it->second->fromArc;
    }
    s.selected = in.selected && *in.selected == node.name;
    if (in.hidden != nullptr) {
      for (const auto& prefix : *in.hidden) {
        if (node.name.rfind(prefix, 0) == 0) s.visible = false;
      }
    }
  }
  if (in.findings != nullptr) {
    for (const auto& r : in.findings->regions) {
      if (r.region < 0 || r.region >= render::kMaxRegions) continue;
      // Lit regions always show; their strength follows the compression.
      const float intensity = 0.45f + 0.55f * std::clamp(r.intensity, 0.0f, 1.0f);
      auto& slot =
          r.side == core::Side::Left ? style.regionLeft[r.region] : style.regionRight[r.region];
      slot = std::max(slot, intensity);
    }
  }
  for (const auto& [region, side] : in.marked) {
    if (region < 0 || region >= render::kMaxRegions) continue;
    (side == core::Side::Left ? style.markLeft : style.markRight)[region] = 1.0f;
  }
}

}  // namespace radicula::app
