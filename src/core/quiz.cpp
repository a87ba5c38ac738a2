#include "core/quiz.h"

#include <algorithm>
#include <array>
#include <cstdlib>
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
    case QuizTopic::Root:
      break;
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
  }
  return "root";
}

QuizQuestion makeQuizQuestion(const ClinicalEngine& engine, std::uint32_t seed) {
  std::mt19937 rng(seed);
  constexpr std::array<QuizTopic, 4> kTopics = {QuizTopic::Root, QuizTopic::Skin,
                                                QuizTopic::Movement, QuizTopic::Reflex};
  const std::size_t firstTopic = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
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
      if (buildOptions(engine, found, q, rng)) return q;
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
                              const std::vector<QuizQuestion>& round) {
  if (round.empty()) return makeQuizQuestion(engine, seed);
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
  // Topics cycle (all four before one comes back); a level stays away for two questions and
  // a zone for one, which the lesions the quiz draws can always meet.
  const std::size_t levels = 2, zones = 1, topics = 3;
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
  return best;
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
  text.stem = catalog.format(
      "quiz.stem." + topic, {{"lesion", lesion}, {"level", level}, {"zone", zone}, {"side", side}});
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
