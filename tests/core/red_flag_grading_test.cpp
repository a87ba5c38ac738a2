// Red flags graded as the guidelines grade them. Every expected grade here comes from the
// rules of the UK GIRFT National Suspected Cauda Equina Syndrome Pathway (2023), NICE CKS
// Sciatica (red flags) and Long, Koyfman & Gottlieb 2020 (Am J Emerg Med 38:143-148), never
// from running the engine:
// - emergency (same-day emergency care): a disc herniation compressing roots on both sides or
//   reaching S2-S5; saddle numbness, sphincter weakness or a lost anal reflex marked; the conus;
// - urgent (see a doctor now; emergency care if it progresses): a long-standing stenosis, slip
//   or bony bar reaching S2-S5 or compressing roots on both sides; symptoms in both legs only.
#include <gtest/gtest.h>

#include <memory>

#include "core/findings.h"
#include "core/mri_report.h"
#include "core/symptom_lookup.h"
#include "support/lesions.h"
#include "support/test_paths.h"

namespace radicula::core {
namespace {

using test::lesion;

const ClinicalEngine& engine() {
  static const std::unique_ptr<ClinicalEngine> e = ClinicalEngine::loadDefault();
  return *e;
}

// The grade of `id`, or "none".
std::string grade(const std::vector<RedFlag>& flags, const std::string& id = "cauda_equina") {
  for (const RedFlag& f : flags) {
    if (f.id == id) return std::string(toString(f.urgency));
  }
  return "none";
}

std::string grade(const Findings& f, const std::string& id = "cauda_equina") {
  return grade(f.redFlags, id);
}

TEST(RedFlagGrading, AMassiveCentralExtrusionAtL4L5IsAnEmergency) {
  // GIRFT 2023: a disc compressing the sacral roots; Long et al. 2020.
  const Findings f = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.95f)});
  EXPECT_EQ(grade(f), "emergency");
}

TEST(RedFlagGrading, ADiscCompressingRootsOnBothSidesIsAnEmergency) {
  // Bilateral radiculopathy from one disc is suspected cauda equina syndrome (GIRFT 2023;
  // NICE CKS lists bilateral sciatica among its features).
  for (Zone zone : {Zone::Central, Zone::Paracentral}) {
    const Findings f = engine().analyse(
        {lesion(PathologyType::Herniation, zone, DiscLevel::L5S1, SideSpec::Both, 0.7f)});
    EXPECT_EQ(grade(f), "emergency") << toString(zone);
  }
}

TEST(RedFlagGrading, SevereCentralStenosisAtL3L4WithClaudicationIsUrgentNotAnEmergency) {
  // A long-standing narrowing that reaches S2-S5 without new saddle, bladder or bowel
  // symptoms: urgent review (GIRFT 2023 triggers on new or deteriorating symptoms; NICE CKS:
  // serious is not always an emergency). Katz & Harris 2008: neurogenic claudication.
  const Findings f = engine().analyse(
      {lesion(PathologyType::Stenosis, Zone::Central, DiscLevel::L3L4, SideSpec::Both, 0.9f)});
  EXPECT_EQ(grade(f), "urgent");
  EXPECT_TRUE(f.hasSign("neurogenic_claudication"));
}

TEST(RedFlagGrading, AStenosisOrSlipOnBothSidesIsUrgentWithClaudication) {
  for (PathologyType type : {PathologyType::Stenosis, PathologyType::Spondylolisthesis}) {
    Pathology p = lesion(type, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.6f);
    p.slip = SlipKind::Degenerative;
    const Findings f = engine().analyse({p});
    EXPECT_EQ(grade(f), "urgent") << toString(type);
    EXPECT_TRUE(f.hasSign("neurogenic_claudication")) << toString(type);
  }
}

TEST(RedFlagGrading, BilateralForaminalStenosisIsNeverAnEmergency) {
  // The foramina lie outside the dural sac: both legs are affected (urgent at most), the cauda
  // equina is not.
  for (DiscLevel level : kDiscLevels) {
    const Findings f = engine().analyse(
        {lesion(PathologyType::Stenosis, Zone::Foraminal, level, SideSpec::Both, 0.7f)});
    EXPECT_NE(grade(f), "emergency") << toString(level);
    EXPECT_FALSE(f.hasRedFlag("conus")) << toString(level);
  }
}

