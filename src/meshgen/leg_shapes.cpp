#include "meshgen/leg_shapes.h"

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

using sdf::capsule;
using sdf::ellipsoid;
using sdf::smin;
using sdf::sphere;
using sdf::taperedCapsule;

// A thin plate spanning a strip between two polylines of equal length (mm).
template <std::size_t N>
float strip(const glm::vec3& p, const std::array<glm::vec3, N>& upper,
            const std::array<glm::vec3, N>& lower, float halfThickness) {
  float d = 1e9f;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    d = std::min(d, sdf::triangle(p, upper[i], upper[i + 1], lower[i + 1]));
    d = std::min(d, sdf::triangle(p, upper[i], lower[i + 1], lower[i]));
  }
  return d - halfThickness;
}

template <std::size_t N>
float polyline(const glm::vec3& p, const std::array<glm::vec3, N>& pts, float r0, float r1) {
  float d = 1e9f;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    const float t0 = static_cast<float>(i) / (N - 1), t1 = static_cast<float>(i + 1) / (N - 1);
    d = smin(d, taperedCapsule(p, pts[i], pts[i + 1], r0 + (r1 - r0) * t0, r0 + (r1 - r0) * t1),
             2.0f);
  }
  return d;
}

}  // namespace

LegShapes::LegShapes(const core::SpineLayout& layout) : layout_(layout) {
  const auto& l = layout.leg(core::Side::Left);
  hip_ = l.hipJoint * kToMm;
  knee_ = l.kneeJoint * kToMm;
  ankle_ = l.ankleJoint * kToMm;
  fibularHead_ = l.fibularHead * kToMm;
  heel_ = l.heel * kToMm;
  toe_ = l.toeTip * kToMm;
  trochanter_ = l.greaterTrochanter * kToMm;
}

// Hip bone, coordinates relative to the hip joint centre (x lateral, y up, z anterior).
float LegShapes::pelvis(const glm::vec3& p) const {
  // Iliac crest from the posterior superior spine round to the anterior superior spine, and
  // the lower border of the wing: posterior inferior spine, the greater sciatic notch, the
  // acetabular roof and the anterior inferior spine.
  const std::array<glm::vec3, 7> crest = {glm::vec3(-40, 112, -88), glm::vec3(-24, 148, -80),
                                          glm::vec3(-2, 168, -58),  glm::vec3(22, 174, -24),
                                          glm::vec3(36, 158, 12),   glm::vec3(38, 120, 42),
                                          glm::vec3(33, 66, 60)};
  const std::array<glm::vec3, 7> lower = {glm::vec3(-40, 76, -88), glm::vec3(-24, 40, -60),
                                          glm::vec3(-12, 28, -32), glm::vec3(0, 26, -8),
                                          glm::vec3(12, 28, 14),   glm::vec3(22, 36, 38),
                                          glm::vec3(33, 60, 58)};
  // The wing bows outward between crest and body: the iliac fossa is concave inside, the
  // gluteal surface convex outside.
  std::array<glm::vec3, 7> middle{};
  for (std::size_t i = 0; i < middle.size(); ++i) {
    const float bow = (i == 0 || i + 1 == middle.size()) ? 0.0f : 7.0f;
    middle[i] = 0.5f * (crest[i] + lower[i]) + glm::vec3(bow, 0.0f, 0.0f);
  }
  float d = std::min(strip(p, crest, middle, 2.2f), strip(p, middle, lower, 2.6f));
  d = smin(d, polyline(p, crest, 6.5f, 5.0f), 5.0f);
  // Sacroiliac part: thick posterior ilium with the auricular surface facing the sacrum.
  d = smin(d, ellipsoid(p, {-36, 92, -76}, {9, 30, 16}), 8.0f);
  // Acetabulum: a thick rim round the socket, open out, down and forward.
  float acetabulum = sphere(p, {-7, 2, -2}, 31.0f);
  acetabulum = smin(acetabulum, capsule(p, {-4, 20, -10}, {-14, 60, -50}, 12.0f),
                    10.0f);  // posterior column up
  acetabulum =
      smin(acetabulum, capsule(p, {6, 22, 14}, {22, 36, 38}, 9.0f), 8.0f);  // anterior column
  d = smin(d, acetabulum, 8.0f);
  // Ischium: posterior column down to the tuberosity, with the ischial spine behind.
  d = smin(d, taperedCapsule(p, {-12, -12, -22}, {-30, -78, -42}, 13.0f, 11.0f), 6.0f);
  d = smin(d, ellipsoid(p, {-32, -86, -45}, {12, 17, 14}), 6.0f);
  d = smin(d, taperedCapsule(p, {-14, -14, -38}, {-24, -26, -58}, 6.0f, 3.0f), 3.0f);
  // Pubis: superior ramus to the symphysis, inferior ramus and ischial ramus back to the
  // tuberosity, enclosing the obturator foramen.
  const glm::vec3 symphysis(-82.5f, -28, 50);
  d = smin(d, taperedCapsule(p, {-14, 8, 22}, {-64, -6, 54}, 10.0f, 7.5f), 5.0f);
  d = smin(d, taperedCapsule(p, {-64, -6, 54}, symphysis + glm::vec3(2, 12, 2), 7.5f, 8.0f), 4.0f);
  d = smin(d, ellipsoid(p, symphysis, {4.5f, 22, 9}), 4.0f);
  d = smin(d, taperedCapsule(p, symphysis + glm::vec3(2, -14, -2), {-58, -74, 4}, 6.5f, 6.0f),
           4.0f);
  d = smin(d, taperedCapsule(p, {-58, -74, 4}, {-32, -88, -38}, 6.0f, 8.0f), 5.0f);
  // The socket itself: the femoral head's sphere with cartilage room, opened toward the
  // femoral neck (lateral, down, forward).
  const glm::vec3 open = glm::normalize(glm::vec3(0.7f, -0.45f, 0.45f));
  d = sdf::smax(d, -sphere(p, {0, 0, 0}, 25.0f), 1.5f);
  const float beyondRim = std::max(10.0f - glm::dot(p, open), glm::length(p) - 40.0f);
  d = sdf::smax(d, -beyondRim, 2.0f);
  return d;
}

