// LegShapes models the bones below the spine as signed distance fields in world space, placed
// on the layout's leg landmarks: the hip bone (iliac wing and crest, acetabulum, the greater
// sciatic notch the sciatic nerve leaves by, ischium, pubic rami round the obturator foramen),
// the femur, tibia, fibula and a simplified foot. Fields are for the patient's left; the right
// side is the mirror image.
#pragma once

#include "core/spine_layout.h"
#include "io/scene.h"
#include "meshgen/anatomy_builder.h"

namespace radicula::meshgen {

enum class LegBone { Pelvis, Femur, Tibia, Fibula, Foot };

class LegShapes {
 public:
  explicit LegShapes(const core::SpineLayout& layout);

  // Left-side field in world metres.
  float field(LegBone bone, const glm::vec3& world) const;
  io::Bounds bounds(LegBone bone) const;  // left side, world

 private:
  float pelvis(const glm::vec3& p) const;  // millimetres, relative to the hip joint centre
  float femur(const glm::vec3& p) const;   // millimetres, world
  float tibia(const glm::vec3& p) const;
  float fibula(const glm::vec3& p) const;
  float foot(const glm::vec3& p) const;

  const core::SpineLayout& layout_;
  glm::vec3 hip_, knee_, ankle_, fibularHead_, heel_, toe_, trochanter_;  // millimetres
};

// Meshes the pelvis halves and leg bones of both sides into the scene as
// pelvis.left/right, femur.*, tibia.*, fibula.*, foot.* (world-space meshes).
void addLegBones(io::Scene& scene, const core::SpineLayout& layout, const AnatomyOptions& options,
                 int material);

// The right side's mesh from the left's: x mirrored, winding reversed to stay outward.
io::MeshData mirrorX(const io::MeshData& mesh);

}  // namespace radicula::meshgen
