// The anatomy builder assembles the whole generated model as a Scene: every structure meshed
// from its signed distance field or swept along its course, placed by the layout under the
// node names of docs/contracts.md ("Asset names"), with textbook materials and baked ambient
// occlusion.
//
// Triangle budget: the whole scene stays under kTriangleBudget so that it renders smoothly on
// a software rasteriser (llvmpipe); the cell sizes below are chosen to meet it.
#pragma once

#include <cstddef>
#include <vector>

#include "core/region_table.h"
#include "core/spine_layout.h"
#include "io/scene.h"

namespace radicula::meshgen {

inline constexpr std::size_t kTriangleBudget = 150000;

struct AnatomyOptions {
  float vertebraCell = 0.0013f;  // metres; 1.3 mm keeps facets and pedicles crisp
  float sacrumCell = 0.0018f;
  float discCell = 0.0016f;
  float ligamentCell = 0.0013f;
  float pelvisCell = 0.0030f;
  float longBoneCell = 0.0036f;
  float footCell = 0.0030f;
  float skinCell = 0.0095f;
  // How far simplification may move a surface (metres): below what can be seen at the
  // closest zoom of each part, while cutting the triangles a software renderer draws.
  float spineError = 0.0001f;
  float legError = 0.0004f;
  float skinError = 0.0015f;
  float tubeError = 0.0001f;  // roots and nerves are 1–6 mm thick
  bool legs = true;           // pelvis, leg bones and skin
};

// Material indices the builder creates, in this order.
enum class AnatomyMaterial { Bone, Annulus, Nucleus, Ligament, Dura, Cord, Nerve, Skin };

io::Scene buildAnatomy(const core::SpineLayout& layout,
                       const std::vector<core::SkinRegion>& regions,
                       const AnatomyOptions& options = {});

}  // namespace radicula::meshgen
