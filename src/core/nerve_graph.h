// The *nerve graph* (docs/clinical-basis.md §4): segments from roots through the plexus, trunks and
// branches to cutaneous nerves and muscles, each carrying the fibres of given roots. A compressed
// segment affects exactly the fibres passing through it, so a skin region or a movement is affected
// when a segment on its way (its `via` segment or an ancestor) carrying some of its roots is
// compressed. The same rule serves a root in the canal, the sciatic at the piriformis and the
// common fibular nerve at the fibular head. Loaded from content/nerves.json.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/anatomy_ids.h"
#include "core/region_table.h"

namespace radicula::core {

enum class SegmentKind { Root, Cord, Plexus, Trunk, Branch, Cutaneous, Muscular };

struct NerveSegment {
  std::string id;  // "root.L5", "nerve.sciatic", "conus"
  SegmentKind kind = SegmentKind::Root;
  std::vector<Root> fibres;  // roots whose fibres pass here
  std::vector<int> parents;  // proximal segments (indices)
  std::string tube;          // layout tube ("root.L5", "cord", "sciatic"), empty if not modelled
  std::optional<Root> root;  // set for root segments
};

// Something the fibres reach: a skin region, a movement (its muscles) or a reflex.
struct NerveTarget {
  std::string id;
  std::vector<Root> roots;     // dermatome, myotome or reflex roots
  std::vector<int> via;        // the segments that reach it
  std::string nerve;           // readable name of the nerve(s), for student mode
  std::vector<int> ancestors;  // every segment on the way: via and their ancestors
};

class NerveGraph {
 public:
  // Reads content/nerves.json and takes each region's dermatome from `regions` (regions.json).
  // Throws ContentError naming the file and JSON path on a bad entry, an unknown segment,
  // root or region, or a region with no way in.
  static NerveGraph load(const std::filesystem::path& file, const std::vector<SkinRegion>& regions);
  // The shipped tables from contentDir().
  static NerveGraph loadDefault();

  const std::vector<NerveSegment>& segments() const { return segments_; }
  const std::vector<NerveTarget>& regions() const { return regions_; }  // regions.json order
  const std::vector<NerveTarget>& movements() const { return movements_; }
  const std::vector<NerveTarget>& reflexes() const { return reflexes_; }
  const std::vector<SkinRegion>& regionTable() const { return regionTable_; }

  std::optional<int> segmentIndex(std::string_view id) const;
  int rootSegment(Root r) const { return rootSegments_[index(r)]; }

  // Whether a compressed `segment` reaches `target`: it lies on the target's way and carries
  // some of the target's roots.
  bool reaches(int segment, const NerveTarget& target) const;

 private:
  std::vector<NerveSegment> segments_;
  std::vector<NerveTarget> regions_;
  std::vector<NerveTarget> movements_;
  std::vector<NerveTarget> reflexes_;
  std::vector<SkinRegion> regionTable_;
  std::array<int, 10> rootSegments_{};
};

}  // namespace radicula::core
