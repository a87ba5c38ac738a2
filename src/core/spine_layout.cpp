#include "core/spine_layout.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <glm/gtc/matrix_transform.hpp>

namespace radicula::core {

namespace {

constexpr float kMm = 0.001f;
constexpr float kDeg = 3.14159265358979f / 180.0f;

// Height of the S1 body: the first sacral segment is about as tall as L5's back wall
// (sacral length 103 mm over five fusing segments that shrink caudally; approx.).
constexpr float kS1BodyHeight = 25.0f * kMm;
// Height of the S1 lateral mass where it floors the L5/S1 foramen (approx.).
constexpr float kS1PedicleHeight = 12.0f * kMm;
// The superior notch of a lumbar vertebra is shallow: the pedicle's upper border lies about a
// millimetre below the upper endplate's back edge.
constexpr float kSuperiorNotch = 1.0f * kMm;
// Fraction of the tabulated foramen height the arch is fitted to: a little under the table, as
// the meshes' rounded pedicle edges open the measured gap slightly.
constexpr float kForamenFit = 0.98f;
// Pedicles reach back from the body over this fraction of the canal's AP depth before they
// turn into the laminae (the canal is triangular: laminae converge to the spinous base).
constexpr float kPedicleReach = 0.66f;
// The sacrum's midline curve leaves S1 slightly backward and turns forward toward its apex
// (sacral kyphosis), gently: the root courses through the sacral foramina assume a nearly
// straight sacrum in the S1 frame (root_course.cpp).
constexpr float kSacralStartDeg = 6.0f;
constexpr float kSacralTurnDeg = 14.0f;

glm::mat3 tiltAboutX(float degrees) {
  // Positive tilt turns local +y (cranial) toward +z (anterior).
  const float a = degrees * kDeg;
  return glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, std::cos(a), std::sin(a)),
                   glm::vec3(0, -std::sin(a), std::cos(a)));
}

glm::vec3 mirror(const glm::vec3& p, Side s) {
  return {p.x * SpineLayout::sideSign(s), p.y, p.z};
}

TubePoint tp(const glm::vec3& p, float radiusMm) {
  return {p, radiusMm * kMm};
}

}  // namespace

glm::mat4 Frame::matrix() const {
  glm::mat4 m(axes);
  m[3] = glm::vec4(origin, 1.0f);
  return m;
}

float TubePath::length() const {
  return points.size() < 2 ? 0.0f : arcAt(points.size() - 1);
}

float TubePath::arcAt(std::size_t pointIndex) const {
  float arc = 0.0f;
  for (std::size_t i = 1; i <= pointIndex && i < points.size(); ++i) {
    arc += glm::length(points[i].position - points[i - 1].position);
  }
  return arc;
}

float TubePath::closestArc(const glm::vec3& p, float* distance) const {
  float best = 1e30f, bestArc = 0.0f, arc = 0.0f;
  if (points.size() == 1) best = glm::length(p - points[0].position);
  for (std::size_t i = 1; i < points.size(); ++i) {
    const glm::vec3 a = points[i - 1].position, b = points[i].position;
    const glm::vec3 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    const float d = glm::length(p - (a + t * ab));
    const float segment = std::sqrt(len2);
    if (d < best) {
      best = d;
      bestArc = arc + t * segment;
    }
    arc += segment;
  }
  if (distance) *distance = best;
  return bestArc;
}

TubePoint TubePath::at(float arc) const {
  if (points.empty()) return {};
  if (arc <= 0.0f) return points.front();
  float run = 0.0f;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const float segment = glm::length(points[i].position - points[i - 1].position);
    if (run + segment >= arc && segment > 0.0f) {
      const float t = (arc - run) / segment;
      return {glm::mix(points[i - 1].position, points[i].position, t),
              glm::mix(points[i - 1].radius, points[i].radius, t)};
    }
    run += segment;
  }
  return points.back();
}

