// The content tables the anatomy is generated from: skin regions in the order of
// content/regions.json with their dermatomes (ISNCSCI key sensory points; Lee, McPhee & Stringer
// 2008), and the morphometry with errors that name the file and the JSON path.
#include <gtest/gtest.h>

#include <fstream>

#include "core/content_error.h"
#include "core/morphometry.h"
#include "core/region_table.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

std::filesystem::path content(const char* name) {
  return test::sourceDir() / "content" / name;
}

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
  const auto file = test::outputDir() / name;
  std::ofstream(file) << text;
  return file;
}

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(RegionTable, ListsTheRegionsOfClinicalSection3InOrder) {
  const auto regions = core::RegionTable::load(content("regions.json"));
  const std::vector<std::string> ids = {"groin",
                                        "anterior_thigh_upper",
                                        "lateral_thigh",
                                        "anterior_thigh_lower",
                                        "medial_knee",
                                        "medial_leg",
                                        "medial_malleolus",
                                        "medial_foot",
                                        "lateral_leg",
                                        "dorsum_foot",
                                        "great_toe",
                                        "posterolateral_calf",
                                        "lateral_foot",
                                        "lateral_heel",
                                        "sole",
                                        "posterior_thigh",
                                        "popliteal_fossa",
                                        "medial_buttock",
                                        "saddle"};
  ASSERT_EQ(regions.size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(regions[i].id, ids[i]);
    EXPECT_FALSE(regions[i].sources.empty()) << ids[i];
    EXPECT_FALSE(regions[i].where.empty()) << ids[i];
  }
  const auto& lateral = regions[*core::RegionTable::indexOf(regions, "lateral_thigh")];
  EXPECT_EQ(lateral.dermatome, (std::vector<core::Root>{core::Root::L2, core::Root::L3}));
  EXPECT_EQ(lateral.cutaneousNerve, "lateral femoral cutaneous");
  const auto& knee = regions[*core::RegionTable::indexOf(regions, "medial_knee")];
  EXPECT_EQ(knee.placement.fromSegment, core::BodySegment::Thigh);
  EXPECT_EQ(knee.placement.toSegment, core::BodySegment::Leg);
  EXPECT_FLOAT_EQ(knee.placement.toAlong, 0.1f);
  const auto& groin = regions[0];
  EXPECT_TRUE(groin.placement.hasAround);
  EXPECT_FLOAT_EQ(groin.placement.aroundFromDeg, 270.0f);
  EXPECT_FLOAT_EQ(groin.placement.aroundToDeg, 30.0f);
  const auto& saddle = regions.back();
  EXPECT_EQ(saddle.dermatome, (std::vector<core::Root>{core::Root::S4, core::Root::S5}));
  EXPECT_FALSE(core::RegionTable::indexOf(regions, "elbow").has_value());
}

TEST(RegionTable, BadEntriesNameTheFileAndPath) {
  std::string text = readAll(content("regions.json"));
  text.replace(text.find("[\"L2\", \"L3\"]"), 12, "[\"L2\", \"L9\"]");
  const auto file = writeTemp("bad_regions.json", text);
  try {
    core::RegionTable::load(file);
    FAIL() << "expected a ContentError";
  } catch (const core::ContentError& e) {
    EXPECT_EQ(e.jsonPath(), "/regions/2/dermatome/1");
    EXPECT_NE(std::string(e.what()).find("bad_regions.json"), std::string::npos);
    EXPECT_NE(e.problem().find("L9"), std::string::npos);
  }
}

TEST(Morphometry, LoadsTheTableInMetres) {
  const auto m = core::Morphometry::load(content("morphometry.json"));
  EXPECT_FLOAT_EQ(m.lumbar[0].endplateWidth, 0.0412f);
  EXPECT_FLOAT_EQ(m.lumbar[4].pedicleWidth, 0.0186f);
  EXPECT_FLOAT_EQ(m.discs[4].lordosisDeg, 21.6f);
  EXPECT_FLOAT_EQ(m.sacrum.slopeDeg, 40.0f);
  EXPECT_FLOAT_EQ(m.body.stature, 1.75f);
  EXPECT_FLOAT_EQ(m.body.hipHeight, 0.530f);
}

TEST(Morphometry, BadValuesNameTheFileAndPath) {
  std::string text = readAll(content("morphometry.json"));
  text.replace(text.find("41.2"), 4, "4120");  // millimetres typed as tenths
  try {
    core::Morphometry::load(writeTemp("bad_morphometry.json", text));
    FAIL() << "expected a ContentError";
  } catch (const core::ContentError& e) {
    EXPECT_EQ(e.jsonPath(), "/lumbar/endplate_width/values/0");
  }
  try {
    core::Morphometry::load(writeTemp("broken_morphometry.json", "{\"lumbar\": "));
    FAIL() << "expected a ContentError";
  } catch (const core::ContentError& e) {
    EXPECT_NE(e.problem().find("JSON"), std::string::npos);
  }
}

}  // namespace
}  // namespace radicula
