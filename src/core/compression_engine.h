// *Compression* of a nerve segment is how far lesion solids intrude into the segment's tube, as
// a fraction of the tube's radius where they intrude most: 0 when nothing touches it, 1 when a
// solid reaches the nerve's centre line (docs/clinical-basis.md, "One model, two uses"). It is
// measured on the very tubes the SpineLayout gives the renderer, with the very solids
// PathologyShape gives meshgen.
#pragma once

#include <vector>

#include "core/nerve_graph.h"
#include "core/pathology_shape.h"
#include "core/spine_layout.h"

namespace radicula::core {

// A segment compressed this much is *affected*: it glows, its regions light, its movements
// weaken. 0.2 is the documented default; the lesion shapes are calibrated with it against the
// severity table of docs/clinical-basis.md §2 (touching at severity 0.2, affected from 0.35),
// so change both together.
inline constexpr float kAffectedThreshold = 0.2f;

struct SegmentCompression {
  int segment = 0;  // index into NerveGraph::segments()
  Side side = Side::Left;
  float compression = 0.0f;    // the worst of all causes, 0..1
  std::vector<int> causes;     // indices of the pathologies that touch it (compression > 0)
  std::vector<float> byCause;  // their compression, same order
  bool affected() const { return compression >= kAffectedThreshold; }
};

class CompressionEngine {
 public:
  // Collects the tube of every graph segment that has one, on both sides, and the bounding
  // boxes of short runs of tube points so a lesion is only measured where it could reach.
  CompressionEngine(const SpineLayout& layout, const NerveGraph& graph);

  // Compression of one segment's tube by one solid, 0..1.
  float measure(int segment, Side side, const PathologyShape& shape) const;

  // Every segment touched by any shape (compression > 0), in graph order, left before right.
  std::vector<SegmentCompression> analyse(const std::vector<PathologyShape>& shapes) const;

 private:
  struct Chunk {
    Aabb bounds;  // of the points and their radii
    std::size_t first = 0;
    std::size_t last = 0;  // one past
  };
  struct Tube {
    int segment = -1;
    Side side = Side::Left;
    const TubePath* path = nullptr;
    Aabb bounds;
    std::vector<Chunk> chunks;
  };

  float measure(const Tube& tube, const PathologyShape& shape) const;

  std::vector<Tube> tubes_;
  std::vector<std::array<int, 2>> tubeOfSegment_;  // -1 where the segment has no tube
};

}  // namespace radicula::core
