#include "core/quiz.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <set>

#include "core/findings.h"
#include "core/text_catalog.h"

namespace radicula::core {

namespace {

constexpr std::array<Root, 6> kQuizRoots = {Root::L1, Root::L2, Root::L3,
                                            Root::L4, Root::L5, Root::S1};
constexpr std::array<DiscLevel, 5> kQuizLevels = {DiscLevel::L1L2, DiscLevel::L2L3, DiscLevel::L3L4,
                                                  DiscLevel::L4L5, DiscLevel::L5S1};
// Lumbar herniations are mostly at L4/L5 and L5/S1, then L3/L4 (Kortelainen 1985;
// docs/clinical-basis.md §1).
constexpr std::array<int, 5> kLevelWeights = {1, 1, 2, 3, 3};
// Clearly compressing, short of the severities that reach the cauda equina.
constexpr float kQuizSeverity = 0.7f;

template <std::size_t N>
std::size_t pickWeighted(std::mt19937& rng, const std::array<int, N>& weights) {
  int total = 0;
  for (int w : weights) total += w;
  int r = std::uniform_int_distribution<int>(0, total - 1)(rng);
  for (std::size_t i = 0; i < N; ++i) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  return N - 1;
}

Pathology drawLesion(std::mt19937& rng) {
  Pathology p;
  constexpr std::array<PathologyType, 3> kTypes = {
      PathologyType::Herniation, PathologyType::Stenosis, PathologyType::Osteophyte};
  p.type = kTypes[pickWeighted(rng, std::array<int, 3>{6, 2, 2})];
  p.level = kQuizLevels[pickWeighted(rng, kLevelWeights)];
  p.side = std::uniform_int_distribution<int>(0, 1)(rng) == 0 ? SideSpec::Left : SideSpec::Right;
  constexpr std::array<Zone, 3> kZones = {Zone::Paracentral, Zone::Foraminal, Zone::Extraforaminal};
  // Far-lateral disc herniations are real; far-lateral stenosis and spurs rarely press a root.
  p.zone = p.type == PathologyType::Herniation
               ? kZones[pickWeighted(rng, std::array<int, 3>{3, 2, 1})]
               : kZones[pickWeighted(rng, std::array<int, 3>{1, 1, 0})];
  p.severity = kQuizSeverity;
  return p;
}

int rootDistance(Root a, Root b) {
  return std::abs(static_cast<int>(a) - static_cast<int>(b));
}

// The other quiz roots, nearest to `root` first (ties in random order): the roots a student
// is most likely to confuse with it.
std::vector<Root> neighbours(Root root, std::mt19937& rng) {
  std::vector<Root> out;
  for (Root r : kQuizRoots) {
    if (r != root) out.push_back(r);
  }
  std::shuffle(out.begin(), out.end(), rng);
  std::stable_sort(out.begin(), out.end(),
                   [&](Root a, Root b) { return rootDistance(a, root) < rootDistance(b, root); });
  return out;
}

// What `root` compressed alone on `side` would give: the source of the wrong options.
Findings rootAlone(const ClinicalEngine& engine, Root root, Side side, const Pathology& lesion) {
  SegmentCompression sc;
  sc.segment = engine.graph().rootSegment(root);
  sc.side = side;
  sc.compression = kQuizSeverity;
  sc.causes = {0};
  sc.byCause = {kQuizSeverity};
  return engine.follow({lesion}, {sc});
}

// Ids a finding list holds for `side`, strongest first.
template <typename List, typename Strength>
std::vector<std::string> idsOn(const List& list, Side side, Strength strength) {
  std::vector<const typename List::value_type*> items;
  for (const auto& item : list) {
    if (item.side == side) items.push_back(&item);
  }
  std::stable_sort(items.begin(), items.end(),
                   [&](const auto* a, const auto* b) { return strength(*a) > strength(*b); });
  std::vector<std::string> out;
  for (const auto* item : items) out.push_back(item->id);
  return out;
}

std::vector<std::string> regionIds(const Findings& f, Side side) {
  return idsOn(f.regions, side, [](const RegionFinding& r) { return r.intensity; });
}
std::vector<std::string> movementIds(const Findings& f, Side side) {
  return idsOn(f.weakness, side, [](const MovementFinding& m) { return m.severity; });
}
std::vector<std::string> reflexIds(const Findings& f, Side side) {
  return idsOn(f.reflexes, side, [](const ReflexFinding&) { return 0.0f; });
}

std::vector<std::string> idsFor(QuizTopic topic, const Findings& f, Side side) {
  switch (topic) {
    case QuizTopic::Skin:
      return regionIds(f, side);
    case QuizTopic::Movement:
      return movementIds(f, side);
    case QuizTopic::Reflex:
      return reflexIds(f, side);
    default:
      break;  // the root, and the reverse questions: no finding ids
  }
  return {};
}

// The first root content lists for a region (its dermatome), movement or reflex.
std::optional<Root> primaryRoot(const NerveGraph& graph, QuizTopic topic, const std::string& id) {
  if (topic == QuizTopic::Skin) {
    for (const SkinRegion& r : graph.regionTable()) {
      if (r.id == id && !r.dermatome.empty()) return r.dermatome.front();
    }
    return std::nullopt;
  }
  const auto& targets = topic == QuizTopic::Movement ? graph.movements() : graph.reflexes();
  for (const NerveTarget& t : targets) {
    if (t.id == id && !t.roots.empty()) return t.roots.front();
  }
  return std::nullopt;
}

// Fills the options of `q` for its topic; false when this lesion cannot ask it (a root with
// no reflex of its own, or too few wrong options).
bool buildOptions(const ClinicalEngine& engine, const Findings& found, QuizQuestion& q,
                  std::mt19937& rng) {
  const std::vector<Root> others = neighbours(q.root, rng);
  std::string right;
  std::vector<std::string> wrong;
  std::size_t wanted = 3;
  if (q.topic == QuizTopic::Root) {
    right = std::string(toString(q.root));
    for (std::size_t i = 0; i < 3; ++i) wrong.emplace_back(toString(others[i]));
  } else {
    const std::vector<std::string> shown = idsFor(q.topic, found, q.side);
    if (shown.empty()) return false;
    // A finding whose first (primary) root is this one, the textbook picture of the root;
    // else the strongest.
    std::vector<std::string> primary;
    for (const std::string& id : shown) {
      if (primaryRoot(engine.graph(), q.topic, id) == q.root) primary.push_back(id);
    }
    right = primary.empty()
                ? shown.front()
                : primary[std::uniform_int_distribution<std::size_t>(0, primary.size() - 1)(rng)];
    const std::set<std::string> all(shown.begin(), shown.end());
    for (Root other : others) {
      for (const std::string& id :
           idsFor(q.topic, rootAlone(engine, other, q.side, q.lesion), q.side)) {
        if (all.count(id) == 0 && std::find(wrong.begin(), wrong.end(), id) == wrong.end()) {
          wrong.push_back(id);
        }
      }
    }
    // Only three limb reflexes exist (patellar, medial hamstring, Achilles): two wrong ones.
    if (q.topic == QuizTopic::Reflex) wanted = 2;
    if (wrong.size() < wanted) return false;
    wrong.resize(wanted);
  }
  q.options = wrong;
  q.options.push_back(right);
  std::shuffle(q.options.begin(), q.options.end(), rng);
  q.correct =
      static_cast<int>(std::find(q.options.begin(), q.options.end(), right) - q.options.begin());
  return true;
}

// The lookup the reverse questions are checked on: built once, from the same engine.
const SymptomLookup& lookupFor(const ClinicalEngine& engine) {
  static const ClinicalEngine* built = nullptr;
  static std::unique_ptr<SymptomLookup> lookup;
  if (built != &engine) {
    lookup = std::make_unique<SymptomLookup>(engine);
    built = &engine;
  }
  return *lookup;
}

const SymptomLookup::Prediction* predictionOf(const SymptomLookup& lookup, Structure::Kind kind,
                                              const std::string& id, Side side) {
  for (const auto& p : lookup.predictions()) {
    if (p.structure.kind == kind && p.structure.id == id && p.structure.side == side) return &p;
  }
  return nullptr;
}

bool onSide(const std::string& key, Side side) {
  const std::string suffix = side == Side::Left ? ".left" : ".right";
  return key.size() > suffix.size() &&
         key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string idOf(const std::string& key) {
  return key.substr(0, key.rfind('.'));
}

// Whether `pattern` ranks `kind:id` first among the structures of `among`.
bool ranksFirst(const ClinicalEngine& engine, const SymptomPattern& pattern, const Structure& want,
                const std::vector<Structure>& among) {
  const Lookup l = lookupFor(engine).rank(pattern, 64);
  for (const auto& c : l.candidates) {
    if (c.structures.size() != 1) continue;
    const Structure& s = c.structures.front();
    for (const auto& a : among) {
      if (s.kind == a.kind && s.id == a.id && s.side == a.side) {
        return s.kind == want.kind && s.id == want.id && s.side == want.side;
      }
    }
  }
  return false;
}

// "Which root?": the findings of one root, told as a person would (its own skin, one weak
// movement, its reflex), checked to rank that root first.
bool buildWhichRoot(const ClinicalEngine& engine, QuizQuestion& q, std::mt19937& rng) {
  const SymptomLookup& lookup = lookupFor(engine);
  const std::string root(toString(q.root));
  const auto* p = predictionOf(lookup, Structure::Kind::Root, root, q.side);
  if (p == nullptr) return false;
  const NerveGraph& graph = engine.graph();
  SymptomPattern pattern;
  std::vector<std::string> regions, weak;
  for (const auto& key : p->regions) {
    if (onSide(key, q.side) && primaryRoot(graph, QuizTopic::Skin, idOf(key)) == q.root)
      regions.push_back(idOf(key));
  }
  for (const auto& key : p->weakness) {
    if (onSide(key, q.side) && primaryRoot(graph, QuizTopic::Movement, idOf(key)) == q.root)
      weak.push_back(idOf(key));
  }
  if (regions.empty()) return false;
  std::shuffle(regions.begin(), regions.end(), rng);
  std::shuffle(weak.begin(), weak.end(), rng);
  for (std::size_t i = 0; i < std::min<std::size_t>(2, regions.size()); ++i)
    pattern.regions.push_back({regions[i], q.side});
  if (!weak.empty()) pattern.weakness.push_back({weak.front(), q.side});
  for (const auto& key : p->reflexes) {
    if (onSide(key, q.side)) pattern.reflexes.push_back({idOf(key), q.side, "reduced"});
  }
  std::vector<Structure> roots;
  for (Root r : kQuizRoots)
    roots.push_back({Structure::Kind::Root, std::string(toString(r)), q.side});
  if (!ranksFirst(engine, pattern, {Structure::Kind::Root, root, q.side}, roots)) return false;
  q.symptoms = pattern;
  const std::vector<Root> others = neighbours(q.root, rng);
  q.options = {root};
  for (std::size_t i = 0; i < 3; ++i) q.options.emplace_back(toString(others[i]));
  std::shuffle(q.options.begin(), q.options.end(), rng);
  q.correct =
      static_cast<int>(std::find(q.options.begin(), q.options.end(), root) - q.options.begin());
  return true;
}

// "Root or nerve?": a look-alike pair, a root and the nerve that carries much of it, with its
// own entrapment lesion (L5 and the common fibular nerve at the fibular head; L5 and the sciatic
// nerve at the piriformis). The stem gives what the two share and the movement that tells
// them apart, weak for the root, strong for the nerve; checked to rank the answer first.
bool buildRootOrNerve(const ClinicalEngine& engine, QuizQuestion& q, std::mt19937& rng) {
  struct Pair {
    Root root;
    const char* nerve;
    PathologyType entrapment;
  };
  constexpr std::array<Pair, 2> kPairs = {
      Pair{Root::L5, "common_fibular", PathologyType::FibularHead},
      Pair{Root::L5, "sciatic", PathologyType::Piriformis}};
  const Pair pair = kPairs[std::uniform_int_distribution<std::size_t>(0, kPairs.size() - 1)(rng)];
  const bool isNerve = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
  const SymptomLookup& lookup = lookupFor(engine);
  const std::string root(toString(pair.root));
  const auto* r = predictionOf(lookup, Structure::Kind::Root, root, q.side);
  const auto* n = predictionOf(lookup, Structure::Kind::Nerve, pair.nerve, q.side);
  if (r == nullptr || n == nullptr) return false;
  const auto has = [](const std::vector<std::string>& list, const std::string& key) {
    return std::find(list.begin(), list.end(), key) != list.end();
  };
  std::vector<std::string> shared, rootOnly, sharedRegions;
  for (const auto& key : r->weakness) {
    (has(n->weakness, key) ? shared : rootOnly).push_back(idOf(key));
  }
  for (const auto& key : r->regions) {
    if (has(n->regions, key)) sharedRegions.push_back(idOf(key));
  }
  // The nerve's own weakness the root does not give (the sciatic's tiptoe).
  std::vector<std::string> nerveOnly;
  for (const auto& key : n->weakness) {
    if (!has(r->weakness, key)) nerveOnly.push_back(idOf(key));
  }
  if (shared.empty() || rootOnly.empty() || sharedRegions.empty()) return false;
  std::shuffle(rootOnly.begin(), rootOnly.end(), rng);
  std::shuffle(sharedRegions.begin(), sharedRegions.end(), rng);
  SymptomPattern pattern;
  pattern.regions.push_back({sharedRegions.front(), q.side});
  // Foot drop: the shared weakness the textbook leads with, when it is there.
  const auto drop = std::find(shared.begin(), shared.end(), "ankle_dorsiflexion");
  pattern.weakness.push_back({drop != shared.end() ? *drop : shared.front(), q.side});
  if (isNerve) {
    pattern.normalStrength.push_back({rootOnly.front(), q.side});
    if (!nerveOnly.empty()) pattern.weakness.push_back({nerveOnly.front(), q.side});
  } else {
    pattern.weakness.push_back({rootOnly.front(), q.side});
  }
  const Structure rootS{Structure::Kind::Root, root, q.side};
  const Structure nerveS{Structure::Kind::Nerve, pair.nerve, q.side};
  if (!ranksFirst(engine, pattern, isNerve ? nerveS : rootS, {rootS, nerveS})) return false;
  q.symptoms = pattern;
  q.root = pair.root;
  q.nerve = pair.nerve;
  q.options = {"root:" + root, std::string("nerve:") + pair.nerve};
  q.correct = isNerve ? 1 : 0;
  // The lesion shown with the answer: the root's typical disc, or the nerve's entrapment.
  if (isNerve) {
    Pathology p;
    p.type = pair.entrapment;
    p.side = q.side == Side::Left ? SideSpec::Left : SideSpec::Right;
    p.severity = kQuizSeverity;
    q.lesion = p;
  } else if (!r->lesions.empty()) {
    q.lesion = r->lesions.front();
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::string_view toString(QuizTopic topic) {
  switch (topic) {
    case QuizTopic::Root:
      return "root";
    case QuizTopic::Skin:
      return "skin";
    case QuizTopic::Movement:
      return "movement";
    case QuizTopic::Reflex:
      return "reflex";
    case QuizTopic::WhichRoot:
      return "which_root";
    case QuizTopic::RootOrNerve:
      return "root_or_nerve";
  }
  return "root";
}

QuizQuestion makeQuizQuestion(const ClinicalEngine& engine, std::uint32_t seed) {
  std::mt19937 rng(seed);
  constexpr std::array<QuizTopic, 6> kTopics = {QuizTopic::Root,      QuizTopic::Skin,
                                                QuizTopic::Movement,  QuizTopic::Reflex,
                                                QuizTopic::WhichRoot, QuizTopic::RootOrNerve};
  const std::size_t firstTopic =
      std::uniform_int_distribution<std::size_t>(0, kTopics.size() - 1)(rng);
  for (int attempt = 0; attempt < 200; ++attempt) {
    QuizQuestion q;
    q.lesion = drawLesion(rng);
    const Findings found = engine.analyse({q.lesion});
    if (!found.redFlags.empty()) continue;
    if (std::any_of(found.nerves.begin(), found.nerves.end(),
                    [](const NerveFinding& n) { return n.affected; })) {
      continue;
    }
    std::vector<const RootFinding*> affected;
    for (const auto& r : found.roots) {
      if (r.affected) affected.push_back(&r);
    }
    // One root, so there is one right answer.
    if (affected.size() != 1) continue;
    q.root = affected.front()->root;
    q.side = affected.front()->side;
    if (std::find(kQuizRoots.begin(), kQuizRoots.end(), q.root) == kQuizRoots.end()) continue;
    // The explanation speaks of the exiting or the traversing root of the level.
    if (q.root != exitingRoot(q.lesion.level) && q.root != traversingRoot(q.lesion.level)) continue;
    for (std::size_t t = 0; t < kTopics.size(); ++t) {
      q.topic = kTopics[(firstTopic + t) % kTopics.size()];
      if (q.topic == QuizTopic::WhichRoot) {
        if (buildWhichRoot(engine, q, rng)) return q;
      } else if (q.topic == QuizTopic::RootOrNerve) {
        QuizQuestion r = q;
        if (buildRootOrNerve(engine, r, rng)) return r;
      } else if (buildOptions(engine, found, q, rng)) {
        return q;
      }
    }
  }
  // Unreachable with the shipped content: L4/L5 paracentral compresses L5 alone.
  QuizQuestion q;
  q.lesion.type = PathologyType::Herniation;
  q.lesion.level = DiscLevel::L4L5;
  q.lesion.zone = Zone::Paracentral;
  q.lesion.severity = kQuizSeverity;
  q.root = Root::L5;
  q.options = {"L4", "L5", "S1", "L3"};
  q.correct = 1;
  return q;
}

QuizQuestion makeQuizQuestion(const ClinicalEngine& engine, std::uint32_t seed,
                              const std::vector<QuizQuestion>& round, bool fromView) {
  if (round.empty()) {
    QuizQuestion q = makeQuizQuestion(engine, seed);
    q.fromView = fromView && !isReverse(q.topic);
    return q;
  }
  // Whether `value` came up among the last `window` questions of the round.
  const auto recent = [&](auto get, auto value, std::size_t window) {
    const std::size_t from = round.size() > window ? round.size() - window : 0;
    for (std::size_t i = from; i < round.size(); ++i) {
      if (get(round[i]) == value) return true;
    }
    return false;
  };
  const auto level = [](const QuizQuestion& q) { return q.lesion.level; };
  const auto zone = [](const QuizQuestion& q) { return q.lesion.zone; };
  const auto topic = [](const QuizQuestion& q) { return q.topic; };
  // Topics cycle (all six before one comes back); a level stays away for two questions and
  // a zone for one, which the lesions the quiz draws can always meet.
  const std::size_t levels = 2, zones = 1, topics = 5;
  QuizQuestion best;
  int bestFresh = -1;
  for (std::uint32_t attempt = 0; attempt < 256; ++attempt) {
    QuizQuestion q = makeQuizQuestion(engine, seed + attempt * 7919u);
    // The topic is what the student sees first, then the level, then the zone.
    const int fresh = 4 * !recent(topic, q.topic, topics) +
                      2 * !recent(level, q.lesion.level, levels) +
                      !recent(zone, q.lesion.zone, zones);
    if (fresh > bestFresh) {
      best = std::move(q);
      bestFresh = fresh;
    }
    if (bestFresh == 7) break;
  }
  best.fromView = fromView && !isReverse(best.topic);
  return best;
}

namespace {

// What a reverse question says the person feels: "numb top of the foot and outer shin; weak
// ankle dorsiflexion (lifting the foot); foot inversion tested strong".
std::string symptomWords(const SymptomPattern& p, const TextCatalog& catalog) {
  const auto list = [&](const std::vector<SymptomPattern::Mark>& marks, const char* prefix) {
    std::string out;
    for (std::size_t i = 0; i < marks.size(); ++i) {
      out += (i == 0                  ? ""
              : i + 1 == marks.size() ? " " + catalog.get("list.and") + " "
                                      : ", ") +
             catalog.get(std::string(prefix) + marks[i].id);
    }
    return out;
  };
  std::vector<std::string> parts;
  if (!p.regions.empty())
    parts.push_back(catalog.format("quiz.symptoms.numb", {{"list", list(p.regions, "region.")}}));
  if (!p.weakness.empty())
    parts.push_back(
        catalog.format("quiz.symptoms.weak", {{"list", list(p.weakness, "movement.")}}));
  if (!p.normalStrength.empty())
    parts.push_back(
        catalog.format("quiz.symptoms.strong", {{"list", list(p.normalStrength, "movement.")}}));
  if (!p.reflexes.empty()) {
    std::vector<SymptomPattern::Mark> reflexes;
    for (const auto& r : p.reflexes) reflexes.push_back({r.id, r.side});
    parts.push_back(catalog.format("quiz.symptoms.reflex", {{"list", list(reflexes, "reflex.")}}));
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

}  // namespace

QuizText reverseQuizText(const QuizQuestion& q, const TextCatalog& catalog) {
  QuizText text;
  const std::string side = catalog.get("side." + std::string(toString(q.side)));
  const std::string root(toString(q.root));
  const std::string symptoms = symptomWords(q.symptoms, catalog);
  const std::string nerve = catalog.get("nerve." + q.nerve);
  if (q.topic == QuizTopic::WhichRoot) {
    text.stem = catalog.format("quiz.stem.which_root", {{"symptoms", symptoms}, {"side", side}});
    text.options = q.options;
    text.explanation = catalog.format("quiz.explain.which_root", {{"root", root}, {"side", side}});
  } else {
    text.stem =
        catalog.format("quiz.stem.root_or_nerve",
                       {{"symptoms", symptoms}, {"side", side}, {"root", root}, {"nerve", nerve}});
    for (const auto& option : q.options) {
      text.options.push_back(option.rfind("root:", 0) == 0
                                 ? catalog.format("lookup.root", {{"root", option.substr(5)}})
                                 : catalog.get("nerve." + option.substr(6)));
    }
    text.explanation = catalog.format(q.correct == 1 ? "quiz.explain.nerve" : "quiz.explain.root",
                                      {{"root", root}, {"nerve", nerve}, {"side", side}});
  }
  return text;
}

QuizText quizText(const QuizQuestion& q, const TextCatalog& catalog) {
  std::string level(toString(q.lesion.level));
  std::replace(level.begin(), level.end(), '-', '/');
  const std::string side = catalog.get("side." + std::string(toString(q.side)));
  const std::string root(toString(q.root));
  const std::string lesion = catalog.get("type." + std::string(toString(q.lesion.type)));
  const std::string zone = catalog.get("zone." + std::string(toString(q.lesion.zone)));
  const std::string topic(toString(q.topic));

  QuizText text;
  if (isReverse(q.topic)) return reverseQuizText(q, catalog);
  text.stem =
      catalog.format((q.fromView ? "quiz.stem_view." : "quiz.stem.") + topic,
                     {{"lesion", lesion}, {"level", level}, {"zone", zone}, {"side", side}});
  const std::string prefix = q.topic == QuizTopic::Root       ? ""
                             : q.topic == QuizTopic::Skin     ? "region."
                             : q.topic == QuizTopic::Movement ? "movement."
                                                              : "reflex.";
  for (const auto& option : q.options) {
    text.options.push_back(prefix.empty() ? option : catalog.get(prefix + option));
  }
  // Why this root: the level and zone decide whether the lesion meets the root that leaves at
  // this level or the one that runs on past the disc (docs/clinical-basis.md §2).
  const bool exiting = q.root == exitingRoot(q.lesion.level);
  text.explanation =
      catalog.format(exiting ? "quiz.explain.exiting" : "quiz.explain.traversing",
                     {{"lesion", lesion},
                      {"level", level},
                      {"zone", zone},
                      {"side", side},
                      {"root", root},
                      {"other", std::string(toString(exiting ? traversingRoot(q.lesion.level)
                                                             : exitingRoot(q.lesion.level)))}});
  if (q.topic != QuizTopic::Root) {
    text.explanation +=
        " " + catalog.format("quiz.explain." + topic,
                             {{"root", root}, {"side", side}, {"answer", text.options[q.correct]}});
  }
  return text;
}

}  // namespace radicula::core
