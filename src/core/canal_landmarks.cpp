#include "core/canal_landmarks.h"

#include <algorithm>
#include <cmath>

namespace radicula::core {

namespace {
constexpr float kMm = 1000.0f;  // Morphometry holds metres; landmarks are millimetres.
}

DiscLandmarks discLandmarks(const Morphometry& m, DiscLevel level) {
  const int i = index(level);
  const VertebraMorphometry& above = m.lumbar[i];
  // The S1 body closes the L5/S1 disc; its canal continues the L5 canal.
  const VertebraMorphometry& below = i < 4 ? m.lumbar[i + 1] : m.lumbar[4];
  const float belowWidth = i < 4 ? below.endplateWidth : m.sacrum.s1Width;
  const DiscMorphometry& disc = m.discs[i];

  DiscLandmarks l;
  l.discBack = -0.5f * disc.apLength * kMm;
  l.discHalfWidth = 0.25f * (above.endplateWidth + belowWidth) * kMm;
  l.discHalfHeight = 0.5f * disc.posteriorHeight * kMm;
  l.canalHalfWidth = 0.25f * (above.canalWidth + below.canalWidth) * kMm;
  l.canalAP = 0.5f * (above.canalAP + below.canalAP) * kMm;

  // Sac about 14 mm front to back (docs/clinical-basis.md §1: ~15 mm, 150–180 mm²), 1 mm of
  // epidural fat in front of it.
  l.sacRadius = 7.0f;
  l.sacCentreZ = l.discBack - 1.0f - l.sacRadius;

  // The traversing root leaves the sac's anterolateral edge in its sleeve and lies in the
  // recess: just behind the disc, medial to the pedicle of the vertebra below.
  l.recessX = l.canalHalfWidth - 3.0f;
  l.recessZ = l.discBack - kEpiduralGapMm - kSleeveRadiusMm;

  // The exiting root sits high in the foramen under the pedicle above, lateral to the canal
  // wall and level with the back of the vertebral body, its ganglion clear of the disc.
  l.foramenX = l.canalHalfWidth + 4.5f;
  l.foramenY = l.discHalfHeight + 8.0f;
  l.foramenZ = l.discBack - 3.5f;

  // Leaving, it crosses the back-outer corner of the disc, one epidural gap away from it.
  l.cornerX = l.discHalfWidth + kEpiduralGapMm + kSpinalNerveRadiusMm - 1.0f;
  l.cornerY = -1.0f;
  l.cornerZ = l.discBack + 4.0f;
  return l;
}

DiscLandmarks discLandmarks(const SpineLayout& layout, DiscLevel level) {
  DiscLandmarks l = discLandmarks(layout.morphometry(), level);
  const Vertebra above = vertebraAbove(level);
  const glm::vec3 pedicle = layout.pedicleCentreLocal(above, Side::Left);
  const glm::vec3 underPedicleLocal(pedicle.x, pedicle.y - 0.5f * layout.pedicleHeight(above),
                                    pedicle.z);
  const glm::vec3 underPedicle =
      layout.disc(level).toLocal(layout.vertebra(above).toWorld(underPedicleLocal)) * kMm;
  // One millimetre of fat between the ganglion and the pedicle; never closer to the disc than
  // an epidural gap.
  const float highest = underPedicle.y - kGanglionRadiusMm - 1.0f;
  const float lowest = l.discHalfHeight + kGanglionRadiusMm + kEpiduralGapMm;
  l.foramenY = std::max(highest, lowest);
  return l;
}

SacSlot sacSlot(int rank) {
  // Fan from anterolateral (55° from straight ahead) round to posteromedial, closing in on the
  // midline as the rank grows.
  const float degrees = std::min(165.0f, 55.0f + 18.0f * static_cast<float>(rank));
  const float theta = degrees * 3.14159265f / 180.0f;
  const float rho = std::max(2.6f, 5.0f - 0.8f * static_cast<float>(rank));
  return {rho * std::sin(theta), rho * std::cos(theta)};
}

}  // namespace radicula::core
