// radicula: the lumbar spine, its nerve roots and the nerves of the legs in 3D.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

#include <iostream>
#include <string>
#include <vector>

#include "app/cli_options.h"
#include "app/exit_status.h"
#include "app/headless_commands.h"
#include "app/viewer_app.h"
#include "core/data_paths.h"
#include "core/report_command.h"
#include "core/symptom_lookup.h"

namespace {

// A software rasteriser (Mesa llvmpipe) allocates and frees its per-frame bins by the
// megabyte; glibc would hand that memory back to the kernel after every frame and fault it in
// again on the next, which cost about a fifth of each frame. Keep it in the heap instead.
void keepFrameMemory() {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace radicula;
  keepFrameMemory();
  core::setExecutablePath(argv[0]);
  const std::vector<std::string> args(argv + 1, argv + argc);
  // Nothing escapes: every command ends in a status and at most one line about what went wrong.
  return app::guarded(std::cerr, [&] {
    const app::CliResult parsed = app::parseCommandLine(args);
    if (!parsed.options) {
      std::cerr << "radicula: " << parsed.error << "\n";
      return app::kExitBadInput;
    }
    const app::CliOptions& options = *parsed.options;
    switch (options.command) {
      case app::Command::Help:
        std::cout << app::usageText();
        return app::kExitOk;
      case app::Command::Version:
        std::cout << "radicula " << RADICULA_VERSION << "\n";
        return app::kExitOk;
      case app::Command::Report:
        return core::runReport(options.scenario, options.mri, options.saveScenario, options.format,
                               std::cout, std::cerr);
      case app::Command::Lookup:
        return core::runSymptomLookup(*options.symptoms, options.format, std::cout, std::cerr);
      case app::Command::Screenshot:
        return app::runScreenshot(options, std::cout, std::cerr);
      case app::Command::Benchmark:
        return app::runBenchmark(options, std::cout, std::cerr);
      case app::Command::View:
        // Converting a report (or re-saving a scenario) needs no window.
        if (options.saveScenario) return app::runSaveScenario(options, std::cout, std::cerr);
        return app::runViewer(options, std::cerr);
    }
    return app::kExitOk;
  });
}
