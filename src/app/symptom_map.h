// "Where does it hurt?" in the viewer: the marks a person puts on the body (skin regions
// clicked on the 3D view, movements and reflexes stepped in the panel) ranked live into the
// roots and nerves that explain them (core::SymptomLookup), and the candidate chosen to light
// its path. The marks live in the scenario (saved with it, undone with it); this holds how they
// are shown.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "core/findings.h"
#include "core/symptom_lookup.h"
#include "core/text_catalog.h"
#include "io/scene.h"
#include "ui/interface_model.h"

namespace radicula::app {

class SymptomMap {
 public:
  explicit SymptomMap(const core::ClinicalEngine& engine);

  // Ranks the marks again; the chosen candidate stays chosen while it is still listed.
  void update(const core::SymptomPattern& pattern);
  const core::Lookup& lookup() const { return lookup_; }

  bool back() const { return back_; }
  void turn(bool back) { back_ = back; }

  void choose(int index);
  const core::Candidate* chosen() const;
  // The chosen candidate's first typical lesion, to show in the scene; none without one.
  std::vector<core::Pathology> preview() const;
  // What the chosen candidate's structures give, fully compressed: its path, lit even when it
  // has no typical lesion.
  core::Findings chosenFindings() const;

  // The panel's model in the user's words (`clinical` names regions, movements and reflexes;
  // `labels` the panel's own words).
  ui::SymptomMapModel model(const core::SymptomPattern& pattern, core::Mode mode,
                            const core::TextCatalog& clinical, const core::TextCatalog& labels,
                            const std::string& hovered) const;

 private:
  const core::ClinicalEngine& engine_;
  core::SymptomLookup lookupEngine_;
  core::Lookup lookup_;
  bool back_ = false;
  std::string chosenKey_;  // the chosen candidate's structures, e.g. "L5.left"; empty for none
};

// The skin region where a ray (world points `from` → `to`) first meets a skin mesh node, and
// its side: the region that weighs most at the nearest corner of the triangle hit; the side
// from the model's x (+X is the patient's left).
std::optional<std::pair<int, core::Side>> skinRegionAt(const io::Scene& scene, int node,
                                                       const glm::vec3& from, const glm::vec3& to);

}  // namespace radicula::app
