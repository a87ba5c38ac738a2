// Findings follow the fibres: dermatomes, myotomes and reflexes as the literature gives them
// (tests/support/root_tables.h), signs and red flags from compressed roots and nerves (Stewart,
// Focal Peripheral Neuropathies, for the piriformis and the fibular head; GIRFT 2023 and NICE CKS
// sciatica for the red flags).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "core/findings.h"
#include "support/lesions.h"
#include "support/root_tables.h"

namespace radicula::core {
namespace {

const ClinicalEngine& engine() {
  static const std::unique_ptr<ClinicalEngine> e = ClinicalEngine::loadDefault();
  return *e;
}

using test::lesion;

Pathology entrapment(PathologyType type, SideSpec side, float severity) {
  Pathology p;
  p.type = type;
  p.side = side;
  p.severity = severity;
  return p;
}

// Findings for one root compressed alone (0.6) on the left.
Findings rootAlone(Root root) {
  SegmentCompression sc;
  sc.segment = engine().graph().rootSegment(root);
  sc.side = Side::Left;
  sc.compression = 0.6f;
  sc.causes = {0};
  sc.byCause = {0.6f};
  return engine().follow(
      {lesion(PathologyType::Herniation, Zone::Paracentral, DiscLevel::L4L5, SideSpec::Left, 0.6f)},
      {sc});
}

std::set<std::string> regionIds(const Findings& f, Side side) {
  std::set<std::string> out;
  for (const auto& r : f.regions) {
    if (r.side == side) out.insert(r.id);
  }
  return out;
}

std::set<std::string> weakIds(const Findings& f, Side side) {
  std::set<std::string> out;
  for (const auto& m : f.weakness) {
    if (m.side == side) out.insert(m.id);
  }
  return out;
}

std::set<std::string> reflexIds(const Findings& f, Side side) {
  std::set<std::string> out;
  for (const auto& r : f.reflexes) {
    if (r.side == side) out.insert(r.id);
  }
  return out;
}

TEST(Findings, ARootLightsExactlyItsDermatome) {
  // The skin each root supplies, from the literature (tests/support/root_tables.h).
  for (const auto& [root, regions] : test::dermatomes()) {
    const Findings f = rootAlone(root);
    EXPECT_EQ(regionIds(f, Side::Left), regions) << toString(root);
    EXPECT_TRUE(regionIds(f, Side::Right).empty()) << toString(root);
  }
}

TEST(Findings, MovementsAndReflexesFollowTheMyotomes) {
  // Each root weakens the movements it supplies and changes its reflexes (ISNCSCI key muscles;
  // Harrison's table of lumbosacral radiculopathy; tests/support/root_tables.h).
  for (Root root : kRoots) {
    const Findings f = rootAlone(root);
    EXPECT_EQ(weakIds(f, Side::Left), test::myotomes().at(root)) << toString(root);
    EXPECT_EQ(reflexIds(f, Side::Left), test::rootReflexes().at(root)) << toString(root);
    for (const auto& r : f.reflexes) EXPECT_EQ(r.change, "reduced");
  }
}

TEST(Findings, RegionIntensityRisesWithCompression) {
  const auto at = [](float severity) {
    const Findings f = engine().analyse({lesion(PathologyType::Herniation, Zone::Paracentral,
                                                DiscLevel::L4L5, SideSpec::Left, severity)});
    for (const auto& r : f.regions) {
      if (r.id == "dorsum_foot" && r.side == Side::Left) return r.intensity;
    }
    return 0.0f;
  };
  EXPECT_EQ(at(0.1f), 0.0f);
  EXPECT_GT(at(0.4f), 0.0f);
  EXPECT_GT(at(0.6f), at(0.4f));
}

TEST(Findings, SevereCentralHerniationIsBilateralWithCaudaEquina) {
  for (DiscLevel level : kDiscLevels) {
    const Findings f = engine().analyse(
        {lesion(PathologyType::Herniation, Zone::Central, level, SideSpec::Both, 0.95f)});
    for (Side s : kSides) {
      EXPECT_TRUE(f.affected(traversingRoot(level), s)) << toString(level);
      EXPECT_TRUE(f.affected(Root::S3, s)) << toString(level);
    }
    EXPECT_TRUE(f.hasRedFlag("cauda_equina")) << toString(level);
    EXPECT_TRUE(f.regionLit("saddle", Side::Left)) << toString(level);
    EXPECT_TRUE(f.weak("sphincter", Side::Right)) << toString(level);
  }
}

TEST(Findings, ModerateCentralHerniationAlreadyRaisesTheFlag) {
  // 0.5–0.85: the traversing roots on both sides; bilateral disc compression is the flag, an
  // emergency (GIRFT 2023: bilateral radiculopathy from a disc).
  const Findings f = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.6f)});
  EXPECT_TRUE(f.affected(Root::L5, Side::Left));
  EXPECT_TRUE(f.affected(Root::L5, Side::Right));
  EXPECT_FALSE(f.affected(Root::S2, Side::Left));
  ASSERT_TRUE(f.hasRedFlag("cauda_equina"));
  EXPECT_EQ(f.redFlag("cauda_equina")->urgency, Urgency::Emergency);
}

