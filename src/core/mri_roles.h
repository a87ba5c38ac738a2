// What each lesion word of one statement of an MRI report is, and which words modify it (used
// by src/core/mri_report.cpp only): a finding, or negated ("no herniation, canal stenosis or
// foraminal narrowing"), hedged ("possible", "cannot be excluded"), a second word for the same
// finding ("hernia discal extruida"), what a structure does ("osteophyte narrowing the left
// lateral recess"), or a cause ("stenosis secondary to facet hypertrophy").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/mri_terms.h"
#include "core/mri_text.h"

namespace radicula::core::mri {

struct Roles {
  std::vector<bool> negated, hedged, repeat, effect, cause, anaphora;
  std::vector<std::size_t> causeCue;  // for a finding with causes after it: where they start
};

Roles classify(const std::string& s, const Segment& seg, const std::vector<TermHit>& terms);

// The text that modifies one finding: from where the finding before it ends (its last comma,
// "and", "with", negation or hedge) to where the next one starts; a finding's repeats and
// effects are part of it, its causes are not.
struct Window {
  std::size_t from = 0, to = 0;
  std::size_t groupStart = 0;  // the first term of the finding (repeats included)
  std::size_t next = 0;        // the next finding's term, or the number of terms
};

Window windowOf(const std::string& s, const Segment& seg, const std::vector<TermHit>& terms,
                const Roles& r, std::size_t k);

}  // namespace radicula::core::mri
