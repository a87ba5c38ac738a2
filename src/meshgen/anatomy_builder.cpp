#include "meshgen/anatomy_builder.h"

#include <string>

#include "meshgen/ambient_occlusion.h"
#include "meshgen/leg_shapes.h"
#include "meshgen/mesh_simplifier.h"
#include "meshgen/skin_builder.h"
#include "meshgen/spine_shapes.h"
#include "meshgen/surface_mesher.h"
#include "meshgen/tube_sweeper.h"

namespace radicula::meshgen {

namespace {

using core::Side;
using core::Vertebra;

// Colours are linear RGB (glTF base colour factors), converted from textbook-plate sRGB.
void addMaterials(io::Scene& scene) {
  const auto add = [&](const char* name, glm::vec4 color, float roughness,
                       bool doubleSided = false) {
    io::Material m;
    m.name = name;
    m.baseColor = color;
    m.roughness = roughness;
    m.doubleSided = doubleSided;
    scene.addMaterial(m);
  };
  add("bone", {0.80f, 0.72f, 0.55f, 1.0f}, 0.55f);        // ivory, sRGB (231, 221, 195)
  add("annulus", {0.30f, 0.46f, 0.72f, 1.0f}, 0.45f);     // bluish cartilage
  add("nucleus", {0.58f, 0.68f, 0.87f, 1.0f}, 0.35f);     // pale, gelatinous
  add("ligament", {0.79f, 0.58f, 0.10f, 1.0f}, 0.5f);     // ligamentum flavum is yellow
  add("dura", {0.64f, 0.72f, 0.83f, 0.40f}, 0.4f, true);  // translucent sheath
  add("cord", {0.87f, 0.75f, 0.58f, 1.0f}, 0.5f);         // pale neural tissue
  add("nerve", {0.91f, 0.61f, 0.045f, 1.0f}, 0.45f);      // nerve yellow
  add("skin", {0.79f, 0.51f, 0.35f, 0.22f}, 0.6f, true);  // translucent body surface
}

int material(AnatomyMaterial m) {
  return static_cast<int>(m);
}

}  // namespace

io::Scene buildAnatomy(const core::SpineLayout& layout,
                       const std::vector<core::SkinRegion>& regions,
                       const AnatomyOptions& options) {
  io::Scene scene;
  addMaterials(scene);
  const SpineShapes spine(layout);
  const Sdf spineWorld = [&](const glm::vec3& p) { return spine.world(p); };
  MeshingOptions meshing;
  meshing.simplifyError = options.spineError;
  constexpr float kBoneReach = 0.008f;  // occlusion reach for spine parts (about a facet's size)

  // Bakes occlusion from the whole spine, seen from this structure's local frame.
  const auto occlude = [&](io::MeshData& mesh, const core::Frame& frame, float reach) {
    bakeAmbientOcclusion(
        mesh, [&](const glm::vec3& local) { return spine.world(frame.toWorld(local)); }, reach);
  };

  // Vertebrae and sacrum.
  for (int v = 0; v < 5; ++v) {
    const auto& frame = layout.vertebra(static_cast<Vertebra>(v));
    io::MeshData mesh = meshSdf([&](const glm::vec3& p) { return spine.vertebra(v, p); },
                                spine.vertebraBounds(v), options.vertebraCell, meshing);
    occlude(mesh, frame, kBoneReach);
    mesh.material = material(AnatomyMaterial::Bone);
    scene.addNode("vertebra." + std::string(core::toString(static_cast<Vertebra>(v))),
                  frame.matrix(), scene.addMesh(std::move(mesh)));
  }
  {
    const auto& frame = layout.vertebra(Vertebra::Sacrum);
    io::MeshData mesh = meshSdf([&](const glm::vec3& p) { return spine.sacrum(p); },
                                spine.sacrumBounds(), options.sacrumCell, meshing);
    occlude(mesh, frame, kBoneReach);
    mesh.material = material(AnatomyMaterial::Bone);
    scene.addNode("sacrum", frame.matrix(), scene.addMesh(std::move(mesh)));
  }

  // Discs: a parent node per level with the annulus and nucleus as children.
  for (int d = 0; d < 5; ++d) {
    const auto level = core::kDiscLevels[d];
    const auto& frame = layout.disc(level);
    const std::string name = "disc." + std::string(core::toString(level));
    const int parent = scene.addNode(name, frame.matrix());
    io::MeshData annulus = meshSdf([&](const glm::vec3& p) { return spine.annulus(d, p); },
                                   spine.discBounds(d), options.discCell, meshing);
    occlude(annulus, frame, kBoneReach);
    annulus.material = material(AnatomyMaterial::Annulus);
    scene.addNode(name + ".annulus", glm::mat4(1.0f), scene.addMesh(std::move(annulus)), parent);
    io::MeshData nucleus = meshSdf([&](const glm::vec3& p) { return spine.nucleus(d, p); },
                                   spine.discBounds(d), options.discCell, meshing);
    nucleus.colors.assign(nucleus.positions.size(), glm::vec4(1.0f));
    nucleus.material = material(AnatomyMaterial::Nucleus);
    scene.addNode(name + ".nucleus", glm::mat4(1.0f), scene.addMesh(std::move(nucleus)), parent);

    io::MeshData flavum = meshSdf([&](const glm::vec3& p) { return spine.ligamentumFlavum(d, p); },
                                  spine.flavumBounds(d), options.ligamentCell, meshing);
    occlude(flavum, frame, 0.004f);
    flavum.material = material(AnatomyMaterial::Ligament);
    scene.addNode("ligamentum_flavum." + std::string(core::toString(level)), frame.matrix(),
                  scene.addMesh(std::move(flavum)));
  }

  // Canal contents, roots and nerves: swept tubes in world space, carrying _NERVE_ARC.
  const auto addTube = [&](const core::TubePath& path, AnatomyMaterial m, const TubeOptions& tube,
                           float reach) {
    io::MeshData mesh = sweepTube(path, tube);
    simplifyMesh(mesh, options.tubeError);
    bakeAmbientOcclusion(mesh, spineWorld, reach, 0.55f);
    mesh.material = material(m);
    scene.addNode(path.id, glm::mat4(1.0f), scene.addMesh(std::move(mesh)));
  };
  TubeOptions sac;
  sac.maxSides = 28;
  sac.sideLength = 0.0018f;
  addTube(layout.duralSac(), AnatomyMaterial::Dura, sac, 0.006f);
  addTube(layout.cord(), AnatomyMaterial::Cord, {}, 0.004f);
  TubeOptions root;
  root.minStep = 0.0025f;
  root.maxStep = 0.004f;
  root.minSides = 7;
  root.maxSides = 12;
  for (core::Root r : core::kRoots) {
    for (Side s : core::kSides) addTube(layout.root(r, s), AnatomyMaterial::Nerve, root, 0.005f);
  }
  TubeOptions nerve;
  nerve.minStep = 0.005f;
  nerve.maxStep = 0.010f;
  nerve.minSides = 6;
  nerve.maxSides = 16;
  nerve.sideLength = 0.0018f;
  for (const auto& [name, pair] : layout.nerves()) {
    for (Side s : core::kSides) {
      io::MeshData mesh = sweepTube(pair[core::SpineLayout::sideIndex(s)], nerve);
      simplifyMesh(mesh, options.tubeError);
      mesh.colors.assign(mesh.positions.size(), glm::vec4(1.0f));
      mesh.material = material(AnatomyMaterial::Nerve);
      scene.addNode(pair[core::SpineLayout::sideIndex(s)].id, glm::mat4(1.0f),
                    scene.addMesh(std::move(mesh)));
    }
  }

  if (options.legs) {
    addLegBones(scene, layout, options, material(AnatomyMaterial::Bone));
    addSkin(scene, layout, regions, options.skinCell, options.skinError,
            material(AnatomyMaterial::Skin));
  }
  return scene;
}

}  // namespace radicula::meshgen