TEST(Findings, TwoOneSidedHerniationsOnOppositeSidesAreNotADiscOnBothSides) {
  // A right L4/L5 and a left L5/S1 paracentral herniation each press on one root of their own
  // side: both legs are affected (urgent, NICE CKS), but no one disc compresses the sac on both
  // sides, so not the emergency (GIRFT 2023).
  const Findings f = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Paracentral, DiscLevel::L4L5, SideSpec::Right, 0.6f),
       lesion(PathologyType::Herniation, Zone::Paracentral, DiscLevel::L5S1, SideSpec::Left,
              0.6f)});
  EXPECT_TRUE(f.affected(Root::L5, Side::Right));
  EXPECT_TRUE(f.affected(Root::S1, Side::Left));
  ASSERT_TRUE(f.hasRedFlag("cauda_equina"));
  EXPECT_EQ(f.redFlag("cauda_equina")->urgency, Urgency::Urgent);
  // One paracentral herniation set on both sides is a bilateral compression: the emergency.
  const Findings both = engine().analyse({lesion(PathologyType::Herniation, Zone::Paracentral,
                                                 DiscLevel::L5S1, SideSpec::Both, 0.6f)});
  ASSERT_TRUE(both.hasRedFlag("cauda_equina"));
  EXPECT_EQ(both.redFlag("cauda_equina")->urgency, Urgency::Emergency);
}

TEST(Findings, CentralStenosisClaudicatesAndIsUrgentNotAnEmergency) {
  // Katz & Harris 2008 (claudication); GIRFT 2023 and NICE CKS (a long-standing narrowing:
  // urgent review, emergency only when saddle, bladder or bowel symptoms appear).
  const Findings moderate = engine().analyse(
      {lesion(PathologyType::Stenosis, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.6f)});
  EXPECT_TRUE(moderate.affected(Root::L5, Side::Left));
  EXPECT_TRUE(moderate.affected(Root::L5, Side::Right));
  EXPECT_FALSE(moderate.affected(Root::S2, Side::Left));
  EXPECT_TRUE(moderate.hasSign("neurogenic_claudication"));
  ASSERT_TRUE(moderate.hasRedFlag("cauda_equina"));
  EXPECT_EQ(moderate.redFlag("cauda_equina")->urgency, Urgency::Urgent);

  const Findings severe = engine().analyse(
      {lesion(PathologyType::Stenosis, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.9f)});
  for (Side s : kSides) {
    EXPECT_TRUE(severe.affected(Root::L5, s));
    EXPECT_TRUE(severe.affected(Root::S2, s));
  }
  ASSERT_TRUE(severe.hasRedFlag("cauda_equina"));
  EXPECT_EQ(severe.redFlag("cauda_equina")->urgency, Urgency::Urgent);
}

