#include "meshgen/spine_shapes.h"

#include <algorithm>
#include <cmath>

#include "meshgen/sdf.h"

namespace radicula::meshgen {

namespace {

using core::Side;
using core::SpineLayout;
using core::Vertebra;
using sdf::ellipsoid;
using sdf::smin;

constexpr float kToMm = 1000.0f;
constexpr float kToM = 0.001f;
constexpr float kDeg = 3.14159265358979f / 180.0f;

// Facet orientation from the sagittal plane, T12/L1 … L5/S1: nearly sagittal above, turning
// toward coronal at L5/S1 (Masharawi et al., Spine 2004: about 25° at L1/2 to 50° at L5/S1).
constexpr std::array<float, 6> kFacetAngleDeg = {20.0f, 25.0f, 30.0f, 38.0f, 45.0f, 50.0f};
constexpr float kFacetRadius = 18.0f;   // curvature of the joint surfaces (mm)
constexpr float kJointSpace = 1.6f;     // cartilage and joint space between facets (mm)
constexpr float kProcessRadius = 5.2f;  // articular process thickness (mm)
// Endplate concavity in the middle of the body (mm); the rim stays full height.
constexpr float kEndplateDip = 1.0f;
// Waist: the body's sides are drawn in by this fraction at mid-height.
constexpr float kWaist = 0.08f;
// The back of the body is concave toward the canal by this much at the midline (mm).
constexpr float kBackConcavity = 1.6f;
// Laminae slope down and back: z moves back by this much per mm down.
constexpr float kLaminaSlope = 0.45f;
// S1 body and sacral canal (mm; approx., from the S1 body table values).
constexpr float kS1CanalHalfWidth = 12.0f;

float band(float v, float lo, float hi) {
  return std::max(lo - v, v - hi);
}

}  // namespace

SpineShapes::SpineShapes(const core::SpineLayout& layout) : layout_(layout) {
  const auto& m = layout.morphometry();
  for (int v = 0; v < 5; ++v) {
    const auto& b = m.lumbar[v];
    Arch a{};
    a.width = b.endplateWidth * kToMm;
    a.depth = b.bodyDepth * kToMm;
    a.anteriorHeight = b.anteriorHeight * kToMm;
    a.posteriorHeight = b.posteriorHeight * kToMm;
    a.canalAP = b.canalAP * kToMm;
    a.canalWidth = b.canalWidth * kToMm;
    a.span = b.transverseSpan * kToMm;
    a.reach = b.spinousReach * kToMm;
    a.pedicleWidth = b.pedicleWidth * kToMm;
    a.pedicleHeight = layout.pedicleHeight(static_cast<Vertebra>(v)) * kToMm;
    const glm::vec3 ped = layout.pedicleCentreLocal(static_cast<Vertebra>(v), Side::Left) * kToMm;
    a.pedicleX = ped.x;
    a.pedicleY = ped.y;
    a.pedicleFront = -0.5f * a.depth + 3.0f;  // embedded in the body
    // The layout puts the pedicle's centre half-way along it.
    a.pedicleBack = 2.0f * ped.z + 0.5f * a.depth;
    a.laminaThickness = 5.5f + 0.4f * static_cast<float>(v);
    a.laminaMidZ = -0.5f * a.depth - a.canalAP - 0.5f * a.laminaThickness;
    // Laminae are shorter than the body: the gaps between them are the interlaminar windows
    // the ligamentum flavum closes.
    a.laminaHigh = ped.y + 2.0f;
    a.laminaLow = -0.5f * a.posteriorHeight - 3.0f;
    arch_[v] = a;
  }

  // Facet joints: centred behind the pedicle of the vertebra below, a little above its body.
  for (int j = 0; j < 6; ++j) {
    const core::Frame& below = layout.vertebra(static_cast<Vertebra>(j));
    const glm::mat3 upFrame = j == 0 ? below.axes : layout.disc(core::kDiscLevels[j - 1]).axes;
    const float beta = kFacetAngleDeg[j] * kDeg;
    for (int s = 0; s < 2; ++s) {
      const float sign = s == 0 ? 1.0f : -1.0f;
      // Behind and below the upper vertebra's pedicle, at the level of the disc: the joint
      // closes the foramen from behind without reaching into it.
      glm::vec3 centreWorld;
      if (j > 0) {
        const Arch& up = arch_[j - 1];
        centreWorld =
            layout.vertebra(static_cast<Vertebra>(j - 1))
                .toWorld(glm::vec3(sign * (up.pedicleX + 0.5f), -0.5f * up.posteriorHeight - 2.0f,
                                   up.pedicleBack - 5.0f) *
                         kToM);
      } else {
        const Arch& a = arch_[0];
        centreWorld =
            below.toWorld(glm::vec3(sign * (a.pedicleX + 0.5f), 0.5f * a.posteriorHeight + 5.0f,
                                    a.pedicleBack - 5.0f) *
                          kToM);
      }
      Facet f;
      f.centre = centreWorld * kToMm;
      f.up = upFrame[1];
      f.normal = glm::normalize(upFrame * glm::vec3(sign * std::cos(beta), 0.0f, std::sin(beta)));
      f.axis = f.centre - f.normal * kFacetRadius;
      facets_[j][s] = f;
    }
  }

  // Root courses that pass near each bone, in its local frame (mm), to carve their way: the
  // foramina and sacral canals then follow the roots exactly.
  for (int v = 0; v < 6; ++v) {
    const core::Frame& frame = layout.vertebra(static_cast<Vertebra>(v));
    const io::Bounds box = v < 5 ? vertebraBounds(v) : sacrumBounds();
    const float margin = 0.01f;
    for (core::Root r : core::kRoots) {
      for (Side s : core::kSides) {
        const auto& path = layout.root(r, s);
        // Every third sample (the course is sampled every millimetre) is close enough.
        for (std::size_t i = 3; i < path.points.size(); i += 3) {
          const glm::vec3 a = frame.toLocal(path.points[i - 3].position);
          const glm::vec3 b = frame.toLocal(path.points[i].position);
          const glm::vec3 lo = glm::min(a, b), hi = glm::max(a, b);
          if (glm::any(glm::lessThan(hi, box.min - margin)) ||
              glm::any(glm::greaterThan(lo, box.max + margin))) {
            continue;
          }
          carves_[v].add(a * kToMm, b * kToMm, path.points[i - 3].radius * kToMm,
                         path.points[i].radius * kToMm);
        }
      }
    }
    carves_[v].build();
  }

  // Ligamentum flavum: from the front of the lower edge of each lamina to the upper edge of the
  // lamina below, one sheet per side, medial to the facet joints.
  for (int d = 0; d < 5; ++d) {
    const core::Frame& discFrame = layout.disc(core::kDiscLevels[d]);
    const core::Frame& above = layout.vertebra(static_cast<Vertebra>(d));
    const core::Frame& belowFrame = layout.vertebra(static_cast<Vertebra>(d + 1));
    const Arch& a = arch_[d];
    const auto front = [](const Arch& ar, float x, float y) {
      // Anterior surface of the lamina at (x, y): the plate's centre line plus half its
      // thickness, moved back with the slope below the pedicle's level.
      const float t = std::clamp(x / ar.pedicleX, 0.0f, 1.0f);
      const float zc = ar.laminaMidZ + (ar.pedicleBack - ar.laminaMidZ) * t;
      return zc + 0.5f * ar.laminaThickness + kLaminaSlope * (y - ar.pedicleY);
    };
    for (int s = 0; s < 2; ++s) {
      const float sign = s == 0 ? 1.0f : -1.0f;
      const float xm = 0.5f, xl = a.pedicleX - 0.5f * a.pedicleWidth + 1.0f;
      const float yu = a.laminaLow + 5.0f;
      const glm::vec3 um(sign * xm, yu, front(a, xm, yu) + 1.0f);
      const glm::vec3 ul(sign * xl, yu, front(a, xl, yu) + 1.0f);
      glm::vec3 lm, ll;
      if (d < 4) {
        const Arch& b = arch_[d + 1];
        const float yl = b.laminaHigh - 3.0f;
        const float xl2 = b.pedicleX - 0.5f * b.pedicleWidth + 1.0f;
        lm = belowFrame.toWorld(glm::vec3(sign * xm, yl, front(b, xm, yl) + 1.0f) * kToM);
        ll = belowFrame.toWorld(glm::vec3(sign * xl2, yl, front(b, xl2, yl) + 1.0f) * kToM);
      } else {
        // Onto the upper border of the sacral canal's roof.
        const float half = 0.5f * m.sacrum.s1Depth * kToMm;
        const float y = 0.5f * layout.s1BodyHeight() * kToMm - 2.0f;
        const float z = -half - 0.95f * a.canalAP;
        lm = belowFrame.toWorld(glm::vec3(sign * xm, y, z) * kToM);
        ll = belowFrame.toWorld(glm::vec3(sign * (0.5f * a.canalWidth - 2.0f), y, z + 5.0f) * kToM);
      }
      flavum_[d][s] = {discFrame.toLocal(above.toWorld(um * kToM)) * kToMm,
                       discFrame.toLocal(above.toWorld(ul * kToM)) * kToMm,
                       discFrame.toLocal(ll) * kToMm, discFrame.toLocal(lm) * kToMm};
    }
  }
}

// --- vertebral body -------------------------------------------------------------------------

float SpineShapes::crossSection(const Arch& a, float x, float z) const {
  // Kidney: a superellipse (rounded-rectangle front and sides) whose back is drawn in toward
  // the canal at the midline.
  const float halfDepth = 0.5f * a.depth + 0.5f * kBackConcavity;
  const float centreZ = -0.5f * kBackConcavity;
  const float outline = sdf::superellipse2({x, z - centreZ}, {0.5f * a.width, halfDepth}, 2.6f);
  const float bite = 30.0f;  // radius of the concavity (mm): shallow and wide
  const float back = glm::length(glm::vec2(x, z - (-0.5f * a.depth - bite))) - bite;
  return sdf::ssub(outline, back, 4.0f);
}

float SpineShapes::body(const Arch& a, const glm::vec3& p) const {
  // Height varies front to back (wedge); the waist draws the sides in between flared rims.
  const float halfH = 0.25f * (a.anteriorHeight + a.posteriorHeight) +
                      p.z * (a.anteriorHeight - a.posteriorHeight) / (2.0f * a.depth);
  const float t = std::clamp(p.y / std::max(halfH, 1.0f), -1.0f, 1.0f);
  const float scale = 1.0f - kWaist * (1.0f - t * t) * (1.0f - t * t);
  const float section = crossSection(a, p.x / scale, p.z / scale) * scale;
  // Endplate dip: zero at the rim (outer 15 %), about a millimetre in the middle.
  const float r = glm::length(glm::vec2(p.x / (0.5f * a.width), p.z / (0.5f * a.depth)));
  const float dip = kEndplateDip * std::max(0.0f, 1.0f - (r / 0.8f) * (r / 0.8f));
  const float vertical = std::abs(p.y) - (halfH - dip);
  return sdf::smax(section, vertical, 1.6f);
}

// --- articular processes --------------------------------------------------------------------

float SpineShapes::superiorProcess(int v, const glm::vec3& world, const glm::vec3& base,
                                   int side) const {
  const Facet& f = facets_[v][side];
  const glm::vec3 tip = f.centre + f.normal * 3.5f + f.up * 7.0f;
  const glm::vec3 mid = f.centre + f.normal * 3.5f - f.up * 2.0f;
  float d =
      sdf::smin(sdf::taperedCapsule(world, base, mid, kProcessRadius + 0.8f, kProcessRadius),
                sdf::taperedCapsule(world, mid, tip, kProcessRadius, kProcessRadius - 1.0f), 2.0f);
  // Keep what lies outside the joint cylinder: a concave facet facing back and in.
  const glm::vec3 r = world - f.axis;
  const float radial = glm::length(r - f.up * glm::dot(r, f.up));
  return sdf::smax(d, (kFacetRadius + 0.5f * kJointSpace) - radial, 0.8f);
}

float SpineShapes::inferiorProcess(int v, const glm::vec3& world, const glm::vec3& base,
                                   int side) const {
  // The joint below vertebra v is facets_[v + 1].
  const Facet& f = facets_[v + 1][side];
  const glm::vec3 mid = f.centre - f.normal * 3.5f + f.up * 1.0f;
  const glm::vec3 tip = f.centre - f.normal * 3.0f - f.up * 8.0f;
  float d =
      sdf::smin(sdf::taperedCapsule(world, base, mid, kProcessRadius + 0.5f, kProcessRadius),
                sdf::taperedCapsule(world, mid, tip, kProcessRadius, kProcessRadius - 1.2f), 2.0f);
  // Keep what lies inside: a convex facet facing forward and out.
  const glm::vec3 r = world - f.axis;
  const float radial = glm::length(r - f.up * glm::dot(r, f.up));
  return sdf::smax(d, radial - (kFacetRadius - 0.5f * kJointSpace), 0.8f);
}

void SpineShapes::CarveSet::add(const glm::vec3& a, const glm::vec3& b, float ra, float rb) {
  tubes.push_back(
      {a, b, ra, rb, glm::min(a, b) - glm::vec3(8.0f), glm::max(a, b) + glm::vec3(8.0f)});
}

// Grid cell edge (mm): a tube's box spans a few cells, a cell meets a few dozen tubes.
constexpr float kCarveCell = 4.0f;

glm::ivec3 SpineShapes::CarveSet::cellOf(const glm::vec3& p) const {
  // Monotonic in p, so a point inside a tube's box falls in a cell between those of the box's
  // corners, which build() listed the tube in. Callers keep p within [min, max].
  return glm::ivec3(glm::min(glm::floor((p - min) / kCarveCell), glm::vec3(cells - 1)));
}

void SpineShapes::CarveSet::build() {
  if (tubes.empty()) return;
  min = tubes.front().lo;
  max = tubes.front().hi;
  for (const Carve& t : tubes) {
    min = glm::min(min, t.lo);
    max = glm::max(max, t.hi);
  }
  cells = glm::max(glm::ivec3(glm::ceil((max - min) / kCarveCell)), glm::ivec3(1));
  const auto cellIndex = [&](int x, int y, int z) {
    return static_cast<std::size_t>(x) +
           static_cast<std::size_t>(cells.x) *
               (static_cast<std::size_t>(y) + static_cast<std::size_t>(cells.y) * z);
  };
  const std::size_t count = static_cast<std::size_t>(cells.x) * cells.y * cells.z;
  // Counting pass, then fill: every cell's list in one array.
  std::vector<std::uint32_t> fill(count + 1, 0);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::uint32_t t = 0; t < tubes.size(); ++t) {
      const glm::ivec3 lo = cellOf(tubes[t].lo), hi = cellOf(tubes[t].hi);
      for (int z = lo.z; z <= hi.z; ++z) {
        for (int y = lo.y; y <= hi.y; ++y) {
          for (int x = lo.x; x <= hi.x; ++x) {
            const std::size_t c = cellIndex(x, y, z);
            if (pass == 0) {
              ++fill[c + 1];
            } else {
              index[fill[c]++] = t;
            }
          }
        }
      }
    }
    if (pass == 0) {
      for (std::size_t c = 0; c < count; ++c) fill[c + 1] += fill[c];
      start = fill;
      index.resize(fill[count]);
    }
  }
}