TEST(RedFlagGrading, TwoOneSidedHerniationsOnOppositeSidesAreUrgentNotAnEmergency) {
  // Each disc presses on one root of its own side: symptoms in both legs (see a doctor now),
  // but no disc compresses the sac on both sides.
  const Findings f = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Paracentral, DiscLevel::L4L5, SideSpec::Right, 0.6f),
       lesion(PathologyType::Herniation, Zone::Paracentral, DiscLevel::L5S1, SideSpec::Left,
              0.6f)});
  EXPECT_EQ(grade(f), "urgent");
}

TEST(RedFlagGrading, OneLegAloneRaisesNoRedFlag) {
  const Findings f = engine().analyse({lesion(PathologyType::Herniation, Zone::Paracentral,
                                              DiscLevel::L4L5, SideSpec::Left, 0.6f)});
  EXPECT_TRUE(f.redFlags.empty());
}

TEST(RedFlagGrading, TheConusIsAnEmergency) {
  const Findings f = engine().analyse(
      {lesion(PathologyType::Herniation, Zone::Central, DiscLevel::L1L2, SideSpec::Both, 0.95f)});
  EXPECT_EQ(grade(f, "conus"), "emergency");
}

// The grade of the flags a whole MRI report raises once read.
std::string reportGrade(const char* report) {
  static const MriSeverityTable table = MriSeverityTable::loadDefault();
  const MriReading reading = loadMriReport(test::dataDir() / "mri" / "reports" / report, table);
  return grade(engine().analyse(reading.scenario));
}

TEST(RedFlagGrading, TheTwoReportsThatRangTheSameAlarmNowDiffer) {
  // "Large central disc extrusion occupying most of the canal, with severe compression of the
  // cauda equina" (saddle anaesthesia, urinary retention): same-day emergency care (GIRFT
  // 2023; Long et al. 2020).
  EXPECT_EQ(reportGrade("05_cauda_equina.txt"), "emergency");
  // A 72-year-old with neurogenic claudication and a severe central stenosis with a grade 1
  // degenerative slip, in English and in Spanish: a long-standing narrowing in both legs,
  // urgent review with the signs that would make it an emergency, not the emergency
  // department (GIRFT 2023 triggers; NICE CKS sciatica; Katz & Harris 2008).
  EXPECT_EQ(reportGrade("03_stenosis_spondylolisthesis.txt"), "urgent");
  EXPECT_EQ(reportGrade("08_es_estenosis.txt"), "urgent");
  // Reports whose words compress one root in one leg (the right L5 in its foramen; the left L5
  // in its lateral recess) raise no red flag at all.
  EXPECT_EQ(reportGrade("02_foraminal_l5s1.txt"), "none");
  EXPECT_EQ(reportGrade("07_es_hernia.txt"), "none");
}

// Marks as "Where does it hurt?" makes them.
SymptomPattern marks(std::initializer_list<std::pair<const char*, Side>> regions,
                     std::initializer_list<std::pair<const char*, Side>> weak = {},
                     std::initializer_list<std::pair<const char*, const char*>> reflexes = {}) {
  SymptomPattern p;
  for (const auto& [id, side] : regions) p.regions.push_back({id, side});
  for (const auto& [id, side] : weak) p.weakness.push_back({id, side});
  for (const auto& [id, change] : reflexes) p.reflexes.push_back({id, Side::Left, change});
  return p;
}

TEST(RedFlagGrading, SaddleNumbnessSphincterWeaknessOrALostAnalReflexMarkedIsAnEmergency) {
  // GIRFT 2023: altered perianal or genital sensation, bladder or bowel dysfunction.
  EXPECT_EQ(grade(markedRedFlags(engine(), marks({{"saddle", Side::Left}}))), "emergency");
  EXPECT_EQ(grade(markedRedFlags(engine(), marks({}, {{"sphincter", Side::Right}}))), "emergency");
  EXPECT_EQ(grade(markedRedFlags(engine(), marks({}, {}, {{"anal_wink", "absent"}}))), "emergency");
  // Saddle numbness with symptoms in both legs is still an emergency, not merely urgent.
  EXPECT_EQ(grade(markedRedFlags(engine(), marks({{"saddle", Side::Left},
                                                  {"dorsum_foot", Side::Left},
                                                  {"dorsum_foot", Side::Right}}))),
            "emergency");
}

