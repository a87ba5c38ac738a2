#include "core/symptom_lookup.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "core/boundary.h"
#include "core/content_error.h"
#include "core/json_reader.h"
#include "core/report_command.h"
#include "core/scenario.h"

namespace radicula::core {

namespace {

// The peripheral nerves a pattern is compared with, by their node names' short id.
constexpr std::string_view kNerves[] = {
    "sciatic", "tibial",  "common_fibular", "deep_fibular", "superficial_fibular",
    "sural",   "femoral", "saphenous",      "obturator",    "lateral_femoral_cutaneous"};

// Scoring (docs/symptom-lookup.md), in marks: a contradiction weighs twice a mark left
// unexplained; each prediction nobody marked costs a little, so of two that explain the same
// marks the more specific wins; and a second structure must earn its place by explaining more
// than two and a half marks the first cannot (dermatomes overlap: one neighbouring region is
// not a second root).
constexpr float kContradictionWeight = 2.0f;
constexpr float kUnmarkedPredictionCost = 0.04f;
constexpr float kExtraStructureCost = 2.5f;
constexpr float kProbeCompression = 1.0f;  // a structure fully compressed, as the engine sees it
constexpr float kTypicalSeverity = 0.6f;

std::string sideName(Side s) {
  return s == Side::Left ? "left" : "right";
}

std::string keyOf(const std::string& id, Side side) {
  return id + "." + sideName(side);
}

// "left", "right" or "both" into the sides it names.
void readSides(const JsonValue& value, std::vector<Side>* sides) {
  const std::string s = value.string("\"left\", \"right\" or \"both\"");
  if (s == "left") {
    sides->push_back(Side::Left);
  } else if (s == "right") {
    sides->push_back(Side::Right);
  } else if (s == "both") {
    sides->push_back(Side::Left);
    sides->push_back(Side::Right);
  } else {
    value.fail(value.brief() + " is not a side (expected \"left\", \"right\" or \"both\")");
  }
}

std::string readId(const JsonValue& item, const char* key, const std::vector<NerveTarget>& known) {
  const JsonValue value = item.member(key, "a string id");
  const std::string id = value.string("a string id");
  for (const auto& t : known) {
    if (t.id == id) return id;
  }
  std::string list;
  for (const auto& t : known) list += (list.empty() ? "" : ", ") + t.id;
  value.fail("unknown id " + value.brief() + " (known: " + list + ")");
}

struct Union {
  std::set<std::string> regions, weakness, reflexes;
  std::vector<Structure> structures;
  int explanations = 1;  // what parsimony counts: the S2–S5 roots together are one (the cauda)
};

Union unionOf(std::initializer_list<const SymptomLookup::Prediction*> parts) {
  Union u;
  for (const auto* p : parts) {
    u.regions.insert(p->regions.begin(), p->regions.end());
    u.weakness.insert(p->weakness.begin(), p->weakness.end());
    u.reflexes.insert(p->reflexes.begin(), p->reflexes.end());
    u.structures.push_back(p->structure);
  }
  u.explanations = static_cast<int>(u.structures.size());
  return u;
}

// Saddle numbness, sphincter weakness, a lost anal reflex, or marks on both sides: the signs
// of the cauda equina. They bring the S2–S5 roots together into the ranking (the red flags
// themselves are graded by the rules of content/clinical.json).
bool caudaSigns(const SymptomPattern& pattern) {
  bool sign = false;
  std::set<Side> sides;
  for (const auto& m : pattern.regions) {
    sign = sign || m.id == "saddle";
    sides.insert(m.side);
  }
  for (const auto& m : pattern.weakness) {
    sign = sign || m.id == "sphincter";
    sides.insert(m.side);
  }
  for (const auto& r : pattern.reflexes) {
    if (r.change == "reduced" || r.change == "absent") {
      sign = sign || r.id == "anal_wink";
      sides.insert(r.side);
    }
  }
  return sign || sides.size() == 2;
}

Candidate score(const Union& u, const SymptomPattern& pattern) {
  Candidate c;
  c.structures = u.structures;
  float marked = 0.0f;
  const auto check = [&](const std::set<std::string>& predicted, const std::string& kind,
                         const std::string& key) {
    marked += 1.0f;
    (predicted.count(key) ? c.explained : c.unexplained).push_back(kind + ":" + key);
  };
  std::set<std::string> markedKeys;
  for (const auto& m : pattern.regions) {
    check(u.regions, "region", keyOf(m.id, m.side));
    markedKeys.insert("region:" + keyOf(m.id, m.side));
  }
  for (const auto& m : pattern.weakness) {
    check(u.weakness, "weak", keyOf(m.id, m.side));
    markedKeys.insert("weak:" + keyOf(m.id, m.side));
  }
  for (const auto& m : pattern.normalStrength) {
    const std::string key = keyOf(m.id, m.side);
    if (u.weakness.count(key)) c.contradicted.push_back("strong:" + key);
  }
  for (const auto& r : pattern.reflexes) {
    const std::string key = keyOf(r.id, r.side);
    if (r.change == "reduced" || r.change == "absent") {
      check(u.reflexes, "reflex", key);
      markedKeys.insert("reflex:" + key);
    } else if (r.change == "normal") {
      if (u.reflexes.count(key)) c.contradicted.push_back("reflex_normal:" + key);
    } else {
      // Brisk: an upper motor neuron sign that no lumbar root or leg nerve explains.
      marked += 1.0f;
      c.unexplained.push_back("reflex_brisk:" + key);
    }
  }
  // Predictions on the marked sides that nobody marked (the less said beyond the marks, the
  // more specific the explanation).
  std::set<Side> sides;
  for (const auto& m : pattern.regions) sides.insert(m.side);
  for (const auto& m : pattern.weakness) sides.insert(m.side);
  for (const auto& r : pattern.reflexes) sides.insert(r.side);
  float unmarked = 0.0f;
  const auto countUnmarked = [&](const std::set<std::string>& predicted, const std::string& kind) {
    for (const auto& key : predicted) {
      const bool onSide = std::any_of(sides.begin(), sides.end(), [&](Side s) {
        const std::string suffix = "." + sideName(s);
        return key.size() > suffix.size() &&
               key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0;
      });
      if (onSide && !markedKeys.count(kind + ":" + key)) unmarked += 1.0f;
    }
  };
  countUnmarked(u.regions, "region");
  countUnmarked(u.weakness, "weak");
  const float e = static_cast<float>(c.explained.size());
  const float un = static_cast<float>(c.unexplained.size());
  const float co = static_cast<float>(c.contradicted.size());
  const float raw = e - un - kContradictionWeight * co - kUnmarkedPredictionCost * unmarked -
                    kExtraStructureCost * static_cast<float>(u.explanations - 1);
  // Unclamped while ranking, so that among poor fits the least poor still comes first; shown
  // clamped to 0..1.
  c.score = std::min(1.0f, raw / std::max(1.0f, marked + co));
  return c;
}

}  // namespace

SymptomPattern SymptomPattern::parse(std::string_view text, const std::string& fileName,
                                     const NerveGraph& graph) {
  if (text.size() > kMaxScenarioBytes) {
    throw ContentError(fileName, "", "is larger than 1 MB; a symptom file is a short list");
  }
  const JsonDocument doc = JsonDocument::parse(text, fileName);
  return fromJson(doc.root(), graph);
}

SymptomPattern SymptomPattern::fromJson(const JsonValue& j, const NerveGraph& graph,
                                        bool allowEmpty) {
  if (!j.isObject()) j.fail("expected a JSON object");
  const std::string expected = "\"" + std::string(kSymptomsFormat) + "\"";
  const JsonValue format = j.member("format", expected);
  if (!format.isString() || format.json() != kSymptomsFormat) format.fail("expected " + expected);
  SymptomPattern p;
  const auto list = [&](const char* key) -> std::vector<JsonValue> {
    const auto value = j.find(key);
    return value ? value->elements("a list") : std::vector<JsonValue>{};
  };
  const auto marks = [&](const char* key, const char* idKey, const std::vector<NerveTarget>& known,
                         std::vector<Mark>* out) {
    for (const JsonValue& item : list(key)) {
      if (!item.isObject()) item.fail("expected an object");
      const std::string id = readId(item, idKey, known);
      std::vector<Side> sides;
      readSides(item.member("side"), &sides);
      for (Side s : sides) out->push_back({id, s});
    }
  };
  marks("regions", "region", graph.regions(), &p.regions);
  marks("weakness", "movement", graph.movements(), &p.weakness);
  marks("normal_strength", "movement", graph.movements(), &p.normalStrength);
  for (const JsonValue& item : list("reflexes")) {
    if (!item.isObject()) item.fail("expected an object");
    const std::string id = readId(item, "reflex", graph.reflexes());
    std::vector<Side> sides;
    readSides(item.member("side"), &sides);
    constexpr const char* kChanges = "\"reduced\", \"absent\", \"normal\" or \"brisk\"";
    const auto parseChange = [](const std::string& c) -> std::optional<std::string> {
      if (c == "reduced" || c == "absent" || c == "normal" || c == "brisk") return c;
      return std::nullopt;
    };
    const std::string c = item.member("change", kChanges).choice(parseChange, "a change", kChanges);
    for (Side s : sides) p.reflexes.push_back({id, s, c});
  }
  if (p.empty() && !allowEmpty) {
    j.fail(
        "marks nothing: give at least one region, weak movement, movement tested strong or "
        "reflex");
  }
  return p;
}

SymptomPattern SymptomPattern::load(const std::filesystem::path& file, const NerveGraph& graph) {
  const JsonDocument doc = JsonDocument::load(file, {.maxBytes = kMaxScenarioBytes});
  return fromJson(doc.root(), graph);
}

nlohmann::ordered_json SymptomPattern::toJson() const {
  nlohmann::ordered_json j;
  j["format"] = kSymptomsFormat;
  const auto marks = [](const std::vector<Mark>& list, const char* idKey) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& m : list) out.push_back({{idKey, m.id}, {"side", sideName(m.side)}});
    return out;
  };
  j["regions"] = marks(regions, "region");
  j["weakness"] = marks(weakness, "movement");
  j["normal_strength"] = marks(normalStrength, "movement");
  auto refl = nlohmann::ordered_json::array();
  for (const auto& r : reflexes) {
    refl.push_back({{"reflex", r.id}, {"side", sideName(r.side)}, {"change", r.change}});
  }
  j["reflexes"] = refl;
  return j;
}

