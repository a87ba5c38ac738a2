// One shared layout, nerve graph and engine for the core tests: built once from the shipped
// content, read-only afterwards.
#pragma once

#include <set>
#include <string>
#include <utility>

#include "core/compression_engine.h"
#include "core/data_paths.h"
#include "core/morphometry.h"
#include "core/nerve_graph.h"
#include "core/pathology_shape.h"
#include "core/spine_layout.h"

namespace radicula::test {

struct EngineFixture {
  core::Morphometry morphometry;
  core::SpineLayout layout;
  core::NerveGraph graph;
  core::CompressionEngine engine;

  EngineFixture()
      : morphometry(core::Morphometry::load(core::contentDir() / "morphometry.json")),
        layout(morphometry),
        graph(core::NerveGraph::loadDefault()),
        engine(layout, graph) {}

  static const EngineFixture& get() {
    static const EngineFixture fixture;
    return fixture;
  }

  // Affected roots as "L5.left" strings, for readable test failures.
  std::set<std::string> affectedRoots(const std::vector<core::Pathology>& pathologies) const {
    std::vector<core::PathologyShape> shapes;
    for (const auto& p : pathologies) shapes.push_back(core::PathologyShape::build(p, layout));
    std::set<std::string> out;
    for (const auto& sc : engine.analyse(shapes)) {
      const auto& seg = graph.segments()[sc.segment];
      if (seg.root && sc.affected()) {
        out.insert(std::string(core::toString(*seg.root)) + "." +
                   std::string(core::toString(sc.side)));
      }
    }
    return out;
  }

  float rootCompression(const core::Pathology& p, core::Root root, core::Side side) const {
    const auto shape = core::PathologyShape::build(p, layout);
    return engine.measure(graph.rootSegment(root), side, shape);
  }
};

}  // namespace radicula::test
