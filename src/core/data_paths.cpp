#include "core/data_paths.h"

#include <cstdlib>
#include <system_error>

namespace radicula::core {

namespace {

std::filesystem::path& executablePath() {
  static std::filesystem::path path;
  return path;
}

bool holdsData(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "content", ec) &&
         std::filesystem::is_directory(dir / "shaders", ec);
}

}  // namespace

void setExecutablePath(const std::filesystem::path& exe) {
  std::error_code ec;
  auto resolved = std::filesystem::canonical(exe, ec);
  executablePath() = ec ? exe : resolved;
}

std::filesystem::path dataRoot() {
  if (const char* env = std::getenv("RADICULA_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  // An installed or copied build keeps its data beside the binary or one or two levels up.
  if (!executablePath().empty()) {
    auto dir = executablePath().parent_path();
    for (int up = 0; up < 3 && !dir.empty(); ++up, dir = dir.parent_path()) {
      if (holdsData(dir)) return dir;
      if (holdsData(dir / "share" / "radicula")) return dir / "share" / "radicula";
    }
  }
  return RADICULA_SOURCE_DIR;
}

std::filesystem::path contentDir() {
  return dataRoot() / "content";
}
std::filesystem::path assetsDir() {
  return dataRoot() / "assets";
}
std::filesystem::path shadersDir() {
  return dataRoot() / "shaders";
}

}  // namespace radicula::core
