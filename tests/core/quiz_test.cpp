// "Test yourself": every question has one right answer that agrees with the literature (Fardon
// et al. 2014 for the root a zone meets; the dermatomes, myotomes and reflexes of
// tests/support/root_tables.h for skin, movement and reflex) and with what the lesion on screen
// shows,
// wrong options that this lesion does not give, words in both languages, and a round that scores
// answers once and gives the user's own lesions back.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/app_state.h"
#include "core/findings.h"
#include "core/quiz.h"
#include "core/text_catalog.h"
#include "support/root_tables.h"

namespace radicula::core {
namespace {

const ClinicalEngine& engine() {
  static const std::unique_ptr<ClinicalEngine> e = ClinicalEngine::loadDefault();
  return *e;
}

constexpr std::uint32_t kSeeds = 150;

// Whether the literature gives `id` to `root` (skin, movement or reflex).
bool supplies(QuizTopic topic, Root root, const std::string& id) {
  const auto* table = topic == QuizTopic::Skin       ? &test::dermatomes()
                      : topic == QuizTopic::Movement ? &test::myotomes()
                                                     : &test::rootReflexes();
  return table->at(root).count(id) > 0;
}

bool shows(QuizTopic topic, const Findings& f, const std::string& id, Side side) {
  switch (topic) {
    case QuizTopic::Skin:
      return f.regionLit(id, side);
    case QuizTopic::Movement:
      return f.weak(id, side);
    case QuizTopic::Reflex:
      return std::any_of(f.reflexes.begin(), f.reflexes.end(),
                         [&](const ReflexFinding& r) { return r.id == id && r.side == side; });
    default:
      break;
  }
  return false;
}

TEST(Quiz, EveryQuestionHasOneRightAnswerTheEngineAndTheOracleAgreeOn) {
  std::map<QuizTopic, int> topics;
  std::set<std::pair<Zone, bool>> zoneAndExiting;
  for (std::uint32_t seed = 0; seed < kSeeds; ++seed) {
    SCOPED_TRACE(testing::Message() << "seed " << seed);
    const QuizQuestion q = makeQuizQuestion(engine(), seed);
    ++topics[q.topic];
    if (isReverse(q.topic)) continue;  // QuizReverse below
    ASSERT_GE(q.options.size(), 3u);
    ASSERT_GE(q.correct, 0);
    ASSERT_LT(q.correct, static_cast<int>(q.options.size()));
    EXPECT_EQ(std::set<std::string>(q.options.begin(), q.options.end()).size(), q.options.size())
        << "options repeat";

    // The lesion on screen compresses exactly the question's root, on its side.
    const Findings f = engine().analyse({q.lesion});
    EXPECT_TRUE(f.redFlags.empty());
    int affected = 0;
    for (const auto& r : f.roots) affected += r.affected ? 1 : 0;
    EXPECT_EQ(affected, 1);
    EXPECT_TRUE(f.affected(q.root, q.side));
    EXPECT_EQ(q.side, q.lesion.side == SideSpec::Left ? Side::Left : Side::Right);

    // Fardon et al. 2014: paracentral (lateral recess, facet spur) catches the traversing root Y,
    // foraminal and far-lateral the exiting root X.
    const Root expected = q.lesion.zone == Zone::Paracentral ? traversingRoot(q.lesion.level)
                                                             : exitingRoot(q.lesion.level);
    EXPECT_EQ(q.root, expected) << toString(q.lesion.type) << " " << toString(q.lesion.zone)
                                << " at " << toString(q.lesion.level);
    zoneAndExiting.insert({q.lesion.zone, q.root == exitingRoot(q.lesion.level)});

    if (q.topic == QuizTopic::Root) {
      EXPECT_EQ(q.options[q.correct], std::string(toString(q.root)));
      for (int i = 0; i < static_cast<int>(q.options.size()); ++i) {
        if (i == q.correct) continue;
        const auto other = parseRoot(q.options[i]);
        ASSERT_TRUE(other.has_value()) << q.options[i];
        EXPECT_FALSE(f.affected(*other, q.side)) << q.options[i] << " is also pressed";
      }
    } else {
      EXPECT_TRUE(supplies(q.topic, q.root, q.options[q.correct]))
          << q.options[q.correct] << " is not supplied by " << toString(q.root);
      EXPECT_TRUE(shows(q.topic, f, q.options[q.correct], q.side))
          << q.options[q.correct] << " does not follow from this lesion";
      for (int i = 0; i < static_cast<int>(q.options.size()); ++i) {
        if (i != q.correct) {
          EXPECT_FALSE(supplies(q.topic, q.root, q.options[i]))
              << q.options[i] << " is also supplied by " << toString(q.root);
          EXPECT_FALSE(shows(q.topic, f, q.options[i], q.side))
              << q.options[i] << " also follows, so two options would be right";
        }
      }
    }
  }
  for (QuizTopic t : {QuizTopic::Root, QuizTopic::Skin, QuizTopic::Movement, QuizTopic::Reflex,
                      QuizTopic::WhichRoot, QuizTopic::RootOrNerve}) {
    EXPECT_GT(topics[t], static_cast<int>(kSeeds) / 15)
        << "too few " << toString(t) << " questions";
  }
  // Students meet both halves of the lesson: the traversing root and the exiting one.
  EXPECT_TRUE(zoneAndExiting.count({Zone::Paracentral, false}));
  EXPECT_TRUE(zoneAndExiting.count({Zone::Foraminal, true}));
  EXPECT_TRUE(zoneAndExiting.count({Zone::Extraforaminal, true}));
}

TEST(Quiz, TheSameSeedAsksTheSameQuestion) {
  for (std::uint32_t seed : {1u, 42u, 1234567u}) {
    const QuizQuestion a = makeQuizQuestion(engine(), seed);
    const QuizQuestion b = makeQuizQuestion(engine(), seed);
    EXPECT_EQ(a.options, b.options);
    EXPECT_EQ(a.correct, b.correct);
    EXPECT_EQ(a.lesion.level, b.lesion.level);
    EXPECT_EQ(a.lesion.zone, b.lesion.zone);
  }
  // And different seeds do not all ask the same.
  std::set<std::vector<std::string>> asked;
  for (std::uint32_t seed = 0; seed < 20; ++seed)
    asked.insert(makeQuizQuestion(engine(), seed).options);
  EXPECT_GT(asked.size(), 10u);
}

TEST(Quiz, QuestionsReadInEnglishAndSpanishWithEveryPlaceholderFilled) {
  for (const char* language : {"en", "es"}) {
    const TextCatalog catalog = TextCatalog::loadLanguage(language);
    ASSERT_TRUE(catalog.has("quiz.sources")) << language;
    for (std::uint32_t seed = 0; seed < 40; ++seed) {
      SCOPED_TRACE(testing::Message() << language << " seed " << seed);
      const QuizQuestion q = makeQuizQuestion(engine(), seed);
      const QuizText text = quizText(q, catalog);
      ASSERT_EQ(text.options.size(), q.options.size());
      for (const std::string& s : {text.stem, text.explanation}) {
        EXPECT_FALSE(s.empty());
        EXPECT_EQ(s.find('{'), std::string::npos) << s;
        EXPECT_EQ(s.find("quiz."), std::string::npos) << "missing text: " << s;
      }
      for (const std::string& option : text.options) {
        // A missing name would show its key ("region.dorsum_foot").
        EXPECT_EQ(option.find('.'), std::string::npos) << option;
      }
      // The explanation names the root that is pressed.
      EXPECT_NE(text.explanation.find(std::string(toString(q.root))), std::string::npos);
    }
  }
}

TEST(QuizRound, AnswersScoreOnceAndEndingBringsBackTheUsersLesions) {
  Pathology own;
  own.type = PathologyType::Stenosis;
  own.zone = Zone::Central;
  own.level = DiscLevel::L3L4;
  own.side = SideSpec::Both;
  History history;
  history.execute(cmd::AddPathology{own});
  ASSERT_TRUE(history.canUndo());

  const QuizQuestion q = makeQuizQuestion(engine(), 7);
  history.execute(cmd::AskQuiz{q});
  ASSERT_TRUE(history.state().quiz.has_value());
  ASSERT_EQ(history.state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(history.state().scenario.pathologies[0].level, q.lesion.level);
  EXPECT_EQ(history.state().view.focusLevel, q.lesion.level);
  EXPECT_EQ(history.state().view.focusSide, q.side);
  // Undo would swap the question's lesion for the user's: it waits for the round to end.
  EXPECT_FALSE(history.canUndo());
  history.undo();
  EXPECT_EQ(history.state().scenario.pathologies[0].level, q.lesion.level);

  const int wrong = (q.correct + 1) % static_cast<int>(q.options.size());
  history.execute(cmd::AnswerQuiz{wrong});
  history.execute(cmd::AnswerQuiz{q.correct});  // too late: the first answer counts
  EXPECT_EQ(history.state().quiz->asked, 1);
  EXPECT_EQ(history.state().quiz->right, 0);
  EXPECT_EQ(history.state().quiz->answer, wrong);

  history.execute(cmd::AskQuiz{makeQuizQuestion(engine(), 8)});
  EXPECT_FALSE(history.state().quiz->answered());
  history.execute(cmd::AnswerQuiz{history.state().quiz->question.correct});
  EXPECT_EQ(history.state().quiz->asked, 2);
  EXPECT_EQ(history.state().quiz->right, 1);
  history.execute(cmd::AnswerQuiz{99});  // out of range: ignored
  EXPECT_EQ(history.state().quiz->asked, 2);

  history.execute(cmd::EndQuiz{});
  EXPECT_FALSE(history.state().quiz.has_value());
  ASSERT_EQ(history.state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(history.state().scenario.pathologies[0].type, PathologyType::Stenosis);
  EXPECT_TRUE(history.canUndo());
}

TEST(QuizRound, EditingTheLesionsEndsTheRoundFirst) {
  History history;
  history.execute(cmd::AskQuiz{makeQuizQuestion(engine(), 3)});
  Pathology added;
  added.level = DiscLevel::L5S1;
  history.execute(cmd::AddPathology{added});
  EXPECT_FALSE(history.state().quiz.has_value());
  // The user's own (empty) set plus the new lesion; undo takes the new one away.
  ASSERT_EQ(history.state().scenario.pathologies.size(), 1u);
  EXPECT_EQ(history.state().scenario.pathologies[0].level, DiscLevel::L5S1);
  history.undo();
  EXPECT_TRUE(history.state().scenario.pathologies.empty());
}

}  // namespace
}  // namespace radicula::core

namespace radicula::core {
namespace {

TEST(Quiz, ARoundAsksEveryTopicBeforeOneComesBackAndVariesLevelsAndZones) {
  for (std::uint32_t start : {1u, 77u, 4242u}) {
    std::vector<QuizQuestion> round;
    for (std::uint32_t i = 0; i < 12; ++i)
      round.push_back(makeQuizQuestion(engine(), start + i, round));
    for (std::size_t i = 0; i < round.size(); ++i) {
      // Topics: six in a row are six different ones; a level stays away for two questions,
      // a zone for one.
      for (std::size_t j = (i >= 5 ? i - 5 : 0); j < i; ++j) {
        EXPECT_NE(round[i].topic, round[j].topic) << "start " << start << " question " << i;
      }
      for (std::size_t j = (i >= 2 ? i - 2 : 0); j < i; ++j) {
        EXPECT_NE(round[i].lesion.level, round[j].lesion.level) << "start " << start << " q " << i;
      }
      if (i > 0) {
        EXPECT_NE(round[i].lesion.zone, round[i - 1].lesion.zone)
            << "start " << start << " q " << i;
      }
    }
    std::set<DiscLevel> levels;
    for (const auto& q : round) levels.insert(q.lesion.level);
    std::printf("  round from seed %u: %zu levels in 12 questions\n", start, levels.size());
    EXPECT_GE(levels.size(), 4u) << "start " << start;
  }
}

}  // namespace
}  // namespace radicula::core

namespace radicula::core {
namespace {

TEST(QuizReverse, ReadFromThePictureTheQuestionNamesNoLevelZoneOrSide) {
  const TextCatalog catalog = TextCatalog::loadLanguage("en");
  int forward = 0;
  for (std::uint32_t seed = 0; seed < 30; ++seed) {
    std::vector<QuizQuestion> round;
    const QuizQuestion q = makeQuizQuestion(engine(), seed, round, /*fromView=*/true);
    if (isReverse(q.topic)) {
      EXPECT_FALSE(q.fromView) << "a reverse question shows no lesion to read";
      continue;
    }
    ++forward;
    const QuizText text = quizText(q, catalog);
    std::string level(toString(q.lesion.level));
    std::replace(level.begin(), level.end(), '-', '/');
    EXPECT_EQ(text.stem.find(level), std::string::npos) << text.stem;
    EXPECT_EQ(text.stem.find(catalog.get("zone." + std::string(toString(q.lesion.zone)))),
              std::string::npos)
        << text.stem;
    EXPECT_EQ(text.stem.find(" left"), std::string::npos) << text.stem;
    EXPECT_EQ(text.stem.find(" right"), std::string::npos) << text.stem;
    // The answer names them.
    EXPECT_NE(text.explanation.find(level), std::string::npos) << text.explanation;
  }
  EXPECT_GT(forward, 10);
  // Switched on while a question waits, the question on screen is worded again.
  History history;
  QuizQuestion q;
  for (std::uint32_t seed = 0; isReverse((q = makeQuizQuestion(engine(), seed)).topic); ++seed) {
  }
  history.execute(cmd::AskQuiz{q});
  history.execute(cmd::SetQuizFromView{true});
  EXPECT_TRUE(history.state().quiz->question.fromView);
  EXPECT_TRUE(history.state().quizFromView);
}

}  // namespace
}  // namespace radicula::core
