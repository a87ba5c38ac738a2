// A *fuzz input* is any byte string handed to one of Radicula's readers of untrusted files: the
// scenario parser, the content tables, glTF import (tinygltf) and the other model formats
// (Assimp). Each feed function below reads one input the way the app would and returns when
// the reader either succeeds or refuses the input with its documented error (ContentError,
// ModelError). Anything else (another exception, a crash, a sanitizer report, a hang) is a
// bug. The libFuzzer targets in fuzz/ and the regression test tests/io/fuzz_regressions_test.cpp
// share these functions, so a saved crash input replays exactly as it was found.
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

#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/morphometry.h"
#include "core/mri_report.h"
#include "core/nerve_graph.h"
#include "core/region_table.h"
#include "core/scenario.h"
#include "core/scene_link.h"
#include "core/symptom_lookup.h"
#include "core/text_catalog.h"
#include "io/model_loader.h"

namespace radicula::fuzz {

// The loaders take file paths, so inputs go through a private scratch folder.
inline std::filesystem::path scratchFile(const std::string& name) {
  static const std::filesystem::path dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("radicula-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir / name;
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

// A model read through Assimp. The first byte picks the extension (O .obj, S .stl, P .ply;
// any other byte by its value modulo 3), the rest is the file.
inline void feedAssimp(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  static const char* const kExtensions[] = {".obj", ".stl", ".ply"};
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
    default:
      which = data[0] % 3;
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
    const std::string saved = s.toJson().dump();
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
  return nullptr;
}

}  // namespace radicula::fuzz
