// A *scenario* is a set of pathologies plus whatever view state the app saved with them, in
// the `radicula-scenario/1` file format (docs/contracts.md). Loading validates everything and names
// the file, the JSON path and the accepted values on the first problem; keys it does not
// interpret are kept and written back on save.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/pathology.h"

namespace radicula::core {

inline constexpr std::string_view kScenarioFormat = "radicula-scenario/1";

// A scenario holds a handful of lesions and some view state; anything larger than this is not
// a scenario (and reading it whole would be a way to exhaust memory).
inline constexpr std::size_t kMaxScenarioBytes = 1u << 20;  // 1 MiB
inline constexpr std::size_t kMaxPathologies = 64;

struct Scenario {
  std::vector<Pathology> pathologies;
  // Top-level keys other than "format" and "pathologies" (view, camera, layers, language,
  // mode, notes and anything unknown), in file order.
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();

  // Throws ContentError(file, path, problem) on unreadable, empty, oversized or malformed
  // input; `fileName` is only used in messages.
  static Scenario parse(std::string_view text, const std::string& fileName);
  static Scenario load(const std::filesystem::path& file);

  nlohmann::ordered_json toJson() const;
  // Writes through a temporary file renamed over the target, so a crash never leaves half a
  // scenario behind. Throws ContentError if the folder is not writable.
  void save(const std::filesystem::path& file) const;
};

nlohmann::ordered_json toJson(const Pathology& pathology);

}  // namespace radicula::core
