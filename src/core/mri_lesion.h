// The lesion one finding of an MRI report makes (used by src/core/mri_report.cpp only): its
// type, zone, side and severity from the lesion word and its modifiers, with the severity table
// of content/mri_reading.json. The level is set by the caller.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/mri_report.h"
#include "core/mri_terms.h"

namespace radicula::core::mri {

// The lesions a finding makes: one, or two for "stenosis of the canal and both lateral
// recesses"; none for a term that makes no lesion. `narrowed`: the report says the structure
// narrows a place ("osteophyte narrowing the foramen").
std::vector<Pathology> lesionsOf(Term term, bool facet, const Modifiers& m, bool narrowed,
                                 const std::string& s, std::size_t from, std::size_t to,
                                 const MriSeverityTable& t);

// The severity of `p` once a later statement says what it does to a root: "This compresses the
// L5 root" raises it (a herniation staying in the band it was read in), "The root is not
// compressed" keeps it below touching.
float severityWithRootWords(const Pathology& p, const Modifiers& m, const MriSeverityTable& t);

}  // namespace radicula::core::mri
