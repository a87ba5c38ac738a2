// Red flags from what a person marks, and a scenario's findings with them: the rules are
// content/clinical.json's "symptom_red_flags", evaluated on findings made of the marks.
#include "core/findings.h"
#include "core/symptom_lookup.h"

namespace radicula::core {

std::vector<RedFlag> markedRedFlags(const ClinicalEngine& engine, const SymptomPattern& pattern) {
  Findings marks;
  for (const auto& m : pattern.regions) marks.regions.push_back({0, m.id, m.side, 1.0f, {}});
  for (const auto& m : pattern.weakness) marks.weakness.push_back({m.id, m.side, {}, 1.0f});
  for (const auto& r : pattern.reflexes) {
    // Only a lost or reduced reflex is a finding; a normal or brisk one is not a lower motor
    // neuron sign.
    if (r.change == "reduced" || r.change == "absent") {
      marks.reflexes.push_back({r.id, r.side, r.change, {}});
    }
  }
  std::vector<RedFlag> flags =
      gradeRedFlags(engine.symptomRedFlagRules(), marks, {}, engine.graph());
  for (RedFlag& f : flags) f.fromMarks = true;
  return flags;
}

Findings ClinicalEngine::analyse(const Scenario& scenario) const {
  Findings f = analyse(scenario.pathologies);
  mergeRedFlags(f.redFlags, markedRedFlags(*this, symptomsOf(scenario, graph_)));
  return f;
}

}  // namespace radicula::core
