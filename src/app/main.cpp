// radicula: the lumbar spine, its nerve roots and the nerves of the legs in 3D.
#include <iostream>
#include <string>
#include <vector>

#include "app/cli_options.h"
#include "app/headless_commands.h"
#include "app/viewer_app.h"
#include "core/data_paths.h"
#include "core/report_command.h"

int main(int argc, char** argv) {
  using namespace radicula;
  core::setExecutablePath(argv[0]);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const app::CliResult parsed = app::parseCommandLine(args);
  if (!parsed.options) {
    std::cerr << "radicula: " << parsed.error << "\n";
    return 2;
  }
  const app::CliOptions& options = *parsed.options;
  switch (options.command) {
    case app::Command::Help:
      std::cout << app::usageText();
      return 0;
    case app::Command::Version:
      std::cout << "radicula " << RADICULA_VERSION << "\n";
      return 0;
    case app::Command::Report:
      return core::runReport(*options.scenario, options.format, std::cout, std::cerr);
    case app::Command::Screenshot:
      return app::runScreenshot(options, std::cout, std::cerr);
    case app::Command::Benchmark:
      return app::runBenchmark(options, std::cout, std::cerr);
    case app::Command::View:
      return app::runViewer(options, std::cerr);
  }
  return 0;
}
