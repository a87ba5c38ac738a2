// A handout is a PNG a clinician can print or send: the current picture at high resolution,
// a colour legend, the lesions, the explanation in the chosen language and mode, any red flag,
// and the education-not-diagnosis notice. Written atomically.
#pragma once

#include <filesystem>

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

inline constexpr int kHandoutWidth = 2400;
inline constexpr int kHandoutHeight = 1500;

// Throws io::ModelError naming the file when it cannot be written.
void writeHandout(Session& session, const HandoutContent& content,
                  const std::filesystem::path& file);

}  // namespace radicula::app