namespace {

template <typename M>
auto findMark(std::vector<M>& list, const std::string& id, Side side) {
  return std::find_if(list.begin(), list.end(),
                      [&](const M& m) { return m.id == id && m.side == side; });
}
template <typename M>
bool hasMark(const std::vector<M>& list, const std::string& id, Side side) {
  return std::any_of(list.begin(), list.end(),
                     [&](const M& m) { return m.id == id && m.side == side; });
}

constexpr const char* kReflexCycle[] = {"", "reduced", "absent", "normal", "brisk"};

}  // namespace

bool SymptomPattern::hasRegion(const std::string& id, Side side) const {
  return hasMark(regions, id, side);
}

void SymptomPattern::toggleRegion(const std::string& id, Side side) {
  const auto it = findMark(regions, id, side);
  if (it != regions.end()) {
    regions.erase(it);
  } else {
    regions.push_back({id, side});
  }
}

SymptomPattern::Strength SymptomPattern::strength(const std::string& id, Side side) const {
  if (hasMark(weakness, id, side)) return Strength::Weak;
  if (hasMark(normalStrength, id, side)) return Strength::Strong;
  return Strength::Untested;
}

void SymptomPattern::setStrength(const std::string& id, Side side, Strength s) {
  if (const auto it = findMark(weakness, id, side); it != weakness.end()) weakness.erase(it);
  if (const auto it = findMark(normalStrength, id, side); it != normalStrength.end())
    normalStrength.erase(it);
  if (s == Strength::Weak) weakness.push_back({id, side});
  if (s == Strength::Strong) normalStrength.push_back({id, side});
}

