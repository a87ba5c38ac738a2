// "Test yourself": the viewer shows one lesion and asks which root it presses on, where the
// skin may go numb, which movement may weaken or which reflex may change; the answer is then
// revealed with the glow and the findings. Questions are drawn from the clinical engine itself,
// so they are as right as the findings are: the lesion is analysed, the right option is what
// the engine finds, and every wrong option is something another root would give that this
// lesion does not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/anatomy_ids.h"
#include "core/pathology.h"
#include "core/symptom_lookup.h"

namespace radicula::core {

class ClinicalEngine;
class TextCatalog;

// Forward: a lesion is shown and the question asks what it gives (its root, a skin region, a
// weak movement, a changed reflex). Reverse: the question gives what a person feels and asks
// which root explains it, or whether a look-alike pattern is a root's or a nerve's (foot drop
// with strong inversion is the fibular nerve, not L5).
enum class QuizTopic { Root, Skin, Movement, Reflex, WhichRoot, RootOrNerve };
// "root", "skin", "movement", "reflex", "which_root", "root_or_nerve"
std::string_view toString(QuizTopic topic);
inline bool isReverse(QuizTopic topic) {
  return topic == QuizTopic::WhichRoot || topic == QuizTopic::RootOrNerve;
}

struct QuizQuestion {
  // What the viewer shows: for a forward question from the start, for a reverse one once
  // answered (it would give the answer away). It compresses exactly one root, or for a
  // root-or-nerve question the structure that is the answer.
  Pathology lesion;
  QuizTopic topic = QuizTopic::Root;
  Root root = Root::L5;  // the root it compresses (on the lesion's side)
  Side side = Side::Left;
  // Root names ("L5"), or region, movement or reflex ids, in the order shown; for a
  // root-or-nerve question "root:L5" and "nerve:common_fibular".
  std::vector<std::string> options;
  int correct = 0;
  SymptomPattern symptoms;  // reverse questions: what the stem says the person feels
  std::string nerve;        // root-or-nerve: the nerve that looks alike
  bool fromView = false;    // forward questions: the stem says only "this lesion"; read it
                            // from the picture
};

// A question for `seed`: the same seed gives the same question. Disc herniations, foraminal
// stenoses and facet spurs at L1/L2 to L5/S1 (most often the lower three levels, where they
// are most common), left or right, in the zone that decides which root they catch.
QuizQuestion makeQuizQuestion(const ClinicalEngine& engine, std::uint32_t seed);
// The next question of a round: like the above, but a level, a zone or a topic asked in the
// round comes back only after the others have (it looks at the last few questions of `round`).
// `fromView`: forward questions name no level, zone or side.
QuizQuestion makeQuizQuestion(const ClinicalEngine& engine, std::uint32_t seed,
                              const std::vector<QuizQuestion>& round, bool fromView = false);

// The question in words, from content/i18n: the stem, the options, and after the answer why.
struct QuizText {
  std::string stem;
  std::vector<std::string> options;
  std::string explanation;
};
QuizText quizText(const QuizQuestion& question, const TextCatalog& catalog);
// The same for a reverse question (quizText calls it for them).
QuizText reverseQuizText(const QuizQuestion& question, const TextCatalog& catalog);

}  // namespace radicula::core