float SpineShapes::carve(const CarveSet& set, const glm::vec3& p) const {
  // Outside every tube's box (or not a number) no tube cuts, as when testing them all.
  if (!(p.x >= set.min.x && p.y >= set.min.y && p.z >= set.min.z && p.x <= set.max.x &&
        p.y <= set.max.y && p.z <= set.max.z)) {
    return 1e9f;
  }
  const glm::ivec3 c = set.cellOf(p);
  const std::size_t cell =
      static_cast<std::size_t>(c.x) +
      static_cast<std::size_t>(set.cells.x) *
          (static_cast<std::size_t>(c.y) + static_cast<std::size_t>(set.cells.y) * c.z);
  float d = 1e9f;
  for (std::uint32_t k = set.start[cell]; k < set.start[cell + 1]; ++k) {
    const Carve& t = set.tubes[set.index[k]];
    if (glm::any(glm::lessThan(p, t.lo)) || glm::any(glm::greaterThan(p, t.hi))) continue;
    d = std::min(d, sdf::taperedCapsule(p, t.a, t.b, t.ra, t.rb));
  }
  return d;
}

// --- lumbar vertebra ------------------------------------------------------------------------

float SpineShapes::neuralArch(int v, const Arch& a, const glm::vec3& p,
                              const glm::vec3& world) const {
  const float sx = p.x >= 0.0f ? 1.0f : -1.0f;
  const int side = p.x >= 0.0f ? 0 : 1;
  const glm::vec3 q(std::abs(p.x), p.y, p.z);  // the arch is symmetric

  // Pedicle: an oval bar from the body's back corner to the lamina.
  const float pedSection = sdf::ellipse2({q.x - a.pedicleX, q.y - a.pedicleY},
                                         {0.5f * a.pedicleWidth, 0.5f * a.pedicleHeight});
  const float pedicle =
      sdf::smax(pedSection, band(q.z, a.pedicleBack - 2.0f, a.pedicleFront), 2.0f);

  // Lamina: a sloping plate from the pedicle's back to the midline.
  const float zs = q.z - kLaminaSlope * (q.y - a.pedicleY);
  const float plate = sdf::segment2({q.x, zs}, {a.pedicleX, a.pedicleBack}, {0.0f, a.laminaMidZ}) -
                      0.5f * a.laminaThickness;
  const float lamina = sdf::smax(plate, band(q.y, a.laminaLow, a.laminaHigh), 2.5f);

  // Spinous process: a hatchet-shaped midline plate pointing back and a little down.
  const float zTip = -0.5f * a.depth - a.reach;
  const float yTip = a.pedicleY - 6.0f;
  const float zBase = a.laminaMidZ + 1.0f;
  const glm::vec2 outline[6] = {{zBase, a.pedicleY + 1.0f},  {zTip + 5.0f, yTip + 10.0f},
                                {zTip, yTip + 7.0f},         {zTip, yTip - 8.0f},
                                {zTip + 5.0f, yTip - 11.0f}, {zBase, a.pedicleY - 15.0f}};
  const float profile = sdf::polygon2({q.z, q.y}, outline, 6);
  const float along = std::clamp((zBase - q.z) / (zBase - zTip), 0.0f, 1.0f);
  const float spinous = sdf::smax(profile, q.x - (2.8f + 1.4f * along), 2.0f);

  // Transverse process: thin, flat, pointing out and a little back; L5's is thick, conical
  // and joined to the body.
  float transverse;
  if (v < 4) {
    const glm::vec3 root(a.pedicleX + 0.5f * a.pedicleWidth - 1.0f, a.pedicleY + 1.0f,
                         a.pedicleBack - 1.0f);
    const glm::vec3 tip(0.5f * a.span - 4.0f, a.pedicleY + 3.0f, a.pedicleBack - 5.0f);
    const glm::vec3 scale(1.0f, 1.0f, 1.8f);  // flat: thin front to back
    transverse = sdf::taperedCapsule(q * scale, root * scale, tip * scale, 5.5f, 4.0f) / 1.4f;
  } else {
    const glm::vec3 root(a.pedicleX + 0.5f * a.pedicleWidth - 3.0f, a.pedicleY - 1.0f,
                         a.pedicleBack - 1.0f);
    const glm::vec3 tip(0.5f * a.span - 6.0f, a.pedicleY + 1.0f, a.pedicleBack - 3.0f);
    const glm::vec3 scale(1.0f, 1.0f, 1.3f);
    transverse = sdf::taperedCapsule(q * scale, root * scale, tip * scale, 7.5f, 5.5f) / 1.15f;
  }

  float arch = sdf::smin(pedicle, lamina, 3.0f);
  arch = sdf::smin(arch, spinous, 3.0f);
  arch = sdf::smin(arch, transverse, 3.0f);

  // Articular processes: superior from the pedicle–lamina junction, inferior from the lamina's
  // lower outer corner. Evaluated in world space, where the joints are defined.
  const core::Frame& frame = layout_.vertebra(static_cast<Vertebra>(v));
  const glm::vec3 sapBase =
      frame.toWorld(glm::vec3(sx * (a.pedicleX + 0.5f), a.pedicleY + 2.0f, a.pedicleBack - 1.0f) *
                    kToM) *
      kToMm;
  const glm::vec3 iapBase =
      frame.toWorld(glm::vec3(sx * (a.pedicleX - 3.0f), -0.5f * a.posteriorHeight + 3.0f,
                              a.pedicleBack - 5.0f) *
                    kToM) *
      kToMm;
  arch = sdf::smin(arch, superiorProcess(v, world, sapBase, side), 2.5f);
  arch = sdf::smin(arch, inferiorProcess(v, world, iapBase, side), 2.5f);
  return arch;
}

