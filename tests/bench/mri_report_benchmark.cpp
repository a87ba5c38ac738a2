// Benchmark, not a test: how long reading a 5 kB lumbar MRI report takes (the window reads the
// pasted text again on every keystroke, so this must stay well under a frame: budget 5 ms).
//
//   bench_mri_report [iterations]     prints mean, median and worst in microseconds
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/mri_report.h"

using namespace radicula::core;

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 500;
  const MriSeverityTable table = MriSeverityTable::loadDefault();
  // A long report: findings at every level, negations, both languages, repeated to 5 kB.
  const std::string block =
      "FINDINGS:\nL1-L2: No disc herniation or stenosis. Neural foramina are patent.\n"
      "L1-2 through L3-4: No disc herniation, canal stenosis or foraminal narrowing.\n"
      "L4-5: Moderate central canal stenosis secondary to facet hypertrophy and a disc osteophyte "
      "complex; possible small right foraminal protrusion, 4 mm.\n"
      "L2-3: Mild disc bulge without canal stenosis.\n"
      "L3-L4: Disc bulge and facet hypertrophy result in moderate central canal stenosis and mild "
      "bilateral lateral recess narrowing.\n"
      "L4-5: Left paracentral disc extrusion measuring 7 mm, compressing the traversing left L5\n"
      "nerve root, with caudal migration.\n"
      "L5-S1: hernia discal foraminal derecha que comprime la raiz L5 derecha.\n"
      "IMPRESSION:\n1. L4-5 left paracentral extrusion compressing the left L5 root.\n\n";
  std::string report;
  while (report.size() < 5000) report += block;

  std::size_t sink = 0;
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(iterations));
  for (int i = 0; i < iterations; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const MriReading reading = readMriReport(report, table);
    const auto stop = std::chrono::steady_clock::now();
    sink += reading.statements.size();
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  std::sort(micros.begin(), micros.end());
  double sum = 0.0;
  for (double m : micros) sum += m;
  std::printf(
      "read a %zu-byte MRI report: mean %.1f us, median %.1f us, worst %.1f us over %d runs "
      "(budget 5000 us) [%zu]\n",
      report.size(), sum / static_cast<double>(micros.size()), micros[micros.size() / 2],
      micros.back(), iterations, sink % 10);
  return micros[micros.size() / 2] < 5000.0 ? 0 : 1;
}
