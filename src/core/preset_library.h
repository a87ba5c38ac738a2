// A *preset* is a classic case offered with one click (L4/L5 herniation, central stenosis,
// fibular head entrapment, …): a named scenario with the view that shows it best, read from
// content/presets.json where each case names its source.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/scenario.h"

namespace radicula::core {

struct Preset {
  std::string id;
  std::string nameEn;
  std::string nameEs;
  std::string source;
  Scenario scenario;  // the lesions, validated like any scenario file
  std::string view;
  DiscLevel focusLevel = DiscLevel::L4L5;
  Side focusSide = Side::Left;

  const std::string& name(Language language) const {
    return language == Language::Spanish ? nameEs : nameEn;
  }
};

class PresetLibrary {
 public:
  // Throws ContentError naming the file and JSON path of the first bad entry.
  static PresetLibrary load(const std::filesystem::path& file);
  static PresetLibrary loadDefault();  // content/presets.json

  const std::vector<Preset>& presets() const { return presets_; }
  const Preset* find(std::string_view id) const;

 private:
  std::vector<Preset> presets_;
};

}  // namespace radicula::core
