// From symptoms back to the roots and nerves that explain them, checked against classic
// presentations written by hand from the literature (tests/data/symptoms/classic, each with its
// source): the roots, the peripheral look-alikes told apart by the movements tested strong, and
// the red flags graded as the guidelines grade them. The symptom file's checks and the marks'
// editing follow. (Feeding the engine's own predictions back in is a consistency check, kept
// apart in tests/regression.)
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

// A classic presentation, written by hand from the literature (tests/data/symptoms/classic):
// the marks a clinician would record, the explanation the source gives, and the red flag the
// guidelines give (or none). Nothing here comes from running the engine.
struct Presentation {
  std::string name;
  SymptomPattern pattern;
  nlohmann::json expected;
};

std::vector<Presentation> presentations() {
  std::vector<Presentation> out;
  const auto dir = test::dataDir() / "symptoms" / "classic";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const auto j = nlohmann::json::parse(in);
    EXPECT_FALSE(j.value("source", "").empty()) << entry.path() << " cites its source";
    out.push_back({entry.path().stem().string(),
                   SymptomPattern::load(entry.path(), engine().graph()), j.at("expected")});
  }
  std::sort(out.begin(), out.end(),
            [](const Presentation& a, const Presentation& b) { return a.name < b.name; });
  return out;
}

TEST(SymptomLookup, EachClassicPresentationIsExplainedAsTheLiteratureExplainsIt) {
  const auto all = presentations();
  ASSERT_GE(all.size(), 11u);
  for (const Presentation& p : all) {
    SCOPED_TRACE(p.name);
    const core::Lookup l = lookup().rank(p.pattern);
    ASSERT_FALSE(l.candidates.empty());
    const auto& best = l.candidates.front();
    if (p.expected.contains("best")) {
      EXPECT_EQ(structures(best), p.expected.at("best").get<std::string>()) << ranking(l);
    }
    if (p.expected.contains("top_two")) {
      // Marks that cannot choose between two explanations: both lead, in either order.
      ASSERT_GE(l.candidates.size(), 2u);
      std::set<std::string> top = {structures(l.candidates[0]), structures(l.candidates[1])};
      std::set<std::string> want;
      for (const auto& s : p.expected.at("top_two")) want.insert(s.get<std::string>());
      EXPECT_EQ(top, want) << ranking(l);
    }
    if (p.expected.value("best_sacral_roots_both_sides", false)) {
      std::set<Side> sides;
      for (const auto& s : best.structures) {
        EXPECT_TRUE(s.kind == core::Structure::Kind::Root && s.id.front() == 'S')
            << s.id << ranking(l);
        sides.insert(s.side);
      }
      EXPECT_EQ(sides.size(), 2u) << ranking(l);
    }
    const auto& flag = p.expected.at("red_flag");
    if (flag.is_null()) {
      EXPECT_TRUE(l.redFlags.empty());
    } else {
      ASSERT_EQ(l.redFlags.size(), 1u);
      EXPECT_EQ(l.redFlags[0].id, flag.at("id").get<std::string>());
      EXPECT_EQ(std::string(core::toString(l.redFlags[0].urgency)),
                flag.at("urgency").get<std::string>());
    }
  }
}

TEST(SymptomLookup, TheRootsCandidateCarriesTheLesionThatWouldProduceIt) {
  // A paracentral L4/L5 herniation meets the traversing L5 root (Fardon et al. 2014).
  const auto l5 = lookup().rank(SymptomPattern::load(
      test::dataDir() / "symptoms" / "classic" / "l5_radiculopathy.json", engine().graph()));
  ASSERT_FALSE(l5.candidates.empty());
  const auto& lesions = l5.candidates.front().lesions;
  EXPECT_TRUE(std::any_of(lesions.begin(), lesions.end(), [](const core::Pathology& p) {
    return p.level == core::DiscLevel::L4L5 && p.zone == core::Zone::Paracentral;
  }));
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
  // Marks in both legs: the flag carries its grade in the file.
  const auto both = test::outputDir() / "symptoms_both_legs.json";
  std::ofstream(both) << R"({"format": "radicula-symptoms/1",
    "regions": [{"region": "dorsum_foot", "side": "both"}]})";
  std::ostringstream bothOut, bothErr;
  ASSERT_EQ(core::runSymptomLookup(both, "json", bothOut, bothErr), 0) << bothErr.str();
  const auto flags = nlohmann::json::parse(bothOut.str()).at("red_flags");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].at("urgency"), "urgent");
  EXPECT_EQ(flags[0].at("id"), "cauda_equina");
  EXPECT_FALSE(flags[0].at("text").get<std::string>().empty());
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