float SpineShapes::vertebra(int v, const glm::vec3& local) const {
  const Arch& a = arch_[v];
  const glm::vec3 p = local * kToMm;
  const glm::vec3 world = layout_.vertebra(static_cast<Vertebra>(v)).toWorld(local) * kToMm;
  float d = sdf::smin(body(a, p), neuralArch(v, a, p, world), 2.5f);
  // Leave room for the roots wherever their course grazes bone.
  d = sdf::smax(d, -(carve(carves_[v], p) - 0.4f), 0.6f);
  return d * kToM;
}

io::Bounds SpineShapes::vertebraBounds(int v) const {
  const Arch& a = arch_[v];
  io::Bounds b;
  b.add(glm::vec3(-(0.5f * a.span + 6.0f), -0.5f * a.posteriorHeight - 24.0f,
                  -0.5f * a.depth - a.reach - 6.0f) *
        kToM);
  b.add(glm::vec3(0.5f * a.span + 6.0f,
                  0.5f * std::max(a.anteriorHeight, a.posteriorHeight) + 22.0f,
                  0.5f * a.depth + 4.0f) *
        kToM);
  return b;
}

// --- sacrum ---------------------------------------------------------------------------------

float SpineShapes::sacrum(const glm::vec3& local) const {
  const auto& m = layout_.morphometry();
  const glm::vec3 p = local * kToMm;
  const glm::vec3 q(std::abs(p.x), p.y, p.z);
  const float s1Half = 0.5f * layout_.s1BodyHeight() * kToMm;
  const float halfWidth = 0.5f * m.sacrum.s1Width * kToMm;
  const float halfDepth = 0.5f * m.sacrum.s1Depth * kToMm;
  const float halfSpan = 0.5f * m.sacrum.width * kToMm;
  const auto axis = [&](float t) { return layout_.sacralAxisLocal(t) * kToMm; };

  // S1 body: like a lumbar body, flat-topped, its lower half fused into S2.
  Arch s1{};
  s1.width = 2.0f * halfWidth;
  s1.depth = 2.0f * halfDepth;
  s1.anteriorHeight = s1.posteriorHeight = 2.0f * s1Half;
  float d = body(s1, p);

  // The sacral mass is lofted along the curved axis: an elliptical section that narrows from
  // the ala (the full sacral width) to the apex, sitting a little behind the bodies' centres
  // (the lateral masses and dorsal wall are posterior to the bodies).
  float mass = 1e9f;
  for (int i = 0; i <= 40; ++i) {
    const float t = 0.06f + 0.94f * static_cast<float>(i) / 40.0f;
    const glm::vec3 c = axis(t);
    const float w =
        t < 0.2f ? halfSpan - 2.0f - 10.0f * t : (halfSpan - 4.0f) * (1.0f - t) / 0.8f + 6.0f * t;
    // The dorsal surface runs straight down the S1 frame over the sacral canal (the root
    // courses assume a straight canal); the pelvic surface follows the curve.
    const float depth = 24.0f - 11.0f * t;
    mass =
        smin(mass, ellipsoid(p, {0.0f, c.y, 0.5f * c.z - 10.0f}, {std::max(w, 7.0f), 6.0f, depth}),
             4.0f);
  }
  // Behind the S1 body the dorsal part starts lower than the endplate: the L5/S1 foramina and
  // the interlaminar opening lie there, floored by the S1 pedicles added below.
  const float notch = std::max((s1Half - 5.0f) - p.y, p.z + halfDepth + 8.0f);
  mass = sdf::smax(mass, -notch, 2.0f);
  d = sdf::smin(d, mass, 6.0f);
  // Fused bodies in front, each with its transverse ridge.
  constexpr std::array<float, 4> kT = {0.22f, 0.42f, 0.62f, 0.82f};
  for (int i = 0; i < 4; ++i) {
    const glm::vec3 c = axis(kT[i]);
    d = sdf::smin(
        d, sdf::ellipsoid(p, {0.0f, c.y, c.z + 1.0f}, {17.0f - 2.5f * i, 9.5f, 11.0f - 1.5f * i}),
        4.0f);
  }
  // Median sacral crest over the canal.
  for (float t = 0.08f; t < 0.75f; t += 0.12f) {
    const glm::vec3 c = axis(t);
    d = sdf::smin(
        d, sdf::sphere(p, {0.0f, c.y, 0.5f * c.z - 10.0f - (24.0f - 11.0f * t) - 0.5f}, 3.5f),
        3.0f);
  }

  // S1 "pedicles": the lateral masses behind the body that floor the L5/S1 foramina.
  {
    const glm::vec3 c = layout_.pedicleCentreLocal(Vertebra::Sacrum, Side::Left) * kToMm;
    const float oval = sdf::ellipse2({q.x - c.x, q.y - c.y},
                                     {0.5f * core::SpineLayout::kS1PedicleWidth * kToMm,
                                      0.5f * layout_.pedicleHeight(Vertebra::Sacrum) * kToMm});
    d = sdf::smin(d, sdf::smax(oval, band(q.z, -halfDepth - 21.0f, -halfDepth + 2.0f), 2.0f), 3.0f);
  }
  // Superior articular processes of S1, articulating with L5.
  for (int side = 0; side < 2; ++side) {
    const float sx = side == 0 ? 1.0f : -1.0f;
    const core::Frame& frame = layout_.vertebra(Vertebra::Sacrum);
    const glm::vec3 world = frame.toWorld(local) * kToMm;
    const glm::vec3 base =
        frame.toWorld(
            glm::vec3(sx * (kS1CanalHalfWidth + 12.0f), s1Half - 5.0f, -halfDepth - 20.0f) * kToM) *
        kToMm;
    d = sdf::smin(d, superiorProcess(5, world, base, side), 3.0f);
  }

  // Sacral canal: a flattened tube behind the bodies, open at the top, narrowing down to the
  // hiatus.
  float canal = 1e9f;
  for (float t = -0.1f; t < 0.9f; t += 0.1f) {
    const glm::vec3 a0 = axis(t), a1 = axis(t + 0.1f);
    const float w0 = kS1CanalHalfWidth * (1.0f - 0.6f * std::max(t, 0.0f));
    const float w1 = kS1CanalHalfWidth * (1.0f - 0.6f * (t + 0.1f));
    // Behind the bodies, round the end of the dural sac (its centre 8 mm behind S1), under a
    // dorsal wall a few millimetres thick.
    const glm::vec3 c0(0.0f, a0.y, -halfDepth - 8.0f + 9.0f * std::max(t, 0.0f));
    const glm::vec3 c1(0.0f, a1.y, -halfDepth - 8.0f + 9.0f * (t + 0.1f));
    // Wider than deep: the depth is 0.625 of the half-width, 7.5 mm at the top (the sac's
    // radius and a little room).
    const glm::vec3 squash(0.625f, 1.0f, 1.0f);
    canal = std::min(
        canal, sdf::taperedCapsule(p * squash, c0 * squash, c1 * squash, 0.625f * w0, 0.625f * w1));
  }
  d = sdf::smax(d, -canal, 1.5f);
  // Foramina: the roots' own courses, with a millimetre of room.
  d = sdf::smax(d, -(carve(carves_[5], p) - 1.0f), 1.0f);
  return d * kToM;
}

