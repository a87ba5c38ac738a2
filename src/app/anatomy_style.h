// How the anatomy looks this frame: layer visibility and x-ray opacity from the view state,
// affected nerves glowing from the point of compression down the leg, lit skin regions, the
// selection, and lesion colours. Colours come from the Okabe–Ito palette so glow, lit skin and
// lesions stay distinguishable with colour-blindness.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/findings.h"
#include "core/nerve_highlight.h"
#include "io/scene.h"
#include "render/scene_renderer.h"

namespace radicula::app {

enum class Layer { Skin, Bone, Disc, Nerve, Other };

// The layer of every node, from its name (docs/contracts.md, asset names), computed once per scene.
std::vector<Layer> classifyNodes(const io::Scene& scene);

namespace palette {
inline const glm::vec3 kGlow{1.0f, 0.05f, 0.45f};               // reddish purple: compressed nerve
inline const glm::vec3 kRegion{0.79f, 0.34f, 0.0f};             // orange: where it may be felt
inline const glm::vec3 kMarked{0.0f, 0.17f, 0.45f};             // blue: where the person marked
inline const glm::vec4 kHerniation{0.09f, 0.46f, 0.81f, 1.0f};  // sky blue: disc material
inline const glm::vec4 kOsteophyte{0.0f, 0.34f, 0.17f, 1.0f};   // bluish green: bone spur
inline const glm::vec4 kStenosis{0.02f, 0.18f, 0.42f, 1.0f};    // blue: thickened tissue
}  // namespace palette

glm::vec4 lesionColor(core::PathologyType type);

struct StyleInputs {
  const io::Scene* scene = nullptr;
  const std::vector<Layer>* layers = nullptr;
  const core::ViewState* view = nullptr;
  const std::vector<core::NerveHighlight>* highlights = nullptr;
  const core::Findings* findings = nullptr;
  std::optional<std::string> selected;
  const std::vector<std::string>* hidden = nullptr;  // node name prefixes the view leaves out
  float pulseArc = -1.0f;                            // < 0 when motion is reduced
  // "Where does it hurt?" is open: the skin is nearly opaque and catches clicks, and the regions
  // marked (region index, side) show in their own colour.
  bool bodyMap = false;
  std::vector<std::pair<int, core::Side>> marked;
};

// Fills `style` (node styles, region intensities, pulse); keeps its background and clip plane.
void applyAnatomyStyle(const StyleInputs& in, render::FrameStyle& style);

}  // namespace radicula::app
