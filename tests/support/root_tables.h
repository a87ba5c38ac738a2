// What one lumbosacral root supplies, written by hand from the literature for the tests to check
// the engine and the quiz against: the skin (ISNCSCI key sensory points; Harrison's Principles of
// Internal Medicine, table of lumbosacral radiculopathy; Lee, McPhee & Stringer 2008, where
// lateral_thigh is L2 with L3 and the saddle S4-S5), the movements (ISNCSCI key muscles;
// Harrison's) and the reflexes (Harrison's: patellar L3-L4, medial hamstring L5, Achilles S1,
// anal S2-S4). Region, movement and reflex ids are those of content/regions.json and
// content/nerves.json.
#pragma once

#include <map>
#include <set>
#include <string>

#include "core/anatomy_ids.h"

namespace radicula::test {

inline const std::map<core::Root, std::set<std::string>>& dermatomes() {
  using core::Root;
  static const std::map<Root, std::set<std::string>> t = {
      {Root::L1, {"groin"}},
      {Root::L2, {"anterior_thigh_upper", "lateral_thigh"}},
      {Root::L3, {"lateral_thigh", "anterior_thigh_lower", "medial_knee"}},
      {Root::L4, {"medial_leg", "medial_malleolus", "medial_foot"}},
      {Root::L5, {"lateral_leg", "dorsum_foot", "great_toe"}},
      {Root::S1, {"posterolateral_calf", "lateral_foot", "lateral_heel", "sole"}},
      {Root::S2, {"posterior_thigh", "popliteal_fossa"}},
      {Root::S3, {"medial_buttock"}},
      {Root::S4, {"saddle"}},
      {Root::S5, {"saddle"}},
  };
  return t;
}

inline const std::map<core::Root, std::set<std::string>>& myotomes() {
  using core::Root;
  static const std::map<Root, std::set<std::string>> t = {
      {Root::L1, {}},
      {Root::L2, {"hip_flexion", "hip_adduction"}},
      {Root::L3, {"hip_flexion", "hip_adduction", "knee_extension"}},
      {Root::L4, {"hip_adduction", "knee_extension", "ankle_dorsiflexion"}},
      {Root::L5,
       {"ankle_dorsiflexion", "great_toe_extension", "hip_abduction", "foot_inversion",
        "foot_eversion", "knee_flexion"}},
      {Root::S1, {"foot_eversion", "ankle_plantarflexion", "hip_extension", "knee_flexion"}},
      {Root::S2, {"ankle_plantarflexion", "sphincter"}},
      {Root::S3, {"sphincter"}},
      {Root::S4, {"sphincter"}},
      {Root::S5, {}},
  };
  return t;
}

inline const std::map<core::Root, std::set<std::string>>& rootReflexes() {
  using core::Root;
  static const std::map<Root, std::set<std::string>> t = {
      {Root::L1, {}},
      {Root::L2, {}},
      {Root::L3, {"patellar"}},
      {Root::L4, {"patellar"}},
      {Root::L5, {"medial_hamstring"}},
      {Root::S1, {"achilles"}},
      {Root::S2, {"anal_wink"}},
      {Root::S3, {"anal_wink"}},
      {Root::S4, {"anal_wink"}},
      {Root::S5, {}},
  };
  return t;
}

}  // namespace radicula::test