TubePath SpineLayout::smoothTube(std::string id, const std::vector<TubePoint>& control,
                                 float step) {
  TubePath path;
  path.id = std::move(id);
  if (control.size() < 2) {
    path.points = control;
    return path;
  }
  // Centripetal Catmull-Rom (Yury & Barry 2011): no cusps or self-intersections between
  // unevenly spaced control points. End points are mirrored to give the end tangents.
  const auto point = [&](int i) -> glm::vec3 {
    const int n = static_cast<int>(control.size());
    if (i < 0) return 2.0f * control[0].position - control[1].position;
    if (i >= n) return 2.0f * control[n - 1].position - control[n - 2].position;
    return control[i].position;
  };
  path.points.push_back(control.front());
  for (int i = 0; i + 1 < static_cast<int>(control.size()); ++i) {
    const glm::vec3 p0 = point(i - 1), p1 = point(i), p2 = point(i + 1), p3 = point(i + 2);
    const auto knot = [](const glm::vec3& a, const glm::vec3& b) {
      return std::max(std::sqrt(glm::length(b - a)), 1e-4f);
    };
    const float t0 = 0.0f, t1 = t0 + knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3);
    const int pieces = std::max(1, static_cast<int>(std::ceil(glm::length(p2 - p1) / step)));
    for (int k = 1; k <= pieces; ++k) {
      const float u = static_cast<float>(k) / static_cast<float>(pieces);
      const float t = t1 + (t2 - t1) * u;
      const glm::vec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
      const glm::vec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
      const glm::vec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
      const glm::vec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
      const glm::vec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
      const glm::vec3 c = (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2;
      path.points.push_back({c, glm::mix(control[i].radius, control[i + 1].radius, u)});
    }
  }
  return path;
}

SpineLayout::SpineLayout(const Morphometry& morphometry) : morphometry_(morphometry) {
  placeSpine();
  placeCanal();
  placeLegs();
  placeNerves();
  placeRoots();
}

const TubePath& SpineLayout::nerve(std::string_view name, Side s) const {
  const auto it = nerves_.find(name);
  if (it == nerves_.end()) {
    throw std::invalid_argument("SpineLayout::nerve: no nerve named \"" + std::string(name) + "\"");
  }
  return it->second[sideIndex(s)];
}

