// A scene as a web link: what the clinician sees is what the link opens, and a broken link is
// refused with one message naming the key, never a blank page.
#include <gtest/gtest.h>

#include "core/content_error.h"
#include "core/scene_link.h"

namespace radicula::core {
namespace {

TEST(SceneLink, TheIssuesExampleOpensALeftParacentralL4L5HerniationInTheSideViewInSpanish) {
  const Scenario s = parseSceneLink("#h=L4-L5.left.paracentral.0.6&view=side&lang=es");
  ASSERT_EQ(s.pathologies.size(), 1u);
  const Pathology& p = s.pathologies[0];
  EXPECT_EQ(p.type, PathologyType::Herniation);
  EXPECT_EQ(p.level, DiscLevel::L4L5);
  EXPECT_EQ(p.side, SideSpec::Left);
  EXPECT_EQ(p.zone, Zone::Paracentral);
  EXPECT_FLOAT_EQ(p.severity, 0.6f);
  const AppState state = AppState::fromScenario(s);
  EXPECT_EQ(state.view.view, "side");
  EXPECT_EQ(state.language, Language::Spanish);
}

TEST(SceneLink, EveryKindOfLesionAndTheViewComeBackAsTheyWere) {
  AppState state;
  Pathology h;
  h.level = DiscLevel::L5S1;
  h.side = SideSpec::Right;
  h.zone = Zone::Foraminal;
  h.severity = 0.75f;
  h.migration = Migration::Down;
  Pathology spur;
  spur.type = PathologyType::Osteophyte;
  spur.level = DiscLevel::L3L4;
  spur.side = SideSpec::Left;
  spur.zone = Zone::Paracentral;
  spur.severity = 0.5f;
  Pathology stenosis;
  stenosis.type = PathologyType::Stenosis;
  stenosis.level = DiscLevel::L4L5;
  stenosis.side = SideSpec::Both;
  stenosis.zone = Zone::Central;
  stenosis.severity = 1.0f;
  Pathology slip;
  slip.type = PathologyType::Spondylolisthesis;
  slip.level = DiscLevel::L5S1;
  slip.side = SideSpec::Both;
  slip.zone = Zone::Central;
  slip.slip = SlipKind::Isthmic;
  slip.severity = 0.4f;
  Pathology piriformis;
  piriformis.type = PathologyType::Piriformis;
  piriformis.side = SideSpec::Left;
  piriformis.severity = 0.6f;
  Pathology fibular;
  fibular.type = PathologyType::FibularHead;
  fibular.side = SideSpec::Right;
  fibular.severity = 0.05f;
  state.scenario.pathologies = {h, spur, stenosis, slip, piriformis, fibular};
  state.view.view = "axial";
  state.mode = Mode::Student;
  const std::string link = sceneLink(state);
  EXPECT_LT(link.size(), 260u) << "short enough to send: " << link;
  EXPECT_NE(link.find("h=L5-S1.right.foraminal.0.75.down"), std::string::npos) << link;
  const AppState back = AppState::fromScenario(parseSceneLink("#" + link));
  ASSERT_EQ(back.scenario.pathologies.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    const Pathology& a = state.scenario.pathologies[i];
    const Pathology& b = back.scenario.pathologies[i];
    EXPECT_EQ(a.type, b.type) << i;
    EXPECT_EQ(a.side, b.side) << i;
    EXPECT_NEAR(a.severity, b.severity, 0.005f) << i;
    if (a.isSpinal()) {
      EXPECT_EQ(a.level, b.level) << i;
      EXPECT_EQ(a.zone, b.zone) << i;
    }
  }
  EXPECT_EQ(back.scenario.pathologies[0].migration, Migration::Down);
  EXPECT_EQ(back.scenario.pathologies[3].slip, SlipKind::Isthmic);
  EXPECT_EQ(back.view.view, "axial");
  EXPECT_EQ(back.mode, Mode::Student);
}

TEST(SceneLink, AScenarioFileTravelsWholeInTheLink) {
  const std::string json =
      R"({"format": "radicula-scenario/1", "pathologies": [{"type": "herniation", "level": "L5-S1",
          "side": "right", "zone": "paracentral", "severity": 0.7}], "view": "axial", "language": "es",
          "mode": "student"})";
  const Scenario s = parseSceneLink("scenario=" + urlEncode(json));
  ASSERT_EQ(s.pathologies.size(), 1u);
  EXPECT_EQ(s.pathologies[0].level, DiscLevel::L5S1);
  const AppState state = AppState::fromScenario(s);
  EXPECT_EQ(state.view.view, "axial");
  EXPECT_EQ(state.language, Language::Spanish);
  EXPECT_EQ(state.mode, Mode::Student);
}

TEST(SceneLink, ABrokenLinkIsRefusedNamingTheKeyAndTheProblem) {
  const auto refused = [](const std::string& link, const std::string& words) {
    try {
      parseSceneLink(link);
      ADD_FAILURE() << link << " was accepted";
    } catch (const ContentError& e) {
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << link << ": " << e.what();
    }
  };
  refused("#h=L45.left.paracentral.0.6", "disc level");
  refused("#h=L4-L5.up.paracentral.0.6", "side");
  refused("#h=L4-L5.left.sideways.0.6", "zone");
  refused("#h=L4-L5.left.paracentral.1.6", "severity");
  refused("#h=L4-L5.left.paracentral", "should read");
  refused("#x=1", "not a key");
  refused("#view=top", "view");
  refused("#lang=fr", "lang");
  refused("#hello", "KEY=VALUE");
  refused("#p=both.0.6", "one side");
  refused("#scenario=%7B%22format", "link scenario");
  refused("#scenario=%zz", "escape");
  EXPECT_TRUE(parseSceneLink("").pathologies.empty()) << "no fragment: the default scene";
  EXPECT_TRUE(parseSceneLink("#").pathologies.empty());
}

TEST(SceneLink, UrlEncodingRoundTripsAnyText) {
  const std::string text = "a b&c=d#e%f/ñ\"{}";
  EXPECT_EQ(urlDecode(urlEncode(text)), text);
  EXPECT_EQ(urlEncode("L4-L5.left_0.6~"), "L4-L5.left_0.6~");
}

}  // namespace
}  // namespace radicula::core
