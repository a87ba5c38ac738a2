// The words of a lumbar MRI report (used by src/core/mri_report.cpp only): the lesion terms,
// what modifies one finding (side, zone, grade, size, what it does to a root, migration, slip
// grade), the roots a statement names, and the cue words that scope over findings (negation,
// hedge, cause, the words that end a scope). English and Spanish, matched on the normalised text
// of mri_text.h; a word ending in '$' is matched whole, any other as a stem.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/mri_report.h"
#include "core/mri_text.h"
#include "core/mri_words.h"
#include "core/pathology.h"

namespace radicula::core::mri {

inline bool isDiscTerm(Term t) {
  return t <= Term::Sequestration;
}

struct TermHit {
  Term term = Term::NotShown;
  std::size_t at = 0, end = 0;
  std::string label;
  bool facet = false;  // a spur of the facet joint ("facet osteophyte"): paracentral by default
};

// Every lesion term in [from, to), in text order; "narrowing" of a disc space is not a stenosis.
std::vector<TermHit> findTerms(const std::string& s, std::size_t from, std::size_t to);

// The grade a statement gives a finding, 0..1 from the table: the grade word in [from, to)
// nearest the finding's word at `near`.
std::optional<float> readGrade(const std::string& s, std::size_t from, std::size_t to,
                               const MriSeverityTable& t, std::size_t near);

// Everything that modifies one finding, read in its window [from, to).
struct Modifiers {
  bool left = false, right = false, bilateral = false;
  std::optional<Zone> zone;
  bool centralToo = false;  // the canal is named too ("canal and both lateral recesses")
  std::optional<float> grade;
  std::optional<float> lengthMm;   // the smallest dimension of the first measurement given
  bool diameterNamed = false;      // "AP diameter", "diámetro": a length is the canal's
  std::optional<float> areaMm2;    // "dural sac area 60 mm²"
  std::optional<float> rootFloor;  // the least severity the root wording asks for
  bool noContact = false;          // "without contact", "no compromiso radicular"
  bool massive = false;            // "occupying most of the canal", "comprime la cola de caballo"
  bool narrowingVerb = false;      // "estrecha el receso", "narrows the foramen"
  Migration migration = Migration::None;
  std::optional<int> slipGrade;
  std::optional<float> slipPercent;
  std::optional<SlipKind> slipKind;
};

// Everything in [from, to) that modifies the finding whose word is at `near`.
Modifiers readModifiers(const std::string& s, std::size_t from, std::size_t to,
                        const MriSeverityTable& t, std::size_t near);

// Roots a statement names: "L5 nerve root", "traversing left L5", "raíz L5", "S1 root".
std::vector<std::string> rootsNamed(const std::string& s, std::size_t from, std::size_t to);

// Whether [from, to) names a root effect ("contacts", "compresses", "desplaza").
bool hasRootWord(const std::string& s, std::size_t from, std::size_t to);

// "patent", "unremarkable", "sin alteraciones": a normal statement.
bool isNormalStatement(const std::string& s, std::size_t from, std::size_t to);

}  // namespace radicula::core::mri