// The spine is stacked from the sacrum upward. Each vertebral frame sits at the middle of its
// body; consecutive frames differ by the segmental lordosis, and each disc frame takes the
// mean tilt of its two neighbours, so a disc's wedge is whatever the lordosis leaves after the
// bodies' own wedges. The S1 endplate sits above and behind the hip axis at the pelvic radius
// and tilt (pelvic incidence = sacral slope + pelvic tilt).
void SpineLayout::placeSpine() {
  const auto& m = morphometry_;
  s1BodyHeight_ = kS1BodyHeight;

  std::array<float, 6> tilt{};
  tilt[5] = m.sacrum.slopeDeg;
  for (int v = 4; v >= 0; --v) tilt[v] = tilt[v + 1] - m.discs[v].lordosisDeg;

  // Stack in a provisional space with the S1 endplate centre at the origin.
  vertebrae_[5].axes = tiltAboutX(tilt[5]);
  vertebrae_[5].origin = -vertebrae_[5].axes * glm::vec3(0, s1BodyHeight_ / 2, 0);
  glm::vec3 endplate(0.0f);  // upper endplate centre of the body below the disc being placed
  for (int v = 4; v >= 0; --v) {
    const float discHeight = m.discs[v].middleHeight;
    discs_[v].axes = tiltAboutX(0.5f * (tilt[v] + tilt[v + 1]));
    discs_[v].origin = endplate + discs_[v].axes * glm::vec3(0, discHeight / 2, 0);
    const glm::vec3 lowerEndplate = endplate + discs_[v].axes * glm::vec3(0, discHeight, 0);
    const auto& body = m.lumbar[v];
    const float midHeight = 0.5f * (body.anteriorHeight + body.posteriorHeight);
    vertebrae_[v].axes = tiltAboutX(tilt[v]);
    vertebrae_[v].origin = lowerEndplate + vertebrae_[v].axes * glm::vec3(0, midHeight / 2, 0);
    endplate = lowerEndplate + vertebrae_[v].axes * glm::vec3(0, midHeight, 0);
  }

  const float stature = m.body.stature;
  const glm::vec3 hipMid(0.0f, m.body.hipHeight * stature, 0.0f);
  const float pt = m.sacrum.pelvicTiltDeg * kDeg;
  const glm::vec3 s1Endplate =
      hipMid + m.sacrum.pelvicRadius * glm::vec3(0.0f, std::cos(pt), -std::sin(pt));
  for (auto& f : vertebrae_) f.origin += s1Endplate;
  for (auto& f : discs_) f.origin += s1Endplate;
  pelvis_.origin = hipMid;
  pelvis_.axes = glm::mat3(1.0f);

  // Fit the arch so that each foramen, from the pedicle above to the pedicle below, measured
  // along the disc's cranial axis through the upper pedicle's centre, has its tabulated
  // height. The tables of body heights, disc heights and lordosis come from different series
  // and do not quite agree; the pedicles absorb the difference: a lower pedicle's top sits
  // within the shallow superior notch (-1 … 3 mm below its endplate), and whatever is left
  // lengthens or shortens the upper pedicle (never below 70 % of its tabulated height).
  pedicleDrop_.fill(kSuperiorNotch);
  for (int i = 0; i < 5; ++i) pedicleHeight_[i] = m.lumbar[i].pedicleHeight;
  pedicleHeight_[5] = kS1PedicleHeight;
  for (int i = 0; i < 5; ++i) {
    const auto& b = m.lumbar[i];
    const float gap = kForamenFit * b.foramenHeight;
    const glm::vec3 centre = pedicleCentreLocal(static_cast<Vertebra>(i), Side::Left);
    const glm::vec3 bottom =
        vertebrae_[i].toWorld(centre - glm::vec3(0.0f, 0.5f * pedicleHeight_[i], 0.0f));
    const glm::vec3 down = -discs_[i].axes[1];
    const Frame& lower = vertebrae_[i + 1];
    const glm::vec3 start = lower.toLocal(bottom);
    const float rate = glm::dot(down, lower.axes[1]);  // local y change per metre along the ray
    // The lower pedicle's oval top, lowered where the ray passes off its centre.
    const bool sacrum = i == 4;
    const float topAtCentre =
        sacrum ? 0.5f * s1BodyHeight_ : 0.5f * m.lumbar[i + 1].posteriorHeight;
    const float halfWidth =
        sacrum ? 0.5f * SpineLayout::kS1PedicleWidth : 0.5f * m.lumbar[i + 1].pedicleWidth;
    const float lowerX = sacrum
                             ? 0.5f * (b.canalWidth + b.pedicleWidth)
                             : 0.5f * (m.lumbar[i + 1].canalWidth + m.lumbar[i + 1].pedicleWidth);
    const float off = std::min(std::abs(start.x - lowerX) / halfWidth, 1.0f);
    const float sag = 0.5f * pedicleHeight_[i + 1] * (1.0f - std::sqrt(1.0f - off * off));
    // The sacrum's blends (lateral mass, ala, articular process) lift its floor about a
    // millimetre above the oval's top, and its ala slopes: allow it a deeper notch.
    const float blend = sacrum ? 1.0f * kMm : 0.0f;
    const float drop = topAtCentre - sag - start.y - gap * rate + blend;
    pedicleDrop_[i + 1] = std::clamp(drop, -1.0f * kMm, (sacrum ? 4.5f : 3.0f) * kMm);
    const float excess = pedicleDrop_[i + 1] - drop;  // > 0: the gap is still too tall
    pedicleHeight_[i] = std::max(pedicleHeight_[i] + excess, 0.7f * b.pedicleHeight);
  }
}

glm::vec3 SpineLayout::pedicleCentreLocal(Vertebra v, Side s) const {
  const int i = static_cast<int>(v);
  if (v == Vertebra::Sacrum) {
    // The S1 "pedicle" is the lateral mass behind the body's back corners.
    const float halfDepth = 0.5f * morphometry_.sacrum.s1Depth;
    const auto& l5 = morphometry_.lumbar[4];
    return mirror(
        {0.5f * (l5.canalWidth + l5.pedicleWidth),
         0.5f * s1BodyHeight_ - pedicleDrop_[5] - 0.5f * kS1PedicleHeight, -halfDepth - 6.0f * kMm},
        s);
  }
  const auto& b = morphometry_.lumbar[i];
  const float top = 0.5f * b.posteriorHeight - pedicleDrop_[i];
  return mirror({0.5f * (b.canalWidth + b.pedicleWidth), top - 0.5f * pedicleHeight(v),
                 -0.5f * b.bodyDepth - 0.5f * kPedicleReach * b.canalAP},
                s);
}

