// From symptoms back to the roots and nerves that explain them: every vignette inverted (its
// regions, weakness and reflexes in, its roots first out), the peripheral look-alikes told
// apart by the movements tested strong, red flags first, and the ranking stable when a region
// is missed or a neighbouring one added.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/app_state.h"
#include "core/content_error.h"
#include "core/symptom_lookup.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

using core::Side;
using core::SymptomPattern;

const core::ClinicalEngine& engine() {
  static const auto e = core::ClinicalEngine::loadDefault();
  return *e;
}

const core::SymptomLookup& lookup() {
  static const core::SymptomLookup l(engine());
  return l;
}

std::string structures(const core::Candidate& c) {
  std::vector<std::string> parts;
  for (const auto& s : c.structures) {
    parts.push_back(s.id + "." + (s.side == Side::Left ? "left" : "right"));
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "+") + p;
  return out;
}

std::string ranking(const core::Lookup& l) {
  std::string out;
  for (std::size_t i = 0; i < std::min<std::size_t>(4, l.candidates.size()); ++i) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", l.candidates[i].score);
    out += "\n    " + structures(l.candidates[i]) + " " + score;
  }
  return out;
}

// What a vignette's lesions give, as a person would mark it: every lit region, every weak
// movement, every changed reflex.
SymptomPattern patternOf(const core::Findings& f) {
  SymptomPattern p;
  for (const auto& r : f.regions) p.regions.push_back({r.id, r.side});
  for (const auto& w : f.weakness) p.weakness.push_back({w.id, w.side});
  for (const auto& x : f.reflexes) p.reflexes.push_back({x.id, x.side, x.change});
  return p;
}

struct Vignette {
  std::string name;
  core::Scenario scenario;
  std::set<std::string> roots;  // "L5.left"
  std::string nerve;            // "sciatic.left" for the entrapments
};

std::vector<Vignette> vignettes() {
  std::vector<Vignette> out;
  for (const auto& entry :
       std::filesystem::directory_iterator(test::sourceDir() / "tests" / "data" / "vignettes")) {
    std::ifstream in(entry.path());
    const auto j = nlohmann::json::parse(in);
    Vignette v;
    v.name = entry.path().filename().string();
    v.scenario = core::Scenario::load(entry.path());
    for (const auto& r : j["expected"].value("affected_roots", nlohmann::json::array())) {
      v.roots.insert(r.get<std::string>());
    }
    for (const auto& p : v.scenario.pathologies) {
      const std::string side = p.side == core::SideSpec::Right ? ".right" : ".left";
      if (p.type == core::PathologyType::Piriformis) v.nerve = "sciatic" + side;
      if (p.type == core::PathologyType::FibularHead) v.nerve = "common_fibular" + side;
    }
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(),
            [](const Vignette& a, const Vignette& b) { return a.name < b.name; });
  return out;
}

TEST(SymptomLookup, EveryVignetteInvertedPutsItsOwnRootsOrNerveFirst) {
  int inverted = 0;
  for (const Vignette& v : vignettes()) {
    const core::Findings f = engine().analyse(v.scenario);
    const SymptomPattern pattern = patternOf(f);
    if (pattern.empty() || (v.roots.empty() && v.nerve.empty())) continue;  // nothing to feel
    const core::Lookup l = lookup().rank(pattern);
    ASSERT_FALSE(l.candidates.empty()) << v.name;
    const std::string best = structures(l.candidates.front());
    if (!v.nerve.empty()) {
      EXPECT_EQ(best, v.nerve) << v.name << ranking(l);
    } else if (v.roots.size() <= 2) {
      std::string want;
      for (const auto& r : v.roots) want += (want.empty() ? "" : "+") + r;
      EXPECT_EQ(best, want) << v.name << ranking(l);
    } else {
      // The cauda equina: many roots; the best explanation is among them, and the flag is up.
      for (const auto& s : l.candidates.front().structures) {
        const std::string key = s.id + "." + (s.side == Side::Left ? "left" : "right");
        EXPECT_TRUE(v.roots.count(key)) << v.name << ": " << key << ranking(l);
      }
      EXPECT_EQ(l.redFlags, std::vector<std::string>{"cauda_equina"}) << v.name;
    }
    // A pattern on both sides always raises the flag.
    std::set<Side> sides;
    for (const auto& m : pattern.regions) sides.insert(m.side);
    for (const auto& m : pattern.weakness) sides.insert(m.side);
    if (sides.size() == 2) {
      EXPECT_FALSE(l.redFlags.empty()) << v.name;
    }
    ++inverted;
  }
  EXPECT_GE(inverted, 25);
  std::printf("  %d vignettes inverted\n", inverted);
}