io::Bounds SpineShapes::sacrumBounds() const {
  const auto& m = layout_.morphometry();
  io::Bounds b;
  const float half = 0.5f * m.sacrum.width + 0.006f;
  b.add({-half, -0.002f, 0.0f});
  for (float t = 0.0f; t <= 1.0f; t += 0.1f) {
    const glm::vec3 c = layout_.sacralAxisLocal(t);
    b.add(c + glm::vec3(half, -0.016f, 0.03f));
    b.add(c + glm::vec3(-half, 0.02f, -0.04f));
  }
  b.add({half, 0.5f * layout_.s1BodyHeight() + 0.03f, -0.06f});
  return b;
}

// --- discs and ligamentum flavum ------------------------------------------------------------

float SpineShapes::disc(int d, const glm::vec3& local) const {
  const auto& m = layout_.morphometry();
  const core::Frame& frame = layout_.disc(core::kDiscLevels[d]);
  const glm::vec3 p = local * kToMm;
  // Endplates of the neighbours, as planes in the disc frame; the disc fills the space between
  // them and reaches half a millimetre into each body's rim rounding.
  const core::Frame& above = layout_.vertebra(static_cast<Vertebra>(d));
  const core::Frame& below = layout_.vertebra(static_cast<Vertebra>(d + 1));
  const Arch& a = arch_[d];
  const float belowHalf = d < 4
                              ? 0.25f * (arch_[d + 1].anteriorHeight + arch_[d + 1].posteriorHeight)
                              : 0.5f * layout_.s1BodyHeight() * kToMm;
  const float wedgeAbove = (a.anteriorHeight - a.posteriorHeight) / (2.0f * a.depth);
  const float wedgeBelow = d < 4 ? (arch_[d + 1].anteriorHeight - arch_[d + 1].posteriorHeight) /
                                       (2.0f * arch_[d + 1].depth)
                                 : 0.0f;
  const glm::vec3 w = frame.toWorld(local);
  const glm::vec3 pa = above.toLocal(w) * kToMm;  // in the body above
  const glm::vec3 pb = below.toLocal(w) * kToMm;  // in the body below
  const float underAbove =
      pa.y - (-(0.25f * (a.anteriorHeight + a.posteriorHeight) + pa.z * wedgeAbove));
  const float overBelow = (belowHalf + pb.z * wedgeBelow) - pb.y;
  const float slab = std::max(underAbove, overBelow) - 0.6f;

  // Outline: the mean of the neighbouring endplates, bulging a millimetre at mid-height.
  Arch outline = a;
  const float belowWidth = d < 4 ? arch_[d + 1].width : m.sacrum.s1Width * kToMm;
  outline.width = 0.5f * (a.width + belowWidth) + 1.0f;
  outline.depth = m.discs[d].apLength * kToMm + 1.0f;
  const float section = crossSection(outline, p.x, p.z);
  return sdf::smax(section, slab, 1.2f) * kToM;
}

