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

namespace radicula::core {

class ClinicalEngine;
class TextCatalog;

enum class QuizTopic { Root, Skin, Movement, Reflex };
std::string_view toString(QuizTopic topic);  // "root", "skin", "movement", "reflex"

struct QuizQuestion {
  Pathology lesion;  // what the viewer shows; it compresses exactly one root
  QuizTopic topic = QuizTopic::Root;
  Root root = Root::L5;  // the root it compresses (on the lesion's side)
  Side side = Side::Left;
  // Root names ("L5"), or region, movement or reflex ids, in the order shown.
  std::vector<std::string> options;
  int correct = 0;
};

// A question for `seed`: the same seed gives the same question. Disc herniations, foraminal
// stenoses and facet spurs at L1/L2 to L5/S1 (most often the lower three levels, where they
// are most common), left or right, in the zone that decides which root they catch.
QuizQuestion makeQuizQuestion(const ClinicalEngine& engine, std::uint32_t seed);
// The next question of a round: like the above, but a level, a zone or a topic asked in the
// round comes back only after the others have (it looks at the last few questions of `round`).
QuizQuestion makeQuizQuestion(const ClinicalEngine& engine, std::uint32_t seed,
                              const std::vector<QuizQuestion>& round);

// The question in words, from content/i18n: the stem, the options, and after the answer why.
struct QuizText {
  std::string stem;
  std::vector<std::string> options;
  std::string explanation;
};
QuizText quizText(const QuizQuestion& question, const TextCatalog& catalog);

}  // namespace radicula::core
