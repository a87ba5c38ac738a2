#include "core/settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>
#include <nlohmann/json.hpp>

namespace radicula::core {

namespace {

using json = nlohmann::json;
constexpr const char* kFormat = "radicula-settings/1";
constexpr std::uintmax_t kMaxBytes = 64 * 1024;

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

LoadedSettings loadSettings(const std::filesystem::path& file) {
  LoadedSettings out;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return out;
  const auto warn = [&](const std::string& problem) {
    out.settings = Settings{};
    out.warning = "ignoring the settings file " + file.string() + ": " + problem +
                  "; the defaults are used and it is rewritten when a setting changes";
    return out;
  };
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxBytes) return warn(ec ? "it cannot be read" : "it is too large");
  std::ifstream in(file, std::ios::binary);
  if (!in) return warn("it cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  const json doc = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return warn("it is not a JSON object");
  if (doc.value("format", "") != kFormat) return warn(std::string("it is not ") + kFormat);

  Settings& s = out.settings;
  const auto text_of = [&](const char* key) -> std::optional<std::string> {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  const auto flag = [&](const char* key, bool fallback) {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_boolean() ? it->get<bool>() : fallback;
  };
  // Each value is taken on its own: one bad entry keeps its default, the rest still apply.
  if (const auto l = text_of("language"); l && parseLanguage(*l)) s.language = *parseLanguage(*l);
  if (const auto m = text_of("mode"); m && parseMode(*m)) s.mode = *parseMode(*m);
  s.largeText = flag("large_text", s.largeText);
  s.reduceMotion = flag("reduce_motion", s.reduceMotion);
  if (const auto a = text_of("axial_view")) s.axialFromFeet = *a != "from_above";
  if (const auto f = text_of("last_folder")) s.lastFolder = *f;
  if (const auto r = doc.find("recent_files"); r != doc.end() && r->is_array()) {
    for (const auto& item : *r) {
      if (item.is_string() && s.recentFiles.size() < Settings::kMaxRecent) {
        s.recentFiles.emplace_back(item.get<std::string>());
      }
    }
  }
  return out;
}

std::string saveSettings(const Settings& s, const std::filesystem::path& file) {
  json doc = json::object();
  doc["format"] = kFormat;
  doc["language"] = std::string(toString(s.language));
  doc["mode"] = std::string(toString(s.mode));
  doc["large_text"] = s.largeText;
  doc["reduce_motion"] = s.reduceMotion;
  doc["axial_view"] = s.axialFromFeet ? "from_feet" : "from_above";
  doc["last_folder"] = s.lastFolder.string();
  json recent = json::array();
  for (const auto& f : s.recentFiles) recent.push_back(f.string());
  doc["recent_files"] = std::move(recent);

  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const std::filesystem::path temp =
      file.parent_path() / (file.filename().string() + ".tmp" + std::to_string(::getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << doc.dump(2) << '\n';
    out.flush();
    if (!out) {
      std::filesystem::remove(temp, ec);
      return "cannot write the settings file " + file.string();
    }
  }
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return "cannot replace the settings file " + file.string() + ": " + ec.message();
  }
  return "";
}

}  // namespace radicula::core
