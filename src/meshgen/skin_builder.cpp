#include "meshgen/skin_builder.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "meshgen/ambient_occlusion.h"
#include "meshgen/sdf.h"
#include "meshgen/surface_mesher.h"

namespace radicula::meshgen {

namespace {

constexpr float kToMm = 1000.0f;
constexpr float kToM = 0.001f;
constexpr float kPi = 3.14159265358979f;

using sdf::capsule;
using sdf::ellipsoid;
using sdf::smin;
using sdf::sphere;
using sdf::taperedCapsule;

// Soft edges of painted regions: a region fades over this much of a segment's length and
// this many degrees round it (dermatomes overlap; Lee, McPhee & Stringer 2008).
constexpr float kAlongSoftness = 0.07f;
constexpr float kAroundSoftnessDeg = 20.0f;

float ramp(float edge0, float edge1, float x) {
  const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

// 1 well inside [lo, hi], 0 well outside, 0.5 on the edges.
float inside(float x, float lo, float hi, float soft) {
  return ramp(lo - 0.5f * soft, lo + 0.5f * soft, x) *
         (1.0f - ramp(hi - 0.5f * soft, hi + 0.5f * soft, x));
}

// Same on a circle: the arc runs from `from` increasing to `to`, wrapping through 360.
float insideArc(float angle, float from, float to, float soft) {
  const auto wrap = [](float a) { return std::fmod(std::fmod(a, 360.0f) + 360.0f, 360.0f); };
  const float span = wrap(to - from);
  const float rel = wrap(angle - from);
  const float signedDepth =
      rel <= span ? std::min(rel, span - rel) : -std::min(rel - span, 360.0f - rel);
  return ramp(-0.5f * soft, 0.5f * soft, signedDepth);
}

float angleDeg(float lateral, float forward) {
  // 0 forward, 90 lateral, 180 back, 270 medial.
  float a = std::atan2(lateral, forward) * 180.0f / kPi;
  return a < 0.0f ? a + 360.0f : a;
}

}  // namespace

SkinShape::SkinShape(const core::SpineLayout& layout) : layout_(layout) {
  const auto& l = layout.leg(core::Side::Left);
  hip_ = l.hipJoint * kToMm;
  knee_ = l.kneeJoint * kToMm;
  ankle_ = l.ankleJoint * kToMm;
  heel_ = l.heel * kToMm;
  toe_ = l.toeTip * kToMm;
  stature_ = layout.morphometry().body.stature * kToMm;
}

float SkinShape::legField(const glm::vec3& p) const {
  const glm::vec3 h = hip_, k = knee_, a = ankle_;
  const float length = toe_.z - heel_.z;
  // Foot: heel, arch and ball, five toes; the sole rests on the floor.
  float foot = sphere(p, {a.x + 2, 34, heel_.z + 30}, 34.0f);
  foot = smin(foot, ellipsoid(p, {a.x - 2, 34, heel_.z + 0.48f * length}, {40, 30, 88}), 25.0f);
  foot = smin(foot, ellipsoid(p, {a.x - 4, 22, heel_.z + 0.73f * length}, {47, 20, 40}), 20.0f);
  for (int i = 0; i < 5; ++i) {
    const float x = a.x - 25.0f + 12.5f * static_cast<float>(i);
    const float tipZ = toe_.z - (i == 0 ? 0.0f : 8.0f + 11.0f * static_cast<float>(i));
    const float r = i == 0 ? 11.5f : 8.5f - 0.6f * static_cast<float>(i);
    foot = smin(foot, capsule(p, {x, 16, heel_.z + 0.74f * length}, {x, 12, tipZ - r}, r), 6.0f);
  }
  // Hindfoot under the malleoli, as wide as the heel pad.
  foot = smin(foot, ellipsoid(p, {a.x + 3, 32, -5}, {38, 30, 40}), 20.0f);
  // Instep: the front of the ankle over the talus, where the tendons and nerves cross.
  foot = smin(foot, ellipsoid(p, {a.x - 2, 52, 26}, {36, 26, 42}), 20.0f);
  foot = sdf::smax(foot, 1.0f - p.y, 3.0f);
  // Leg: ankle to knee with the calf behind.
  float leg = taperedCapsule(p, {a.x, 40, -6}, {a.x - 1, 90, -8}, 34.0f, 33.0f);
  leg = smin(leg, taperedCapsule(p, {a.x - 1, 90, -8}, {k.x, k.y - 70, -10}, 33.0f, 47.0f), 20.0f);
  leg = smin(leg, ellipsoid(p, {k.x + 2, k.y - 135, -28}, {50, 110, 48}), 30.0f);
  leg = smin(leg, ellipsoid(p, a + glm::vec3(-22, 2, 2), {14, 20, 16}), 10.0f);  // medial malleolus
  leg =
      smin(leg, ellipsoid(p, a + glm::vec3(28, -4, -8), {14, 22, 17}), 10.0f);  // lateral malleolus
  // Knee and thigh, with quadriceps in front and hamstrings behind.
  float thigh = ellipsoid(p, k + glm::vec3(0, 10, 4), {52, 60, 54});
  // The back of the knee is full (hamstring tendons, popliteal fat) over the nerves there.
  thigh = smin(thigh, ellipsoid(p, k + glm::vec3(10, 4, -16), {50, 58, 46}), 20.0f);
  thigh =
      smin(thigh, taperedCapsule(p, k + glm::vec3(0, 60, 4), {h.x + 8, h.y - 70, 4}, 55.0f, 84.0f),
           30.0f);
  thigh = smin(thigh, ellipsoid(p, {h.x + 6, k.y + 210, 30}, {62, 170, 56}), 40.0f);
  thigh = smin(thigh, ellipsoid(p, {h.x + 2, k.y + 230, -30}, {60, 170, 56}), 40.0f);
  float d = smin(foot, leg, 22.0f);
  d = smin(d, thigh, 35.0f);
  // Buttock, ending at the gluteal fold.
  d = smin(d, ellipsoid(p, {62, h.y - 15, -68}, {72, 82, 64}), 25.0f);
  return d;
}

float SkinShape::field(const glm::vec3& world) const {
  const glm::vec3 p = world * kToMm;
  const glm::vec3 q(std::abs(p.x), p.y, p.z);  // the figure is symmetric
  const float h = hip_.y;
  float d = legField(q);
  // Pelvis and lower abdomen, waist, chest, shoulders, neck, head: simple above the waist.
  float trunk = ellipsoid(q, {0, h + 60, -5}, {170, 140, 118});
  trunk = smin(trunk, ellipsoid(q, {0, h + 190, 12}, {140, 170, 124}), 60.0f);
  trunk = smin(trunk, ellipsoid(q, {0, stature_ * 0.76f, 10}, {165, 190, 112}), 60.0f);
  trunk = smin(trunk, capsule(q, {0, stature_ * 0.815f, -5}, {180, stature_ * 0.815f, -5}, 55.0f),
               40.0f);
  trunk =
      smin(trunk, capsule(q, {0, stature_ * 0.82f, -10}, {0, stature_ * 0.89f, -5}, 52.0f), 30.0f);
  trunk = smin(trunk, ellipsoid(q, {0, stature_ - 105.0f, 8}, {76, 105, 96}), 30.0f);
  // Arms hang at the sides, a little away from the body.
  const glm::vec3 shoulder(192, stature_ * 0.81f, -10), elbow(232, stature_ * 0.645f, -16),
      wrist(252, stature_ * 0.495f, 12);
  float arm = taperedCapsule(q, shoulder, elbow, 46.0f, 37.0f);
  arm = smin(arm, taperedCapsule(q, elbow, wrist, 37.0f, 26.0f), 15.0f);
  arm = smin(arm, ellipsoid(q, wrist + glm::vec3(2, -70, 6), {22, 72, 44}), 15.0f);
  trunk = smin(trunk, arm, 25.0f);
  d = smin(d, trunk, 40.0f);
  return d * kToM;
}

io::Bounds SkinShape::bounds() const {
  io::Bounds b;
  b.add(glm::vec3(-0.33f, 0.0f, -0.17f));
  b.add(glm::vec3(0.33f, stature_ * kToM + 0.01f, toe_.z * kToM + 0.01f));
  return b;
}

LimbCoordinate limbCoordinate(const core::SpineLayout& layout, const glm::vec3& world) {
  const auto& l = layout.leg(core::Side::Left);
  const glm::vec3 p(std::abs(world.x), world.y, world.z);  // left-side coordinates
  LimbCoordinate c;
  const float hipY = l.hipJoint.y, kneeY = l.kneeJoint.y, ankleY = l.ankleJoint.y;
  const float crestY = hipY + 0.15f, foldY = hipY - 0.09f;
  // The hands hang beside the thighs: anything this far out is arm, not leg.
  if (p.x > l.greaterTrochanter.x + 0.045f) return c;
  // Perineum: between the legs, below the pelvis.
  if (p.x < 0.045f && p.y < hipY - 0.03f && p.y > hipY - 0.16f && p.z > -0.11f && p.z < 0.06f) {
    c.segment = core::BodySegment::Perineum;
    c.along = std::clamp((hipY - 0.03f - p.y) / 0.13f, 0.0f, 1.0f);
    c.onLimb = true;
    return c;
  }
  // Buttock: behind the hip from the iliac crest to the gluteal fold.
  if (p.z < -0.045f && p.y <= crestY && p.y >= foldY && p.x < l.greaterTrochanter.x) {
    c.segment = core::BodySegment::Buttock;
    c.along = std::clamp((crestY - p.y) / (crestY - foldY), 0.0f, 1.0f);
    c.aroundDeg = 180.0f;
    c.onLimb = true;
    return c;
  }
  const float footTop = ankleY - 0.012f;
  if (p.y < footTop) {
    c.segment = core::BodySegment::Foot;
    c.along = std::clamp((p.z - l.heel.z) / (l.toeTip.z - l.heel.z), 0.0f, 1.0f);
    // Round the foot's long axis: 0 top, 90 lateral, 180 sole, 270 medial.
    c.aroundDeg = angleDeg(p.x - l.ankleJoint.x, p.y - 0.035f);
    c.onLimb = true;
    return c;
  }
  if (p.y < kneeY) {
    c.segment = core::BodySegment::Leg;
    c.along = std::clamp((kneeY - p.y) / (kneeY - ankleY), 0.0f, 1.0f);
    // The leg's axis runs a little behind the shin, through the middle of the calf.
    const float axisX = glm::mix(l.kneeJoint.x, l.ankleJoint.x, c.along);
    c.aroundDeg = angleDeg(p.x - axisX, p.z + 0.012f);
    c.onLimb = true;
    return c;
  }
  if (p.y < hipY) {
    c.segment = core::BodySegment::Thigh;
    c.along = std::clamp((hipY - p.y) / (hipY - kneeY), 0.0f, 1.0f);
    const float axisX = glm::mix(l.hipJoint.x + 0.008f, l.kneeJoint.x, c.along);
    c.aroundDeg = angleDeg(p.x - axisX, p.z - 0.004f);
    c.onLimb = true;
    return c;
  }
  return c;
}

void paintRegions(const core::SpineLayout& layout, const std::vector<core::SkinRegion>& regions,
                  const glm::vec3& world, std::array<std::uint8_t, 4>& ids, glm::vec4& weights) {
  ids = {0, 0, 0, 0};
  weights = glm::vec4(0.0f);
  const LimbCoordinate c = limbCoordinate(layout, world);
  if (!c.onLimb) return;
  // Thigh, leg and foot chain into one coordinate so a region may span two segments.
  const auto chain = [](core::BodySegment s, float along) {
    switch (s) {
      case core::BodySegment::Thigh:
        return along;
      case core::BodySegment::Leg:
        return 1.0f + along;
      case core::BodySegment::Foot:
        return 2.0f + along;
      default:
        return -1.0f;
    }
  };
  const auto& l = layout.leg(core::Side::Left);
  std::vector<std::pair<float, int>> scored;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const auto& pl = regions[i].placement;
    float w = 0.0f;
    if (pl.fromSegment == core::BodySegment::Perineum) {
      if (c.segment == core::BodySegment::Perineum) w = 1.0f;
    } else if (pl.fromSegment == core::BodySegment::Buttock) {
      if (c.segment == core::BodySegment::Buttock) {
        // The inner part of the buttock: medial to the hip joint.
        const float inner =
            1.0f - ramp(0.8f * l.hipJoint.x, 1.1f * l.hipJoint.x, std::abs(world.x));
        w = inside(c.along, pl.fromAlong, pl.toAlong + 0.2f, 2.0f * kAlongSoftness) * inner;
      }
    } else if (c.segment != core::BodySegment::Perineum &&
               c.segment != core::BodySegment::Buttock) {
      const float u = chain(c.segment, c.along);
      const float lo = chain(pl.fromSegment, pl.fromAlong), hi = chain(pl.toSegment, pl.toAlong);
      w = inside(u, lo, hi, kAlongSoftness);
      if (pl.hasAround)
        w *= insideArc(c.aroundDeg, pl.aroundFromDeg, pl.aroundToDeg, kAroundSoftnessDeg);
    }
    if (w > 0.01f) scored.push_back({w, static_cast<int>(i)});
  }
  // Strongest first; ties broken by region index so the output is deterministic.
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  float sum = 0.0f;
  for (std::size_t k = 0; k < scored.size() && k < 4; ++k) sum += scored[k].first;
  const float scale = sum > 1.0f ? 1.0f / sum : 1.0f;
  for (std::size_t k = 0; k < scored.size() && k < 4; ++k) {
    ids[k] = static_cast<std::uint8_t>(scored[k].second);
    weights[static_cast<int>(k)] = scored[k].first * scale;
  }
}

void addSkin(io::Scene& scene, const core::SpineLayout& layout,
             const std::vector<core::SkinRegion>& regions, float cell, float maxError,
             int material) {
  const SkinShape skin(layout);
  const Sdf field = [&](const glm::vec3& p) { return skin.field(p); };
  MeshingOptions meshing;
  meshing.simplifyError = maxError;
  io::MeshData mesh = meshSdf(field, skin.bounds(), cell, meshing);
  bakeAmbientOcclusion(mesh, field, 0.05f, 0.6f);
  mesh.regionIds.resize(mesh.positions.size());
  mesh.regionWeights.resize(mesh.positions.size());
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    paintRegions(layout, regions, mesh.positions[v], mesh.regionIds[v], mesh.regionWeights[v]);
  }
  mesh.material = material;
  scene.addNode("skin", glm::mat4(1.0f), scene.addMesh(std::move(mesh)));
}

}  // namespace radicula::meshgen