void SymptomPattern::cycleStrength(const std::string& id, Side side) {
  const Strength now = strength(id, side);
  setStrength(id, side,
              now == Strength::Untested ? Strength::Weak
              : now == Strength::Weak   ? Strength::Strong
                                        : Strength::Untested);
}

std::string SymptomPattern::reflexChange(const std::string& id, Side side) const {
  for (const auto& r : reflexes) {
    if (r.id == id && r.side == side) return r.change;
  }
  return "";
}

void SymptomPattern::setReflex(const std::string& id, Side side, const std::string& change) {
  const auto it = findMark(reflexes, id, side);
  if (it != reflexes.end()) reflexes.erase(it);
  if (!change.empty()) reflexes.push_back({id, side, change});
}

void SymptomPattern::cycleReflex(const std::string& id, Side side) {
  const std::string now = reflexChange(id, side);
  std::size_t i = 0;
  while (i < std::size(kReflexCycle) && now != kReflexCycle[i]) ++i;
  setReflex(id, side, kReflexCycle[(i + 1) % std::size(kReflexCycle)]);
}

bool SymptomPattern::operator==(const SymptomPattern& o) const {
  return toJson() == o.toJson();
}

SymptomPattern symptomsOf(const Scenario& scenario, const NerveGraph& graph,
                          const std::string& fileName) {
  const auto it = scenario.extra.find("symptoms");
  if (it == scenario.extra.end()) return {};
  return SymptomPattern::fromJson(JsonValue(*it, fileName, "/symptoms"), graph,
                                  /*allowEmpty=*/true);
}

