// What users read cites the literature, never a file they do not have: the texts in both
// languages, the quiz explanations and the report name no ".md" file, and no text shown about
// a structure says what is not there (the dural sac at L5 holds roots, not the cord).
#include <gtest/gtest.h>

#include "core/data_paths.h"
#include "core/quiz.h"
#include "core/report.h"
#include "core/text_catalog.h"

namespace radicula::core {
namespace {

void expectNoFileReferences(const std::string& text, const std::string& where) {
  for (const char* file : {".md", "CLINICAL", "DESIGN", "shared/"}) {
    EXPECT_EQ(text.find(file), std::string::npos) << where << ": " << text;
  }
}

TEST(TextsInOwnWords, CatalogsCiteTheLiteratureNotFiles) {
  for (const char* language : {"en", "es"}) {
    const TextCatalog clinical = TextCatalog::loadLanguage(language);
    for (const auto& [key, text] : clinical.all()) expectNoFileReferences(text, key);
    const TextCatalog labels = TextCatalog::load(
        contentDir() / "i18n" / "ui" / (std::string(language) + ".json"), language);
    for (const auto& [key, text] : labels.all()) expectNoFileReferences(text, key);
    EXPECT_NE(clinical.get("student.sources").find("Fardon"), std::string::npos) << language;
  }
}

TEST(TextsInOwnWords, QuizExplanationsAndReportsCiteNoFiles) {
  const auto engine = ClinicalEngine::loadDefault();
  for (const char* language : {"en", "es"}) {
    const TextCatalog catalog = TextCatalog::loadLanguage(language);
    for (std::uint32_t seed = 0; seed < 40; ++seed) {
      const QuizText t = quizText(makeQuizQuestion(*engine, seed), catalog);
      expectNoFileReferences(t.stem + t.explanation, "quiz " + std::to_string(seed));
    }
  }
  Scenario scenario;
  Pathology p;
  p.type = PathologyType::Herniation;
  p.level = DiscLevel::L4L5;
  p.side = SideSpec::Both;
  p.zone = Zone::Central;
  p.severity = 0.95f;
  scenario.pathologies = {p};
  const Findings f = engine->analyse(scenario);
  for (const char* language : {"en", "es"}) {
    const TextCatalog catalog = TextCatalog::loadLanguage(language);
    const FindingTexts texts = engine->texts(f, catalog);
    expectNoFileReferences(reportJson(f, texts, catalog).dump(), "report json");
    expectNoFileReferences(reportText(f, texts, catalog), "report text");
  }
}

TEST(TextsInOwnWords, TheDuralSacIsNotSaidToHoldTheCordWhereItHoldsRoots) {
  for (const char* language : {"en", "es"}) {
    const TextCatalog labels = TextCatalog::load(
        contentDir() / "i18n" / "ui" / (std::string(language) + ".json"), language);
    const std::string about = labels.get("structure.dura.about");
    // It names both what it holds above L1 and the roots below (cauda equina).
    EXPECT_NE(about.find(language == std::string("en") ? "cauda equina" : "cola de caballo"),
              std::string::npos)
        << about;
  }
}

}  // namespace
}  // namespace radicula::core
