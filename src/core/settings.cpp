#include "core/settings.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <system_error>

#include "core/atomic_file.h"
#include "core/content_error.h"
#include "core/json_reader.h"
#include "core/utf8_text.h"

namespace radicula::core {

namespace {

constexpr const char* kFormat = "radicula-settings/1";
constexpr std::size_t kMaxBytes = 64 * 1024;

}  // namespace

void Settings::addRecent(const std::filesystem::path& file) {
  const std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
  recentFiles.erase(std::remove(recentFiles.begin(), recentFiles.end(), absolute),
                    recentFiles.end());
  recentFiles.insert(recentFiles.begin(), absolute);
  if (recentFiles.size() > kMaxRecent) recentFiles.resize(kMaxRecent);
  lastFolder = absolute.parent_path();
}

void Settings::applyTo(AppState& state) const {
  state.language = language;
  state.mode = mode;
  state.largeText = largeText;
  state.reduceMotion = reduceMotion;
  state.view.axialFromFeet = axialFromFeet;
}

void Settings::takeFrom(const AppState& state) {
  language = state.language;
  mode = state.mode;
  largeText = state.largeText;
  reduceMotion = state.reduceMotion;
  axialFromFeet = state.view.axialFromFeet;
}

std::filesystem::path settingsPath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  std::filesystem::path base;
  if (xdg != nullptr && *xdg != '\0' && std::filesystem::path(xdg).is_absolute()) {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    base = std::filesystem::path(home != nullptr && *home != '\0' ? home : ".") / ".config";
  }
  return base / "radicula" / "settings.json";
}

namespace {

// Takes each field on its own: a field that cannot be used keeps its default and is named
// (with its JSON path and why) in `bad`, the others still apply.
void readFields(const JsonValue& root, Settings& s, std::vector<std::string>& bad) {
  const auto take = [&](const char* key, const std::function<void(const JsonValue&)>& read) {
    const auto value = root.find(key);
    if (!value) return;
    try {
      read(*value);
    } catch (const ContentError& e) {
      bad.push_back(e.jsonPath() + " (" + e.problem() + ")");
    }
  };
  take("language",
       [&](const JsonValue& v) { s.language = v.choice(parseLanguage, "a language", "en, es"); });
  take("mode",
       [&](const JsonValue& v) { s.mode = v.choice(parseMode, "a mode", "patient, student"); });
  take("large_text", [&](const JsonValue& v) { s.largeText = v.boolean(); });
  take("reduce_motion", [&](const JsonValue& v) { s.reduceMotion = v.boolean(); });
  take("axial_view", [&](const JsonValue& v) {
    const auto parse = [](const std::string& t) -> std::optional<bool> {
      if (t == "from_feet") return true;
      if (t == "from_above") return false;
      return std::nullopt;
    };
    s.axialFromFeet = v.choice(parse, "an axial view", "from_feet, from_above");
  });
  take("last_folder", [&](const JsonValue& v) { s.lastFolder = v.string(); });
  take("recent_files", [&](const JsonValue& list) {
    for (const JsonValue& item : list.elements("an array of file names")) {
      if (s.recentFiles.size() >= Settings::kMaxRecent) break;
      try {
        s.recentFiles.emplace_back(item.string("a file name"));
      } catch (const ContentError& e) {
        bad.push_back(e.jsonPath() + " (" + e.problem() + ")");
      }
    }
  });
}

}  // namespace

LoadedSettings loadSettings(const std::filesystem::path& file) {
  LoadedSettings out;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return out;
  const std::string name = displayPath(file);
  const auto ignoreAll = [&](const std::string& problem) {
    out.settings = Settings{};
    out.warning = "ignoring the settings file " + name + ": " + problem +
                  "; the defaults are used and it is rewritten when a setting changes";
    return out;
  };
  try {
    const JsonDocument doc = JsonDocument::load(file, {.maxDepth = 16, .maxBytes = kMaxBytes});
    const JsonValue root = doc.root();
    if (!root.isObject()) return ignoreAll("it is not a JSON object");
    const auto format = root.find("format");
    if (!format || !format->isString() || format->json().get<std::string>() != kFormat) {
      return ignoreAll(std::string("its /format is not \"") + kFormat + "\"");
    }
    std::vector<std::string> bad;
    readFields(root, out.settings, bad);
    if (!bad.empty()) {
      std::string fields;
      for (const auto& b : bad) fields += (fields.empty() ? "" : "; ") + b;
      out.warning =
          "in the settings file " + name + ", ignoring " + fields + "; the other settings are used";
    }
  } catch (const ContentError& e) {
    return ignoreAll(e.problem());
  }
  return out;
}

std::string saveSettings(const Settings& s, const std::filesystem::path& file) {
  Json doc = Json::object();
  doc["format"] = kFormat;
  doc["language"] = std::string(toString(s.language));
  doc["mode"] = std::string(toString(s.mode));
  doc["large_text"] = s.largeText;
  doc["reduce_motion"] = s.reduceMotion;
  doc["axial_view"] = s.axialFromFeet ? "from_feet" : "from_above";
  doc["last_folder"] = s.lastFolder.string();
  Json recent = Json::array();
  for (const auto& f : s.recentFiles) recent.push_back(f.string());
  doc["recent_files"] = std::move(recent);

  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  try {
    // A folder name that is not UTF-8 is kept as U+FFFD rather than failing the whole file.
    saveTextAtomically(file, jsonText(doc, 2) + "\n");
  } catch (const ContentError& e) {
    return "cannot save the settings: " + std::string(e.what());
  }
  return "";
}

}  // namespace radicula::core
