// Canal landmarks are the few places, at one disc level, where the canal's contents lie: the
// posterior disc margin, the dural sac, the lateral recess (where the traversing root runs just
// behind the disc), the foramen (where the exiting root and its ganglion sit under the pedicle
// above) and the back-outer corner of the disc the exiting root crosses as it leaves.
//
// The root course (root_course.cpp) runs through these places and the lesion shapes
// (pathology_shape.cpp) grow from the disc, the facet or the ligament toward them, so a lesion
// aimed at a zone meets exactly the root that lives there. Values are millimetres in the local
// frame of the disc (x left, y cranial, z anterior); `side` is +1 left, -1 right.
#pragma once

#include "core/anatomy_ids.h"
#include "core/morphometry.h"
#include "core/spine_layout.h"

namespace radicula::core {

struct DiscLandmarks {
  float discBack = 0;        // z of the posterior disc margin (negative)
  float discHalfWidth = 0;   // x of the lateral disc margin
  float discHalfHeight = 0;  // half the posterior disc height
  float canalHalfWidth = 0;  // medial wall of the pedicle below
  float canalAP = 0;
  float sacCentreZ = 0;  // the dural sac is a circle round (0, sacCentreZ)
  float sacRadius = 0;
  float recessX = 0;   // traversing root centre at the disc, |x|
  float recessZ = 0;   // … and its z
  float foramenX = 0;  // exiting root (ganglion) centre, |x|, in the foramen
  float foramenY = 0;  // … high in the foramen, under the pedicle above
  float foramenZ = 0;
  float cornerX = 0;  // exiting root crossing the back-outer disc corner, |x|
  float cornerY = 0;
  float cornerZ = 0;
};

// Epidural gap between the disc's back and the traversing root, and between the root
// surfaces and the structures that bound their compartments (mm). Lesion growth is measured
// from these: a lesion at severity 0.2 has just closed the gap (docs/clinical-basis.md §2
// "touching").
inline constexpr float kEpiduralGapMm = 1.2f;

// Tube radii (mm): docs/clinical-basis.md §1 gives 3–5 mm for a root in its sleeve, 5–8 mm for a
// ganglion; cauda equina rootlets in the sac are thinner.
inline constexpr float kSleeveRadiusMm = 1.8f;
inline constexpr float kGanglionRadiusMm = 3.0f;
inline constexpr float kSpinalNerveRadiusMm = 2.3f;
inline constexpr float kCaudaRadiusMm = 1.0f;
inline constexpr float kSacralCaudaRadiusMm = 0.8f;

DiscLandmarks discLandmarks(const Morphometry& morphometry, DiscLevel level);
// The same, with the exiting root's ganglion tucked under the pedicle the layout actually
// built (its lower border), clear of both the pedicle and the disc.
DiscLandmarks discLandmarks(const SpineLayout& layout, DiscLevel level);

// Where a root still inside the dural sac lies in its cross-section. `rank` 0 is the root that
// will leave next (anterolateral); higher ranks lie further back and toward the midline, so the
// sacral roots end up posteromedial (docs/clinical-basis.md §1). Returns (x for the left side, z)
// relative to the sac centre, in mm.
struct SacSlot {
  float x = 0;
  float z = 0;
};
SacSlot sacSlot(int rank);

}  // namespace radicula::core
