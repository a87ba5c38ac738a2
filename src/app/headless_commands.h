// The commands that run without showing a window: --screenshot renders one frame offscreen to
// a PNG, --benchmark orbits the scene and prints frame-time statistics as JSON.
#pragma once

#include <iosfwd>

#include "app/cli_options.h"

namespace radicula::app {

// Both return the process exit status (0 ok, 1 no usable OpenGL, 2 bad input) and print one
// line to `err` on failure.
int runScreenshot(const CliOptions& options, std::ostream& out, std::ostream& err);
int runBenchmark(const CliOptions& options, std::ostream& out, std::ostream& err);
// --save-scenario without --report or --screenshot: write the scenario read from --scenario or
// --mri, no window.
int runSaveScenario(const CliOptions& options, std::ostream& out, std::ostream& err);

}  // namespace radicula::app