glm::vec3 SpineLayout::foramenCentre(DiscLevel level, Side s) const {
  const Vertebra above = vertebraAbove(level);
  const int i = static_cast<int>(above);
  const auto& b = morphometry_.lumbar[i];
  const glm::vec3 pedicle = pedicleCentreLocal(above, s);
  // Half-way down the foramen, from the pedicle's lower border to the one below, measured
  // along the back of the body and disc; laterally at the pedicle's outer face.
  const glm::vec3 bottom(pedicle.x + sideSign(s) * 0.5f * b.pedicleWidth,
                         pedicle.y - 0.5f * pedicleHeight(above), pedicle.z);
  const float halfForamen = 0.5f * kForamenFit * b.foramenHeight;
  const Frame& f = vertebrae_[i];
  const glm::vec3 down = discs_[index(level)].axes * glm::vec3(0, -halfForamen, 0);
  return f.toWorld(bottom) + down;
}

glm::vec3 SpineLayout::sacralAxisLocal(float t) const {
  // A circular arc of the sacral length from the S1 endplate centre, through the centres of
  // the fused bodies, turning forward (sacral kyphosis).
  const float length = morphometry_.sacrum.length;
  const float a0 = kSacralStartDeg * kDeg;
  const float k = -kSacralTurnDeg * kDeg;  // total turn, negative: toward anterior
  const float s = std::clamp(t, 0.0f, 1.0f);
  // direction(φ) = (0, -cos φ, -sin φ), φ runs from a0 to a0 + k.
  const float y = -length * (std::sin(a0 + k * s) - std::sin(a0)) / k;
  const float z = length * (std::cos(a0 + k * s) - std::cos(a0)) / k;
  return {0.0f, 0.5f * s1BodyHeight_ + y, z};
}

glm::vec3 SpineLayout::sacralForamen(int n, Side s) const {
  const int i = std::clamp(n, 1, 4);
  const float t = 0.05f + 0.19f * static_cast<float>(i);
  const glm::vec3 axis = sacralAxisLocal(t);
  const glm::vec3 ahead = sacralAxisLocal(t + 0.01f);
  const glm::vec3 along = glm::normalize(ahead - axis);
  const glm::vec3 anterior = glm::normalize(glm::cross(glm::vec3(1, 0, 0), along)) * -1.0f;
  // Medial edges of the anterior foramina converge caudally (about 28 mm apart at S1,
  // 20 mm at S4); the opening sits on the pelvic surface, lateral to the fused bodies.
  const float halfSpacing = (19.0f - 1.6f * static_cast<float>(i)) * kMm;
  const float depth = (0.5f * morphometry_.sacrum.s1Depth) * (1.0f - 0.15f * i) - 3.0f * kMm;
  const glm::vec3 local = axis + anterior * depth + glm::vec3(sideSign(s) * halfSpacing, 0, 0);
  return vertebrae_[5].toWorld(local);
}

