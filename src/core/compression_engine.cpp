#include "core/compression_engine.h"

#include <algorithm>

namespace radicula::core {

namespace {

constexpr std::size_t kChunkPoints = 12;  // ~12 mm of root per box: tight yet few boxes

const TubePath* tubeFor(const SpineLayout& layout, const NerveSegment& segment, Side side) {
  if (segment.tube.empty()) return nullptr;
  if (segment.root) return &layout.root(*segment.root, side);
  if (segment.tube == "cord") return &layout.cord();
  const auto& nerves = layout.nerves();
  const auto it = nerves.find(segment.tube);
  if (it == nerves.end()) return nullptr;
  return &it->second[SpineLayout::sideIndex(side)];
}

}  // namespace

CompressionEngine::CompressionEngine(const SpineLayout& layout, const NerveGraph& graph) {
  const auto& segments = graph.segments();
  tubeOfSegment_.assign(segments.size(), {-1, -1});
  for (std::size_t s = 0; s < segments.size(); ++s) {
    for (Side side : kSides) {
      const TubePath* path = tubeFor(layout, segments[s], side);
      if (path == nullptr || path->points.empty()) continue;
      Tube tube;
      tube.segment = static_cast<int>(s);
      tube.side = side;
      tube.path = path;
      const auto& pts = path->points;
      for (std::size_t first = 0; first < pts.size(); first += kChunkPoints) {
        Chunk chunk;
        chunk.first = first;
        chunk.last = std::min(pts.size(), first + kChunkPoints + 1);
        for (std::size_t i = chunk.first; i < chunk.last; ++i) {
          chunk.bounds.add(pts[i].position - glm::vec3(pts[i].radius));
          chunk.bounds.add(pts[i].position + glm::vec3(pts[i].radius));
        }
        tube.bounds.add(chunk.bounds);
        tube.chunks.push_back(chunk);
      }
      tubeOfSegment_[s][SpineLayout::sideIndex(side)] = static_cast<int>(tubes_.size());
      tubes_.push_back(std::move(tube));
    }
  }
}

float CompressionEngine::measure(const Tube& tube, const PathologyShape& shape) const {
  const Aabb& lesion = shape.bounds();
  if (lesion.empty() || !lesion.overlaps(tube.bounds)) return 0.0f;
  float worst = 0.0f;
  const auto& pts = tube.path->points;
  for (const Chunk& chunk : tube.chunks) {
    if (!lesion.overlaps(chunk.bounds)) continue;
    for (std::size_t i = chunk.first; i < chunk.last; ++i) {
      const float r = pts[i].radius;
      if (r <= 0.0f) continue;
      const float d = shape.signedDistance(pts[i].position);
      if (d >= r) continue;
      worst = std::max(worst, std::clamp((r - d) / r, 0.0f, 1.0f));
      if (worst >= 1.0f) return 1.0f;
    }
  }
  return worst;
}

float CompressionEngine::measure(int segment, Side side, const PathologyShape& shape) const {
  if (segment < 0 || segment >= static_cast<int>(tubeOfSegment_.size())) return 0.0f;
  const int t = tubeOfSegment_[segment][SpineLayout::sideIndex(side)];
  return t < 0 ? 0.0f : measure(tubes_[t], shape);
}

std::vector<SegmentCompression> CompressionEngine::analyse(
    const std::vector<PathologyShape>& shapes) const {
  std::vector<SegmentCompression> out;
  for (const Tube& tube : tubes_) {
    SegmentCompression sc;
    sc.segment = tube.segment;
    sc.side = tube.side;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      const float c = measure(tube, shapes[i]);
      if (c <= 0.0f) continue;
      sc.causes.push_back(static_cast<int>(i));
      sc.byCause.push_back(c);
      sc.compression = std::max(sc.compression, c);
    }
    if (!sc.causes.empty()) out.push_back(std::move(sc));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SegmentCompression& a, const SegmentCompression& b) {
                     return a.segment != b.segment ? a.segment < b.segment : a.side < b.side;
                   });
  return out;
}

}  // namespace radicula::core