float SpineShapes::nucleus(int d, const glm::vec3& local) const {
  const auto& m = layout_.morphometry();
  const glm::vec3 p = local * kToMm;
  const float width = m.lumbar[d].endplateWidth * kToMm;
  const float depth = m.discs[d].apLength * kToMm;
  const float height = m.discs[d].middleHeight * kToMm;
  // The nucleus sits a little behind the centre, about half the disc's width and depth.
  const float e = sdf::ellipsoid(p, {0.0f, 0.0f, -0.08f * depth},
                                 {0.27f * width, 0.36f * height, 0.24f * depth});
  return std::max(e * kToM, disc(d, local) + 0.0008f);
}

float SpineShapes::annulus(int d, const glm::vec3& local) const {
  return std::max(disc(d, local), -nucleus(d, local) + 0.0003f);
}

float SpineShapes::flavumQuads(int d, const glm::vec3& p) const {
  float best = 1e9f;
  for (const auto& c : flavum_[d]) {
    best = std::min(
        best, std::min(sdf::triangle(p, c[0], c[1], c[2]), sdf::triangle(p, c[0], c[2], c[3])));
  }
  return best;
}

float SpineShapes::ligamentumFlavum(int d, const glm::vec3& local) const {
  // About 3 mm thick in a normal adult (thickened in stenosis).
  return (flavumQuads(d, local * kToMm) - 1.5f) * kToM;
}

