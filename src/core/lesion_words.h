// A lesion in words, from the clinical catalogue of the user's language, for every place that
// names one (the MRI report reader, "Where does it hurt?", the name of a lesion under the
// pointer): "Herniated disc, L4/L5, left (extrusion)".
#pragma once

#include <string>

#include "core/pathology.h"
#include "core/text_catalog.h"

namespace radicula::core {

// "L4/L5": the level as a report writes it.
std::string levelWords(DiscLevel level);

// "herniated disc, L4/L5, left (extrusion)"; with `zone` the zone follows the side
// ("…, left, foraminal (extrusion)"), for students who learn which zone catches which root.
std::string lesionWords(const Pathology& p, const TextCatalog& clinical, bool zone = false);

// The same with a capital first letter, to start a line.
std::string capitalisedLesionWords(const Pathology& p, const TextCatalog& clinical,
                                   bool zone = false);

}  // namespace radicula::core