SymptomPattern pattern(std::initializer_list<const char*> regions,
                       std::initializer_list<const char*> weak,
                       std::initializer_list<const char*> strong,
                       std::initializer_list<std::pair<const char*, const char*>> reflexes,
                       Side side = Side::Left) {
  SymptomPattern p;
  for (const char* r : regions) p.regions.push_back({r, side});
  for (const char* w : weak) p.weakness.push_back({w, side});
  for (const char* s : strong) p.normalStrength.push_back({s, side});
  for (const auto& [id, change] : reflexes) p.reflexes.push_back({id, side, change});
  return p;
}

TEST(SymptomLookup, FootDropWithStrongInversionIsTheFibularNerveNotL5) {
  const auto palsy =
      lookup().rank(pattern({"dorsum_foot", "lateral_leg"},
                            {"ankle_dorsiflexion", "great_toe_extension", "foot_eversion"},
                            {"foot_inversion", "hip_abduction"}, {}));
  ASSERT_FALSE(palsy.candidates.empty());
  EXPECT_EQ(structures(palsy.candidates.front()), "common_fibular.left") << ranking(palsy);
  // The same foot drop with weak inversion and hip abduction is the root.
  const auto root = lookup().rank(pattern(
      {"dorsum_foot", "lateral_leg"},
      {"ankle_dorsiflexion", "great_toe_extension", "foot_inversion", "hip_abduction"}, {}, {}));
  EXPECT_EQ(structures(root.candidates.front()), "L5.left") << ranking(root);
  // And the root's candidate carries the lesions that would produce it.
  const auto& lesions = root.candidates.front().lesions;
  EXPECT_TRUE(std::any_of(lesions.begin(), lesions.end(), [](const core::Pathology& p) {
    return p.level == core::DiscLevel::L4L5 && p.zone == core::Zone::Paracentral;
  }));
}

TEST(SymptomLookup, SciaticAtThePiriformisIsNotL5AndS1WhenHipAbductionIsStrong) {
  const auto l = lookup().rank(
      pattern({"dorsum_foot", "sole", "lateral_foot", "lateral_leg"},
              {"ankle_dorsiflexion", "ankle_plantarflexion", "knee_flexion", "great_toe_extension"},
              {"hip_abduction"}, {{"achilles", "reduced"}}));
  EXPECT_EQ(structures(l.candidates.front()), "sciatic.left") << ranking(l);
}

TEST(SymptomLookup, FemoralNeuropathySparesHipAdductionUnlikeL3AndL4) {
  const auto l = lookup().rank(pattern({"anterior_thigh_lower", "medial_leg"}, {"knee_extension"},
                                       {"hip_adduction"}, {{"patellar", "reduced"}}));
  EXPECT_EQ(structures(l.candidates.front()), "femoral.left") << ranking(l);
}

TEST(SymptomLookup, MeralgiaIsTheLateralFemoralCutaneousNerveNotL2OrL3) {
  const auto l = lookup().rank(pattern({"lateral_thigh"}, {},
                                       {"hip_flexion", "knee_extension", "hip_adduction"},
                                       {{"patellar", "normal"}}));
  EXPECT_EQ(structures(l.candidates.front()), "lateral_femoral_cutaneous.left") << ranking(l);
}

TEST(SymptomLookup, SaddleNumbnessSphincterWeaknessOrBothSidesRaiseTheFlagFirst) {
  for (const auto& p : {pattern({"saddle"}, {}, {}, {}), pattern({}, {"sphincter"}, {}, {}),
                        pattern({}, {}, {}, {{"anal_wink", "absent"}})}) {
    EXPECT_EQ(lookup().rank(p).redFlags, std::vector<std::string>{"cauda_equina"});
  }
  SymptomPattern both = pattern({"dorsum_foot"}, {}, {}, {});
  both.regions.push_back({"dorsum_foot", Side::Right});
  EXPECT_EQ(lookup().rank(both).redFlags, std::vector<std::string>{"cauda_equina"});
  EXPECT_TRUE(lookup().rank(pattern({"dorsum_foot"}, {}, {}, {})).redFlags.empty());
}

