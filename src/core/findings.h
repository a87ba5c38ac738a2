// *Findings* are what follows from a scenario, fibre by fibre: which roots and nerves are
// compressed (and by which lesions), which skin regions light and how strongly, which
// movements weaken, which reflexes change, which bedside signs and red flags appear, and the
// sentences patient and student mode show. The ClinicalEngine measures them on the shared
// SpineLayout; nothing here is looked up from a table of answers.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clinical_rules.h"
#include "core/compression_engine.h"
#include "core/morphometry.h"
#include "core/nerve_graph.h"
#include "core/pathology_shape.h"
#include "core/scenario.h"
#include "core/spine_layout.h"
#include "core/text_catalog.h"

namespace radicula::core {

struct RootFinding {
  Root root = Root::L1;
  Side side = Side::Left;
  float compression = 0.0f;
  bool affected = false;
  std::vector<int> causes;     // pathology indices touching it
  std::vector<float> byCause;  // their compression
};

// A compressed segment that is not a root: the conus, the sciatic at the piriformis, the
// common fibular nerve at the fibular head.
struct NerveFinding {
  std::string segment;  // "nerve.sciatic", "conus"
  Side side = Side::Left;
  float compression = 0.0f;
  bool affected = false;
  std::vector<int> causes;
};

struct RegionFinding {
  int region = 0;  // index into the region table (the skin's _REGION_IDS value)
  std::string id;
  Side side = Side::Left;
  float intensity = 0.0f;   // 0..1, the compression of the fibres that reach it
  std::vector<Root> roots;  // whose fibres are affected on the way
};

struct MovementFinding {
  std::string id;
  Side side = Side::Left;
  std::vector<Root> roots;
  float severity = 0.0f;
};

struct ReflexFinding {
  std::string id;
  Side side = Side::Left;
  std::string change;  // "reduced" or "absent"
  std::vector<Root> roots;
};

struct Findings {
  std::vector<Pathology> pathologies;
  std::vector<RootFinding> roots;  // every root touched (compression > 0)
  std::vector<NerveFinding> nerves;
  std::vector<RegionFinding> regions;
  std::vector<MovementFinding> weakness;
  std::vector<ReflexFinding> reflexes;
  std::vector<std::string> signs;
  std::vector<RedFlag> redFlags;  // "cauda_equina", "conus", each at its most urgent grade

  bool affected(Root root, Side side) const;
  bool regionLit(std::string_view region, Side side) const;
  bool weak(std::string_view movement, Side side) const;
  bool hasSign(std::string_view sign) const;
  bool hasRedFlag(std::string_view flag) const;
  const RedFlag* redFlag(std::string_view flag) const;  // null when not raised
};

// Sentences for one language.
struct FindingTexts {
  std::vector<std::string> patient;
  std::vector<std::string> student;
  std::vector<std::string>
      leaflet;  // what it is, how it feels, who gets it, what helps, when to get help
  std::string disclaimer;
  // The red flags again, graded, as the patient and student lines above say them, so a view
  // can set them apart in their own colour.
  struct FlagLine {
    Urgency urgency = Urgency::Emergency;
    std::string patient, student;
  };
  std::vector<FlagLine> redFlags;
};

class ClinicalEngine {
 public:
  // Loads morphometry, regions, nerves, clinical rules from `contentDir` and builds the layout.
  // Throws ContentError on a bad content file.
  explicit ClinicalEngine(const std::filesystem::path& contentDir);
  static std::unique_ptr<ClinicalEngine> loadDefault();  // from core::contentDir()
  ClinicalEngine(const ClinicalEngine&) = delete;
  ClinicalEngine& operator=(const ClinicalEngine&) = delete;

  const SpineLayout& layout() const { return layout_; }
  const NerveGraph& graph() const { return graph_; }
  const CompressionEngine& compression() const { return engine_; }

  // The solids of the scenario's lesions, in order (what meshgen and the renderer draw).
  std::vector<PathologyShape> shapes(const std::vector<Pathology>& pathologies) const;
  Findings analyse(const std::vector<Pathology>& pathologies) const;
  // A scenario's lesions, with the red flags of the symptoms marked in it (its "symptoms" key)
  // merged in: saddle numbness marked is an emergency whatever the lesions. Throws
  // ContentError when the marks are malformed.
  Findings analyse(const Scenario& scenario) const;
  // The fibre-following half of analyse(): findings from given segment compressions (as the
  // CompressionEngine reports them), e.g. to show what a compressed root alone would do.
  Findings follow(const std::vector<Pathology>& pathologies,
                  const std::vector<SegmentCompression>& measured) const;

  FindingTexts texts(const Findings& findings, const TextCatalog& catalog) const;

  // The red-flag rules over what a person marks on the body ("Where does it hurt?"): saddle
  // numbness, sphincter weakness, a lost anal reflex, both legs (content/clinical.json,
  // "symptom_red_flags"). Evaluate them with gradeRedFlags on findings made of the marks.
  const std::vector<RedFlagRule>& symptomRedFlagRules() const { return symptomRedFlags_; }
  // The graded red-flag rules over the findings of lesions ("red_flags").
  const std::vector<RedFlagRule>& redFlagRules() const { return redFlags_; }

 private:
  Morphometry morphometry_;
  SpineLayout layout_;
  NerveGraph graph_;
  CompressionEngine engine_;
  std::vector<std::pair<std::string, ClinicalRule>> signs_;
  std::vector<RedFlagRule> redFlags_;
  std::vector<RedFlagRule> symptomRedFlags_;
  std::vector<std::string> generalRedFlags_;
};

}  // namespace radicula::core
