// The radicula-scenario/1 format (docs/contracts.md): aliases, defaults, unknown keys kept on
// re-save, atomic save.
#include <gtest/gtest.h>

#include <fstream>

#include "core/content_error.h"
#include "core/scenario.h"
#include "support/test_paths.h"

namespace radicula::core {
namespace {

TEST(Scenario, ParsesTheDesignExample) {
  const Scenario s = Scenario::parse(R"({
    "format": "radicula-scenario/1",
    "pathologies": [
      {"type": "herniation", "level": "L4-L5", "side": "left",  "zone": "paracentral", "severity": 0.6},
      {"type": "osteophyte", "level": "L5-S1", "side": "right", "zone": "foraminal",   "severity": 0.5},
      {"type": "stenosis",   "level": "L3-L4", "side": "both",  "zone": "central",     "severity": 0.8}
    ]})",
                                     "example.json");
  ASSERT_EQ(s.pathologies.size(), 3u);
  EXPECT_EQ(s.pathologies[0].type, PathologyType::Herniation);
  EXPECT_EQ(s.pathologies[0].level, DiscLevel::L4L5);
  EXPECT_EQ(s.pathologies[0].side, SideSpec::Left);
  EXPECT_EQ(s.pathologies[1].zone, Zone::Foraminal);
  EXPECT_EQ(s.pathologies[2].side, SideSpec::Both);
  EXPECT_FLOAT_EQ(s.pathologies[2].severity, 0.8f);
}

TEST(Scenario, AcceptsTheAliases) {
  const Scenario s = Scenario::parse(R"({"pathologies": [
      {"type": "bone_spur", "level": "L4/L5", "side": "central", "zone": "subarticular", "severity": 0},
      {"type": "herniation", "level": "L4/5", "side": "right", "zone": "far_lateral", "severity": 1},
      {"type": "stenosis", "level": "l3-l4", "side": "left", "zone": "lateral_recess", "severity": 0.5},
      {"type": "herniation", "level": "L5-S1", "zone": "central", "severity": 0.9},
      {"type": "piriformis", "side": "left", "severity": 0.4}]})",
                                     "aliases.json");
  ASSERT_EQ(s.pathologies.size(), 5u);
  EXPECT_EQ(s.pathologies[0].type, PathologyType::Osteophyte);
  EXPECT_EQ(s.pathologies[0].level, DiscLevel::L4L5);
  EXPECT_EQ(s.pathologies[0].side, SideSpec::Both);
  EXPECT_EQ(s.pathologies[0].zone, Zone::Paracentral);
  EXPECT_EQ(s.pathologies[1].level, DiscLevel::L4L5);
  EXPECT_EQ(s.pathologies[1].zone, Zone::Extraforaminal);
  EXPECT_EQ(s.pathologies[2].zone, Zone::Paracentral);
  EXPECT_EQ(s.pathologies[3].side, SideSpec::Both);  // central needs no side
  EXPECT_EQ(s.pathologies[4].type, PathologyType::Piriformis);
}

TEST(Scenario, SpondylolisthesisKindDefaultsByLevel) {
  const Scenario s = Scenario::parse(R"({"pathologies": [
      {"type": "spondylolisthesis", "level": "L4-L5", "side": "both", "severity": 0.5},
      {"type": "spondylolisthesis", "level": "L5-S1", "side": "both", "severity": 0.5},
      {"type": "spondylolisthesis", "level": "L5-S1", "side": "left", "severity": 0.5, "morphology": "degenerative"}]})",
                                     "slip.json");
  EXPECT_EQ(s.pathologies[0].slip, SlipKind::Degenerative);
  EXPECT_EQ(s.pathologies[1].slip, SlipKind::Isthmic);
  EXPECT_EQ(s.pathologies[2].slip, SlipKind::Degenerative);
}

TEST(Scenario, HerniationMigrationIsReadAndWrittenBack) {
  const Scenario s = Scenario::parse(R"({"pathologies": [
      {"type": "herniation", "level": "L4-L5", "side": "left", "zone": "paracentral", "severity": 0.7, "migration": "cranial"}]})",
                                     "migration.json");
  EXPECT_EQ(s.pathologies[0].migration, Migration::Up);
  EXPECT_EQ(s.toJson()["pathologies"][0]["migration"], "up");
}

TEST(Scenario, UnknownKeysSurviveAReSave) {
  const std::string text = R"({
    "format": "radicula-scenario/1",
    "camera": {"yaw": 30, "pitch": -10},
    "language": "es",
    "future_feature": [1, 2, 3],
    "pathologies": [{"type": "herniation", "level": "L4/5", "side": "left", "zone": "paracentral",
                     "severity": 0.6, "notes": "from the MRI report", "grade": "Lee 2"}]})";
  const Scenario s = Scenario::parse(text, "keep.json");
  const auto file = test::outputDir() / "keep_resaved.json";
  s.save(file);
  const Scenario again = Scenario::load(file);
  EXPECT_EQ(again.extra["camera"]["yaw"], 30);
  EXPECT_EQ(again.extra["language"], "es");
  EXPECT_EQ(again.extra["future_feature"].size(), 3u);
  EXPECT_EQ(again.pathologies[0].extra["notes"], "from the MRI report");
  EXPECT_EQ(again.pathologies[0].extra["grade"], "Lee 2");
  EXPECT_EQ(again.toJson()["pathologies"][0]["level"], "L4-L5");  // canonical on save
  EXPECT_EQ(again.toJson().dump(), s.toJson().dump());
}

TEST(Scenario, SaveIsAtomicAndLeavesNoTemporaryFile) {
  const auto dir = test::outputDir() / "atomic";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = dir / "case.json";
  std::ofstream(file) << "old content";
  Scenario s;
  Pathology p;
  p.severity = 0.3f;
  s.pathologies.push_back(p);
  s.save(file);
  EXPECT_EQ(Scenario::load(file).pathologies.size(), 1u);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
  EXPECT_THROW(s.save(dir / "missing_folder" / "x.json"), ContentError);
}

TEST(Scenario, ErrorsNameFilePathAndAcceptedValues) {
  try {
    Scenario::parse(R"({"pathologies": [{"type": "herniation", "level": "L45", "side": "left",
                        "zone": "paracentral", "severity": 0.6}]})",
                    "case.json");
    FAIL() << "expected a ContentError";
  } catch (const ContentError& e) {
    EXPECT_EQ(e.file(), "case.json");
    EXPECT_EQ(e.jsonPath(), "/pathologies/0/level");
    EXPECT_NE(std::string(e.what()).find("L1-L2, L2-L3, L3-L4, L4-L5, L5-S1"), std::string::npos);
  }
}

}  // namespace
}  // namespace radicula::core
