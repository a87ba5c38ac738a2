#include "core/preset_library.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/content_error.h"
#include "core/data_paths.h"

namespace radicula::core {

namespace {

std::string requireString(const nlohmann::json& j, const char* key, const std::string& file,
                          const std::string& path) {
  if (!j.contains(key) || !j[key].is_string()) {
    throw ContentError(file, path + "/" + key, "expected a text value");
  }
  return j[key].get<std::string>();
}

}  // namespace

PresetLibrary PresetLibrary::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ContentError(file.string(), "", "cannot be read");
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw ContentError(file.string(), "", std::string("not valid JSON: ") + e.what());
  }
  if (!root.contains("presets") || !root["presets"].is_array()) {
    throw ContentError(file.string(), "/presets", "expected a list of presets");
  }
  PresetLibrary library;
  const std::string name = file.string();
  for (std::size_t i = 0; i < root["presets"].size(); ++i) {
    const auto& p = root["presets"][i];
    const std::string path = "/presets/" + std::to_string(i);
    Preset preset;
    preset.id = requireString(p, "id", name, path);
    preset.source = requireString(p, "source", name, path);
    preset.view = requireString(p, "view", name, path);
    if (!p.contains("name") || !p["name"].is_object()) {
      throw ContentError(name, path + "/name", "expected {\"en\": …, \"es\": …}");
    }
    preset.nameEn = requireString(p["name"], "en", name, path + "/name");
    preset.nameEs = requireString(p["name"], "es", name, path + "/name");
    if (p.contains("focus")) {
      const auto level = parseDiscLevel(requireString(p["focus"], "level", name, path + "/focus"));
      const auto side = parseSide(requireString(p["focus"], "side", name, path + "/focus"));
      if (!level || !side)
        throw ContentError(name, path + "/focus", "expected a disc level and left or right");
      preset.focusLevel = *level;
      preset.focusSide = *side;
    }
    // The lesions are checked exactly like a scenario file; errors keep this file's path.
    nlohmann::json scenario = {{"format", std::string(kScenarioFormat)},
                               {"pathologies", p["pathologies"]}};
    try {
      preset.scenario = Scenario::parse(scenario.dump(), name);
    } catch (const ContentError& e) {
      throw ContentError(name, path + e.jsonPath(), e.problem());
    }
    library.presets_.push_back(std::move(preset));
  }
  return library;
}

PresetLibrary PresetLibrary::loadDefault() {
  return load(contentDir() / "presets.json");
}

const Preset* PresetLibrary::find(std::string_view id) const {
  for (const auto& p : presets_) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

}  // namespace radicula::core
