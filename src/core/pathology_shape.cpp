#include "core/pathology_shape.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/canal_landmarks.h"

namespace radicula::core {

namespace {

constexpr float kMm = 0.001f;  // metres per millimetre; landmarks are in mm

// How far (mm) a lesion reaches into the structure its zone aims at; negative is a gap.
// docs/clinical-basis.md §2, every zone but central: nothing below 0.2, touching from 0.2, affected
// from 0.35. The solid closes the last 1.2 mm (one epidural gap) as severity rises to 0.2, then
// sinks two radii per unit of severity: compression 0.2 (the threshold) at 0.3, 0.8 at 0.6.
float standardPenetrationMm(float severity, float targetRadiusMm) {
  if (severity < 0.2f) return -(0.2f - severity) * 6.0f;
  return 2.0f * (severity - 0.2f) * targetRadiusMm;
}

// Central herniation and central stenosis (docs/clinical-basis.md §2): nothing below 0.5, the
// traversing roots of both sides from 0.5 (threshold crossed at 0.47), deeper roots only from 0.85.
float centralPenetrationMm(float severity, float targetRadiusMm) {
  constexpr float kOnset = 0.47f;
  if (severity < kOnset) return 0.2f * targetRadiusMm - (kOnset - severity) * 6.0f;
  return (0.2f + 4.0f * (severity - kOnset)) * targetRadiusMm;
}

// The point of a tube nearest to `p`, with the tube's radius there.
struct Target {
  const TubePath* tube = nullptr;
  glm::vec3 centre{0.0f};
  glm::vec3 tangent{0.0f, -1.0f, 0.0f};
  float radiusMm = 0.0f;
  bool valid = false;
};

Target nearestOnTube(const TubePath& tube, const glm::vec3& p) {
  Target best;
  float bestDistance = std::numeric_limits<float>::max();
  for (std::size_t i = 0; i + 1 < tube.points.size(); ++i) {
    const glm::vec3 a = tube.points[i].position;
    const glm::vec3 b = tube.points[i + 1].position;
    const glm::vec3 ab = b - a;
    const float l2 = glm::dot(ab, ab);
    const float t = l2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / l2, 0.0f, 1.0f) : 0.0f;
    const glm::vec3 q = a + t * ab;
    const float d = glm::length(p - q);
    if (d < bestDistance) {
      bestDistance = d;
      best.centre = q;
      best.tangent = l2 > 0.0f ? ab / std::sqrt(l2) : best.tangent;
      best.radiusMm = glm::mix(tube.points[i].radius, tube.points[i + 1].radius, t) / kMm;
      best.valid = true;
    }
  }
  best.tube = &tube;
  return best;
}

// How far (mm) a solid reaches into the target's tube near the target point: the largest
// radius minus distance over the tube points within 20 mm; negative is the clearance.
float reachIntoMm(const Target& t, const PathologyShape::Primitive& prim) {
  float best = -1e9f;
  constexpr float kNear = 20.0f * kMm;
  for (const TubePoint& q : t.tube->points) {
    if (glm::length(q.position - t.centre) > kNear) continue;
    best = std::max(best, (q.radius - prim.signedDistance(q.position)) / kMm);
  }
  return best;
}

// A lesion's reach is set where it is aimed, but the root it meets is curved and thicker at
// its ganglion: shift the solid until its deepest intrusion into the target's tube is the
// one its severity calls for. `make(shiftMm)` builds the solid reaching shiftMm further.
template <typename Make>
PathologyShape::Primitive calibrated(const Target& t, float wantMm, Make make) {
  float shift = 0.0f;
  PathologyShape::Primitive prim = make(shift);
  for (int i = 0; i < 5; ++i) {
    const float error = wantMm - reachIntoMm(t, prim);
    if (std::abs(error) < 0.01f) break;
    shift += error;
    prim = make(shift);
  }
  return prim;
}

float smoothstep(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

PathologyShape::Primitive cone(const glm::vec3& a, const glm::vec3& b, float raMm, float rbMm) {
  PathologyShape::Primitive p;
  p.kind = PathologyShape::Primitive::Kind::RoundCone;
  p.a = a;
  p.b = b;
  p.ra = raMm * kMm;
  p.rb = rbMm * kMm;
  return p;
}

// A lesion growing from `origin` (inside the structure it comes from) toward `target`, ending
// `penMm` into the target's radius: a neck of radius neckMm widening to a dome of domeMm.
PathologyShape::Primitive growTowardRaw(const glm::vec3& origin, const Target& target, float penMm,
                                        float neckMm, float domeMm) {
  const glm::vec3 toTarget = target.centre - origin;
  const float distanceMm = glm::length(toTarget) / kMm;
  const glm::vec3 dir = toTarget / (distanceMm * kMm);
  // The far surface of the dome sits at tipMm from the origin along the line to the target.
  const float tipMm = std::max(0.5f, distanceMm - target.radiusMm + penMm);
  float dome = domeMm;
  float domeCentreMm = tipMm - dome;
  if (domeCentreMm <= 0.0f) {
    // Still small: one sphere round the origin reaching the tip.
    dome = tipMm;
    domeCentreMm = 0.0f;
  }
  return cone(origin, origin + dir * (domeCentreMm * kMm), std::min(neckMm, dome), dome);
}

PathologyShape::Primitive growToward(const glm::vec3& origin, const Target& target, float penMm,
                                     float neckMm, float domeMm) {
  return calibrated(target, penMm, [&](float shift) {
    return growTowardRaw(origin, target, penMm + shift, neckMm, domeMm);
  });
}

class Builder {
 public:
  Builder(const Pathology& p, const SpineLayout& layout) : p_(p), layout_(layout) {
    if (p.isSpinal()) {
      frame_ = layout.disc(p.level);
      lm_ = discLandmarks(layout, p.level);
    }
  }

  // World position of a landmark given in the disc frame (mm) on side sign sg.
  glm::vec3 disc(float sg, float x, float y, float z) const {
    return frame_.toWorld(glm::vec3(sg * x, y, z) * kMm);
  }

  Target traversingTarget(Side side, float y = 0.0f) const {
    const float sg = SpineLayout::sideSign(side);
    return nearestOnTube(layout_.root(traversingRoot(p_.level), side),
                         disc(sg, lm_.recessX, y, lm_.recessZ));
  }
  // The exiting root where it leaves the foramen over the top of the disc.
  Target exitingTarget(Side side) const {
    const float sg = SpineLayout::sideSign(side);
    return nearestOnTube(
        layout_.root(exitingRoot(p_.level), side),
        disc(sg, lm_.foramenX + 1.0f, lm_.discHalfHeight + 1.0f, lm_.discBack - 1.0f));
  }
  Target ganglionTarget(Side side) const {
    const float sg = SpineLayout::sideSign(side);
    return nearestOnTube(layout_.root(exitingRoot(p_.level), side),
                         disc(sg, lm_.foramenX, lm_.foramenY, lm_.foramenZ));
  }
  Target cornerTarget(Side side) const {
    const float sg = SpineLayout::sideSign(side);
    return nearestOnTube(layout_.root(exitingRoot(p_.level), side),
                         disc(sg, lm_.cornerX, lm_.cornerY, lm_.cornerZ));
  }

  void build(PathologyShape::Primitive prim) { out_.push_back(prim); }
  std::vector<PathologyShape::Primitive> take() { return std::move(out_); }

  void spinal() {
    const float s = p_.severity;
    if (p_.type != PathologyType::Spondylolisthesis && p_.zone == Zone::Central) {
      central();
      return;
    }
    for (Side side : kSides) {
      if (!p_.onSide(side)) continue;
      const float sg = SpineLayout::sideSign(side);
      switch (p_.type) {
        case PathologyType::Herniation:
          herniation(side, sg, s);
          break;
        case PathologyType::Osteophyte:
          osteophyte(side, sg, s);
          break;
        case PathologyType::Stenosis:
          stenosis(side, sg, s);
          break;
        case PathologyType::Spondylolisthesis:
          slip(side, sg, s);
          break;
        default:
          break;
      }
    }
  }

  void herniation(Side side, float sg, float s) {
    // Fardon 2014: a protrusion's dome is no wider than its base, an extrusion's is; past
    // 0.85 a fragment breaks free and migrates down beside the root.
    const float neck = 2.6f + 1.2f * s;
    const float dome = neck * (1.0f + 0.45f * smoothstep(0.45f, 0.6f, s));
    Target target;
    glm::vec3 origin;
    switch (p_.zone) {
      case Zone::Paracentral:
        target = traversingTarget(side);
        origin = disc(sg, 0.75f * lm_.recessX, 0.0f, lm_.discBack + 5.0f);
        break;
      case Zone::Foraminal:
        // From the posterolateral margin up into the foramen.
        target = exitingTarget(side);
        origin = disc(sg, lm_.foramenX - 1.5f, lm_.discHalfHeight - 2.5f, lm_.discBack + 4.5f);
        break;
      default:
        // Far lateral: out of the side of the disc, beyond the foramen.
        target = cornerTarget(side);
        origin = disc(sg, lm_.discHalfWidth - 5.0f, 0.0f, lm_.discBack + 9.0f);
        break;
    }
    if (!target.valid) return;
    const float pen = standardPenetrationMm(s, target.radiusMm);
    build(growToward(origin, target, pen, neck, dome));
    if (p_.migration != Migration::None && s >= 0.5f) migrate(side, sg, s);
    if (s > 0.85f) {
      // The sequestrated fragment, a little caudal to the dome and against the same root.
      const glm::vec3 down = -frame_.axes[1];
      const glm::vec3 toTarget = glm::normalize(target.centre - origin);
      const glm::vec3 c =
          target.centre - toTarget * ((target.radiusMm + 1.0f) * kMm) + down * (4.0f * kMm);
      build(cone(c, c, 2.2f, 2.2f));
    }
  }

  // An extruded fragment that has travelled (Fardon 2014). Up: behind the lower body of the
  // vertebra above into the axilla of the root leaving there, which it reaches from about 0.65.
  // Down: behind the body below along the traversing root, which it already presses on.
  void migrate(Side side, float sg, float s) {
    const float fragment = 2.5f + 1.5f * s;
    if (p_.migration == Migration::Up) {
      const Target t = ganglionTarget(side);
      if (!t.valid) return;
      const glm::vec3 origin = disc(sg, lm_.recessX, lm_.discHalfHeight, lm_.discBack - 2.0f);
      build(growToward(origin, t, standardPenetrationMm(s - 0.3f, t.radiusMm), fragment, fragment));
    } else {
      const Target t = traversingTarget(side, -(2.0f * lm_.discHalfHeight + 6.0f));
      if (!t.valid) return;
      const glm::vec3 origin =
          disc(sg, lm_.recessX - 1.0f, -lm_.discHalfHeight, lm_.discBack - 1.0f);
      build(growToward(origin, t, standardPenetrationMm(s, t.radiusMm), fragment, fragment));
    }
  }

  void osteophyte(Side side, float sg, float s) {
    switch (p_.zone) {
      case Zone::Paracentral: {
        // From the superior articular process of the vertebra below, into the recess.
        const Target t = traversingTarget(side);
        if (!t.valid) return;
        const glm::vec3 base = disc(sg, lm_.canalHalfWidth + 1.5f, 1.0f, lm_.recessZ - 8.0f);
        spur(base, t, standardPenetrationMm(s, t.radiusMm), 3.5f, 1.6f);
        break;
      }
      case Zone::Foraminal: {
        // From the posterolateral margin of the endplate above, into the foramen.
        const Target t = exitingTarget(side);
        if (!t.valid) return;
        const glm::vec3 base =
            disc(sg, lm_.foramenX - 1.5f, lm_.discHalfHeight + 1.0f, lm_.discBack + 2.5f);
        spur(base, t, standardPenetrationMm(s, t.radiusMm), 3.0f, 1.5f);
        break;
      }
      default: {
        // A lateral endplate spur grows sideways out of the way of every root.
        const glm::vec3 base = disc(sg, lm_.discHalfWidth - 1.5f, lm_.discHalfHeight + 0.5f, 0.0f);
        const glm::vec3 tip =
            disc(sg, lm_.discHalfWidth + 2.0f + 8.0f * s, lm_.discHalfHeight + 1.5f, 0.0f);
        build(cone(base, tip, 2.5f, 1.0f));
        break;
      }
    }
  }

  // A tapering spur from `base` whose tip ends penMm into the target.
  void spur(const glm::vec3& base, const Target& t, float penMm, float baseMm, float tipMm) {
    const glm::vec3 toTarget = t.centre - base;
    const float distanceMm = glm::length(toTarget) / kMm;
    const glm::vec3 dir = toTarget / (distanceMm * kMm);
    build(calibrated(t, penMm, [&](float shift) {
      const float reachMm = std::max(0.5f, distanceMm - t.radiusMm + penMm + shift);
      const float tipCentreMm = reachMm - tipMm;
      if (tipCentreMm <= 0.0f)
        return cone(base, base, std::min(reachMm, baseMm), std::min(reachMm, baseMm));
      return cone(base, base + dir * (tipCentreMm * kMm), std::min(baseMm, reachMm), tipMm);
    }));
  }

  void stenosis(Side side, float sg, float s) {
    if (p_.zone == Zone::Paracentral) {
      // Lateral recess: facet hypertrophy and a thick ligamentum flavum from behind and
      // outside.
      const Target t = traversingTarget(side);
      if (!t.valid) return;
      const glm::vec3 origin = disc(sg, lm_.canalHalfWidth + 1.0f, 2.0f, lm_.recessZ - 9.0f);
      build(growToward(origin, t, standardPenetrationMm(s, t.radiusMm), 4.0f, 4.5f));
    } else {
      // Foramen (and its exit zone): the superior articular process of the vertebra below
      // rising into it from behind as the disc loses height.
      const Target t = p_.zone == Zone::Foraminal ? ganglionTarget(side) : cornerTarget(side);
      if (!t.valid) return;
      const glm::vec3 origin =
          p_.zone == Zone::Foraminal
              ? disc(sg, lm_.foramenX + 1.0f, lm_.discHalfHeight - 1.0f, lm_.foramenZ - 6.0f)
              : disc(sg, lm_.cornerX - 1.0f, lm_.cornerY + 3.0f, lm_.cornerZ - 8.0f);
      build(growToward(origin, t, standardPenetrationMm(s, t.radiusMm), 3.5f, 4.0f));
    }
  }

  void slip(Side side, float sg, float s) {
    if (p_.slip == SlipKind::Degenerative) {
      // The inferior facet of the slipping vertebra rides forward into the recess …
      const Target t = traversingTarget(side);
      if (t.valid) {
        const glm::vec3 origin = disc(sg, lm_.canalHalfWidth + 1.0f, 3.0f, lm_.recessZ - 9.0f);
        build(growToward(origin, t, standardPenetrationMm(s, t.radiusMm), 4.0f, 4.5f));
      }
      // … and only a high-grade slip pinches the foramen (docs/clinical-basis.md §2: "plus X when
      // the foramen narrows"): contact at 0.6, the exiting root affected from 0.7.
      const Target g = ganglionTarget(side);
      if (g.valid && s > 0.45f) {
        const glm::vec3 origin =
            disc(sg, lm_.foramenX + 1.0f, lm_.discHalfHeight - 1.0f, lm_.foramenZ - 6.0f);
        build(growToward(origin, g, standardPenetrationMm(s - 0.4f, g.radiusMm), 3.0f, 3.5f));
      }
    } else {
      // Isthmic: the fibrocartilage of the pars defect and the slipping body close the
      // foramen round the exiting root.
      const Target g = ganglionTarget(side);
      if (!g.valid) return;
      const glm::vec3 origin =
          disc(sg, lm_.foramenX + 2.0f, lm_.foramenY + 2.0f, lm_.foramenZ - 7.0f);
      build(growToward(origin, g, standardPenetrationMm(s, g.radiusMm), 3.5f, 4.0f));
    }
  }

  void central() {
    const float s = p_.severity;
    const Target left = traversingTarget(Side::Left);
    const Target right = traversingTarget(Side::Right);
    if (!left.valid || !right.valid) return;
    const float rootRadius = std::max(left.radiusMm, right.radiusMm);
    const SacSlot next = sacSlot(0);
    // Where the root that leaves next lies in the sac, nearest the disc.
    const glm::vec2 nextXZ(next.x, lm_.sacCentreZ + next.z);
    const float pen = centralPenetrationMm(s, rootRadius);

    if (p_.type == PathologyType::Stenosis) {
      // The canal narrowed from all sides (ligamentum flavum, facets, disc bulge): a ring
      // round the sac whose free lumen shrinks. Its radius is set by the recess contents
      // it reaches; below 0.85 it stops short of the sac's own roots.
      const glm::vec3 axisOrigin = disc(1.0f, 0.0f, 0.0f, lm_.sacCentreZ);
      const auto radial = [&](const Target& t) {
        const glm::vec3 local = frame_.toLocal(t.centre) / kMm;
        return std::hypot(local.x, local.z - lm_.sacCentreZ);
      };
      const float rootDistance = std::max(radial(left), radial(right));
      float lumen = rootDistance + rootRadius - pen;
      const float spareSac = std::hypot(next.x, next.z) + kCaudaRadiusMm + 0.3f;
      if (s < 0.85f) {
        lumen = std::max(lumen, spareSac);
      } else {
        lumen = 2.0f - 1.0f * (s - 0.85f);  // severe: the sac squeezed to a slit
      }
      const auto makeRing = [&](float shift) {
        PathologyShape::Primitive ring;
        ring.kind = PathologyShape::Primitive::Kind::Ring;
        ring.frame = frame_;
        ring.frame.origin = axisOrigin;
        ring.inner = std::max(0.5f, lumen - shift) * kMm;
        ring.outer = (lm_.canalHalfWidth + 1.5f) * kMm;
        ring.halfHeight = (lm_.discHalfHeight + 2.5f) * kMm;  // the disc and facet joint level
        ring.rounding = 1.5f * kMm;
        return ring;
      };
      PathologyShape::Primitive ring = makeRing(0.0f);
      if (s < 0.85f && lumen > spareSac) {
        // Aimed at the recess roots: their deepest intrusion is what the severity calls for.
        ring = calibrated(left, pen, makeRing);
        if (ring.inner < spareSac * kMm) ring = makeRing(lumen - spareSac);
      }
      if (ring.inner < ring.outer) build(ring);
      return;
    }

    // Herniation and posterior bar: a broad mass across the back of the disc whose flat
    // front advances into the canal, reaching both recesses before the sac's roots.
    const auto frontOf = [&](const Target& t) {
      return frame_.toLocal(t.centre).z / kMm + t.radiusMm - pen;
    };
    float front = std::max(frontOf(left), frontOf(right));
    if (s < 0.85f) {
      front = std::max(front, nextXZ.y + kCaudaRadiusMm + 0.3f);
    } else {
      // Massive or sequestrated: fills the front two thirds of the sac.
      front = lm_.sacCentreZ - 5.0f - 10.0f * (s - 0.85f);
    }
    const float back = lm_.discBack + 6.0f;  // anchored inside the disc
    if (front >= back) return;
    const bool bar = p_.type == PathologyType::Osteophyte;
    float halfY = bar ? lm_.discHalfHeight + 1.0f : lm_.discHalfHeight + 1.5f + 3.0f * s;
    const auto makeBox = [&](float shift) {
      const float f = std::min(front - shift, back - 0.5f);
      PathologyShape::Primitive box;
      box.kind = PathologyShape::Primitive::Kind::RoundedBox;
      box.frame = frame_;
      box.frame.origin = disc(1.0f, 0.0f, 0.0f, 0.5f * (f + back));
      box.halfExtents = glm::vec3(lm_.recessX + 2.5f, halfY, 0.5f * (back - f)) * kMm;
      box.rounding = std::min(bar ? 1.0f : 2.0f, 0.5f * (back - f)) * kMm;
      return box;
    };
    const float spareFront = nextXZ.y + kCaudaRadiusMm + 0.3f;
    PathologyShape::Primitive box = makeBox(0.0f);
    if (s < 0.85f && front > spareFront) {
      box = calibrated(left, pen, makeBox);
      // Stop short of the sac's own roots until the herniation is massive.
      const float reached = frame_.toLocal(box.frame.origin).z / kMm - box.halfExtents.z / kMm;
      if (reached < spareFront) box = makeBox(front - spareFront);
    }
    build(box);
    if (!bar && s >= 0.85f) {
      // A massive herniation also migrates up behind the body above, in the midline: at
      // L1/L2 this is how it reaches the conus.
      PathologyShape::Primitive up = box;
      up.halfExtents.x = 6.0f * kMm;
      up.halfExtents.y = 7.0f * kMm;
      up.frame.origin += frame_.axes[1] * ((halfY + 4.0f) * kMm);
      build(up);
    }
  }

 private:
  const Pathology& p_;
  const SpineLayout& layout_;
  Frame frame_;
  DiscLandmarks lm_;
  std::vector<PathologyShape::Primitive> out_;
};

bool hasNerve(const SpineLayout& layout, std::string_view name) {
  return layout.nerves().find(name) != layout.nerves().end();
}

}  // namespace

float PathologyShape::Primitive::signedDistance(const glm::vec3& world) const {
  switch (kind) {
    case Kind::RoundCone:
      return sdf::roundCone(world, a, b, ra, rb);
    case Kind::RoundedBox:
      return sdf::roundedBox(frame.toLocal(world), halfExtents, rounding);
    case Kind::Ring: {
      const glm::vec3 local = frame.toLocal(world);
      const float d = sdf::ring(local, inner, outer, halfHeight, rounding);
      return clipZ < 1e29f ? std::max(d, local.z - clipZ) : d;
    }
  }
  return std::numeric_limits<float>::max();
}

Aabb PathologyShape::Primitive::bounds() const {
  Aabb box;
  switch (kind) {
    case Kind::RoundCone: {
      Aabb ends;
      ends.add(a - glm::vec3(ra));
      ends.add(a + glm::vec3(ra));
      ends.add(b - glm::vec3(rb));
      ends.add(b + glm::vec3(rb));
      return ends;
    }
    case Kind::RoundedBox:
    case Kind::Ring: {
      const glm::vec3 h =
          kind == Kind::RoundedBox ? halfExtents : glm::vec3(outer, halfHeight, outer);
      for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? h.x : -h.x, (i & 2) ? h.y : -h.y, (i & 4) ? h.z : -h.z);
        box.add(frame.toWorld(corner));
      }
      return box;
    }
  }
  return box;
}