void setSymptoms(Scenario& scenario, const SymptomPattern& pattern) {
  if (pattern.empty()) {
    scenario.extra.erase("symptoms");
  } else {
    scenario.extra["symptoms"] = pattern.toJson();
  }
}

Findings SymptomLookup::findingsOf(const std::vector<Structure>& structures) const {
  const NerveGraph& graph = engine_.graph();
  std::vector<SegmentCompression> measured;
  for (const auto& s : structures) {
    SegmentCompression sc;
    if (s.kind == Structure::Kind::Root) {
      const auto root = parseRoot(s.id);
      if (!root) continue;
      sc.segment = graph.rootSegment(*root);
    } else {
      const auto segment = graph.segmentIndex("nerve." + s.id);
      if (!segment) continue;
      sc.segment = *segment;
    }
    sc.side = s.side;
    sc.compression = kProbeCompression;
    measured.push_back(sc);
  }
  return engine_.follow({}, measured);
}

SymptomLookup::SymptomLookup(const ClinicalEngine& engine) : engine_(engine) {
  const NerveGraph& graph = engine.graph();
  const auto predict = [&](Structure structure, int segment) {
    Prediction p;
    p.structure = structure;
    SegmentCompression sc;
    sc.segment = segment;
    sc.side = structure.side;
    sc.compression = kProbeCompression;
    const Findings f = engine.follow({}, {sc});
    for (const auto& r : f.regions) p.regions.push_back(keyOf(r.id, r.side));
    for (const auto& w : f.weakness) p.weakness.push_back(keyOf(w.id, w.side));
    for (const auto& x : f.reflexes) p.reflexes.push_back(keyOf(x.id, x.side));
    return p;
  };
  // Typical lesions, each kept only if the engine finds it affecting this structure.
  const auto affects = [&](const Pathology& lesion, const Structure& s) {
    const Findings f = engine.analyse(std::vector<Pathology>{lesion});
    if (s.kind == Structure::Kind::Root) {
      return std::any_of(f.roots.begin(), f.roots.end(), [&](const RootFinding& r) {
        return r.affected && r.side == s.side && toString(r.root) == s.id;
      });
    }
    return std::any_of(f.nerves.begin(), f.nerves.end(), [&](const NerveFinding& n) {
      return n.affected && n.side == s.side && n.segment == "nerve." + s.id;
    });
  };
  const auto lesion = [](PathologyType type, std::optional<DiscLevel> level, Zone zone, Side side,
                         float severity) {
    Pathology p;
    p.type = type;
    if (level) p.level = *level;
    p.zone = zone;
    p.side = side == Side::Left ? SideSpec::Left : SideSpec::Right;
    p.severity = severity;
    return p;
  };
  for (int r = 0; r < 10; ++r) {
    const Root root = static_cast<Root>(r);
    for (Side side : kSides) {
      Structure s{Structure::Kind::Root, std::string(toString(root)), side};
      Prediction p = predict(s, graph.rootSegment(root));
      std::vector<Pathology> options;
      // The disc above traverses it in the recess; the disc at its own foramen meets it leaving.
      if (r >= 1 && r <= 5) {
        options.push_back(lesion(PathologyType::Herniation,
                                 kDiscLevels[static_cast<std::size_t>(r - 1)], Zone::Paracentral,
                                 side, kTypicalSeverity));
      }
      if (r <= 4) {
        options.push_back(lesion(PathologyType::Herniation,
                                 kDiscLevels[static_cast<std::size_t>(r)], Zone::Foraminal, side,
                                 kTypicalSeverity));
      }
      if (r >= 6) {
        // The sacral roots lie together in the sac: a massive central herniation reaches them.
        Pathology central =
            lesion(PathologyType::Herniation, DiscLevel::L5S1, Zone::Central, side, 0.9f);
        central.side = SideSpec::Both;
        options.push_back(central);
      }
      for (const Pathology& o : options) {
        if (affects(o, s)) p.lesions.push_back(o);
      }
      predictions_.push_back(std::move(p));
    }
  }
  for (std::string_view nerve : kNerves) {
    const auto segment = graph.segmentIndex("nerve." + std::string(nerve));
    if (!segment) continue;
    for (Side side : kSides) {
      Structure s{Structure::Kind::Nerve, std::string(nerve), side};
      Prediction p = predict(s, *segment);
      for (const Pathology& o :
           {lesion(PathologyType::Piriformis, std::nullopt, Zone::Central, side, kTypicalSeverity),
            lesion(PathologyType::FibularHead, std::nullopt, Zone::Central, side,
                   kTypicalSeverity)}) {
        if (nerve != "sciatic" && nerve != "common_fibular") break;
        if (affects(o, s)) p.lesions.push_back(o);
      }
      predictions_.push_back(std::move(p));
    }
  }
}

