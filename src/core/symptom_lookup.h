// "Where does it hurt?" the other way round: from what a person feels (numb or painful skin
// regions, weak movements, movements tested strong, reflex changes) back to the roots and nerves
// that explain it, ranked. Every prediction comes from the same nerve graph and findings engine
// that answer the forward question (ClinicalEngine::follow on one compressed structure); there
// is no second table of answers (docs/symptom-lookup.md).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_reader.h"

#include "core/findings.h"
#include "core/scenario.h"

namespace radicula::core {

inline constexpr std::string_view kSymptomsFormat = "radicula-symptoms/1";
inline constexpr std::string_view kLookupFormat = "radicula-lookup/1";

// What was marked, with the ids of content/ (regions, movements, reflexes) and a side each.
struct SymptomPattern {
  struct Mark {
    std::string id;
    Side side = Side::Left;
  };
  struct ReflexMark {
    std::string id;
    Side side = Side::Left;
    std::string change;  // "reduced", "absent", "normal" or "brisk"
  };
  std::vector<Mark> regions;         // numb or painful
  std::vector<Mark> weakness;        // weak
  std::vector<Mark> normalStrength;  // tested strong
  std::vector<ReflexMark> reflexes;

  bool empty() const {
    return regions.empty() && weakness.empty() && normalStrength.empty() && reflexes.empty();
  }
  // Throws ContentError(file, JSON path, problem) on malformed input or an unknown id or side.
  static SymptomPattern parse(std::string_view text, const std::string& fileName,
                              const NerveGraph& graph);
  static SymptomPattern load(const std::filesystem::path& file, const NerveGraph& graph);
  // The same from a parsed value, whose file and JSON path ("/symptoms" inside a scenario) the
  // messages name. With `allowEmpty` a pattern that marks nothing is not an error.
  static SymptomPattern fromJson(const JsonValue& value, const NerveGraph& graph,
                                 bool allowEmpty = false);
  nlohmann::ordered_json toJson() const;

  // Editing, as "Where does it hurt?" marks the body. A movement is untested, weak or tested
  // strong; a reflex is untested ("") or reduced, absent, normal or brisk.
  enum class Strength { Untested, Weak, Strong };
  bool hasRegion(const std::string& id, Side side) const;
  void toggleRegion(const std::string& id, Side side);
  Strength strength(const std::string& id, Side side) const;
  void setStrength(const std::string& id, Side side, Strength strength);
  // Untested → weak → strong → untested.
  void cycleStrength(const std::string& id, Side side);
  std::string reflexChange(const std::string& id, Side side) const;
  void setReflex(const std::string& id, Side side, const std::string& change);
  // Untested → reduced → absent → normal → brisk → untested.
  void cycleReflex(const std::string& id, Side side);
  bool operator==(const SymptomPattern& other) const;
};

// The marks saved with a scenario, under its "symptoms" key (a radicula-symptoms/1 object).
// Throws ContentError naming `fileName` and the JSON path when the key is malformed.
SymptomPattern symptomsOf(const Scenario& scenario, const NerveGraph& graph,
                          const std::string& fileName = "scenario");
// Puts the marks under "symptoms", or removes the key when nothing is marked.
void setSymptoms(Scenario& scenario, const SymptomPattern& pattern);

// The red flags of what is marked, graded by the rules of content/clinical.json
// ("symptom_red_flags"): saddle numbness, sphincter weakness or a lost anal reflex is an
// emergency; marks in both legs alone are urgent.
std::vector<RedFlag> markedRedFlags(const ClinicalEngine& engine, const SymptomPattern& pattern);

// One structure of an explanation: a root ("L5") or a peripheral nerve ("common_fibular").
struct Structure {
  enum class Kind { Root, Nerve };
  Kind kind = Kind::Root;
  std::string id;
  Side side = Side::Left;
};

struct Candidate {
  std::vector<Structure> structures;  // one, or two where one cannot explain everything
  float score = 0.0f;  // higher fits better; 1 at best, below 0 for a poor fit (shown as 0)
  // Marks as "kind:id.side": "region:dorsum_foot.left", "weak:great_toe_extension.left",
  // "reflex:achilles.left", "strong:foot_inversion.left".
  std::vector<std::string> explained;    // marked and predicted
  std::vector<std::string> unexplained;  // marked, not predicted
  std::vector<std::string>
      contradicted;                // predicted, but tested normal (or a reflex marked normal)
  std::vector<Pathology> lesions;  // typical lesions that would produce it, checked on the engine
};

struct Lookup {
  std::vector<Candidate> candidates;  // best first
  std::vector<RedFlag> redFlags;      // graded: saddle, sphincter or anal reflex; both legs
};

// Builds each structure's prediction once from the engine; rank() is then cheap.
class SymptomLookup {
 public:
  explicit SymptomLookup(const ClinicalEngine& engine);

  Lookup rank(const SymptomPattern& pattern, std::size_t maxCandidates = 12) const;

  // The predictions of one structure (for tests and the quiz's reverse questions).
  struct Prediction {
    Structure structure;
    std::vector<std::string> regions, weakness, reflexes;  // "id.side"
    std::vector<Pathology> lesions;
  };
  const std::vector<Prediction>& predictions() const { return predictions_; }

  // What the structures of a candidate give, fully compressed together: the path that lights
  // when a candidate is chosen, even one without a typical lesion (the sural nerve).
  Findings findingsOf(const std::vector<Structure>& structures) const;

 private:
  const ClinicalEngine& engine_;
  std::vector<Prediction> predictions_;
};

nlohmann::ordered_json lookupJson(const Lookup& lookup, const TextCatalog& catalog);
// A mark in words: "region:dorsum_foot.left" → "top of the foot (left)".
std::string markWords(const std::string& item, const TextCatalog& catalog);
// A candidate's structures in words: "L5 root (left) + S1 root (left)".
std::string structureWords(const Candidate& candidate, const TextCatalog& catalog);
std::string lookupText(const Lookup& lookup, const TextCatalog& catalog);

// `radicula --symptoms F --report [--format json|text]`: 0, or 2 with one line on `err`.
int runSymptomLookup(const std::filesystem::path& file, std::string_view format, std::ostream& out,
                     std::ostream& err);

}  // namespace radicula::core
