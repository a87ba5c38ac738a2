// SpineShapes models the lumbar spine as signed distance fields built from the layout: each
// vertebra (kidney-shaped waisted body with endplate rims, pedicles, laminae sloping like roof
// tiles, hatchet spinous process, transverse processes, and articular processes whose facets
// are cut from one shared cylinder per joint so neighbours meet with a thin joint space), the
// sacrum (S1 body, ala, lateral masses, sacral canal, foramina along the roots' own courses),
// the discs (annulus round a nucleus) and the ligamentum flavum between the laminae.
//
// Every field is in the structure's local frame (the glTF node frame; docs/contracts.md,
// "Coordinates and units"), in metres.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/spine_layout.h"
#include "io/scene.h"

namespace radicula::meshgen {

class SpineShapes {
 public:
  explicit SpineShapes(const core::SpineLayout& layout);

  float vertebra(int v, const glm::vec3& local) const;  // v: 0 … 4 for L1 … L5
  float sacrum(const glm::vec3& local) const;
  float disc(int d, const glm::vec3& local) const;  // d: 0 … 4 for L1-L2 … L5-S1; whole disc
  float nucleus(int d, const glm::vec3& local) const;
  float annulus(int d, const glm::vec3& local) const;  // the disc with the nucleus hollowed
  float ligamentumFlavum(int d, const glm::vec3& local) const;  // in the disc's frame

  io::Bounds vertebraBounds(int v) const;
  io::Bounds sacrumBounds() const;
  io::Bounds discBounds(int d) const;
  io::Bounds flavumBounds(int d) const;

  // All of the above in world space; beyond `reach` of a structure's bounds it returns a lower
  // bound rather than the exact distance (enough for ambient occlusion and collision tests).
  float world(const glm::vec3& p, float reach = 0.02f) const;

 private:
  // Dimensions of one lumbar vertebra in millimetres, local frame.
  struct Arch {
    float width, depth, anteriorHeight, posteriorHeight;
    float pedicleWidth, pedicleHeight, pedicleX, pedicleY, pedicleFront, pedicleBack;
    float canalAP, canalWidth, span, reach;
    float laminaThickness, laminaMidZ, laminaLow, laminaHigh;
  };
  // One facet joint (world, mm): the joint surfaces are concentric cylinders round an axis
  // parallel to the disc's cranial direction.
  struct Facet {
    glm::vec3 centre{0.0f};  // on the joint surface
    glm::vec3 normal{0.0f};  // from the inferior process (above) toward the superior (below)
    glm::vec3 up{0.0f};
    glm::vec3 axis{0.0f};  // a point on the cylinder axis
  };
  struct Carve {
    glm::vec3 a, b;
    float ra, rb;
    glm::vec3 lo{0.0f}, hi{0.0f};  // where the tube can cut: its segment's box grown by 8 mm
  };
  // The tubes near one bone (several hundred) with a coarse grid over their boxes: a sample
  // tests only the tubes whose box reaches its cell, with the same test and in the same order as
  // testing them all (so the meshes do not change). Testing all of them at every sample was
  // most of the generation time, and made the meshgen tests take minutes under ASan.
  struct CarveSet {
    std::vector<Carve> tubes;
    glm::vec3 min{0.0f}, max{-1.0f};  // the union of the tubes' boxes
    glm::ivec3 cells{0};
    std::vector<std::uint32_t> start;  // per cell, its first entry in `index`; one more at the end
    std::vector<std::uint32_t> index;  // tube numbers, ascending within a cell

    void add(const glm::vec3& a, const glm::vec3& b, float ra, float rb);
    void build();
    glm::ivec3 cellOf(const glm::vec3& p) const;
  };

  float body(const Arch& a, const glm::vec3& p) const;
  float crossSection(const Arch& a, float x, float z) const;
  float neuralArch(int v, const Arch& a, const glm::vec3& p, const glm::vec3& world) const;
  float superiorProcess(int v, const glm::vec3& world, const glm::vec3& base, int side) const;
  float inferiorProcess(int v, const glm::vec3& world, const glm::vec3& base, int side) const;
  float carve(const CarveSet& set, const glm::vec3& p) const;
  float flavumQuads(int d, const glm::vec3& local) const;

  const core::SpineLayout& layout_;
  std::array<Arch, 5> arch_{};
  // facets_[j][side]: joint above vertebra j (j = 5: L5/S1; j = 0: T12/L1, superior only).
  std::array<std::array<Facet, 2>, 6> facets_{};
  std::array<CarveSet, 6> carves_{};  // root courses near each bone, local mm
  std::array<std::array<std::array<glm::vec3, 4>, 2>, 5> flavum_{};  // disc-frame mm corners
};

}  // namespace radicula::meshgen
