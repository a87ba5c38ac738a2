// A *pathology* is one lesion the user places: a herniated disc, a bone spur, a stenosis, a
// vertebral slip at a disc level, or a peripheral entrapment of the sciatic nerve at the
// piriformis or the common fibular nerve at the fibular head. It is `{type, level, side, zone,
// severity}` (the scenario file, docs/contracts.md); its shape is built by PathologyShape from the
// same layout the user sees, and what it compresses is measured, never looked up.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/anatomy_ids.h"

namespace radicula::core {

enum class PathologyType {
  Herniation,
  Osteophyte,
  Stenosis,
  Spondylolisthesis,
  Piriformis,
  FibularHead
};

// Where in the axial plane a spinal lesion lies (Fardon 2014 zones). Central is behind the
// middle of the disc, paracentral (subarticular) in the lateral recess, foraminal in the
// foramen, extraforaminal beyond it.
enum class Zone { Central, Paracentral, Foraminal, Extraforaminal };

enum class SideSpec { Left, Right, Both };

// Variants within a type that change the shape: the spondylolisthesis kind (degenerative slip
// with facet arthrosis, or isthmic slip through a pars defect).
enum class SlipKind { Degenerative, Isthmic };

// Where an extruded fragment has travelled from its disc (Fardon 2014): up behind the body
// above, where it can reach the root leaving the foramen above, or down behind the body below.
enum class Migration { None, Up, Down };

struct Pathology {
  PathologyType type = PathologyType::Herniation;
  DiscLevel level = DiscLevel::L4L5;  // unused by the peripheral entrapments
  SideSpec side = SideSpec::Left;
  Zone zone = Zone::Paracentral;
  float severity = 0.5f;  // 0..1 (docs/contracts.md, scenario file)
  SlipKind slip = SlipKind::Degenerative;
  Migration migration = Migration::None;  // herniations only
  // Keys this version does not interpret (notes, morphology labels, a future field), kept so a
  // re-save loses nothing.
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();

  bool isSpinal() const {
    return type != PathologyType::Piriformis && type != PathologyType::FibularHead;
  }
  bool onSide(Side s) const {
    return side == SideSpec::Both || (side == SideSpec::Left) == (s == Side::Left);
  }
};

std::string_view toString(PathologyType type);   // "herniation", "osteophyte", …
std::string_view toString(Zone zone);            // "central", "paracentral", …
std::string_view toString(SideSpec side);        // "left", "right", "both"
std::string_view toString(SlipKind kind);        // "degenerative", "isthmic"
std::string_view toString(Migration migration);  // "none", "up", "down"

// Accept the canonical names and the aliases of the scenario file (docs/contracts.md):
// bone_spur, subarticular, lateral_recess, far_lateral, central as a side.
std::optional<PathologyType> parsePathologyType(std::string_view text);
std::optional<Zone> parseZone(std::string_view text);
std::optional<SideSpec> parseSideSpec(std::string_view text);
std::optional<SlipKind> parseSlipKind(std::string_view text);
std::optional<Migration> parseMigration(std::string_view text);

// The morphology a lesion has at its severity, as a content id: herniation bulge → protrusion
// → extrusion → sequestration (Fardon 2014; cut points in docs/contracts.md); osteophyte
// facet_spur, endplate_spur, central_bar; stenosis mild / moderate / severe; spondylolisthesis by
// kind.
std::string_view morphologyId(const Pathology& pathology);

}  // namespace radicula::core