// The dural sac runs in front of the canal (epidural fat and ligamentum flavum behind it) from
// above L1 down to S2; the cord inside ends at the conus in the lower third of L1.
void SpineLayout::placeCanal() {
  const auto& m = morphometry_;
  const float sacRadius = 0.5f * m.nerves.duralSacAP;
  // 1 mm of epidural fat in front of the sac (as canal_landmarks.h assumes).
  const auto sacZ = [&](float halfDepth) { return -halfDepth - 1.0f * kMm - sacRadius; };

  std::vector<TubePoint> sac;
  const Frame& l1 = vertebrae_[0];
  const float l1Half = 0.5f * m.lumbar[0].bodyDepth;
  // One segment above L1 (T12), the sac continues up; the tube starts there.
  sac.push_back({l1.toWorld({0, 0.045f, sacZ(l1Half)}), sacRadius});
  for (int v = 0; v < 5; ++v) {
    const float half = 0.5f * m.lumbar[v].bodyDepth;
    sac.push_back({vertebrae_[v].toWorld({0, 0, sacZ(half)}), sacRadius});
    const float discHalf = 0.5f * m.discs[v].apLength;
    sac.push_back({discs_[v].toWorld({0, 0, sacZ(discHalf)}), sacRadius});
  }
  // Into the sacral canal: the sac narrows to its end near S2.
  const Frame& sacrum = vertebrae_[5];
  const float s1Half = 0.5f * m.sacrum.s1Depth;
  sac.push_back({sacrum.toWorld({0, 0, sacZ(s1Half)}), 0.85f * sacRadius});
  const glm::vec3 s2 = sacralAxisLocal(0.33f);
  sac.push_back(
      {sacrum.toWorld(s2 + glm::vec3(0, 0, sacZ(s1Half) + 2.0f * kMm)), 0.35f * sacRadius});
  sac.push_back({sacrum.toWorld(s2 + glm::vec3(0, -8.0f * kMm, sacZ(s1Half) + 1.0f * kMm)),
                 0.08f * sacRadius});
  duralSac_ = smoothTube("dura", sac, 3.0f * kMm);

  // The cord enters from above, slightly behind the sac's centre line, and tapers into the
  // conus over its last 15 mm.
  const float cordRadius = 0.5f * m.nerves.cordDiameter;
  const float l1Height = 0.5f * (m.lumbar[0].anteriorHeight + m.lumbar[0].posteriorHeight);
  const float conusY = -0.5f * l1Height + m.nerves.conusFractionOfL1 * l1Height;
  const float cz = sacZ(l1Half) - 0.5f * kMm;
  std::vector<TubePoint> cord = {
      {l1.toWorld({0, 0.045f, cz}), cordRadius},
      {l1.toWorld({0, 0.025f, cz}), cordRadius},
      {l1.toWorld({0, conusY + 0.015f, cz}), 0.8f * cordRadius},
      {l1.toWorld({0, conusY + 0.006f, cz}), 0.45f * cordRadius},
      {l1.toWorld({0, conusY, cz}), 0.08f * cordRadius},
  };
  cord_ = smoothTube("cord", cord, 2.0f * kMm);
}

// Leg landmarks from stature fractions (Drillis & Contini). The legs stand straight with the
// feet slightly apart; the femur's neck carries the shaft out to the greater trochanter.
void SpineLayout::placeLegs() {
  const auto& b = morphometry_.body;
  const float h = b.stature;
  const float hipX = 0.5f * b.hipSpacing * h;
  const float hipY = b.hipHeight * h;
  const float kneeY = b.kneeHeight * h;
  const float ankleY = b.ankleHeight * h;
  // Bony trochanter: the tabulated breadth is over the soft tissue, about 12 mm each side.
  const float trochanterX = 0.5f * b.bitrochantericWidth * h - 0.012f;
  const float foot = b.footLength * h;
  for (Side s : kSides) {
    LegLandmarks l;
    l.hipJoint = mirror({hipX, hipY, 0.0f}, s);
    l.greaterTrochanter = mirror({trochanterX - 0.012f, hipY - 0.005f, -0.012f}, s);
    l.ischialTuberosity = mirror({hipX - 0.032f, hipY - 0.085f, -0.045f}, s);
    l.greaterSciaticNotch = mirror({hipX - 0.015f, hipY + 0.035f, -0.065f}, s);
    l.kneeJoint = mirror({hipX + 0.005f, kneeY, 0.0f}, s);
    l.fibularHead = mirror({hipX + 0.043f, kneeY - 0.022f, -0.020f}, s);
    l.ankleJoint = mirror({hipX + 0.010f, ankleY, 0.0f}, s);
    // The ankle joint lies over the back quarter of the foot.
    l.heel = mirror({hipX + 0.010f, 0.022f, -0.22f * foot}, s);
    l.toeTip = mirror({hipX + 0.012f, 0.012f, 0.78f * foot}, s);
    legs_[sideIndex(s)] = l;
  }
}

