// The classic cases a clinician reaches with one click: each loads, names itself in both
// languages, cites a source, and shows what the textbook says it shows.
#include <gtest/gtest.h>

#include "core/findings.h"
#include "core/preset_library.h"

namespace radicula::core {
namespace {

TEST(PresetLibrary, EveryPresetLoadsWithNamesAndSource) {
  const PresetLibrary library = PresetLibrary::loadDefault();
  ASSERT_GE(library.presets().size(), 7u);
  for (const auto& p : library.presets()) {
    SCOPED_TRACE(p.id);
    EXPECT_FALSE(p.nameEn.empty());
    EXPECT_FALSE(p.nameEs.empty());
    EXPECT_NE(p.nameEn, p.nameEs);
    EXPECT_FALSE(p.source.empty());
    EXPECT_FALSE(p.scenario.pathologies.empty());
  }
  EXPECT_NE(library.find("piriformis_left"), nullptr);
  EXPECT_EQ(library.find("no_such_case"), nullptr);
}

TEST(PresetLibrary, ClassicCasesShowTheirTextbookRoot) {
  const PresetLibrary library = PresetLibrary::loadDefault();
  const auto engine = ClinicalEngine::loadDefault();
  const auto findings = [&](const char* id) { return engine->analyse(library.find(id)->scenario); };
  EXPECT_TRUE(findings("l4l5_paracentral_left").affected(Root::L5, Side::Left));
  EXPECT_TRUE(findings("l5s1_paracentral_right").affected(Root::S1, Side::Right));
  EXPECT_TRUE(findings("l4l5_foraminal_left").affected(Root::L4, Side::Left));
  EXPECT_TRUE(findings("facet_spur_l4l5_right").affected(Root::L5, Side::Right));
  const Findings stenosis = findings("central_stenosis_l4l5");
  EXPECT_TRUE(stenosis.affected(Root::L5, Side::Left) && stenosis.affected(Root::L5, Side::Right));
  // A long-standing stenosis on both sides is urgent, a massive central disc an emergency
  // (GIRFT 2023; NICE CKS).
  ASSERT_TRUE(stenosis.hasRedFlag("cauda_equina"));
  EXPECT_EQ(stenosis.redFlag("cauda_equina")->urgency, Urgency::Urgent);
  const Findings massive = findings("massive_central_l4l5");
  ASSERT_TRUE(massive.hasRedFlag("cauda_equina"));
  EXPECT_EQ(massive.redFlag("cauda_equina")->urgency, Urgency::Emergency);
  EXPECT_TRUE(findings("fibular_head_left").weak("ankle_dorsiflexion", Side::Left));
  EXPECT_FALSE(findings("fibular_head_left").weak("foot_inversion", Side::Left));
}

}  // namespace
}  // namespace radicula::core