TEST(Findings, BilateralForaminalStenosisGivesExitingRootsAndNoEmergency) {
  for (DiscLevel level : kDiscLevels) {
    const Findings f = engine().analyse(
        {lesion(PathologyType::Stenosis, Zone::Foraminal, level, SideSpec::Both, 0.7f)});
    EXPECT_TRUE(f.affected(exitingRoot(level), Side::Left)) << toString(level);
    EXPECT_TRUE(f.affected(exitingRoot(level), Side::Right)) << toString(level);
    EXPECT_FALSE(f.affected(traversingRoot(level), Side::Left)) << toString(level);
    const RedFlag* flag = f.redFlag("cauda_equina");
    EXPECT_TRUE(flag == nullptr || flag->urgency == Urgency::Urgent) << toString(level);
  }
}

TEST(Findings, PiriformisLightsTheSciaticTerritoryAndSparesTheSaphenous) {
  const Findings f =
      engine().analyse({entrapment(PathologyType::Piriformis, SideSpec::Left, 0.6f)});
  for (const char* region : {"lateral_leg", "dorsum_foot", "great_toe", "posterolateral_calf",
                             "lateral_foot", "lateral_heel", "sole"}) {
    EXPECT_TRUE(f.regionLit(region, Side::Left)) << region;
    EXPECT_FALSE(f.regionLit(region, Side::Right)) << region;
  }
  for (const char* region : {"medial_leg", "medial_malleolus", "medial_foot", "medial_knee"}) {
    EXPECT_FALSE(f.regionLit(region, Side::Left)) << region;
  }
  EXPECT_TRUE(f.roots.empty()) << "no root is in the canal with the piriformis";
  EXPECT_FALSE(f.weak("hip_abduction", Side::Left));  // superior gluteal leaves above it
  EXPECT_TRUE(f.weak("ankle_plantarflexion", Side::Left));
  EXPECT_FALSE(f.hasRedFlag("cauda_equina"));
  // Its region roots are L4–S3 fibres only.
  for (const auto& r : f.regions) {
    for (Root root : r.roots) {
      EXPECT_GE(index(root), index(Root::L4));
      EXPECT_LE(index(root), index(Root::S3));
    }
  }
}

TEST(Findings, FibularHeadDropsTheFootButSparesInversionAndHipAbduction) {
  const Findings f =
      engine().analyse({entrapment(PathologyType::FibularHead, SideSpec::Right, 0.6f)});
  EXPECT_TRUE(f.weak("ankle_dorsiflexion", Side::Right));
  EXPECT_TRUE(f.weak("great_toe_extension", Side::Right));
  EXPECT_FALSE(f.weak("foot_inversion", Side::Right));
  EXPECT_FALSE(f.weak("hip_abduction", Side::Right));
  EXPECT_TRUE(f.hasSign("foot_drop"));
  EXPECT_FALSE(f.hasSign("trendelenburg_gait"));
  EXPECT_EQ(regionIds(f, Side::Right),
            (std::set<std::string>{"lateral_leg", "dorsum_foot", "great_toe"}));
  // The L5 root lesion it mimics weakens inversion and hip abduction too.
  const Findings l5 = engine().analyse({lesion(PathologyType::Herniation, Zone::Paracentral,
                                               DiscLevel::L4L5, SideSpec::Right, 0.6f)});
  EXPECT_TRUE(l5.weak("foot_inversion", Side::Right));
  EXPECT_TRUE(l5.weak("hip_abduction", Side::Right));
}

TEST(Findings, MassiveCentralHerniationAtL1L2ReachesTheConus) {
  const Findings f = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Central, DiscLevel::L1L2, SideSpec::Both, 0.95f)});
  EXPECT_TRUE(f.hasRedFlag("conus"));
  const Findings lower = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.95f)});
  EXPECT_FALSE(lower.hasRedFlag("conus"));
}

