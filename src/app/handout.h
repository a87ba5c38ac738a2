// A handout is one printable A4 page a clinician hands over or a person keeps: white paper,
// any red flag on top, a picture of where the lesion presses and a picture of the leg with the
// regions where it may be felt, a legend, the lesions, what they mean (grouped, in the chosen
// language and mode), the leaflet (when to get help now first, then what it is, how it feels,
// who gets it, what helps) and the education-not-diagnosis notice in its own reserved strip.
// Text is measured before it is drawn and set smaller until all of it fits: nothing is cut.
// Written as PNG (300 dpi) or, for a .pdf name, as a one-page A4 PDF; atomically either way.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/findings.h"
#include "core/text_catalog.h"

namespace radicula::app {

class Session;

struct HandoutContent {
  const core::TextCatalog* labels = nullptr;
  const core::TextCatalog* clinical = nullptr;
  const core::AppState* state = nullptr;
  const core::Findings* findings = nullptr;
  const core::FindingTexts* texts = nullptr;
};

// A4 portrait at 300 dots per inch.
inline constexpr int kHandoutDpi = 300;
inline constexpr int kHandoutWidth = 2480;
inline constexpr int kHandoutHeight = 3508;

// Where things went on the page, for tests: pixel rectangles, origin top-left.
struct HandoutRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const HandoutRect& o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
};
struct HandoutLayout {
  float fontPixels = 0;                   // body text size used
  bool fits = false;                      // every block found room above the notice
  HandoutRect redFlag;                    // empty (all zero) without a red flag
  std::string redFlagHead;                // what to do, in the most urgent grade's words
  std::vector<std::string> redFlagLines;  // each flag: title and what it means
  HandoutRect lesionPicture, regionPicture, notice;
  std::vector<HandoutRect> blocks;       // each heading with its text, in reading order
  std::vector<std::string> blockTitles;  // their headings
};

// Throws io::ModelError naming the file when it cannot be written.
HandoutLayout writeHandout(Session& session, const HandoutContent& content,
                           const std::filesystem::path& file);

}  // namespace radicula::app
