#include "core/preset_library.h"

#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/json_reader.h"

namespace radicula::core {

PresetLibrary PresetLibrary::load(const std::filesystem::path& file) {
  const JsonDocument doc = JsonDocument::load(file);
  PresetLibrary library;
  for (const JsonValue& p : doc.root().member("presets").elements("a list of presets")) {
    constexpr const char* kText = "a text value";
    Preset preset;
    preset.id = p.member("id").string(kText);
    preset.source = p.member("source").string(kText);
    preset.view = p.member("view").string(kText);
    const JsonValue name = p.member("name");
    if (!name.isObject()) name.fail("expected {\"en\": …, \"es\": …}");
    preset.nameEn = name.member("en").string(kText);
    preset.nameEs = name.member("es").string(kText);
    if (const auto focus = p.find("focus")) {
      preset.focusLevel =
          focus->member("level").choice(parseDiscLevel, "a disc level", "L1-L2 … L5-S1");
      preset.focusSide = focus->member("side").choice(parseSide, "a side", "left, right");
    }
    // The lesions are checked exactly like a scenario file; errors keep this file's path.
    const Json scenario = {{"format", std::string(kScenarioFormat)},
                           {"pathologies", p.member("pathologies").json()}};
    try {
      preset.scenario = Scenario::parse(jsonText(scenario), doc.file());
    } catch (const ContentError& e) {
      throw ContentError(doc.file(), p.path() + e.jsonPath(), e.problem());
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