float LegShapes::femur(const glm::vec3& p) const {
  const glm::vec3 h = hip_, k = knee_;
  const glm::vec3 neckBase = h + glm::vec3(36, -26, -4);
  float d = sphere(p, h, 23.0f);
  d = smin(d, taperedCapsule(p, h, neckBase, 15.0f, 17.0f), 6.0f);
  d = smin(d, ellipsoid(p, trochanter_ + glm::vec3(-6, -8, 0), {13, 22, 16}), 8.0f);
  d = smin(d, sphere(p, h + glm::vec3(32, -62, -12), 8.0f), 6.0f);  // lesser trochanter
  const glm::vec3 shaftTop = h + glm::vec3(44, -50, -2);
  const glm::vec3 shaftLow = k + glm::vec3(2, 80, 2);
  d = smin(d, taperedCapsule(p, neckBase, shaftTop, 17.0f, 15.0f), 8.0f);
  d = smin(d, taperedCapsule(p, shaftTop, shaftLow, 14.5f, 13.5f), 8.0f);
  d = smin(d, ellipsoid(p, k + glm::vec3(0, 42, -2), {29, 34, 21}), 14.0f);   // distal flare
  d = smin(d, ellipsoid(p, k + glm::vec3(-21, 20, -8), {14, 21, 26}), 6.0f);  // medial condyle
  d = smin(d, ellipsoid(p, k + glm::vec3(21, 20, -8), {14, 21, 25}), 6.0f);   // lateral condyle
  d = sdf::smax(d, -capsule(p, k + glm::vec3(0, 12, -14), k + glm::vec3(0, 12, -44), 8.0f), 3.0f);
  // Patella, in front of the femoral groove.
  d = std::min(d, ellipsoid(p, k + glm::vec3(2, 30, 31), {20, 22, 9}));
  return d;
}

float LegShapes::tibia(const glm::vec3& p) const {
  const glm::vec3 k = knee_, a = ankle_;
  float d = ellipsoid(p, k + glm::vec3(-2, -14, -4), {38, 11, 26});  // plateau
  d = smin(d, ellipsoid(p, k + glm::vec3(-2, -32, -2), {30, 22, 22}), 10.0f);
  d = smin(d, sphere(p, k + glm::vec3(-2, -48, 24), 8.0f), 8.0f);  // tibial tuberosity
  const glm::vec3 top = k + glm::vec3(-4, -50, 0), bottom = a + glm::vec3(-5, 40, 0);
  d = smin(d, taperedCapsule(p, top, bottom, 16.0f, 11.5f), 10.0f);
  d = smin(d,
           taperedCapsule(p, top + glm::vec3(0, -10, 12), bottom + glm::vec3(0, 10, 9), 5.0f, 4.0f),
           8.0f);
  d = smin(d, ellipsoid(p, a + glm::vec3(-5, 16, 0), {20, 16, 18}), 8.0f);
  d = smin(d, ellipsoid(p, a + glm::vec3(-22, 2, 2), {8, 16, 10}), 5.0f);  // medial malleolus
  return d;
}

float LegShapes::fibula(const glm::vec3& p) const {
  const glm::vec3 a = ankle_;
  float d = ellipsoid(p, fibularHead_, {11, 12, 11});
  const glm::vec3 malleolus = a + glm::vec3(27, -4, -8);
  d = smin(d,
           taperedCapsule(p, fibularHead_ + glm::vec3(0, -10, 0), malleolus + glm::vec3(-2, 30, 0),
                          7.0f, 6.5f),
           5.0f);
  d = smin(d, ellipsoid(p, malleolus, {8, 18, 11}), 5.0f);
  return d;
}

