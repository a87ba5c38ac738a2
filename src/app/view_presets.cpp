#include "app/view_presets.h"

#include <algorithm>
#include <cmath>

namespace radicula::app {

namespace {

io::Bounds boundsOfNodes(const io::Scene& scene, const std::vector<std::string>& prefixes) {
  io::Bounds b;
  for (int i = 0; i < static_cast<int>(scene.nodes.size()); ++i) {
    const auto& node = scene.nodes[i];
    if (node.mesh < 0) continue;
    bool match = false;
    // A child node (".annulus") belongs to its parent's structure.
    for (int n = i; n >= 0 && !match; n = scene.nodes[n].parent) {
      for (const auto& p : prefixes) match = match || scene.nodes[n].name.rfind(p, 0) == 0;
    }
    if (!match) continue;
    const glm::mat4 m = scene.worldTransform(i);
    for (const auto& p : scene.meshes[node.mesh].positions)
      b.add(glm::vec3(m * glm::vec4(p, 1.0f)));
  }
  return b;
}

bool isAnatomy(const io::Scene& scene) {
  return scene.findNode("vertebra.L4").has_value();
}

render::OrbitCamera framed(const io::Bounds& bounds, float aspect, float yaw, float pitch,
                           float tightness = 1.0f) {
  render::OrbitCamera c;
  c.yawDeg = yaw;
  c.pitchDeg = pitch;
  c.frame(bounds, aspect);
  c.distance *= tightness;
  return c;
}

}  // namespace

ViewOptions viewOptions(const core::ViewState& view) {
  ViewOptions options;
  options.focusLevel = core::toString(view.focusLevel);
  options.focusSide = core::toString(view.focusSide);
  options.axialFromFeet = view.axialFromFeet;
  return options;
}

const std::vector<std::string>& viewNames() {
  static const std::vector<std::string> names = {"side",    "posterior", "axial",
                                                 "foramen", "front",     "leg"};
  return names;
}

std::string defaultViewFor(const io::Scene& scene) {
  return isAnatomy(scene) ? "side" : "three_quarter";
}

ViewPreset makeViewPreset(const io::Scene& scene, std::string_view view, float aspect,
                          const ViewOptions& options) {
  ViewPreset preset;
  const io::Bounds all = scene.bounds();
  const std::string_view focusLevel = options.focusLevel;
  // The patient's left is +X; a view of one side looks from that side.
  const float sideSign = options.focusSide == "right" ? -1.0f : 1.0f;
  if (!isAnatomy(scene)) {
    if (view == "side")
      preset.camera = framed(all, aspect, 90.0f, 0.0f);
    else if (view == "posterior")
      preset.camera = framed(all, aspect, 180.0f, 0.0f);
    else if (view == "front")
      preset.camera = framed(all, aspect, 0.0f, 0.0f);
    else if (view == "axial")
      preset.camera = framed(all, aspect, 0.0f, 89.9f);
    else
      preset.camera = framed(all, aspect, 35.0f, 20.0f);
    return preset;
  }

  // The close views are framed at a fixed distance for a view at least as wide as it is
  // tall; a taller one (a phone held upright) steps back, so it shows as much across.
  const float across = std::max(1.0f, 1.0f / std::max(aspect, 0.05f));
  const std::string disc = "disc." + std::string(focusLevel);
  const auto discNode = scene.findNode(disc);
  const glm::mat4 discWorld = discNode ? scene.worldTransform(*discNode) : glm::mat4(1.0f);
  const glm::vec3 discCenter(discWorld[3]);
  const glm::vec3 discUp = glm::normalize(glm::vec3(discWorld[1]));

  if (view == "posterior") {
    preset.camera =
        framed(boundsOfNodes(scene, {"vertebra.", "sacrum", "disc."}), aspect, 180.0f, 8.0f, 0.85f);
  } else if (view == "axial") {
    // From above, looking down the spine onto the cut just above the disc's mid-plane, with the
    // front of the body at the top of the picture (coming over from behind keeps +Z up). As on
    // MRI the same picture is mirrored: seen from the feet, the patient's left on the right.
    render::OrbitCamera c;
    c.target = discCenter - glm::vec3(0.0f, 0.0f, 0.012f);
    c.distance = 0.24f * across;
    c.yawDeg = 180.0f;
    c.pitchDeg = 89.9f;
    c.fovYDeg = 35.0f;
    c.mirrored = options.axialFromFeet;
    preset.camera = c;
    const glm::vec3 cutPoint = discCenter + discUp * 0.002f;
    preset.clipPlane = glm::vec4(-discUp, glm::dot(discUp, cutPoint));
    // Only a slab down to the vertebra below stays, so the pelvis and legs do not crowd
    // the cross-section.
    const glm::vec3 floorPoint = cutPoint - discUp * 0.045f;
    preset.clipPlaneBelow = glm::vec4(discUp, -glm::dot(discUp, floorPoint));
  } else if (view == "foramen") {
    render::OrbitCamera c;
    c.target = discCenter + glm::vec3(sideSign * 0.022f, 0.006f, -0.026f);
    c.distance = 0.14f * across;
    c.yawDeg = sideSign > 0 ? 90.0f : -90.0f;
    c.pitchDeg = 5.0f;
    preset.camera = c;
    // At L4/L5 the iliac crest and the skin stand between the eye and the foramen.
    preset.hidden = {"pelvis.", "skin"};
  } else if (view == "front") {
    preset.camera = framed(all, aspect, 0.0f, 0.0f);
  } else if (view == "body_front" || view == "body_back") {
    // "Where does it hurt?": from the waist to the toes, where the skin regions are, seen
    // straight on so both legs can be marked (not a view of the View menu).
    io::Bounds body = boundsOfNodes(scene, {"pelvis.", "sacrum", "femur.", "tibia.", "foot."});
    if (body.empty()) body = all;
    body.min.y -= 0.03f;
    body.max.y += 0.04f;
    preset.camera = framed(body, aspect, view == "body_front" ? 0.0f : 180.0f, 0.0f, 0.97f);
    // A body to mark, not a skeleton: the bones would read as marks through the skin.
    preset.hidden = {"pelvis.", "sacrum", "femur.",    "tibia.",
                     "fibula.", "foot.",  "vertebra.", "disc."};
  } else if (view == "leg") {
    const std::string side = sideSign > 0 ? "left" : "right";
    io::Bounds leg =
        boundsOfNodes(scene, {"femur." + side, "tibia." + side, "fibula." + side, "foot." + side});
    if (leg.empty()) leg = all;
    preset.camera = framed(leg, aspect, sideSign > 0 ? 60.0f : -60.0f, 5.0f, 0.9f);
  } else {
    // side (default): the whole figure seen from the side in focus (the lesion's).
    preset.camera = framed(all, aspect, sideSign > 0 ? 90.0f : -90.0f, 0.0f);
  }
  return preset;
}

}  // namespace radicula::app