io::Bounds SpineShapes::discBounds(int d) const {
  const auto& m = layout_.morphometry();
  const float hw = 0.5f * std::max(m.lumbar[d].endplateWidth,
                                   d < 4 ? m.lumbar[d + 1].endplateWidth : m.sacrum.s1Width) +
                   0.003f;
  const float hd = 0.5f * m.discs[d].apLength + 0.004f;
  const float hh = 0.5f * m.discs[d].anteriorHeight + 0.006f;
  io::Bounds b;
  b.add({-hw, -hh, -hd});
  b.add({hw, hh, hd});
  return b;
}

io::Bounds SpineShapes::flavumBounds(int d) const {
  io::Bounds b;
  for (const auto& c : flavum_[d]) {
    for (const auto& p : c) {
      b.add(p * kToM - glm::vec3(0.004f));
      b.add(p * kToM + glm::vec3(0.004f));
    }
  }
  return b;
}

float SpineShapes::world(const glm::vec3& p, float reach) const {
  float best = 1e9f;
  const auto consider = [&](const core::Frame& frame, const io::Bounds& box, auto&& field) {
    const glm::vec3 local = frame.toLocal(p);
    const glm::vec3 outside = glm::max(glm::max(box.min - local, local - box.max), glm::vec3(0.0f));
    const float bound = glm::length(outside);
    if (bound > reach) {
      best = std::min(best, bound);
      return;
    }
    best = std::min(best, field(local));
  };
  for (int v = 0; v < 5; ++v) {
    consider(layout_.vertebra(static_cast<Vertebra>(v)), vertebraBounds(v),
             [&](const glm::vec3& l) { return vertebra(v, l); });
  }
  consider(layout_.vertebra(Vertebra::Sacrum), sacrumBounds(),
           [&](const glm::vec3& l) { return sacrum(l); });
  for (int d = 0; d < 5; ++d) {
    consider(layout_.disc(core::kDiscLevels[d]), discBounds(d),
             [&](const glm::vec3& l) { return disc(d, l); });
  }
  return best;
}

}  // namespace radicula::meshgen
