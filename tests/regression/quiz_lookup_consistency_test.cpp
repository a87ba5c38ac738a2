// REGRESSION / CONSISTENCY CHECK, NOT EVIDENCE OF CORRECTNESS (see tests/README.md).
// The reverse "test yourself" questions are built from the engine's findings; this checks that
// the answer a question gives agrees with the ranking "Where does it hurt?" makes of the same
// symptoms (the engine's predictions fed back into a lookup built from the same engine) and
// that the lesion revealed with the answer presses on it. It proves the two parts of the app do
// not contradict each other, not that either is right: the clinical evidence for the lookup is
// tests/core/symptom_lookup_test.cpp (classic presentations from the literature).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "core/findings.h"
#include "core/quiz.h"
#include "core/symptom_lookup.h"

namespace radicula::core {
namespace {

const ClinicalEngine& engine() {
  static const std::unique_ptr<ClinicalEngine> e = ClinicalEngine::loadDefault();
  return *e;
}

constexpr std::uint32_t kSeeds = 150;

bool same(const Structure& s, Structure::Kind kind, const std::string& id, Side side) {
  return s.kind == kind && s.id == id && s.side == side;
}

// Where `kind:id` ranks for `pattern` (0 best); the lookup's own ranking, of single structures.
int rankOf(const SymptomLookup& lookup, const SymptomPattern& pattern, Structure::Kind kind,
           const std::string& id, Side side) {
  const Lookup l = lookup.rank(pattern, 200);
  int rank = 0;
  for (const auto& c : l.candidates) {
    if (c.structures.size() != 1) continue;
    if (same(c.structures.front(), kind, id, side)) return rank;
    ++rank;
  }
  return 1000;
}

TEST(RegressionQuizLookupConsistency, ReverseQuestionsAgreeWithTheLookupAndTheirLesion) {
  const SymptomLookup lookup(engine());
  int whichRoot = 0, rootOrNerve = 0, nerveAnswers = 0;
  for (std::uint32_t seed = 0; seed < kSeeds; ++seed) {
    SCOPED_TRACE(testing::Message() << "seed " << seed);
    const QuizQuestion q = makeQuizQuestion(engine(), seed);
    if (q.topic == QuizTopic::WhichRoot) {
      ++whichRoot;
      ASSERT_EQ(q.options.size(), 4u);
      EXPECT_EQ(q.options[q.correct], std::string(toString(q.root)));
      ASSERT_FALSE(q.symptoms.regions.empty());
      for (const auto& r : q.symptoms.regions) EXPECT_EQ(r.side, q.side);
      // The symptoms point to the root among the roots, by the same lookup as "Where does it
      // hurt?", and the lesion revealed with the answer presses on it.
      const Lookup l = lookup.rank(q.symptoms, 200);
      bool rootFirst = false;
      for (const auto& c : l.candidates) {
        if (c.structures.size() == 1 && c.structures[0].kind == Structure::Kind::Root) {
          rootFirst =
              same(c.structures[0], Structure::Kind::Root, std::string(toString(q.root)), q.side);
          break;
        }
      }
      EXPECT_TRUE(rootFirst);
      EXPECT_TRUE(engine().analyse({q.lesion}).affected(q.root, q.side));
    } else if (q.topic == QuizTopic::RootOrNerve) {
      ++rootOrNerve;
      ASSERT_EQ(q.options.size(), 2u);
      const bool nerve = q.options[q.correct].rfind("nerve:", 0) == 0;
      nerveAnswers += nerve ? 1 : 0;
      // A movement tested strong is what tells the nerve from the root.
      EXPECT_EQ(nerve, !q.symptoms.normalStrength.empty());
      const int rootRank =
          rankOf(lookup, q.symptoms, Structure::Kind::Root, std::string(toString(q.root)), q.side);
      const int nerveRank = rankOf(lookup, q.symptoms, Structure::Kind::Nerve, q.nerve, q.side);
      EXPECT_EQ(nerve, nerveRank < rootRank) << "root " << rootRank << " nerve " << nerveRank;
      // The lesion revealed with the answer presses on the answer.
      const Findings f = engine().analyse({q.lesion});
      if (nerve) {
        EXPECT_TRUE(std::any_of(f.nerves.begin(), f.nerves.end(), [&](const NerveFinding& n) {
          return n.affected && n.side == q.side && n.segment == "nerve." + q.nerve;
        }));
        EXPECT_FALSE(f.affected(q.root, q.side)) << "the root itself is spared";
      } else {
        EXPECT_TRUE(f.affected(q.root, q.side));
      }
    }
  }
  EXPECT_GT(whichRoot, 5);
  EXPECT_GT(rootOrNerve, 5);
  EXPECT_GT(nerveAnswers, 0);
  EXPECT_LT(nerveAnswers, rootOrNerve) << "both answers come up";
}

}  // namespace
}  // namespace radicula::core
