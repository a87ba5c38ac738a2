// Benchmark, not a test: how long the clinical engine takes to analyse a 10-lesion scenario
// (lesion solids, geometric compression of every nerve tube, findings along the fibres).
// A slider drag re-analyses on every frame, so this must stay under 1 ms.
//
//   bench_analyse [iterations]     prints mean, median and worst in microseconds
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bench/ten_lesions.h"
#include "core/findings.h"

using namespace radicula::core;

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2000;
  const auto engine = ClinicalEngine::loadDefault();
  const std::vector<Pathology> lesions = radicula::bench::tenLesions();

  std::size_t sink = 0;  // keeps the optimiser from dropping the work
  for (int i = 0; i < 50; ++i) sink += engine->analyse(lesions).regions.size();  // warm-up

  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(iterations));
  for (int i = 0; i < iterations; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const Findings f = engine->analyse(lesions);
    const auto stop = std::chrono::steady_clock::now();
    sink += f.roots.size();
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  std::sort(micros.begin(), micros.end());
  double sum = 0.0;
  for (double m : micros) sum += m;
  const double mean = sum / static_cast<double>(micros.size());
  const double median = micros[micros.size() / 2];
  std::printf(
      "analyse 10-lesion scenario: mean %.1f us, median %.1f us, worst %.1f us over %d runs "
      "(budget 1000 us) [%zu]\n",
      mean, median, micros.back(), iterations, sink % 10);
  return median < 1000.0 ? 0 : 1;
}