Lookup SymptomLookup::rank(const SymptomPattern& pattern, std::size_t maxCandidates) const {
  Lookup out;
  struct Scored {
    Candidate candidate;
    std::size_t unmarkedTie = 0;
  };
  std::vector<Candidate> all;
  std::vector<const Prediction*> roots;
  for (const auto& p : predictions_) {
    all.push_back(score(unionOf({&p}), pattern));
    all.back().lesions = p.lesions;
    if (p.structure.kind == Structure::Kind::Root) roots.push_back(&p);
  }
  // Two roots, where one cannot explain everything (the same root on both sides among them);
  // kept only when the pair explains more than either root alone.
  for (std::size_t a = 0; a < roots.size(); ++a) {
    for (std::size_t b = a + 1; b < roots.size(); ++b) {
      Candidate c = score(unionOf({roots[a], roots[b]}), pattern);
      const Candidate one = score(unionOf({roots[a]}), pattern);
      const Candidate two = score(unionOf({roots[b]}), pattern);
      if (c.explained.size() <= std::max(one.explained.size(), two.explained.size())) continue;
      c.lesions = roots[a]->lesions;
      c.lesions.insert(c.lesions.end(), roots[b]->lesions.begin(), roots[b]->lesions.end());
      all.push_back(std::move(c));
    }
  }
  // The S2–S5 roots together, on one side and on both (the cauda equina), where the pattern
  // has a feature of theirs: the saddle, the sphincter, the anal reflex, or both sides.
  const bool caudaFeatures = caudaSigns(pattern);
  if (caudaFeatures) {
    std::vector<const Prediction*> sacral[2];
    for (const auto* p : roots) {
      const std::string& id = p->structure.id;
      if (id == "S2" || id == "S3" || id == "S4" || id == "S5") {
        sacral[p->structure.side == Side::Left ? 0 : 1].push_back(p);
      }
    }
    const auto together = [&](const std::vector<const Prediction*>& parts) {
      Union u;
      for (const auto* p : parts) {
        const Union one = unionOf({p});
        u.regions.insert(one.regions.begin(), one.regions.end());
        u.weakness.insert(one.weakness.begin(), one.weakness.end());
        u.reflexes.insert(one.reflexes.begin(), one.reflexes.end());
        u.structures.push_back(p->structure);
      }
      u.explanations = 1;
      Candidate c = score(u, pattern);
      for (const auto* p : parts) {
        for (const auto& l : p->lesions) {
          if (std::none_of(c.lesions.begin(), c.lesions.end(), [&](const Pathology& q) {
                return q.type == l.type && q.level == l.level && q.zone == l.zone &&
                       q.side == l.side;
              })) {
            c.lesions.push_back(l);
          }
        }
      }
      return c;
    };
    all.push_back(together(sacral[0]));
    all.push_back(together(sacral[1]));
    std::vector<const Prediction*> both = sacral[0];
    both.insert(both.end(), sacral[1].begin(), sacral[1].end());
    all.push_back(together(both));
  }
  std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.structures.size() != b.structures.size()) {
      return a.structures.size() < b.structures.size();
    }
    return a.contradicted.size() < b.contradicted.size();
  });
  for (auto& c : all) {
    if (out.candidates.size() >= maxCandidates) break;
    if (c.explained.empty()) continue;
    out.candidates.push_back(std::move(c));
  }

  // Red flags first, whatever the ranking, graded by the guideline rules of content/clinical.json.
  out.redFlags = markedRedFlags(engine_, pattern);
  return out;
}

