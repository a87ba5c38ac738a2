// Named camera views. On Radicula's anatomy they frame structures by their node names (the
// lumbar spine from behind, the axial cut through a disc, the foramen close-up); on any other
// model they fall back to framing the whole model from that direction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/app_state.h"
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

// What a view centres on and how: the disc level ("L4-L5") of the axial slab and the foramen,
// the side ("left") the side, foramen and leg views look at, and whether the axial slice is
// seen from the feet with the patient's left on the right of the screen, as MRI shows it, or
// from above, as an anatomy atlas does.
struct ViewOptions {
  std::string_view focusLevel = "L4-L5";
  std::string_view focusSide = "left";
  bool axialFromFeet = true;
};

// The options of the state's view: its focus and how the axial slice is seen.
ViewOptions viewOptions(const core::ViewState& view);

// `aspect` is the view's width / height. Besides viewNames(), "body_front" and "body_back" frame
// the body from the waist down for marking where it hurts.
ViewPreset makeViewPreset(const io::Scene& scene, std::string_view view, float aspect,
                          const ViewOptions& options = {});

// The default view for a scene: the side view for anatomy, a three-quarter view otherwise.
std::string defaultViewFor(const io::Scene& scene);

}  // namespace radicula::app
