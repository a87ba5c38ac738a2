// The course of each root L1–S5 on both sides (docs/clinical-basis.md §1): down the dural sac from
// the conus (the roots about to leave anterolateral, the sacral roots posteromedial), out of the
// sac in its sleeve at the disc one segment above its foramen, down the lateral recess medial
// to the pedicle, out high in its foramen under the pedicle of its own vertebra with the
// ganglion, across the back-outer corner of the disc, then on toward the plexus.
//
// Control points are set in the local frames of the vertebrae and discs (mm, from the canal
// landmarks the lesion shapes use too) and smoothed into a tube with a Catmull-Rom spline.

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "core/canal_landmarks.h"
#include "core/spine_layout.h"

namespace radicula::core {

namespace {

constexpr float kMm = 1000.0f;
constexpr float kSampleStepMm = 1.0f;  // fine enough for the compression engine's sampling

enum class Mark { None, Sleeve, ForamenIn, Ganglion, ForamenOut };

struct Control {
  glm::vec3 position;  // world, metres
  float radius;        // metres
  Mark mark = Mark::None;
};

struct RootCaliber {
  float cauda;     // in the sac
  float sleeve;    // in its sleeve and the recess
  float ganglion;  // in the foramen
  float nerve;     // beyond the foramen
};

RootCaliber caliber(Root r) {
  switch (r) {
    case Root::L1:
      return {kCaudaRadiusMm, 1.4f, 2.5f, 1.8f};
    case Root::L2:
      return {kCaudaRadiusMm, 1.6f, 2.7f, 2.0f};
    case Root::S1:
      return {kCaudaRadiusMm, kSleeveRadiusMm, kGanglionRadiusMm, 2.5f};
    case Root::S2:
      return {kSacralCaudaRadiusMm, 1.5f, 2.4f, 2.0f};
    case Root::S3:
      return {kSacralCaudaRadiusMm, 1.2f, 2.0f, 1.6f};
    case Root::S4:
      return {kSacralCaudaRadiusMm, 1.0f, 1.6f, 1.2f};
    case Root::S5:
      return {kSacralCaudaRadiusMm, 0.8f, 1.2f, 0.9f};
    default:
      return {kCaudaRadiusMm, kSleeveRadiusMm, kGanglionRadiusMm, kSpinalNerveRadiusMm};
  }
}

glm::vec3 catmullRom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2,
                     const glm::vec3& p3, float t) {
  const float t2 = t * t;
  const float t3 = t2 * t;
  return 0.5f * ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                 (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}

}  // namespace

void SpineLayout::placeRoots() {
  const Morphometry& m = morphometry_;
  std::array<DiscLandmarks, 5> lm{};
  for (DiscLevel level : kDiscLevels) lm[index(level)] = discLandmarks(*this, level);

  for (Root root : kRoots) {
    const int k = index(root);
    const RootCaliber cal = caliber(root);
    for (Side side : kSides) {
      const float sg = sideSign(side);
      std::vector<Control> ctrl;
      auto atVertebra = [&](int v, glm::vec3 mm, float radiusMm, Mark mark = Mark::None) {
        mm.x *= sg;
        ctrl.push_back({vertebrae_[v].toWorld(mm / kMm), radiusMm / kMm, mark});
      };
      auto atDisc = [&](int d, glm::vec3 mm, float radiusMm, Mark mark = Mark::None) {
        mm.x *= sg;
        ctrl.push_back({discs_[d].toWorld(mm / kMm), radiusMm / kMm, mark});
      };
      auto sacCentreAtVertebra = [&](int v) {
        const float depth = v < 5 ? m.lumbar[v].bodyDepth : m.sacrum.s1Depth;
        return -0.5f * depth * kMm - 1.0f - 7.0f;
      };
      auto inSac = [&](int rank) { return k >= 5 && rank > 0 ? cal.cauda : kCaudaRadiusMm; };

      // From the conus region above L1, where all roots still run in the sac.
      const float l1Half = 0.5f * m.lumbar[0].posteriorHeight * kMm;
      {
        const SacSlot slot = sacSlot(k);
        atVertebra(0, {slot.x, l1Half + 22.0f, sacCentreAtVertebra(0) + slot.z}, inSac(k));
      }
      if (k == 0) {
        // L1 leaves the sac at T12/L1, above the modelled discs.
        atVertebra(0,
                   {lm[0].canalHalfWidth - 3.5f, l1Half + 6.0f,
                    -0.5f * m.lumbar[0].bodyDepth * kMm - 3.0f},
                   cal.sleeve, Mark::Sleeve);
      }

      // Down the lumbar canal: at each vertebra's mid-body and each disc.
      const int lastLumbarVertebra = std::min(k, 4);
      for (int v = 0; v <= lastLumbarVertebra; ++v) {
        const float bodyBack = -0.5f * m.lumbar[v].bodyDepth * kMm;
        if (k > v) {
          const SacSlot slot = sacSlot(k - (v + 1));
          atVertebra(v, {slot.x, 0.0f, sacCentreAtVertebra(v) + slot.z}, inSac(k - (v + 1)));
        } else if (k == v) {
          // Medial to its own pedicle in the recess, then out under it.
          const float canalHalf = 0.5f * m.lumbar[v].canalWidth * kMm;
          atVertebra(v, {canalHalf - 3.0f, 2.0f, bodyBack - 3.0f}, cal.sleeve);
          // Under the pedicle's lower border, clear of it by a millimetre.
          const Vertebra self = static_cast<Vertebra>(v);
          const float pedicleBottom =
              (pedicleCentreLocal(self, Side::Left).y - 0.5f * pedicleHeight(self)) * kMm;
          atVertebra(v, {canalHalf + 0.5f, pedicleBottom - cal.sleeve - 1.0f, bodyBack - 3.3f},
                     cal.sleeve, Mark::ForamenIn);
        }
        const int d = v;  // disc below vertebra v
        const DiscLandmarks& l = lm[d];
        if (k >= d + 2) {
          const SacSlot slot = sacSlot(k - (d + 2));
          atDisc(d, {slot.x, 0.0f, l.sacCentreZ + slot.z}, inSac(k - (d + 2)));
        } else if (k == d + 1) {
          // Leaves the sac in its sleeve just above the disc, then lies in the recess.
          const SacSlot slot = sacSlot(0);
          atDisc(d,
                 {0.5f * (slot.x + l.recessX), l.discHalfHeight + 5.0f,
                  0.5f * (l.sacCentreZ + slot.z + l.recessZ)},
                 cal.sleeve, Mark::Sleeve);
          atDisc(d, {l.recessX, 0.0f, l.recessZ}, cal.sleeve);
        } else if (k == d) {
          atDisc(d, {l.foramenX, l.foramenY, l.foramenZ}, cal.ganglion, Mark::Ganglion);
          atDisc(d,
                 {l.foramenX + 4.0f, 0.5f * (l.foramenY + l.cornerY) + 1.0f,
                  0.5f * (l.foramenZ + l.cornerZ) - 0.5f},
                 cal.nerve, Mark::ForamenOut);
          atDisc(d, {l.cornerX, l.cornerY, l.cornerZ}, cal.nerve);
          if (k <= 2) {
            // L1–L3 run into the psoas to form the lumbar plexus.
            atDisc(d, {l.cornerX + 9.0f, l.cornerY - 14.0f, l.cornerZ + 9.0f}, cal.nerve);
            atDisc(d, {l.cornerX + 16.0f, l.cornerY - 34.0f, l.cornerZ + 18.0f}, cal.nerve);
          } else {
            // L4 and L5 form the lumbosacral trunk, down over the sacral ala into the pelvis.
            atDisc(d, {l.cornerX + 5.0f, l.cornerY - 14.0f, l.cornerZ + 9.0f}, cal.nerve);
            atDisc(d, {l.cornerX + 6.0f, l.cornerY - 38.0f, l.cornerZ + 24.0f}, cal.nerve);
          }
        }
      }

      if (k >= 5) {
        // The sacrum: S1 leaves through the first sacral foramina; the rest run down the
        // sacral canal (the sac ends near S2) to their own foramina, S5 to the hiatus.
        constexpr int kSacrum = 5;
        const float halfDepth = 0.5f * m.sacrum.s1Depth * kMm;
        const float canalZ = -halfDepth - 5.0f;
        const float canalHalf = 0.5f * m.lumbar[4].canalWidth * kMm;
        const int n = k - 5;  // 0 for S1
        if (n == 0) {
          atVertebra(kSacrum, {canalHalf - 3.0f, 2.0f, -halfDepth - 3.0f}, cal.sleeve);
        } else {
          const SacSlot slot = sacSlot(n - 1);
          atVertebra(kSacrum, {slot.x, 4.0f, sacCentreAtVertebra(5) + slot.z}, inSac(n - 1));
          // Sleeve from the end of the sac, then down the sacral canal beside the midline.
          const float sleeveY = std::max(-30.0f, -8.0f - 20.0f * static_cast<float>(n - 1));
          atVertebra(kSacrum, {2.5f + 0.8f * static_cast<float>(n), sleeveY, canalZ}, cal.sleeve,
                     Mark::Sleeve);
        }
        const float foramenY = -14.0f - 19.0f * static_cast<float>(n);
        const float foramenX = 13.0f - 1.8f * static_cast<float>(n);
        // The sacrum thins toward its apex; its front surface comes back with the sacral curve.
        const float frontZ = halfDepth - 1.3f * static_cast<float>(n) * 2.5f;
        if (n < 4) {
          atVertebra(kSacrum, {foramenX - 3.0f, foramenY + 5.0f, canalZ + 1.0f}, cal.sleeve,
                     Mark::ForamenIn);
          atVertebra(kSacrum, {foramenX - 1.0f, foramenY + 1.0f, canalZ + 5.0f}, cal.ganglion,
                     Mark::Ganglion);
          atVertebra(kSacrum, {foramenX, foramenY, frontZ - 3.0f}, cal.nerve, Mark::ForamenOut);
          // On to the sacral plexus in front of the sacrum, on the piriformis.
          atVertebra(kSacrum, {foramenX + 12.0f, foramenY - 8.0f, frontZ + 6.0f}, cal.nerve);
          atVertebra(kSacrum, {foramenX + 24.0f, foramenY - 16.0f, frontZ + 8.0f}, cal.nerve);
        } else {
          // S5 leaves through the sacral hiatus toward the coccyx.
          atVertebra(kSacrum, {4.0f, foramenY + 4.0f, canalZ + 0.5f}, cal.sleeve, Mark::ForamenIn);
          atVertebra(kSacrum, {5.0f, foramenY - 2.0f, canalZ + 1.0f}, cal.ganglion, Mark::Ganglion);
          atVertebra(kSacrum, {7.0f, foramenY - 8.0f, canalZ + 3.0f}, cal.nerve, Mark::ForamenOut);
          atVertebra(kSacrum, {10.0f, foramenY - 14.0f, canalZ + 8.0f}, cal.nerve);
        }
      }

      // Smooth the control polygon into a densely sampled tube, remembering where each marked
      // control point landed on the arc.
      TubePath& path = roots_[k][sideIndex(side)];
      path.id = "root." + std::string(toString(root)) + "." + std::string(toString(side));
      path.points.clear();
      RootSections& sections = rootSections_[k][sideIndex(side)];
      std::optional<float> sleeve;
      std::optional<float> foramenIn;
      std::optional<float> foramenOut;
      float arc = 0.0f;
      glm::vec3 previous = ctrl.front().position;
      const std::size_t count = ctrl.size();
      for (std::size_t i = 0; i + 1 < count; ++i) {
        const glm::vec3 p0 = ctrl[i == 0 ? 0 : i - 1].position;
        const glm::vec3 p1 = ctrl[i].position;
        const glm::vec3 p2 = ctrl[i + 1].position;
        const glm::vec3 p3 = ctrl[std::min(i + 2, count - 1)].position;
        const float spanMm = glm::length(p2 - p1) * kMm;
        const int steps = std::max(2, static_cast<int>(std::ceil(spanMm / kSampleStepMm)));
        const int first = (i == 0) ? 0 : 1;
        for (int s = first; s <= steps; ++s) {
          const float t = static_cast<float>(s) / static_cast<float>(steps);
          const glm::vec3 p = catmullRom(p0, p1, p2, p3, t);
          arc += glm::length(p - previous);
          previous = p;
          const float radius = glm::mix(ctrl[i].radius, ctrl[i + 1].radius, t);
          path.points.push_back({p, radius});
        }
        const Mark mark = ctrl[i + 1].mark;
        if (mark == Mark::Sleeve && !sleeve) sleeve = arc;
        if (mark == Mark::ForamenIn && !foramenIn) foramenIn = arc;
        if (mark == Mark::ForamenOut && !foramenOut) foramenOut = arc;
      }
      sections.sleeveStart = sleeve.value_or(0.0f);
      sections.foramenStart = foramenIn.value_or(sections.sleeveStart);
      sections.foramenEnd = foramenOut.value_or(arc);
    }
  }
}

}  // namespace radicula::core