nlohmann::ordered_json lookupJson(const Lookup& lookup, const TextCatalog& catalog) {
  nlohmann::ordered_json j;
  j["format"] = kLookupFormat;
  auto candidates = nlohmann::ordered_json::array();
  for (const auto& c : lookup.candidates) {
    nlohmann::ordered_json cj;
    auto structures = nlohmann::ordered_json::array();
    for (const auto& s : c.structures) {
      structures.push_back({{"kind", s.kind == Structure::Kind::Root ? "root" : "nerve"},
                            {"id", s.id},
                            {"side", sideName(s.side)}});
    }
    cj["structures"] = structures;
    cj["score"] = std::round(static_cast<double>(std::clamp(c.score, 0.0f, 1.0f)) * 100.0) / 100.0;
    cj["explained"] = c.explained;
    cj["unexplained"] = c.unexplained;
    cj["contradicted"] = c.contradicted;
    auto lesions = nlohmann::ordered_json::array();
    for (const auto& l : c.lesions) lesions.push_back(toJson(l));
    cj["lesions"] = lesions;
    candidates.push_back(std::move(cj));
  }
  j["candidates"] = candidates;
  auto flags = nlohmann::ordered_json::array();
  for (const auto& f : lookup.redFlags) {
    flags.push_back({{"id", f.id},
                     {"urgency", toString(f.urgency)},
                     {"reason", f.reason},
                     {"title", redFlagTitle(f, catalog)},
                     {"text", redFlagText(f, catalog)}});
  }
  j["red_flags"] = flags;
  j["disclaimer"] = catalog.get("app.disclaimer");
  return j;
}

