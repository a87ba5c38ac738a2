// A *skin region* is a patch of skin on one side of the body served by given dermatome roots
// through a given cutaneous nerve (docs/clinical-basis.md §3). The region table lists them in a
// fixed order; a region's index in it is the number the skin mesh stores in `_REGION_IDS`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/anatomy_ids.h"

namespace radicula::core {

// Body segments the placement of a region refers to. Thigh, leg and foot run proximal to
// distal; the buttock from the iliac crest to the gluteal fold; the perineum has no axis.
enum class BodySegment { Thigh, Leg, Foot, Buttock, Perineum };

std::string_view toString(BodySegment segment);  // "thigh", "leg", "foot", "buttock", "perineum"
std::optional<BodySegment> parseBodySegment(std::string_view text);

// Where a region lies on the limb, to paint it on the skin. A region may span two segments
// (the medial knee runs from 0.85 of the thigh to 0.1 of the leg). `around` is the angle round
// the limb axis seen from above (0 front, 90 lateral, 180 back, 270 medial; foot: 0 top,
// 180 sole), running from aroundFrom to aroundTo increasing and wrapping through 360.
struct RegionPlacement {
  BodySegment fromSegment = BodySegment::Thigh;
  float fromAlong = 0.0f;
  BodySegment toSegment = BodySegment::Thigh;
  float toAlong = 1.0f;
  bool hasAround = false;  // false for the buttock and perineum, placed by their own rule
  float aroundFromDeg = 0.0f;
  float aroundToDeg = 360.0f;
  std::string note;
};

struct SkinRegion {
  std::string id;               // e.g. "dorsum_foot"
  std::string where;            // plain description
  std::vector<Root> dermatome;  // primary root first: lateral_thigh = {L2, L3}
  std::string cutaneousNerve;   // e.g. "superficial fibular"
  RegionPlacement placement;
  std::vector<std::string> sources;  // full citations, resolved from the file's source keys
};

struct RegionTable {
  // Reads content/regions.json. Throws ContentError naming the file and JSON path on a
  // missing or malformed entry, an unknown root or segment, or a duplicate id.
  static std::vector<SkinRegion> load(const std::filesystem::path& file);

  // Index of the region with this id (the `_REGION_IDS` value), if any.
  static std::optional<int> indexOf(const std::vector<SkinRegion>& regions, std::string_view id);
};

}  // namespace radicula::core