float LegShapes::foot(const glm::vec3& p) const {
  const glm::vec3 a = ankle_, h = heel_;
  const float length = toe_.z - h.z;
  float d = ellipsoid(p, a + glm::vec3(0, -18, 10), {15, 13, 22});  // talus
  d = smin(d, ellipsoid(p, glm::vec3(a.x + 2, h.y + 22, h.z + 34), {15, 20, 36}),
           8.0f);  // calcaneus
  d = smin(d, sdf::roundBox(p, glm::vec3(a.x - 2, 36, h.z + 0.42f * length), {24, 11, 30}, 8.0f),
           8.0f);
  // Metatarsals and toes, first (medial) to fifth; the first is the stoutest.
  for (int i = 0; i < 5; ++i) {
    const float x = a.x - 20.0f + 11.5f * static_cast<float>(i);
    const float base = h.z + 0.50f * length - 0.01f * length * i;
    const float head = h.z + (0.78f - 0.04f * static_cast<float>(i)) * length;
    const float tip = h.z + (0.955f - 0.045f * static_cast<float>(i)) * length;
    const float r = i == 0 ? 7.5f : 5.0f;
    d = smin(d, taperedCapsule(p, {x * 0.9f + a.x * 0.1f, 36, base}, {x, 18, head}, r, r * 0.9f),
             4.0f);
    d = smin(d,
             taperedCapsule(p, {x, 18, head}, {x + (i == 0 ? -1.0f : 0.0f), 14, tip}, r * 0.8f,
                            r * 0.6f),
             2.5f);
  }
  return d;
}

float LegShapes::field(LegBone bone, const glm::vec3& world) const {
  const glm::vec3 p = world * kToMm;
  switch (bone) {
    case LegBone::Pelvis:
      return pelvis(p - hip_) * kToM;
    case LegBone::Femur:
      return femur(p) * kToM;
    case LegBone::Tibia:
      return tibia(p) * kToM;
    case LegBone::Fibula:
      return fibula(p) * kToM;
    case LegBone::Foot:
      return foot(p) * kToM;
  }
  return 1.0f;
}

io::Bounds LegShapes::bounds(LegBone bone) const {
  io::Bounds b;
  const auto addMm = [&](const glm::vec3& lo, const glm::vec3& hi) {
    b.add(lo * kToM);
    b.add(hi * kToM);
  };
  switch (bone) {
    case LegBone::Pelvis:
      addMm(hip_ + glm::vec3(-92, -108, -100), hip_ + glm::vec3(50, 185, 72));
      break;
    case LegBone::Femur:
      addMm(glm::vec3(knee_.x - 40, knee_.y - 5, -50),
            glm::vec3(trochanter_.x + 20, hip_.y + 28, 58));
      break;
    case LegBone::Tibia:
      addMm(glm::vec3(knee_.x - 48, ankle_.y - 18, -34), glm::vec3(knee_.x + 40, knee_.y - 1, 36));
      break;
    case LegBone::Fibula:
      addMm(glm::vec3(fibularHead_.x - 16, ankle_.y - 28, -34),
            glm::vec3(ankle_.x + 42, fibularHead_.y + 16, 6));
      break;
    case LegBone::Foot:
      addMm(glm::vec3(ankle_.x - 34, 2, heel_.z - 8),
            glm::vec3(ankle_.x + 40, ankle_.y - 2, toe_.z + 6));
      break;
  }
  return b;
}

io::MeshData mirrorX(const io::MeshData& mesh) {
  io::MeshData out = mesh;
  for (auto& p : out.positions) p.x = -p.x;
  for (auto& n : out.normals) n.x = -n.x;
  for (std::size_t i = 0; i + 2 < out.indices.size(); i += 3)
    std::swap(out.indices[i + 1], out.indices[i + 2]);
  return out;
}

void addLegBones(io::Scene& scene, const core::SpineLayout& layout, const AnatomyOptions& options,
                 int material) {
  const LegShapes legs(layout);
  struct Part {
    LegBone bone;
    const char* name;
    float cell;
  };
  const std::array<Part, 5> parts = {{{LegBone::Pelvis, "pelvis", options.pelvisCell},
                                      {LegBone::Femur, "femur", options.longBoneCell},
                                      {LegBone::Tibia, "tibia", options.longBoneCell},
                                      {LegBone::Fibula, "fibula", 0.7f * options.longBoneCell},
                                      {LegBone::Foot, "foot", options.footCell}}};
  // Occlusion from all leg bones of the side (joints darken where bones meet).
  const auto all = [&](const glm::vec3& p) {
    float d = 1e9f;
    for (const auto& part : parts) d = std::min(d, legs.field(part.bone, p));
    return d;
  };
  MeshingOptions meshing;
  meshing.simplifyError = options.legError;
  for (const auto& part : parts) {
    io::MeshData left = meshSdf([&](const glm::vec3& p) { return legs.field(part.bone, p); },
                                legs.bounds(part.bone), part.cell, meshing);
    bakeAmbientOcclusion(left, all, 0.012f);
    left.material = material;
    io::MeshData right = mirrorX(left);
    scene.addNode(std::string(part.name) + ".left", glm::mat4(1.0f),
                  scene.addMesh(std::move(left)));
    scene.addNode(std::string(part.name) + ".right", glm::mat4(1.0f),
                  scene.addMesh(std::move(right)));
  }
}

}  // namespace radicula::meshgen