TEST(SymptomLookup, TheBestExplanationSurvivesAMissedOrAnExtraNeighbouringRegion) {
  const auto& regions = engine().graph().regions();
  int cases = 0, kept = 0;
  for (const Vignette& v : vignettes()) {
    const SymptomPattern full = patternOf(engine().analyse(v.scenario));
    if (full.regions.size() < 2 || (v.roots.empty() && v.nerve.empty())) continue;
    const std::string best = structures(lookup().rank(full).candidates.front());
    // Each marked region left out in turn.
    for (std::size_t i = 0; i < full.regions.size(); ++i) {
      SymptomPattern p = full;
      p.regions.erase(p.regions.begin() + static_cast<long>(i));
      ++cases;
      const std::string now = structures(lookup().rank(p).candidates.front());
      kept += now == best;
      if (now != best && std::getenv("SHOW_FLIPS"))
        std::printf("    %s without %s: %s -> %s\n", v.name.c_str(), full.regions[i].id.c_str(),
                    best.c_str(), now.c_str());
    }
    // A neighbouring region (next in the region table) added on the same side.
    for (const auto& m : full.regions) {
      const auto at =
          std::find_if(regions.begin(), regions.end(), [&](const auto& r) { return r.id == m.id; });
      for (const auto next : {at + 1, at == regions.begin() ? regions.end() : at - 1}) {
        if (next == regions.end()) continue;
        const bool marked =
            std::any_of(full.regions.begin(), full.regions.end(),
                        [&](const auto& x) { return x.id == next->id && x.side == m.side; });
        if (marked) continue;
        SymptomPattern p = full;
        p.regions.push_back({next->id, m.side});
        ++cases;
        const std::string now = structures(lookup().rank(p).candidates.front());
        kept += now == best;
        if (now != best && std::getenv("SHOW_FLIPS"))
          std::printf("    %s with %s: %s -> %s\n", v.name.c_str(), next->id.c_str(), best.c_str(),
                      now.c_str());
      }
    }
  }
  const double share = cases ? 100.0 * kept / cases : 0.0;
  std::printf("  best candidate unchanged in %d of %d perturbed patterns (%.1f %%)\n", kept, cases,
              share);
  EXPECT_GE(share, 90.0);
}

TEST(SymptomLookup, TheSymptomFileIsCheckedAndNamesTheProblem) {
  const auto& g = engine().graph();
  const auto fails = [&](const std::string& text, const std::string& path) {
    try {
      SymptomPattern::parse(text, "s.json", g);
      ADD_FAILURE() << text << " was accepted";
    } catch (const core::ContentError& e) {
      EXPECT_EQ(e.jsonPath(), path) << e.what();
      EXPECT_NE(std::string(e.what()).find("s.json"), std::string::npos);
    }
  };
  fails("{", "");
  fails(R"({"format": "radicula-scenario/1"})", "/format");
  fails(
      R"({"format": "radicula-symptoms/1", "regions": [{"region": "dorsal_foot", "side": "left"}]})",
      "/regions/0/region");
  fails(
      R"({"format": "radicula-symptoms/1", "regions": [{"region": "dorsum_foot", "side": "up"}]})",
      "/regions/0/side");
  fails(
      R"({"format": "radicula-symptoms/1", "reflexes": [{"reflex": "achilles", "side": "left", "change": "gone"}]})",
      "/reflexes/0/change");
  fails(R"({"format": "radicula-symptoms/1"})", "");
  const auto ok = SymptomPattern::parse(
      R"({"format": "radicula-symptoms/1", "regions": [{"region": "dorsum_foot", "side": "both"}],
          "weakness": [{"movement": "great_toe_extension", "side": "left"}],
          "normal_strength": [{"movement": "foot_inversion", "side": "left"}],
          "reflexes": [{"reflex": "achilles", "side": "left", "change": "reduced"}]})",
      "s.json", g);
  EXPECT_EQ(ok.regions.size(), 2u);
  // What is written reads back the same.
  const auto again = SymptomPattern::parse(ok.toJson().dump(), "again.json", g);
  EXPECT_EQ(again.toJson(), ok.toJson());
}

TEST(SymptomLookup, TheLookupReportFollowsItsFormat) {
  const auto file = test::outputDir() / "symptoms_l5.json";
  std::ofstream(file) << R"({"format": "radicula-symptoms/1",
    "regions": [{"region": "dorsum_foot", "side": "left"}],
    "weakness": [{"movement": "great_toe_extension", "side": "left"}],
    "normal_strength": [{"movement": "foot_inversion", "side": "left"}],
    "reflexes": [{"reflex": "achilles", "side": "left", "change": "normal"}]})";
  std::ostringstream out, err;
  ASSERT_EQ(core::runSymptomLookup(file, "json", out, err), 0) << err.str();
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j.at("format"), "radicula-lookup/1");
  ASSERT_FALSE(j.at("candidates").empty());
  const auto& first = j.at("candidates").at(0);
  for (const char* key :
       {"structures", "score", "explained", "unexplained", "contradicted", "lesions"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_TRUE(j.at("red_flags").empty());
  std::ostringstream bad, badErr;
  EXPECT_EQ(core::runSymptomLookup(test::outputDir() / "missing.json", "json", bad, badErr), 2);
  EXPECT_NE(badErr.str().find("missing.json"), std::string::npos);
}

}  // namespace
}  // namespace radicula

