// Where the shipped data folders (content/, assets/, shaders/) are found at run time: the
// RADICULA_DATA_DIR environment variable, then beside or above the executable, then the source
// tree the binary was built from.
#pragma once

#include <filesystem>

namespace radicula::core {

// Remembers the executable's location (argv[0] resolved); call once from main.
void setExecutablePath(const std::filesystem::path& exe);

// The folder that holds content/, assets/ and shaders/. Never empty: falls back to the source
// tree; callers report a missing file by its full path.
std::filesystem::path dataRoot();
std::filesystem::path contentDir();
std::filesystem::path assetsDir();
std::filesystem::path shadersDir();

}  // namespace radicula::core