// Nerve courses per docs/clinical-basis.md §7, left side in world metres, mirrored for the
// right. Radii follow its §1: sciatic 15–20 × 5–8 mm (a round tube of the same area), tibial 6–8
// mm, common fibular 4–5 mm, cutaneous branches 1–3 mm; each tapers distally.
void SpineLayout::placeNerves() {
  const auto& n = morphometry_.nerves;
  const float sciaticR = 0.5f * std::sqrt(n.sciaticWidth * n.sciaticThickness) / kMm;
  const float tibialR = 0.5f * n.tibialDiameter / kMm;
  const float fibularR = 0.5f * n.commonFibularDiameter / kMm;
  const float cutR = 0.5f * n.cutaneousDiameter / kMm;
  const float step = 4.0f * kMm;

  for (Side s : kSides) {
    const LegLandmarks& l = legs_[sideIndex(s)];
    const auto w = [&](float x, float y, float z) { return mirror({x, y, z}, s); };
    const auto local = [&](Vertebra v, float x, float y, float z) {
      return vertebrae_[static_cast<int>(v)].toWorld(mirror({x, y, z}, s));
    };
    const auto add = [&](const std::string& name, std::vector<TubePoint> control) {
      const std::string prefix = name.rfind("plexus.", 0) == 0 ? "" : "nerve.";
      nerves_[name][sideIndex(s)] =
          smoothTube(prefix + name + "." + std::string(toString(s)), control, step);
    };
    const glm::vec3 hip = mirror(l.hipJoint, s);  // back to left-side coordinates
    const glm::vec3 knee = mirror(l.kneeJoint, s);
    const glm::vec3 ankle = mirror(l.ankleJoint, s);
    const glm::vec3 fib = mirror(l.fibularHead, s);
    const glm::vec3 notch = mirror(l.greaterSciaticNotch, s);
    // Along the foot from the back of the heel (0) to the toe tips (1).
    const auto footZ = [&](float f) { return glm::mix(l.heel.z, l.toeTip.z, f); };

    // Lumbosacral plexus: the lumbosacral trunk (L4–L5) leaves the L4/L5 and L5/S1 foramina,
    // crosses the sacral ala and joins S1–S3 in front of the piriformis, converging on the
    // greater sciatic foramen where the sciatic nerve begins.
    const glm::vec3 l45 = foramenCentre(DiscLevel::L4L5, s);
    const glm::vec3 l5s1 = foramenCentre(DiscLevel::L5S1, s);
    const glm::vec3 s2 = sacralForamen(2, s);
    const glm::vec3 sciaticStart = w(notch.x + 0.005f, notch.y - 0.012f, notch.z - 0.004f);
    {
      const glm::vec3 a = mirror(l45, s) + glm::vec3(0.014f, -0.008f, 0.010f);
      const glm::vec3 b = mirror(l5s1, s) + glm::vec3(0.012f, -0.010f, 0.016f);
      const glm::vec3 c = mirror(s2, s) + glm::vec3(0.014f, 0.004f, 0.010f);
      add("plexus.lumbosacral",
          {tp(w(a.x, a.y, a.z), 2.5f), tp(w(b.x, b.y, b.z), 3.5f), tp(w(c.x, c.y, c.z), 4.5f),
           tp(w(notch.x - 0.004f, notch.y - 0.004f, notch.z + 0.004f), 5.0f),
           tp(sciaticStart, sciaticR)});
    }

    // Sciatic: below the piriformis, between greater trochanter and ischial tuberosity, down
    // the back of the thigh to the apex of the popliteal fossa.
    const float thigh = hip.y - knee.y;
    const glm::vec3 split(knee.x + 0.002f, knee.y + 0.21f * thigh, -0.040f);
    add("sciatic",
        {tp(sciaticStart, sciaticR), tp(w(notch.x + 0.018f, hip.y - 0.012f, -0.082f), sciaticR),
         tp(w(hip.x + 0.018f, hip.y - 0.080f, -0.072f), sciaticR),
         tp(w(hip.x + 0.016f, hip.y - 0.170f, -0.058f), 0.95f * sciaticR),
         tp(w(hip.x + 0.012f, hip.y - 0.280f, -0.046f), 0.9f * sciaticR),
         tp(w(split.x, split.y, split.z), 0.85f * sciaticR)});

    // Tibial: straight down the popliteal fossa and the back of the calf, behind the medial
    // malleolus into the sole (plantar nerves).
    add("tibial", {tp(w(split.x, split.y, split.z), tibialR),
                   tp(w(knee.x - 0.002f, knee.y, -0.036f), tibialR),
                   tp(w(knee.x - 0.004f, knee.y - 0.07f, -0.034f), 0.9f * tibialR),
                   tp(w(knee.x - 0.008f, knee.y - 0.22f, -0.030f), 0.75f * tibialR),
                   tp(w(ankle.x - 0.016f, ankle.y + 0.07f, -0.030f), 0.65f * tibialR),
                   tp(w(ankle.x - 0.024f, ankle.y + 0.005f, -0.024f), 0.6f * tibialR),
                   tp(w(ankle.x - 0.024f, 0.028f, 0.010f), 0.5f * tibialR),
                   tp(w(ankle.x - 0.012f, 0.018f, 0.06f), 0.45f * tibialR),
                   tp(w(ankle.x - 0.004f, 0.016f, footZ(0.72f)), 0.35f * tibialR)});

    // Common fibular: along the lateral side of the fossa, behind the fibular head and round
    // the fibular neck, dividing in front of it.
    const glm::vec3 neckFront(fib.x - 0.002f, fib.y - 0.040f, 0.012f);
    add("common_fibular", {tp(w(split.x, split.y, split.z), fibularR),
                           tp(w(knee.x + 0.022f, knee.y + 0.03f, -0.032f), fibularR),
                           tp(w(fib.x + 0.002f, fib.y + 0.002f, fib.z - 0.014f), fibularR),
                           tp(w(fib.x + 0.0095f, fib.y - 0.024f, fib.z + 0.006f), fibularR),
                           tp(w(neckFront.x, neckFront.y, neckFront.z), 0.95f * fibularR)});

    // Deep fibular: anterior compartment on the interosseous membrane, across the front of the
    // ankle to the first web space.
    add("deep_fibular", {tp(w(neckFront.x, neckFront.y, neckFront.z), 0.75f * fibularR),
                         tp(w(knee.x + 0.022f, knee.y - 0.10f, 0.018f), 0.7f * fibularR),
                         tp(w(knee.x + 0.014f, knee.y - 0.26f, 0.020f), 0.6f * fibularR),
                         tp(w(ankle.x + 0.000f, ankle.y + 0.02f, 0.020f), 0.5f * fibularR),
                         tp(w(ankle.x - 0.006f, ankle.y - 0.010f, 0.036f), 0.45f * fibularR),
                         tp(w(ankle.x - 0.010f, 0.045f, footZ(0.5f)), 0.4f * fibularR),
                         tp(w(ankle.x - 0.024f, 0.030f, footZ(0.78f)), 0.3f * fibularR)});

    // Superficial fibular: lateral compartment, through the fascia in the lower third, over
    // the front of the ankle to the top of the foot.
    add("superficial_fibular", {tp(w(neckFront.x, neckFront.y, neckFront.z), 0.7f * fibularR),
                                tp(w(fib.x + 0.010f, knee.y - 0.12f, 0.004f), 0.65f * fibularR),
                                tp(w(ankle.x + 0.024f, knee.y - 0.28f, 0.010f), 0.55f * fibularR),
                                tp(w(ankle.x + 0.018f, ankle.y + 0.06f, 0.014f), 0.5f * fibularR),
                                tp(w(ankle.x + 0.012f, ankle.y - 0.002f, 0.034f), 0.45f * fibularR),
                                tp(w(ankle.x + 0.008f, 0.048f, footZ(0.5f)), 0.4f * fibularR),
                                tp(w(ankle.x + 0.004f, 0.034f, footZ(0.74f)), 0.3f * fibularR)});

    // Sural: from the tibial nerve in the fossa, between the heads of gastrocnemius, behind
    // the lateral malleolus, along the outer edge of the foot to the little toe.
    add("sural", {tp(w(knee.x - 0.001f, knee.y - 0.02f, -0.040f), cutR),
                  tp(w(knee.x + 0.004f, knee.y - 0.15f, -0.056f), cutR),
                  tp(w(ankle.x + 0.014f, ankle.y + 0.10f, -0.034f), cutR),
                  tp(w(ankle.x + 0.026f, ankle.y + 0.002f, -0.024f), 0.9f * cutR),
                  tp(w(ankle.x + 0.032f, 0.034f, 0.0f), 0.85f * cutR),
                  tp(w(ankle.x + 0.030f, 0.028f, footZ(0.5f)), 0.8f * cutR),
                  tp(w(ankle.x + 0.028f, 0.024f, footZ(0.74f)), 0.7f * cutR)});

    // Femoral: from L2–L4 inside psoas, down the groove between psoas and iliacus, under the
    // inguinal ligament in front of the hip, fanning out a few centimetres below it.
    const glm::vec3 femStart = mirror(local(Vertebra::L4, 0.034f, -0.004f, 0.004f), s);
    add("femoral", {tp(w(femStart.x, femStart.y, femStart.z), 3.0f),
                    tp(w(0.055f, hip.y + 0.085f, 0.018f), 3.5f),
                    tp(w(hip.x - 0.004f, hip.y + 0.035f, 0.050f), 3.5f),
                    tp(w(hip.x, hip.y - 0.005f, 0.058f), 3.2f),
                    tp(w(hip.x + 0.004f, hip.y - 0.050f, 0.060f), 2.8f)});

    // Saphenous: the femoral nerve's long sensory branch, through the adductor canal, behind
    // the medial condyle, down the inner leg in front of the medial malleolus to the instep.
    add("saphenous", {tp(w(hip.x + 0.004f, hip.y - 0.050f, 0.060f), 1.6f),
                      tp(w(hip.x - 0.010f, hip.y - 0.20f, 0.036f), 1.5f),
                      tp(w(knee.x - 0.030f, knee.y + 0.10f, 0.002f), 1.4f),
                      tp(w(knee.x - 0.040f, knee.y, -0.018f), 1.3f),
                      tp(w(knee.x - 0.036f, knee.y - 0.10f, -0.004f), 1.2f),
                      tp(w(ankle.x - 0.026f, ankle.y + 0.12f, 0.006f), 1.1f),
                      tp(w(ankle.x - 0.024f, ankle.y + 0.01f, 0.018f), 1.0f),
                      tp(w(ankle.x - 0.038f, 0.040f, 0.07f), 0.9f),
                      tp(w(ankle.x - 0.036f, 0.034f, footZ(0.62f)), 0.8f)});

    // Obturator: from the medial border of psoas along the pelvic side wall, through the
    // obturator canal, into the adductors of the medial thigh.
    const glm::vec3 obtStart = mirror(local(Vertebra::L5, 0.026f, 0.004f, 0.014f), s);
    add("obturator", {tp(w(obtStart.x, obtStart.y, obtStart.z), 2.0f),
                      tp(w(0.050f, hip.y + 0.060f, 0.012f), 2.0f),
                      tp(w(hip.x - 0.040f, hip.y - 0.012f, 0.022f), 1.8f),
                      tp(w(hip.x - 0.032f, hip.y - 0.024f, 0.036f), 1.8f),
                      tp(w(hip.x - 0.030f, hip.y - 0.060f, 0.042f), 1.6f),
                      tp(w(hip.x - 0.028f, hip.y - 0.20f, 0.024f), 1.2f)});

    // Lateral femoral cutaneous: from the lateral border of psoas across iliacus to just
    // medial of the anterior superior iliac spine, under the inguinal ligament, down the outer
    // thigh.
    const glm::vec3 lfcStart = mirror(local(Vertebra::L3, 0.036f, -0.010f, -0.004f), s);
    add("lateral_femoral_cutaneous", {tp(w(lfcStart.x, lfcStart.y, lfcStart.z), 1.3f),
                                      tp(w(hip.x + 0.010f, hip.y + 0.080f, 0.036f), 1.3f),
                                      tp(w(hip.x + 0.028f, hip.y + 0.052f, 0.066f), 1.2f),
                                      tp(w(hip.x + 0.036f, hip.y - 0.010f, 0.056f), 1.1f),
                                      tp(w(hip.x + 0.062f, hip.y - 0.140f, 0.036f), 1.0f),
                                      tp(w(hip.x + 0.070f, hip.y - 0.260f, 0.018f), 0.8f)});

    // Posterior femoral cutaneous: S1–S3, through the greater sciatic foramen below the
    // piriformis beside the sciatic nerve, superficially down the back of the thigh to the
    // popliteal fossa and upper calf.
    add("posterior_femoral_cutaneous",
        {tp(w(notch.x - 0.004f, notch.y - 0.018f, notch.z - 0.012f), 1.4f),
         tp(w(notch.x + 0.006f, hip.y - 0.020f, -0.094f), 1.4f),
         tp(w(hip.x + 0.004f, hip.y - 0.110f, -0.076f), 1.3f),
         tp(w(hip.x + 0.006f, hip.y - 0.260f, -0.070f), 1.2f),
         tp(w(knee.x, knee.y + 0.030f, -0.050f), 1.0f),
         tp(w(knee.x, knee.y - 0.070f, -0.058f), 0.8f)});
  }
}

}  // namespace radicula::core