void PathologyShape::add(const Primitive& primitive) {
  primitives_.push_back(primitive);
  bounds_.add(primitive.bounds());
}

float PathologyShape::signedDistance(const glm::vec3& world) const {
  float d = std::numeric_limits<float>::max();
  for (const Primitive& p : primitives_) d = std::min(d, p.signedDistance(world));
  return d;
}

PathologyShape PathologyShape::build(const Pathology& pathology, const SpineLayout& layout) {
  PathologyShape shape;
  if (pathology.isSpinal()) {
    Builder builder(pathology, layout);
    builder.spinal();
    for (const Primitive& p : builder.take()) shape.add(p);
    return shape;
  }

  const bool piriformis = pathology.type == PathologyType::Piriformis;
  const char* nerveName = piriformis ? "sciatic" : "common_fibular";
  if (!hasNerve(layout, nerveName)) return shape;
  for (Side side : kSides) {
    if (!pathology.onSide(side)) continue;
    const LegLandmarks& leg = layout.leg(side);
    const TubePath& nerve = layout.nerve(nerveName, side);
    // The piriformis presses where the sciatic has just left the greater sciatic foramen below
    // it, a finger's breadth past the notch (where the plexus still runs, the gluteal and
    // pudendal nerves leave separately).
    const Target t =
        piriformis
            ? nearestOnTube(nerve, nerve.at(std::min(0.025f, 0.5f * nerve.length())).position)
            : nearestOnTube(nerve, leg.fibularHead);
    if (!t.valid) continue;
    const float pen = standardPenetrationMm(pathology.severity, t.radiusMm);
    if (piriformis) {
      // The piriformis lies over the nerve where it leaves the pelvis below it: a thick band
      // across the nerve, pressing from above and behind.
      glm::vec3 n = glm::vec3(0.0f, 1.0f, 0.0f);
      n = glm::normalize(n - t.tangent * glm::dot(n, t.tangent));
      const glm::vec3 across = glm::normalize(glm::cross(t.tangent, n));
      constexpr float kBellyMm = 7.0f;
      const glm::vec3 c = t.centre + n * ((t.radiusMm + kBellyMm - pen) * kMm);
      shape.add(cone(c - across * (8.0f * kMm), c + across * (8.0f * kMm), kBellyMm, kBellyMm));
    } else {
      // At the fibular neck the nerve lies on bone under the skin; a ganglion cyst or a
      // crossed-leg pressure presses it from outside against the bone.
      glm::vec3 n = t.centre - leg.fibularHead;
      if (glm::length(n) < 1e-6f) n = glm::vec3(SpineLayout::sideSign(side), 0.0f, 0.0f);
      n = glm::normalize(n - t.tangent * glm::dot(n, t.tangent));
      constexpr float kCystMm = 5.0f;
      const glm::vec3 c = t.centre + n * ((t.radiusMm + kCystMm - pen) * kMm);
      shape.add(cone(c, c, kCystMm, kCystMm));
    }
  }
  return shape;
}

}  // namespace radicula::core
