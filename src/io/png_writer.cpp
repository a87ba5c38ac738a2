#include "io/png_writer.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <system_error>

#include "io/atomic_file.h"
#include "io/model_error.h"

namespace radicula::io {

void writePng(const std::filesystem::path& file, const Image& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
    throw ModelError(file, "no image to write");
  }
  writeAtomically(file, [&](const std::filesystem::path& temp) {
    return stbi_write_png(temp.string().c_str(), image.width, image.height, 4, image.rgba.data(),
                          image.width * 4) != 0;
  });
}

Image readPng(const std::filesystem::path& file) {
  int w = 0, h = 0, channels = 0;
  unsigned char* data = stbi_load(file.string().c_str(), &w, &h, &channels, 4);
  if (data == nullptr) throw ModelError(file, "not a readable PNG image");
  Image image{w, h, std::vector<std::uint8_t>(data, data + static_cast<std::size_t>(w) * h * 4)};
  stbi_image_free(data);
  return image;
}

}  // namespace radicula::io
