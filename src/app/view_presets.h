// Named camera views. On Radicula's anatomy they frame structures by their node names (the
// lumbar spine from behind, the axial cut through a disc, the foramen close-up); on any other
// model they fall back to framing the whole model from that direction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "io/scene.h"
#include "render/camera.h"

namespace radicula::app {

struct ViewPreset {
  render::OrbitCamera camera;
  glm::vec4 clipPlane{0.0f};        // world plane; zero when the view does not cut
  glm::vec4 clipPlaneBelow{0.0f};   // with clipPlane, keeps only a slab of the body
  std::vector<std::string> hidden;  // node name prefixes this view leaves out (they block it)
};

const std::vector<std::string>& viewNames();

// `aspect` is the view's width / height. `focusLevel` ("L4-L5") and `focusSide` ("left") choose the
// disc and side for the axial and foramen views.
ViewPreset makeViewPreset(const io::Scene& scene, std::string_view view, float aspect,
                          std::string_view focusLevel = "L4-L5",
                          std::string_view focusSide = "left");

// The default view for a scene: the side view for anatomy, a three-quarter view otherwise.
std::string defaultViewFor(const io::Scene& scene);

}  // namespace radicula::app
