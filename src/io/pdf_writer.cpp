#include "io/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include "io/atomic_file.h"
#include "io/model_error.h"

namespace radicula::io {

void writePdfPage(const std::filesystem::path& file, const Image& page, float dpi) {
  if (page.width <= 0 || page.height <= 0 || dpi <= 0.0f) {
    throw ModelError(file, "nothing to write (an empty page)");
  }
  writeAtomically(file, [&](const std::filesystem::path& temp) {
    // cairo's ARGB32 is premultiplied, one 32-bit word per pixel; the page is opaque.
    cairo_surface_t* image =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, page.width, page.height);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(image);
      return false;
    }
    cairo_surface_flush(image);
    unsigned char* data = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    for (int y = 0; y < page.height; ++y) {
      auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
      for (int x = 0; x < page.width; ++x) {
        const std::uint8_t* p = page.pixel(x, y);
        row[x] = 0xFF000000u | (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
      }
    }
    cairo_surface_mark_dirty(image);
    const double points = 72.0 / dpi;  // PDF units are points, 72 an inch
    cairo_surface_t* pdf =
        cairo_pdf_surface_create(temp.c_str(), page.width * points, page.height * points);
    cairo_t* cr = cairo_create(pdf);
    cairo_scale(cr, points, points);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_show_page(cr);
    const bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    const bool written = ok && cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(pdf);
    cairo_surface_destroy(image);
    return written;
  });
}

}  // namespace radicula::io
