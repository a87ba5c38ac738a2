// Writes a page image as a one-page PDF of a given paper size through cairo, atomically (a
// temporary file renamed over the target), so a handout can be printed or sent as a document.
#pragma once

#include <filesystem>

#include "io/png_writer.h"

namespace radicula::io {

// `dpi` says how many image pixels make an inch: a 2480 x 3508 image at 300 dpi is an A4 page.
// Throws ModelError naming the file when it cannot be written.
void writePdfPage(const std::filesystem::path& file, const Image& page, float dpi);

}  // namespace radicula::io
