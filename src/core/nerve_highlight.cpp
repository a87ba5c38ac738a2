#include "core/nerve_highlight.h"

#include <algorithm>
#include <map>
#include <set>

namespace radicula::core {

namespace {

const TubePath* layoutTube(const SpineLayout& layout, const std::string& tube, Side side) {
  if (tube.rfind("root.", 0) == 0) {
    if (const auto root = parseRoot(tube.substr(5))) return &layout.root(*root, side);
    return nullptr;
  }
  if (tube == "cord") return &layout.cord();
  if (tube == "dura") return &layout.duralSac();
  const auto& nerves = layout.nerves();
  const auto it = nerves.find(tube);
  return it == nerves.end() ? nullptr : &it->second[SpineLayout::sideIndex(side)];
}

}  // namespace

std::string tubeNode(const std::string& tube, Side side) {
  if (tube.empty()) return "";
  if (tube == "cord" || tube == "dura") return tube;
  const std::string sideName(toString(side));
  if (tube.rfind("root.", 0) == 0 || tube.rfind("plexus.", 0) == 0) return tube + "." + sideName;
  return "nerve." + tube + "." + sideName;
}

std::vector<NerveHighlight> nerveHighlights(const Findings& findings,
                                            const ClinicalEngine& engine) {
  const NerveGraph& graph = engine.graph();
  const auto& segments = graph.segments();
  std::vector<std::vector<int>> children(segments.size());
  for (int i = 0; i < static_cast<int>(segments.size()); ++i) {
    for (int p : segments[i].parents) children[p].push_back(i);
  }
  const std::vector<PathologyShape> shapes = engine.shapes(findings.pathologies);

  // Strongest glow per node; a pressed segment keeps its compression point.
  std::map<std::string, NerveHighlight> byNode;
  const auto light = [&](const NerveHighlight& h) {
    auto [it, inserted] = byNode.emplace(h.node, h);
    if (inserted) return;
    NerveHighlight& old = it->second;
    old.intensity = std::max(old.intensity, h.intensity);
    if (h.pressed && (!old.pressed || h.fromArc < old.fromArc)) {
      old.pressed = true;
      old.fromArc = h.fromArc;
    } else if (!h.pressed) {
      old.fromArc = std::min(old.fromArc, h.fromArc);
      old.pressed = old.pressed && old.fromArc > 0.0f;
    }
  };

  const auto spread = [&](int segment, Side side, float intensity, const std::vector<int>& causes,
                          const std::set<Root>& fibres) {
    const NerveSegment& pressedSegment = segments[segment];
    NerveHighlight pressed;
    pressed.node = tubeNode(pressedSegment.tube, side);
    pressed.side = side;
    pressed.intensity = intensity;
    pressed.pressed = true;
    if (const TubePath* path = layoutTube(engine.layout(), pressedSegment.tube, side);
        path != nullptr && !causes.empty() && causes.front() >= 0 &&
        causes.front() < static_cast<int>(shapes.size())) {
      const Aabb& b = shapes[causes.front()].bounds();
      // Glow starts a little above the point nearest the lesion, so the pressed spot is lit.
      pressed.fromArc = std::max(0.0f, path->closestArc(0.5f * (b.lo + b.hi)) - 0.01f);
    }
    if (!pressed.node.empty()) light(pressed);

    // Downstream: every segment below that carries some of these fibres glows whole.
    std::vector<int> stack = children[segment];
    std::set<int> seen;
    while (!stack.empty()) {
      const int s = stack.back();
      stack.pop_back();
      if (!seen.insert(s).second) continue;
      const auto& f = segments[s].fibres;
      const bool carries =
          std::any_of(f.begin(), f.end(), [&](Root r) { return fibres.count(r) > 0; });
      if (!carries) continue;
      NerveHighlight h;
      h.node = tubeNode(segments[s].tube, side);
      h.side = side;
      h.intensity = intensity;
      if (!h.node.empty()) light(h);
      for (int c : children[s]) stack.push_back(c);
    }
  };

  for (const RootFinding& r : findings.roots) {
    if (!r.affected) continue;
    spread(graph.rootSegment(r.root), r.side, r.compression, r.causes, {r.root});
  }
  for (const NerveFinding& n : findings.nerves) {
    if (!n.affected) continue;
    const auto segment = graph.segmentIndex(n.segment);
    if (!segment) continue;
    const auto& f = segments[*segment].fibres;
    spread(*segment, n.side, n.compression, n.causes, std::set<Root>(f.begin(), f.end()));
  }

  std::vector<NerveHighlight> out;
  for (auto& [node, h] : byNode) out.push_back(h);
  return out;
}

}  // namespace radicula::core
