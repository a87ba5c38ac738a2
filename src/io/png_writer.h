// Writes RGBA8 images to PNG, atomically: the image goes to a temporary file beside the
// target and is renamed over it, so a failed write never destroys an existing file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace radicula::io {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // top row first

  std::uint8_t* pixel(int x, int y) {
    return rgba.data() + 4 * (static_cast<std::size_t>(y) * width + x);
  }
  const std::uint8_t* pixel(int x, int y) const {
    return rgba.data() + 4 * (static_cast<std::size_t>(y) * width + x);
  }
};

// Throws ModelError naming the file when it cannot be written.
void writePng(const std::filesystem::path& file, const Image& image);
// Reads a PNG (for tests and baselines); throws ModelError.
Image readPng(const std::filesystem::path& file);

}  // namespace radicula::io