TEST(RedFlagGrading, MarksInBothLegsOnlyAreUrgent) {
  EXPECT_EQ(
      grade(markedRedFlags(engine(), marks({{"dorsum_foot", Side::Left}, {"sole", Side::Right}}))),
      "urgent");
  EXPECT_EQ(grade(markedRedFlags(engine(), marks({}, {{"ankle_dorsiflexion", Side::Left},
                                                      {"ankle_dorsiflexion", Side::Right}}))),
            "urgent");
}

TEST(RedFlagGrading, OneLegMarkedOrAnAnalReflexMarkedNormalRaisesNothing) {
  EXPECT_TRUE(markedRedFlags(engine(), marks({{"dorsum_foot", Side::Left}})).empty());
  EXPECT_TRUE(markedRedFlags(engine(), marks({}, {}, {{"anal_wink", "normal"}})).empty());
}

TEST(RedFlagGrading, SaddleNumbnessMarkedBesideALongStandingStenosisMakesItAnEmergency) {
  // The lesion alone is urgent; the marks saved with the scenario raise the grade.
  Scenario scenario;
  scenario.pathologies = {
      lesion(PathologyType::Stenosis, Zone::Central, DiscLevel::L4L5, SideSpec::Both, 0.6f)};
  EXPECT_EQ(grade(engine().analyse(scenario)), "urgent");
  setSymptoms(scenario, marks({{"saddle", Side::Left}}));
  const Findings f = engine().analyse(scenario);
  EXPECT_EQ(grade(f), "emergency");
  const RedFlag& flag = *f.redFlag("cauda_equina");
  EXPECT_EQ(flag.reason, "saddle_marked");
  // It speaks of what was marked, not of a disc nobody has seen.
  EXPECT_TRUE(flag.fromMarks);
  const std::string text = redFlagText(flag, TextCatalog::loadLanguage("en"));
  EXPECT_NE(text.find("Numbness between the legs"), std::string::npos) << text;
  EXPECT_EQ(text.find("disc"), std::string::npos) << text;
}

TEST(RedFlagGrading, TheTwoGradesSayDifferentThingsInBothLanguages) {
  for (const char* language : {"en", "es"}) {
    const TextCatalog t = TextCatalog::loadLanguage(language);
    const RedFlag emergency{"cauda_equina", Urgency::Emergency, "disc_both_sides"};
    const RedFlag urgent{"cauda_equina", Urgency::Urgent, "chronic_both_sides"};
    EXPECT_NE(urgencyAction(Urgency::Emergency, false, t),
              urgencyAction(Urgency::Urgent, false, t));
    EXPECT_NE(redFlagTitle(emergency, t), redFlagTitle(urgent, t)) << language;
    EXPECT_NE(redFlagText(emergency, t), redFlagText(urgent, t)) << language;
  }
  // The words the guidelines' grades call for, in plain English for patients.
  const TextCatalog en = TextCatalog::loadLanguage("en");
  EXPECT_EQ(urgencyAction(Urgency::Emergency, false, en), "Go to emergency care today");
  EXPECT_EQ(urgencyAction(Urgency::Urgent, false, en), "See a doctor now (within a day or so)");
  // An urgent flag says what would make it an emergency.
  const std::string urgentText =
      redFlagText(RedFlag{"cauda_equina", Urgency::Urgent, "both_legs"}, en);
  EXPECT_NE(urgentText.find("emergency care today if"), std::string::npos) << urgentText;
  EXPECT_NE(urgentText.find("urine or stool"), std::string::npos) << urgentText;
}

TEST(RedFlagGrading, EveryRuleCitesAGuideline) {
  // The rules are data; each grades with a guideline behind it (the text catalogues name it
  // for students).
  for (const char* language : {"en", "es"}) {
    const TextCatalog t = TextCatalog::loadLanguage(language);
    for (const auto* rules : {&engine().redFlagRules(), &engine().symptomRedFlagRules()}) {
      for (const RedFlagRule& r : *rules) {
        const std::string reason = redFlagReason(RedFlag{r.id, r.urgency, r.reason}, t);
        EXPECT_TRUE(reason.find("GIRFT") != std::string::npos ||
                    reason.find("NICE") != std::string::npos ||
                    reason.find("Long") != std::string::npos)
            << r.reason << ": " << reason;
      }
    }
  }
}

}  // namespace
}  // namespace radicula::core