std::string markWords(const std::string& item, const TextCatalog& catalog) {
  const auto colon = item.find(':');
  const auto dot = item.rfind('.');
  if (colon == std::string::npos || dot == std::string::npos || dot < colon) return item;
  const std::string kind = item.substr(0, colon), id = item.substr(colon + 1, dot - colon - 1),
                    side = catalog.get("side." + item.substr(dot + 1));
  if (kind == "region") return catalog.get("region." + id) + " (" + side + ")";
  if (kind == "weak")
    return catalog.get("movement." + id) + " " + catalog.get("lookup.weak") + " (" + side + ")";
  if (kind == "strong")
    return catalog.get("movement." + id) + " " + catalog.get("lookup.strong") + " (" + side + ")";
  if (kind == "reflex")
    return catalog.get("reflex." + id) + " " + catalog.get("lookup.changed") + " (" + side + ")";
  if (kind == "reflex_normal")
    return catalog.get("reflex." + id) + " " + catalog.get("lookup.normal") + " (" + side + ")";
  return catalog.get("reflex." + id) + " " + catalog.get("lookup.brisk") + " (" + side + ")";
}

std::string structureWords(const Candidate& candidate, const TextCatalog& catalog) {
  std::string out;
  for (std::size_t i = 0; i < candidate.structures.size(); ++i) {
    const auto& s = candidate.structures[i];
    const std::string name = s.kind == Structure::Kind::Root
                                 ? catalog.format("lookup.root", {{"root", s.id}})
                                 : catalog.get("nerve." + s.id);
    out += (i ? " + " : "") + name + " (" + catalog.get("side." + sideName(s.side)) + ")";
  }
  return out;
}

std::string lookupText(const Lookup& lookup, const TextCatalog& catalog) {
  const auto words = [&](const std::string& item) { return markWords(item, catalog); };
  std::ostringstream out;
  for (const auto& f : lookup.redFlags) {
    out << "!! " << urgencyAction(f.urgency, false, catalog) << "\n!! " << redFlagTitle(f, catalog)
        << ": " << redFlagText(f, catalog) << "\n\n";
  }
  int rank = 1;
  for (const auto& c : lookup.candidates) {
    out << rank++ << ". " << structureWords(c, catalog) << "  "
        << static_cast<int>(std::round(std::clamp(c.score, 0.0f, 1.0f) * 100.0f)) << "%\n";
    const auto list = [&](const std::string& key, const std::vector<std::string>& items) {
      if (items.empty()) return;
      out << "   " << catalog.get(key) << ":";
      for (std::size_t i = 0; i < items.size(); ++i) out << (i ? "; " : " ") << words(items[i]);
      out << "\n";
    };
    list("lookup.explains", c.explained);
    list("lookup.unexplained", c.unexplained);
    list("lookup.contradicted", c.contradicted);
  }
  out << "\n" << catalog.get("lookup.caution") << "\n";
  return out.str();
}

int runSymptomLookup(const std::filesystem::path& file, std::string_view format, std::ostream& out,
                     std::ostream& err) {
  if (format != "json" && format != "text") {
    err << "radicula: --format: \"" << validUtf8(format)
        << "\" is not a report format (expected json or text)\n";
    return kExitBadInput;
  }
  try {
    const auto engine = ClinicalEngine::loadDefault();
    const SymptomPattern pattern = SymptomPattern::load(file, engine->graph());
    const SymptomLookup lookup(*engine);
    const Lookup result = lookup.rank(pattern);
    const TextCatalog catalog = TextCatalog::loadLanguage("en");
    if (format == "json") {
      out << jsonText(lookupJson(result, catalog), 2) << "\n";
    } else {
      out << lookupText(result, catalog);
    }
    return 0;
  } catch (...) {
    err << "radicula: " << describeCurrentException(file.string()) << "\n";
  }
  return kExitBadInput;
}

}  // namespace radicula::core
