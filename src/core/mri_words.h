// The word lists of the MRI report reader (used by src/core/mri_terms.cpp and mri_report.cpp):
// the lesion terms and the cue words, English and Spanish, on the normalised text of mri_text.h
// (lower case, accents dropped). A word ending in '$' is matched whole, any other as a stem.
#pragma once

#include <span>
#include <string_view>

namespace radicula::core::mri {

enum class Term {
  Bulge,
  Protrusion,
  Herniation,
  Extrusion,
  Sequestration,
  Osteophyte,
  FacetHypertrophy,
  Stenosis,
  Slip,
  Retrolisthesis,
  ParsDefect,
  NotShown
};

struct TermWords {
  Term term;
  std::string_view stem;
};

// Lesion terms, longer phrases first where they contain a shorter one.
std::span<const TermWords> termWords();

// The cue words, each list with what it does.
struct CueWords {
  std::span<const std::string_view> negation;       // "no", "without", "sin", "ni"
  std::span<const std::string_view> negationAfter;  // "… is not seen", "… ruled out"
  std::span<const std::string_view> hedge;          // "possible", "cannot exclude", "posible"
  std::span<const std::string_view> hedgeAfter;   // "… cannot be excluded", "… no se descarta"
  std::span<const std::string_view> hedgeRoot;    // "may", "possibly" before a root word
  std::span<const std::string_view> causeAfter;   // "secondary to", "due to", "por"
  std::span<const std::string_view> causeBefore;  // "result in", "causing", "que condiciona"
  std::span<const std::string_view> breaker;      // "but", "with", "pero", "con": a new clause
  std::span<const std::string_view> joint;        // ",", "or", "and", "ni", "y": a list goes on
  std::span<const std::string_view> positiveGrade;  // "mild", "moderate": a new finding starts
  std::span<const std::string_view> narrowingVerb;  // "narrows", "estrecha": a spur narrows a place
  std::span<const std::string_view> narrowingObject;  // "the", "both", "el": what a verb narrows
  std::span<const std::string_view> anaphora;  // "the", "this", "dicha": a finding named again
  // What a lesion does to a root (Pfirrmann 2004): contact, displacement, compression.
  std::span<const std::string_view> contact, displacement, compression;
  std::span<const std::string_view> rootNegation;  // "no", "without", "sin" before a root word
  std::span<const std::string_view> clauseBreak;   // ",", "and", "with": where a clause ends
  std::span<const std::string_view> massive;       // "occupying most of the canal"
  // Grade words, compound grades first: moderate to severe, mild to moderate, severe, moderate,
  // mild, minimal.
  std::span<const std::string_view> grades[6];
};
const CueWords& cueWords();

}  // namespace radicula::core::mri
