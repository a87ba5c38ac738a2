// Bedside signs and red flags as rules over findings, read from content/clinical.json, and the
// grading of red flags by urgency. A red flag is raised by the most urgent of its rules that
// holds: `emergency` (same-day emergency care) outranks `urgent` (see a doctor now, and know
// what would make it an emergency). The rules and the guideline behind each are data; this
// file only reads and evaluates them (docs/clinical-basis.md §5).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/anatomy_ids.h"
#include "core/compression_engine.h"
#include "core/nerve_graph.h"
#include "core/pathology.h"
#include "core/text_catalog.h"

namespace radicula::core {

struct Findings;

// Ordered: a larger value is more urgent.
enum class Urgency { Urgent = 1, Emergency = 2 };
std::string_view toString(Urgency urgency);  // "urgent", "emergency"
std::optional<Urgency> parseUrgency(std::string_view text);

struct RedFlag {
  std::string id;  // "cauda_equina", "conus"
  Urgency urgency = Urgency::Emergency;
  std::string reason;      // the id of the rule that set the grade: "disc_both_sides"
  bool fromMarks = false;  // raised by what a person marked, not by a lesion seen
  bool operator==(const RedFlag& other) const {
    return id == other.id && urgency == other.urgency && reason == other.reason &&
           fromMarks == other.fromMarks;
  }
};

// Keeps one entry per id, at its most urgent grade (the first reason found at that grade).
void mergeRedFlags(std::vector<RedFlag>& into, const std::vector<RedFlag>& more);
// The most urgent grade among `flags`; nullopt when there is none.
std::optional<Urgency> mostUrgent(const std::vector<RedFlag>& flags);

// A condition on findings. It holds when every field given holds; any_of holds when one of its
// rules does.
struct ClinicalRule {
  std::vector<Root> rootsAny;            // an affected root among these
  std::vector<int> segmentsAny;          // an affected graph segment among these
  std::vector<std::string> weakAny;      // a weak movement among these
  std::vector<std::string> regionsAny;   // a lit (or marked) region among these
  std::vector<std::string> reflexesAny;  // a reduced or absent reflex among these
  // Only roots affected by lesions of these types ("type" or "type/zone") count.
  std::vector<std::pair<PathologyType, std::optional<Zone>>> causeTypes;
  bool bilateral = false;  // one and the same lesion affects such roots on both sides
  bool bothLegs = false;   // something is found in each leg: a root, region, weakness or reflex
  std::vector<ClinicalRule> anyOf;
};

// One graded rule of a red flag.
struct RedFlagRule {
  std::string id;
  Urgency urgency = Urgency::Emergency;
  std::string reason;
  ClinicalRule when;
};

// Throws ContentError(file, JSON path, problem) on a malformed rule.
ClinicalRule readClinicalRule(const nlohmann::json& v, const std::string& file,
                              const std::string& path, const NerveGraph& graph);
// Reads a list of graded red-flag rules ("red_flags", "symptom_red_flags"); each entry needs
// id, urgency, reason, when and source.
std::vector<RedFlagRule> readRedFlagRules(const nlohmann::json& doc, const char* key,
                                          const std::string& file, const NerveGraph& graph);

// Whether `rule` holds for the findings `f`, measured as `measured` (empty for marked
// symptoms, which have no lesions).
bool ruleHolds(const ClinicalRule& rule, const Findings& f,
               const std::vector<SegmentCompression>& measured, const NerveGraph& graph);

// Every flag whose rules hold, at its most urgent grade, in the order the flags first appear.
std::vector<RedFlag> gradeRedFlags(const std::vector<RedFlagRule>& rules, const Findings& f,
                                   const std::vector<SegmentCompression>& measured,
                                   const NerveGraph& graph);

// Words for a graded flag, from the clinical catalogue: its title ("Possible cauda equina
// syndrome"), what it means and what to do (about the lesion, or about the symptoms marked
// when the flag came from marks), what to do in a few words ("Go to emergency care today")
// and, for students, why it has this grade with the guideline.
std::string redFlagTitle(const RedFlag& flag, const TextCatalog& t);
std::string redFlagText(const RedFlag& flag, const TextCatalog& t);
std::string urgencyAction(Urgency urgency, bool student, const TextCatalog& t);
// `sentenceStart`: capitalised, to begin a sentence ("One disc herniation …").
std::string redFlagReason(const RedFlag& flag, const TextCatalog& t, bool sentenceStart = false);

}  // namespace radicula::core
