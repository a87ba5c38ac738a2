// A *nerve highlight* says which nerve tubes glow and from where: an affected segment glows
// from the point where it is pressed, and every segment downstream that carries the same
// fibres glows along its whole length, so the light runs from the lesion down the leg to the
// skin those fibres reach. Derived from Findings and the NerveGraph; the renderer only draws it.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/findings.h"

namespace radicula::core {

struct NerveHighlight {
  std::string node;  // glTF node name: "root.L5.left", "nerve.sciatic.left", "cord"
  Side side = Side::Left;
  float intensity = 0.0f;  // the compression of the fibres it carries, 0..1
  float fromArc = 0.0f;    // glows distal to this arc (metres along the tube); 0: all of it
  bool pressed = false;    // true for the segment the lesion presses on
};

// The glTF node that draws a layout tube ("root.L5" → "root.L5.left", "sciatic" →
// "nerve.sciatic.left"), or "" when the segment has no tube.
std::string tubeNode(const std::string& tube, Side side);

std::vector<NerveHighlight> nerveHighlights(const Findings& findings, const ClinicalEngine& engine);

}  // namespace radicula::core
