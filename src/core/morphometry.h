// Morphometry is the set of published measurements the parametric model is built from
// (docs/clinical-basis.md §6–7), loaded from content/morphometry.json where each value carries its
// source. The file holds millimetres and degrees; this struct holds metres and degrees.
#pragma once

#include <array>
#include <filesystem>

namespace radicula::core {

struct VertebraMorphometry {
  float endplateWidth = 0;    // body width at the endplate
  float bodyDepth = 0;        // body depth, anterior to posterior
  float anteriorHeight = 0;   // body height at the front
  float posteriorHeight = 0;  // body height at the back
  float pedicleWidth = 0;
  float pedicleHeight = 0;
  float canalAP = 0;
  float canalWidth = 0;
  float foramenHeight = 0;  // foramen below this vertebra's pedicle
  float foramenWidth = 0;
  float transverseSpan = 0;  // tip to tip
  float spinousReach = 0;    // back of the body to the spinous tip
};

struct DiscMorphometry {
  float anteriorHeight = 0;
  float middleHeight = 0;
  float posteriorHeight = 0;
  float apLength = 0;
  float lordosisDeg = 0;  // segmental lordosis across this disc
};

struct SacrumMorphometry {
  float length = 0;
  float width = 0;
  float s1Width = 0;
  float s1Depth = 0;
  float slopeDeg = 0;       // sacral slope
  float pelvicTiltDeg = 0;  // S1 endplate midpoint to hip axis, from the vertical
  float pelvicRadius = 0;   // S1 endplate midpoint to hip axis, length
};

// Segment lengths as fractions of stature (Drillis & Contini), and the stature itself.
struct BodyMorphometry {
  float stature = 1.75f;
  float hipHeight = 0.530f;
  float kneeHeight = 0.285f;
  float ankleHeight = 0.039f;
  float thighLength = 0.245f;
  float shankLength = 0.246f;
  float footLength = 0.152f;
  float footWidth = 0.055f;
  float bitrochantericWidth = 0.191f;
  float hipSpacing = 0.100f;  // between the hip joint centres
};

// Thicknesses of the neural structures (docs/clinical-basis.md §1), diameters.
struct NerveMorphometry {
  float duralSacAP = 0;
  float cordDiameter = 0;
  float rootDiameter = 0;
  float ganglionDiameter = 0;
  float sciaticWidth = 0;
  float sciaticThickness = 0;
  float tibialDiameter = 0;
  float commonFibularDiameter = 0;
  float cutaneousDiameter = 0;
  float conusFractionOfL1 = 0;  // conus tip above the bottom of L1, as a fraction of its height
};

struct Morphometry {
  std::array<VertebraMorphometry, 5> lumbar{};  // L1 … L5
  std::array<DiscMorphometry, 5> discs{};       // L1-L2 … L5-S1
  SacrumMorphometry sacrum{};
  BodyMorphometry body{};
  NerveMorphometry nerves{};

  // Throws ContentError naming the file and JSON path on a missing or malformed value.
  static Morphometry load(const std::filesystem::path& file);
};

}  // namespace radicula::core
