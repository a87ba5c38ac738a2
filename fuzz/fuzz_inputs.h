// A *fuzz input* is any byte string handed to one of Radicula's readers of untrusted input: the
// scenario parser, the content tables, glTF import (tinygltf), the other model formats
// (Assimp), MRI report text, symptom files, scene links, the settings file and the command
// line. Each feed function below reads one input the way the app would and returns when the
// reader either succeeds or refuses the input with its documented error (ContentError,
// ModelError, a warning, an error line). Anything else (another exception, a crash, a
// sanitizer report, a hang) is a bug. The libFuzzer targets in fuzz/ and the regression test
// tests/io/fuzz_regressions_test.cpp share these functions, so a saved crash input replays exactly
// as it was found.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli_options.h"
#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/morphometry.h"
#include "core/mri_report.h"
#include "core/nerve_graph.h"
#include "core/region_table.h"
#include "core/report_command.h"
#include "core/scenario.h"
#include "core/scene_link.h"
#include "core/settings.h"
#include "core/symptom_lookup.h"
#include "core/text_catalog.h"
#include "core/utf8_text.h"
#include "io/model_loader.h"

namespace radicula::fuzz {

// The loaders take file paths, so inputs go through a private scratch folder, removed when the
// process ends normally.
inline std::filesystem::path scratchFile(const std::string& name) {
  struct Folder {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("radicula-fuzz-" + std::to_string(::getpid()));
    Folder() { std::filesystem::create_directories(path); }
    ~Folder() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Folder dir;
  return dir.path / name;
}

inline std::filesystem::path writeScratch(const std::string& name, const std::uint8_t* data,
                                          std::size_t size) {
  const auto file = scratchFile(name);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return file;
}

// Scenario text. A scenario that parses must also survive a save and re-load unchanged, or the
// user could save a file the app then refuses.
inline void feedScenario(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  core::Scenario scenario;
  try {
    scenario = core::Scenario::parse(text, "fuzz.json");
  } catch (const core::ContentError&) {
    return;
  }
  const std::string saved = scenario.toJson().dump(2);
  core::Scenario again;
  try {
    again = core::Scenario::parse(saved, "resaved.json");
  } catch (const core::ContentError& e) {
    throw std::logic_error(std::string("a parsed scenario does not re-load after saving: ") +
                           e.what());
  }
  if (again.toJson().dump(2) != saved) {
    throw std::logic_error("a saved scenario changes when loaded and saved again");
  }
}

// A content table. The first byte picks the reader (T text catalog, R region table,
// M morphometry, N nerve graph; any other byte by its value modulo 4), the rest is the file.
inline void feedContent(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  int which = 0;
  switch (data[0]) {
    case 'T':
      which = 0;
      break;
    case 'R':
      which = 1;
      break;
    case 'M':
      which = 2;
      break;
    case 'N':
      which = 3;
      break;
    default:
      which = data[0] % 4;
  }
  const auto file = writeScratch("content.json", data + 1, size - 1);
  try {
    switch (which) {
      case 0:
        core::TextCatalog::load(file, "xx");
        break;
      case 1:
        core::RegionTable::load(file);
        break;
      case 2:
        core::Morphometry::load(file);
        break;
      default: {
        // The nerve graph takes each region's dermatome from the shipped region table.
        static const std::vector<core::SkinRegion> regions =
            core::RegionTable::load(core::contentDir() / "regions.json");
        core::NerveGraph::load(file, regions);
      }
    }
  } catch (const core::ContentError&) {
  }
}

// A glTF model: binary (.glb) when it starts with the glTF magic, JSON (.gltf) otherwise.
inline void feedGltf(const std::uint8_t* data, std::size_t size) {
  const bool binary = size >= 4 && std::string_view(reinterpret_cast<const char*>(data), 4) ==
                                       std::string_view("glTF", 4);
  const auto file = writeScratch(binary ? "model.glb" : "model.gltf", data, size);
  try {
    io::loadModel(file);
  } catch (const io::ModelError&) {
  }
}

// A model read through Assimp. The first byte picks the extension (O .obj, S .stl, P .ply,
// F .off; any other byte by its value modulo 4), the rest is the file.
inline void feedAssimp(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  static const char* const kExtensions[] = {".obj", ".stl", ".ply", ".off"};
  int which = 0;
  switch (data[0]) {
    case 'O':
      which = 0;
      break;
    case 'S':
      which = 1;
      break;
    case 'P':
      which = 2;
      break;
    case 'F':
      which = 3;
      break;
    default:
      which = data[0] % 4;
  }
  const auto file = writeScratch(std::string("model") + kExtensions[which], data + 1, size - 1);
  try {
    io::loadModel(file);
  } catch (const io::ModelError&) {
  }
}

// MRI report text: any bytes must read without throwing or crashing, and every lesion the
// reader makes, or lists as uncertain, must be a valid scenario entry (it survives a save and
// re-load).
inline void feedMri(const std::uint8_t* data, std::size_t size) {
  static const core::MriSeverityTable table = core::MriSeverityTable::loadDefault();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::MriReading reading = core::readMriReport(text, table);
  for (const auto& statement : reading.statements) {
    if (statement.pathology < 0 ||
        statement.pathology >= static_cast<int>(reading.scenario.pathologies.size()) ||
        statement.span.end > text.size() || statement.span.start > statement.span.end) {
      std::abort();
    }
  }
  core::Scenario uncertain;
  for (const auto& u : reading.unused) {
    if (u.span.end > text.size() || u.span.start > u.span.end) std::abort();
    for (const auto& p : u.lesions) {
      if (uncertain.pathologies.size() < core::kMaxPathologies) uncertain.pathologies.push_back(p);
    }
  }
  const auto survivesSaving = [](const core::Scenario& s) {
    const std::string saved = core::jsonText(s.toJson());
    return core::Scenario::parse(saved, "mri.json").pathologies.size() == s.pathologies.size();
  };
  if (!survivesSaving(reading.scenario) || !survivesSaving(uncertain)) std::abort();
}

// A symptom file: parsed against the shipped nerve graph, ranked if it parses.
inline void feedSymptoms(const std::uint8_t* data, std::size_t size) {
  static const auto engine = core::ClinicalEngine::loadDefault();
  static const core::SymptomLookup lookup(*engine);
  try {
    const auto pattern = core::SymptomPattern::parse(
        std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json", engine->graph());
    (void)lookup.rank(pattern);
  } catch (const core::ContentError&) {
  }
}

// A web page's link fragment: any bytes are read or refused with a ContentError, and a link
// the app writes for what was read reads back to the same lesions.
inline void feedLink(const std::uint8_t* data, std::size_t size) {
  core::Scenario scenario;
  try {
    scenario = core::parseSceneLink(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const core::ContentError&) {
    return;
  }
  const core::AppState state = core::AppState::fromScenario(scenario);
  if (core::parseSceneLink(core::sceneLink(state)).pathologies.size() !=
      state.scenario.pathologies.size()) {
    std::abort();
  }
}

// A settings file: never an error, at most one line of warning naming the file; what it
// keeps saves and reads back the same, without a warning.
inline void feedSettings(const std::uint8_t* data, std::size_t size) {
  const auto file = writeScratch("settings.json", data, size);
  const core::LoadedSettings loaded = core::loadSettings(file);
  if (loaded.warning.find('\n') != std::string::npos || !core::isWellFormedUtf8(loaded.warning)) {
    throw std::logic_error("a settings warning is not one line of UTF-8: " + loaded.warning);
  }
  const auto again = scratchFile("settings_again.json");
  if (const std::string problem = core::saveSettings(loaded.settings, again); !problem.empty()) {
    throw std::logic_error("settings read could not be saved: " + problem);
  }
  const core::LoadedSettings reread = core::loadSettings(again);
  if (!reread.warning.empty() || !(reread.settings == loaded.settings)) {
    throw std::logic_error("saved settings read back differently: " + reread.warning);
  }
}

// A command line: the arguments are the input split at its zero bytes. Parsing gives options
// or one line of valid UTF-8. `--mri NAME --save-scenario OUT` is then run as the app runs it
// (a short report saved under NAME's file name in the scratch folder): whatever bytes NAME
// holds, the scenario is written as valid JSON or refused with a ContentError, and no
// temporary file is left behind.
inline void feedCli(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args(1);
  for (std::size_t i = 0; i < size && args.size() <= 64; ++i) {
    if (data[i] == 0) {
      args.emplace_back();
    } else {
      args.back() += static_cast<char>(data[i]);
    }
  }
  const app::CliResult parsed = app::parseCommandLine(args);
  if (!parsed.options) {
    if (parsed.error.empty() || parsed.error.find('\n') != std::string::npos ||
        !core::isWellFormedUtf8(parsed.error)) {
      throw std::logic_error("a command line error is not one line of UTF-8: " + parsed.error);
    }
    return;
  }
  const app::CliOptions& o = *parsed.options;
  if (!o.mri || !o.saveScenario) return;
  const std::string name = o.mri->filename().string();
  if (name.empty() || name == "." || name == ".." || name.size() > 200) return;
  const auto dir = scratchFile("cli");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << "L4-L5: left paracentral disc extrusion compressing the left L5 "
                               "nerve root.\n";
  const auto out = dir / "out.json";
  try {
    core::loadScenarioInput(std::nullopt, dir / name).scenario.save(out);
    core::Scenario::load(out);  // what was written reads back
  } catch (const core::ContentError&) {
  }
  // The folder holds the report and, when it was written, the scenario: nothing else.
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto found = entry.path().filename();
    if (found != name && found != out.filename()) {
      throw std::logic_error("a save left " + found.string() + " behind");
    }
  }
}

// The feed function for a target name (the folder names under fuzz/corpus/ and
// tests/data/fuzz_regressions/), or nullptr.
using Feed = void (*)(const std::uint8_t*, std::size_t);
inline Feed feedFor(std::string_view target) {
  if (target == "scenario") return feedScenario;
  if (target == "content") return feedContent;
  if (target == "gltf") return feedGltf;
  if (target == "assimp") return feedAssimp;
  if (target == "mri") return feedMri;
  if (target == "symptoms") return feedSymptoms;
  if (target == "link") return feedLink;
  if (target == "settings") return feedSettings;
  if (target == "cli") return feedCli;
  return nullptr;
}

}  // namespace radicula::fuzz
