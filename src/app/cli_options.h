// The command line of `radicula` (docs/contracts.md). Parsing never exits: it returns either the
// options or one error line (with a "did you mean" for near misses), and main decides.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace radicula::app {

enum class Command { View, Report, Lookup, Screenshot, Benchmark, Help, Version };

struct CliOptions {
  Command command = Command::View;
  std::optional<std::filesystem::path> scenario;  // --scenario F, or a positional .json
  std::optional<std::filesystem::path> mri;       // --mri F, or a positional .txt: an MRI report
  std::optional<std::filesystem::path> saveScenario;  // --save-scenario OUT.json
  std::optional<std::filesystem::path> symptoms;      // --symptoms F: rank what explains them
  std::optional<std::filesystem::path> model;         // a positional model file
  std::filesystem::path screenshot;                   // --screenshot OUT.png
  std::string view;                                   // side | posterior | axial | foramen | …
  std::string format = "json";                        // --format json | text
  std::string language = "en";                        // --lang en | es
  std::string mode = "patient";                       // --mode patient | student
  bool languageGiven = false;                         // --lang was on the command line
  bool modeGiven = false;
  bool interface = true;  // --no-ui: screenshot the 3D view alone
  int width = 1280;
  int height = 720;
  bool sizeGiven = false;     // --size was on the command line (the viewer's window size too)
  int frames = 240;           // --frames N for --benchmark
  int samples = -1;           // --msaa N; -1: 4 on a GPU, none on a software renderer
  std::optional<int> quiz;    // --quiz SEED: start with that "test yourself" question
  std::optional<int> answer;  // --answer N: and answer it with option N (1 = the first)
};

struct CliResult {
  std::optional<CliOptions> options;
  std::string error;  // one line, without the program name
};

CliResult parseCommandLine(const std::vector<std::string>& args);

std::string usageText();

// The option in `known` closest to `typed` (edit distance), or "" if none is near.
std::string nearestOption(const std::string& typed, const std::vector<std::string>& known);

}  // namespace radicula::app
