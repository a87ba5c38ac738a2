// Pictures are saved atomically: a failed save leaves the previous file as it was.
#include <gtest/gtest.h>

#include <fstream>

#include "core/atomic_file.h"
#include "io/model_error.h"
#include "io/png_writer.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

io::Image gradient(int w, int h) {
  io::Image image{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4)};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = image.pixel(x, y);
      p[0] = static_cast<std::uint8_t>(x * 255 / (w - 1));
      p[1] = static_cast<std::uint8_t>(y * 255 / (h - 1));
      p[2] = 77;
      p[3] = 255;
    }
  }
  return image;
}

TEST(PngWriter, RoundTripsPixelsTopRowFirst) {
  const auto file = test::outputDir() / "gradient.png";
  io::writePng(file, gradient(64, 32));
  const io::Image back = io::readPng(file);
  ASSERT_EQ(back.width, 64);
  ASSERT_EQ(back.height, 32);
  EXPECT_EQ(back.pixel(63, 0)[0], 255);
  EXPECT_EQ(back.pixel(0, 31)[1], 255);
  EXPECT_EQ(back.pixel(10, 10)[2], 77);
}

TEST(PngWriter, FailedSaveKeepsThePreviousFile) {
  const auto file = test::outputDir() / "keep.png";
  io::writePng(file, gradient(8, 8));
  const auto before = std::filesystem::file_size(file);
  EXPECT_THROW(io::writePng(file, io::Image{}), io::ModelError);
  EXPECT_EQ(std::filesystem::file_size(file), before);
  EXPECT_THROW(io::writePng(test::outputDir() / "no_such_folder" / "x.png", gradient(8, 8)),
               io::ModelError);
  EXPECT_FALSE(std::filesystem::exists(core::temporaryFileFor(file)))
      << "left a temporary file: " << core::temporaryFileFor(file);
}

}  // namespace
}  // namespace radicula