namespace radicula {
namespace {

TEST(SymptomMarks, AClickMarksARegionAndAnotherTakesItOff) {
  core::SymptomPattern p;
  p.toggleRegion("dorsum_foot", core::Side::Left);
  EXPECT_TRUE(p.hasRegion("dorsum_foot", core::Side::Left));
  EXPECT_FALSE(p.hasRegion("dorsum_foot", core::Side::Right)) << "each side is its own mark";
  p.toggleRegion("dorsum_foot", core::Side::Left);
  EXPECT_TRUE(p.empty());
}

TEST(SymptomMarks, AMovementStepsThroughUntestedWeakAndStrong) {
  using S = core::SymptomPattern::Strength;
  core::SymptomPattern p;
  EXPECT_EQ(p.strength("foot_inversion", core::Side::Left), S::Untested);
  p.cycleStrength("foot_inversion", core::Side::Left);
  EXPECT_EQ(p.strength("foot_inversion", core::Side::Left), S::Weak);
  EXPECT_EQ(p.weakness.size(), 1u);
  p.cycleStrength("foot_inversion", core::Side::Left);
  EXPECT_EQ(p.strength("foot_inversion", core::Side::Left), S::Strong);
  EXPECT_TRUE(p.weakness.empty()) << "never weak and strong at once";
  EXPECT_EQ(p.normalStrength.size(), 1u);
  p.cycleStrength("foot_inversion", core::Side::Left);
  EXPECT_TRUE(p.empty());
}

TEST(SymptomMarks, AReflexStepsThroughItsChangesAndBackToUntested) {
  core::SymptomPattern p;
  std::vector<std::string> seen;
  for (int i = 0; i < 5; ++i) {
    p.cycleReflex("achilles", core::Side::Right);
    seen.push_back(p.reflexChange("achilles", core::Side::Right));
    EXPECT_LE(p.reflexes.size(), 1u);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"reduced", "absent", "normal", "brisk", ""}));
}

TEST(SymptomMarks, MarksAreSavedWithTheScenarioAndUndoneAsOneStepEach) {
  core::SymptomPattern p;
  p.toggleRegion("sole", core::Side::Left);
  p.setReflex("achilles", core::Side::Left, "absent");
  core::History history;
  history.execute(core::cmd::SetSymptoms{p});
  core::SymptomPattern more = p;
  more.setStrength("ankle_plantarflexion", core::Side::Left, core::SymptomPattern::Strength::Weak);
  history.execute(core::cmd::SetSymptoms{more});
  const core::Scenario saved = history.state().toScenario();
  const core::Scenario reread = core::Scenario::parse(saved.toJson().dump(), "marks.json");
  EXPECT_EQ(core::symptomsOf(reread, engine().graph()), more) << "the file keeps every mark";
  history.undo();
  EXPECT_EQ(core::symptomsOf(history.state().scenario, engine().graph()), p);
  history.undo();
  EXPECT_TRUE(core::symptomsOf(history.state().scenario, engine().graph()).empty());
  EXPECT_FALSE(history.state().scenario.extra.contains("symptoms")) << "no marks, no key";
  history.redo();
  EXPECT_EQ(core::symptomsOf(history.state().scenario, engine().graph()), p);
}

TEST(SymptomMarks, BadMarksInAScenarioNameTheFileAndPath) {
  const core::Scenario bad = core::Scenario::parse(
      R"({"format": "radicula-scenario/1", "pathologies": [],
          "symptoms": {"format": "radicula-symptoms/1",
                       "weakness": [{"movement": "toe_wiggle", "side": "left"}]}})",
      "mine.json");
  try {
    core::symptomsOf(bad, engine().graph(), "mine.json");
    FAIL() << "an unknown movement is refused";
  } catch (const core::ContentError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("mine.json"), std::string::npos) << what;
    EXPECT_NE(what.find("/symptoms/weakness/0/movement"), std::string::npos) << what;
  }
}

TEST(SymptomMarks, AChosenCandidateLightsItsOwnPathEvenWithoutATypicalLesion) {
  const core::Findings sural = lookup().findingsOf(
      {core::Structure{core::Structure::Kind::Nerve, "sural", core::Side::Right}});
  ASSERT_FALSE(sural.regions.empty());
  for (const auto& r : sural.regions) EXPECT_EQ(r.side, core::Side::Right);
  EXPECT_TRUE(std::any_of(sural.regions.begin(), sural.regions.end(),
                          [](const core::RegionFinding& r) { return r.id == "lateral_foot"; }));
  const core::Findings l5 =
      lookup().findingsOf({core::Structure{core::Structure::Kind::Root, "L5", core::Side::Left}});
  EXPECT_TRUE(l5.affected(core::Root::L5, core::Side::Left));
}

}  // namespace
}  // namespace radicula
