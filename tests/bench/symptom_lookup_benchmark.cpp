// Benchmark, not a test: how long ranking a symptom pattern takes (the window ranks again on
// every click on the body; budget 10 ms).
//
//   bench_symptom_lookup [iterations]     prints mean, median and worst in microseconds
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/symptom_lookup.h"

using namespace radicula::core;

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 500;
  const auto engine = ClinicalEngine::loadDefault();
  const auto start = std::chrono::steady_clock::now();
  const SymptomLookup lookup(*engine);
  const double setupMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // A full sciatica pattern: five regions, four weak movements, a strong one, two reflexes.
  SymptomPattern p;
  for (const char* r : {"dorsum_foot", "great_toe", "lateral_leg", "sole", "lateral_foot"}) {
    p.regions.push_back({r, Side::Left});
  }
  for (const char* w :
       {"great_toe_extension", "ankle_dorsiflexion", "hip_abduction", "ankle_plantarflexion"}) {
    p.weakness.push_back({w, Side::Left});
  }
  p.normalStrength.push_back({"knee_extension", Side::Left});
  p.reflexes.push_back({"achilles", Side::Left, "reduced"});
  p.reflexes.push_back({"patellar", Side::Left, "normal"});

  std::size_t sink = 0;
  std::vector<double> micros;
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const Lookup l = lookup.rank(p);
    const auto t1 = std::chrono::steady_clock::now();
    sink += l.candidates.size();
    micros.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(micros.begin(), micros.end());
  double sum = 0.0;
  for (double m : micros) sum += m;
  std::printf(
      "rank a symptom pattern: mean %.1f us, median %.1f us, worst %.1f us over %d runs "
      "(budget 10000 us); predictions built once in %.1f ms [%zu]\n",
      sum / static_cast<double>(micros.size()), micros[micros.size() / 2], micros.back(),
      iterations, setupMs, sink % 10);
  return micros[micros.size() / 2] < 10000.0 ? 0 : 1;
}
