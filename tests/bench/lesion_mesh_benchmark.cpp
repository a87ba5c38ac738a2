// Benchmark, not a test: how long meshing the lesions takes, as the viewer does on every
// severity change (meshgen::meshLesion on each solid of the ten-lesion scenario). A slider drag
// re-meshes the lesion being dragged every frame, so one lesion must mesh well inside a frame.
//
//   bench_lesion_mesh [iterations]     prints per-lesion and whole-scenario times in ms
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/ten_lesions.h"
#include "core/findings.h"
#include "meshgen/lesion_mesher.h"

using namespace radicula;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double percentile95(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, v.size() * 95 / 100)];
}

}  // namespace

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  const auto engine = core::ClinicalEngine::loadDefault();
  const std::vector<core::Pathology> lesions = bench::tenLesions();
  const std::vector<core::PathologyShape> shapes = engine->shapes(lesions);

  std::vector<double> perLesion, perScenario;
  std::vector<std::vector<double>> byLesion(shapes.size());
  std::size_t triangles = 0;
  for (int i = 0; i < iterations; ++i) {
    double scenario = 0.0;
    triangles = 0;
    for (std::size_t k = 0; k < shapes.size(); ++k) {
      const auto start = std::chrono::steady_clock::now();
      const io::MeshData mesh = meshgen::meshLesion(shapes[k]);
      const auto stop = std::chrono::steady_clock::now();
      const double ms = std::chrono::duration<double, std::milli>(stop - start).count();
      triangles += mesh.triangleCount();
      perLesion.push_back(ms);
      byLesion[k].push_back(ms);
      scenario += ms;
    }
    perScenario.push_back(scenario);
  }
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const core::Pathology& p = lesions[k];
    const bool spinal =
        p.type != core::PathologyType::Piriformis && p.type != core::PathologyType::FibularHead;
    std::string what =
        std::string(core::toString(p.type)) + " " + std::string(core::toString(p.side));
    if (spinal) {
      what +=
          " " + std::string(core::toString(p.level)) + " " + std::string(core::toString(p.zone));
    }
    std::printf("  %-40s median %6.2f ms\n", what.c_str(), median(byLesion[k]));
  }
  std::printf(
      "mesh one lesion: median %.2f ms, p95 %.2f ms, worst %.2f ms; all %zu lesions: median "
      "%.1f ms (%zu triangles) over %d runs\n",
      median(perLesion), percentile95(perLesion),
      *std::max_element(perLesion.begin(), perLesion.end()), shapes.size(), median(perScenario),
      triangles, iterations);
  return 0;
}