TEST(Findings, SignsFollowRootsAndWeakness) {
  const Findings l5 = engine().analyse({lesion(PathologyType::Herniation, Zone::Paracentral,
                                               DiscLevel::L4L5, SideSpec::Left, 0.6f)});
  EXPECT_TRUE(l5.hasSign("straight_leg_raise"));
  EXPECT_TRUE(l5.hasSign("foot_drop"));
  EXPECT_TRUE(l5.hasSign("trendelenburg_gait"));
  EXPECT_TRUE(l5.hasSign("cough_sneeze_pain"));
  EXPECT_FALSE(l5.hasSign("femoral_stretch"));
  EXPECT_FALSE(l5.hasRedFlag("cauda_equina"));

  const Findings l3 = engine().analyse({lesion(PathologyType::Herniation, Zone::Extraforaminal,
                                               DiscLevel::L3L4, SideSpec::Left, 0.6f)});
  EXPECT_TRUE(l3.affected(Root::L3, Side::Left));
  EXPECT_TRUE(l3.hasSign("femoral_stretch"));
  EXPECT_FALSE(l3.hasSign("straight_leg_raise"));
}

TEST(Findings, TextsComeFromTheCatalogInBothLanguages) {
  const Findings f = engine().analyse({lesion(PathologyType::Herniation, Zone::Paracentral,
                                              DiscLevel::L4L5, SideSpec::Left, 0.6f)});
  for (const char* language : {"en", "es"}) {
    const TextCatalog catalog = TextCatalog::loadLanguage(language);
    const FindingTexts t = engine().texts(f, catalog);
    ASSERT_FALSE(t.patient.empty()) << language;
    ASSERT_FALSE(t.student.empty()) << language;
    EXPECT_FALSE(t.disclaimer.empty());
    EXPECT_GE(t.leaflet.size(), 5u);
    for (const auto* lines : {&t.patient, &t.student, &t.leaflet}) {
      for (const std::string& line : *lines) {
        EXPECT_EQ(line.find('{'), std::string::npos) << language << ": " << line;
        // A missing key would come back as itself, e.g. "region.dorsum_foot".
        EXPECT_EQ(line.find("region."), std::string::npos) << language << ": " << line;
        EXPECT_EQ(line.find("movement."), std::string::npos) << language << ": " << line;
      }
    }
  }
  const auto en = TextCatalog::loadLanguage("en");
  const auto es = TextCatalog::loadLanguage("es");
  for (const auto& [key, text] : en.all()) EXPECT_TRUE(es.has(key)) << key;
  for (const auto& [key, text] : es.all()) EXPECT_TRUE(en.has(key)) << key;
}

}  // namespace
}  // namespace radicula::core

namespace radicula::core {
namespace {

// A large central herniation presses on ten roots: the patient reads one sentence for them,
// not one per root per side, and the student one per role.
TEST(FindingTexts, RootsAreGroupedNotListedOneByOne) {
  const Findings f = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.95f)});
  ASSERT_GE(f.roots.size(), 10u);
  for (const char* language : {"en", "es"}) {
    const TextCatalog catalog = TextCatalog::loadLanguage(language);
    const FindingTexts t = engine().texts(f, catalog);
    std::size_t rootLines = 0;
    for (const auto& line : t.patient) rootLines += line.find("S5") != std::string::npos;
    EXPECT_EQ(rootLines, 1u) << language;
    const auto grouped = std::find_if(t.patient.begin(), t.patient.end(), [](const auto& l) {
      return l.find("L5–S5") != std::string::npos;
    });
    EXPECT_NE(grouped, t.patient.end()) << language << ": the run of roots reads L5–S5";
    EXPECT_LE(t.patient.size(), 7u) << language;
    std::size_t studentRoots = 0;
    for (const auto& line : t.student) studentRoots += line.find("S1–S5") != std::string::npos;
    EXPECT_EQ(studentRoots, 1u) << language << ": the cauda equina roots in one line";
  }
  // One root on one side keeps its own sentence.
  const Findings one = engine().analyse({lesion(PathologyType::Herniation, Zone::Paracentral,
                                                DiscLevel::L4L5, SideSpec::Left, 0.6f)});
  const FindingTexts t = engine().texts(one, TextCatalog::loadLanguage("en"));
  EXPECT_EQ(t.patient.front(), "The herniated disc at L4-L5 presses on the left L5 nerve root.");
}

}  // namespace
}  // namespace radicula::core
