// SpineLayout says where everything is: one frame per vertebra and disc placed with the lumbar
// lordosis, the dural sac and cord, each root's course from the cauda equina out through its
// foramen, the peripheral nerves of both legs, and the leg's bony landmarks.
//
// It is the one model with two uses: meshgen builds the visible meshes from it, and the
// CompressionEngine measures lesion intrusion on the very same tubes and frames.
//
// Units and axes (docs/contracts.md): metres, right-handed, +Y cranial, +Z anterior, so the
// patient's left is +X. A Frame's local axes are the same anatomical axes (x left, y cranial,
// z anterior) tilted by the lordosis.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/anatomy_ids.h"
#include "core/morphometry.h"

namespace radicula::core {

struct Frame {
  glm::vec3 origin{0.0f};
  glm::mat3 axes{1.0f};  // columns: local x (left), y (cranial), z (anterior) in world space

  glm::vec3 toWorld(const glm::vec3& local) const { return origin + axes * local; }
  glm::vec3 toLocal(const glm::vec3& world) const {
    return glm::transpose(axes) * (world - origin);
  }
  glm::mat4 matrix() const;  // local → world, for glTF node transforms
};

// A point on the centre line of a tube (root, nerve, sac) with the tube's radius there.
struct TubePoint {
  glm::vec3 position{0.0f};
  float radius = 0.0f;
};

// A named tube from its proximal to its distal end. `arc` is the running length from the
// proximal end, in metres (the _NERVE_ARC attribute and the distal pulse use it).
struct TubePath {
  std::string id;  // glTF node name, e.g. "root.L5.left", "nerve.sciatic.left", "dura"
  std::vector<TubePoint> points;

  float length() const;
  float arcAt(std::size_t pointIndex) const;
  // Nearest point on the centre line: returns the arc there and writes the distance.
  float closestArc(const glm::vec3& p, float* distance = nullptr) const;
  TubePoint at(float arc) const;  // interpolated
};

// Where a root is along its course, by arc on its TubePath. A root leaves the cauda equina in
// its sleeve about one segment above its foramen, runs in the lateral recess, passes the
// foramen (with its ganglion) and continues extraforaminally toward the plexus.
struct RootSections {
  float sleeveStart = 0.0f;   // leaves the dural sac
  float foramenStart = 0.0f;  // enters the foramen
  float foramenEnd = 0.0f;    // leaves the foramen (ganglion between start and end)
};

// Bony landmarks of one leg and half-pelvis in world space.
struct LegLandmarks {
  glm::vec3 hipJoint{0.0f};  // centre of the femoral head
  glm::vec3 greaterTrochanter{0.0f};
  glm::vec3 ischialTuberosity{0.0f};
  glm::vec3 greaterSciaticNotch{0.0f};
  glm::vec3 kneeJoint{0.0f};  // centre of the knee joint line
  glm::vec3 fibularHead{0.0f};
  glm::vec3 ankleJoint{0.0f};
  glm::vec3 heel{0.0f};
  glm::vec3 toeTip{0.0f};
};

class SpineLayout {
 public:
  explicit SpineLayout(const Morphometry& morphometry);

  const Morphometry& morphometry() const { return morphometry_; }

  const Frame& vertebra(Vertebra v) const { return vertebrae_[static_cast<int>(v)]; }
  const Frame& disc(DiscLevel level) const { return discs_[index(level)]; }

  const TubePath& duralSac() const { return duralSac_; }
  const TubePath& cord() const { return cord_; }  // ends at the conus medullaris
  const TubePath& root(Root r, Side s) const { return roots_[index(r)][sideIndex(s)]; }
  const RootSections& rootSections(Root r, Side s) const {
    return rootSections_[index(r)][sideIndex(s)];
  }

  // Peripheral nerves by short name ("sciatic", "tibial", "common_fibular", "deep_fibular",
  // "superficial_fibular", "sural", "femoral", "saphenous", "obturator",
  // "lateral_femoral_cutaneous", "posterior_femoral_cutaneous", "plexus.lumbosacral").
  const TubePath& nerve(std::string_view name, Side s) const;
  const std::map<std::string, std::array<TubePath, 2>, std::less<>>& nerves() const {
    return nerves_;
  }

  const LegLandmarks& leg(Side s) const { return legs_[sideIndex(s)]; }
  const Frame& pelvis() const { return pelvis_; }  // origin midway between the hip joints

  // Height of the S1 body (its frame is the sacrum's), and how far below the upper endplate a
  // vertebra's pedicles start: the arch sits lower on the bodies below a tall foramen, so
  // that each foramen has its tabulated height (upper pedicle to lower pedicle).
  float s1BodyHeight() const { return s1BodyHeight_; }
  float pedicleDrop(Vertebra v) const { return pedicleDrop_[static_cast<int>(v)]; }
  // Pedicle height at the isthmus: the tabulated value, lengthened or shortened where the
  // foramen below needs it (see placeSpine).
  float pedicleHeight(Vertebra v) const { return pedicleHeight_[static_cast<int>(v)]; }
  // S1's lateral mass under the L5/S1 foramen is modelled as an oval pedicle this wide.
  static constexpr float kS1PedicleWidth = 0.014f;
  // Centre of the pedicle isthmus, in the vertebra's local frame (x > 0 on the left).
  glm::vec3 pedicleCentreLocal(Vertebra v, Side s) const;
  // Centre of the bony intervertebral foramen at a disc level, in world space: under the
  // pedicle above, level with the pedicles' lateral faces.
  glm::vec3 foramenCentre(DiscLevel level, Side s) const;
  // Anterior opening of sacral foramen n (1 … 4), world space; S5 leaves by the hiatus below.
  glm::vec3 sacralForamen(int n, Side s) const;
  // The sacrum's midline curve from the S1 endplate centre (t = 0) to its apex (t = 1), in
  // the sacrum's local frame; the sacral canal lies behind it and the foramina beside it.
  glm::vec3 sacralAxisLocal(float t) const;

  // A smooth tube through control points (centripetal Catmull-Rom), resampled every `step`
  // metres; radii are interpolated along. Root and nerve courses are built with it.
  static TubePath smoothTube(std::string id, const std::vector<TubePoint>& control, float step);

  static int sideIndex(Side s) { return s == Side::Left ? 0 : 1; }
  // +1 for the patient's left (+X), -1 for the right.
  static float sideSign(Side s) { return s == Side::Left ? 1.0f : -1.0f; }

 private:
  // Called in this order by the constructor; placeRoots runs last, so a root's course may use
  // the frames, the canal and the plexus it joins.
  void placeSpine();
  void placeCanal();
  void placeLegs();
  void placeNerves();
  void placeRoots();  // root_course.cpp

  Morphometry morphometry_;
  std::array<Frame, 6> vertebrae_{};
  std::array<Frame, 5> discs_{};
  Frame pelvis_{};
  TubePath duralSac_;
  TubePath cord_;
  std::array<std::array<TubePath, 2>, 10> roots_{};
  std::array<std::array<RootSections, 2>, 10> rootSections_{};
  std::map<std::string, std::array<TubePath, 2>, std::less<>> nerves_;
  std::array<LegLandmarks, 2> legs_{};
  float s1BodyHeight_ = 0.0f;
  std::array<float, 6> pedicleDrop_{};
  std::array<float, 6> pedicleHeight_{};
};

}  // namespace radicula::core
