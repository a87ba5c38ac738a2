#include "core/findings.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/json_reader.h"
#include "core/region_table.h"

namespace radicula::core {

namespace {

using nlohmann::json;

// A reflex whose fibres are compressed this much is lost rather than reduced: the lesion has
// reached the root's centre line in the model.
constexpr float kReflexAbsentAt = 0.9f;

// Shipped content, read through the same nesting and syntax checks as every other JSON file.
json readJson(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ContentError(file.string(), "", "cannot be read");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  checkJson(text, file.string(), JsonLimits{});
  return json::parse(text);
}

std::string rootsText(const std::vector<Root>& roots) {
  std::string out;
  for (Root r : roots) {
    if (!out.empty()) out += ", ";
    out += toString(r);
  }
  return out;
}

// "L5", "L5 and S1", "L4, L5 and S1", and runs of three or more as "S1–S5" (roots in order).
std::string rootList(std::vector<Root> roots, const TextCatalog& t) {
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < roots.size();) {
    std::size_t j = i;
    while (j + 1 < roots.size() &&
           static_cast<int>(roots[j + 1]) == static_cast<int>(roots[j]) + 1) {
      ++j;
    }
    if (j - i >= 2) {
      parts.push_back(std::string(toString(roots[i])) + "–" + std::string(toString(roots[j])));
    } else {
      for (std::size_t k = i; k <= j; ++k) parts.push_back(std::string(toString(roots[k])));
    }
    i = j + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " " + t.get("list.and") + " " : ", ";
    out += parts[i];
  }
  return out;
}

// The items in order of first appearance, those alike (`same`) merged with the sides they have.
template <typename Item, typename Same>
std::vector<std::pair<const Item*, std::set<Side>>> groupedBySide(const std::vector<Item>& items,
                                                                  Same same) {
  std::vector<std::pair<const Item*, std::set<Side>>> groups;
  for (const Item& item : items) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return same(*g.first, item); });
    if (it == groups.end()) {
      groups.push_back({&item, {}});
      it = groups.end() - 1;
    }
    it->second.insert(item.side);
  }
  return groups;
}

std::string percent(float compression) {
  return std::to_string(static_cast<int>(std::lround(compression * 100.0f)));
}

}  // namespace

bool Findings::affected(Root root, Side side) const {
  return std::any_of(roots.begin(), roots.end(), [&](const RootFinding& r) {
    return r.root == root && r.side == side && r.affected;
  });
}
bool Findings::regionLit(std::string_view region, Side side) const {
  return std::any_of(regions.begin(), regions.end(),
                     [&](const RegionFinding& r) { return r.id == region && r.side == side; });
}
bool Findings::weak(std::string_view movement, Side side) const {
  return std::any_of(weakness.begin(), weakness.end(),
                     [&](const MovementFinding& m) { return m.id == movement && m.side == side; });
}
bool Findings::hasSign(std::string_view sign) const {
  return std::find(signs.begin(), signs.end(), sign) != signs.end();
}
bool Findings::hasRedFlag(std::string_view flag) const {
  return redFlag(flag) != nullptr;
}
const RedFlag* Findings::redFlag(std::string_view flag) const {
  const auto it = std::find_if(redFlags.begin(), redFlags.end(),
                               [&](const RedFlag& f) { return f.id == flag; });
  return it == redFlags.end() ? nullptr : &*it;
}

ClinicalEngine::ClinicalEngine(const std::filesystem::path& dir)
    : morphometry_(Morphometry::load(dir / "morphometry.json")),
      layout_(morphometry_),
      graph_(NerveGraph::load(dir / "nerves.json", RegionTable::load(dir / "regions.json"))),
      engine_(layout_, graph_) {
  const std::filesystem::path file = dir / "clinical.json";
  const json doc = readJson(file);
  const std::string name = file.string();
  const auto signs = doc.find("signs");
  if (signs == doc.end() || !signs->is_array()) {
    throw ContentError(name, "/signs", "expected an array");
  }
  for (std::size_t i = 0; i < signs->size(); ++i) {
    const std::string path = "/signs/" + std::to_string(i);
    const json& entry = (*signs)[i];
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) {
      throw ContentError(name, path + "/id", "expected a string id");
    }
    if (!entry.contains("source")) {
      throw ContentError(name, path + "/source", "every entry must cite its source");
    }
    if (!entry.contains("when")) throw ContentError(name, path + "/when", "missing");
    signs_.emplace_back(entry["id"].get<std::string>(),
                        readClinicalRule(entry["when"], name, path + "/when", graph_));
  }
  redFlags_ = readRedFlagRules(doc, "red_flags", name, graph_);
  symptomRedFlags_ = readRedFlagRules(doc, "symptom_red_flags", name, graph_);
  if (const auto general = doc.find("general_red_flags");
      general != doc.end() && general->is_array()) {
    for (const json& entry : *general) {
      if (entry.is_object() && entry.contains("id") && entry["id"].is_string())
        generalRedFlags_.push_back(entry["id"].get<std::string>());
    }
  }
}

std::unique_ptr<ClinicalEngine> ClinicalEngine::loadDefault() {
  return std::make_unique<ClinicalEngine>(contentDir());
}

std::vector<PathologyShape> ClinicalEngine::shapes(
    const std::vector<Pathology>& pathologies) const {
  std::vector<PathologyShape> out;
  out.reserve(pathologies.size());
  for (const Pathology& p : pathologies) out.push_back(PathologyShape::build(p, layout_));
  return out;
}

Findings ClinicalEngine::analyse(const std::vector<Pathology>& pathologies) const {
  return follow(pathologies, engine_.analyse(shapes(pathologies)));
}

Findings ClinicalEngine::follow(const std::vector<Pathology>& pathologies,
                                const std::vector<SegmentCompression>& measured) const {
  Findings f;
  f.pathologies = pathologies;

  std::vector<const SegmentCompression*> affected;
  for (const SegmentCompression& sc : measured) {
    const NerveSegment& seg = graph_.segments()[sc.segment];
    if (sc.affected()) affected.push_back(&sc);
    if (seg.root) {
      f.roots.push_back({*seg.root, sc.side, sc.compression, sc.affected(), sc.causes, sc.byCause});
    } else if (seg.kind != SegmentKind::Cord || sc.side == Side::Left) {
      // The conus is one midline structure measured once per side: report it once.
      f.nerves.push_back({seg.id, sc.side, sc.compression, sc.affected(), sc.causes});
    }
  }

  // Follow the fibres: a target is reached by an affected segment on its way that carries
  // some of its roots; its strength is the worst such compression.
  const auto follow = [&](const NerveTarget& target, Side side, float* worst,
                          std::vector<Root>* roots) {
    *worst = 0.0f;
    std::set<Root> through;
    for (const SegmentCompression* sc : affected) {
      if (sc->side != side || !graph_.reaches(sc->segment, target)) continue;
      *worst = std::max(*worst, sc->compression);
      for (Root r : graph_.segments()[sc->segment].fibres) {
        if (std::find(target.roots.begin(), target.roots.end(), r) != target.roots.end()) {
          through.insert(r);
        }
      }
    }
    roots->assign(through.begin(), through.end());
    return *worst > 0.0f;
  };

  for (Side side : kSides) {
    for (std::size_t i = 0; i < graph_.regions().size(); ++i) {
      RegionFinding r;
      if (follow(graph_.regions()[i], side, &r.intensity, &r.roots)) {
        r.region = static_cast<int>(i);
        r.id = graph_.regions()[i].id;
        r.side = side;
        f.regions.push_back(std::move(r));
      }
    }
    for (const NerveTarget& m : graph_.movements()) {
      MovementFinding w;
      if (follow(m, side, &w.severity, &w.roots)) {
        w.id = m.id;
        w.side = side;
        f.weakness.push_back(std::move(w));
      }
    }
    for (const NerveTarget& x : graph_.reflexes()) {
      float worst = 0.0f;
      ReflexFinding rf;
      if (follow(x, side, &worst, &rf.roots)) {
        rf.id = x.id;
        rf.side = side;
        rf.change = worst >= kReflexAbsentAt ? "absent" : "reduced";
        f.reflexes.push_back(std::move(rf));
      }
    }
  }

  for (const auto& [id, rule] : signs_) {
    if (ruleHolds(rule, f, measured, graph_)) f.signs.push_back(id);
  }
  f.redFlags = gradeRedFlags(redFlags_, f, measured, graph_);
  return f;
}

FindingTexts ClinicalEngine::texts(const Findings& f, const TextCatalog& t) const {
  FindingTexts out;
  out.disclaimer = t.get("app.disclaimer");

  const auto lesionName = [&](const Pathology& p) {
    return t.get("type." + std::string(toString(p.type)));
  };
  const auto roleOf = [&](const Pathology& p, Root root) {
    if (!p.isSpinal()) return t.get("role.cauda");
    if (root == exitingRoot(p.level)) return t.get("role.exiting");
    if (root == traversingRoot(p.level)) return t.get("role.traversing");
    return t.get("role.cauda");
  };
  const auto sideName = [&](Side s) { return t.get("side." + std::string(toString(s))); };

  // What presses on what, one sentence per lesion and side pattern: a large central herniation
  // reads "presses on the S1–S5 nerve roots on both sides", not ten sentences of one root each.
  for (int cause = 0; cause < static_cast<int>(f.pathologies.size()); ++cause) {
    const Pathology& p = f.pathologies[cause];
    const std::string level(toString(p.level));
    for (const bool hit : {true, false}) {
      // Roots this lesion presses on (or only touches), by side, with their compression.
      std::map<Side, std::vector<Root>> bySide;
      std::map<Side, std::vector<float>> amounts;
      for (const RootFinding& r : f.roots) {
        for (std::size_t i = 0; i < r.causes.size(); ++i) {
          if (r.causes[i] != cause || (r.byCause[i] >= kAffectedThreshold) != hit) continue;
          bySide[r.side].push_back(r.root);
          amounts[r.side].push_back(r.byCause[i]);
        }
      }
      if (bySide.empty()) continue;
      const bool bothAlike = bySide.size() == 2 && bySide[Side::Left] == bySide[Side::Right];
      for (const auto& [side, roots] : bySide) {
        if (bothAlike && side == Side::Right) break;
        const bool single = roots.size() == 1 && !bothAlike;
        const std::string key = std::string("patient.") + (hit ? "roots" : "touching_roots") +
                                (single      ? "_one"
                                 : bothAlike ? "_both"
                                             : "");
        out.patient.push_back(t.format(key, {{"lesion", lesionName(p)},
                                             {"level", level},
                                             {"side", sideName(side)},
                                             {"root", std::string(toString(roots.front()))},
                                             {"roots", rootList(roots, t)}}));
      }
      if (!hit) continue;
      // Students read the role (exiting, traversing, cauda equina) and how much, per group.
      // Exiting, then traversing, then the roots further in the sac (cauda equina).
      std::vector<std::pair<std::string, std::map<Side, std::vector<std::pair<Root, float>>>>>
          byRole;
      for (const char* key : {"role.exiting", "role.traversing", "role.cauda"}) {
        byRole.push_back({t.get(key), {}});
      }
      for (const auto& [side, roots] : bySide) {
        for (std::size_t i = 0; i < roots.size(); ++i) {
          const std::string role = roleOf(p, roots[i]);
          for (auto& [name, sides] : byRole) {
            if (name == role) sides[side].push_back({roots[i], amounts[side][i]});
          }
        }
      }
      for (const auto& [role, sides] : byRole) {
        if (sides.empty()) continue;
        std::vector<Root> roots;
        float low = 1.0f, high = 0.0f;
        for (const auto& [side, list] : sides) {
          for (const auto& [root, amount] : list) {
            if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
            low = std::min(low, amount);
            high = std::max(high, amount);
          }
        }
        std::sort(roots.begin(), roots.end());
        const std::string range =
            percent(low) == percent(high) ? percent(low) : percent(low) + "–" + percent(high);
        const std::string sidesText =
            sides.size() == 2 ? t.get("side.both") : sideName(sides.begin()->first);
        out.student.push_back(t.format(
            "student.root", {{"side", sidesText},
                             {"root", rootList(roots, t)},
                             {"role", role},
                             {"percent", range},
                             {"morphology", t.get("morphology." + std::string(morphologyId(p)))},
                             {"lesion", lesionName(p)},
                             {"zone", t.get("zone." + std::string(toString(p.zone)))},
                             {"level", level}}));
      }
    }
  }
  for (const NerveFinding& n : f.nerves) {
    if (!n.affected || n.causes.empty() || n.causes.front() < 0 ||
        n.causes.front() >= static_cast<int>(f.pathologies.size())) {
      continue;
    }
    const Pathology& p = f.pathologies[n.causes.front()];
    out.patient.push_back(t.format(
        "patient.nerve",
        {{"lesion", lesionName(p)}, {"side", sideName(n.side)}, {"nerve", t.get(n.segment)}}));
    out.student.push_back(t.format("student.nerve", {{"side", sideName(n.side)},
                                                     {"nerve", t.get(n.segment)},
                                                     {"percent", percent(n.compression)},
                                                     {"lesion", lesionName(p)}}));
  }
  if (out.patient.empty()) out.patient.push_back(t.get("patient.none"));

  const auto sidesText = [&](const std::set<Side>& sides) {
    return sides.size() == 2 ? t.get("side.both") : sideName(*sides.begin());
  };
  // Lists with the side after each item; an item on both sides is named once, and one side
  // for the whole list when every item has it: "outer shin, top of the foot (left)".
  const auto listBySide = [&](const auto& items, const char* prefix) {
    const auto seen =
        groupedBySide(items, [](const auto& a, const auto& b) { return a.id == b.id; });
    const bool sameSides = std::all_of(seen.begin(), seen.end(),
                                       [&](const auto& e) { return e.second == seen[0].second; });
    std::string text;
    for (const auto& [item, sides] : seen) {
      if (!text.empty()) text += ", ";
      text += t.get(std::string(prefix) + item->id);
      if (!sameSides) text += " (" + sidesText(sides) + ")";
    }
    if (sameSides && !seen.empty()) text += " (" + sidesText(seen[0].second) + ")";
    return text;
  };
  if (!f.regions.empty()) {
    const std::string list = listBySide(f.regions, "region.");
    out.patient.push_back(t.format("patient.regions", {{"regions", list}}));
    // A region lit alike on both sides is named once: "outer shin [L5, both sides, 100%]".
    std::string detailed;
    for (const auto& [r, sides] :
         groupedBySide(f.regions, [](const RegionFinding&a, const RegionFinding&b) {
           return a.id == b.id && a.roots == b.roots &&
                  percent(a.intensity) == percent(b.intensity);
         })) {
      if (!detailed.empty()) detailed += ", ";
      detailed += t.get("region." + r->id) + " [" + rootsText(r->roots) + ", " + sidesText(sides) +
                  ", " + percent(r->intensity) + "%]";
    }
    out.student.push_back(t.format("student.regions", {{"regions", detailed}}));
  }
  if (!f.weakness.empty()) {
    const std::string list = listBySide(f.weakness, "movement.");
    out.patient.push_back(t.format("patient.weakness", {{"movements", list}}));
    out.student.push_back(t.format("student.weakness", {{"movements", list}}));
  }
  if (!f.reflexes.empty()) {
    // A reflex changed the same way on both sides is named once.
    std::string list;
    for (const auto& [r, sides] :
         groupedBySide(f.reflexes, [](const ReflexFinding&a, const ReflexFinding&b) {
           return a.id == b.id && a.change == b.change;
         })) {
      if (!list.empty()) list += ", ";
      list += t.get("reflex." + r->id) + ": " + t.get("change." + r->change) + " (" +
              sidesText(sides) + ")";
    }
    out.student.push_back(t.format("student.reflexes", {{"reflexes", list}}));
  }
  const bool left = std::any_of(f.roots.begin(), f.roots.end(), [](const RootFinding& r) {
    return r.affected && r.side == Side::Left;
  });
  const bool right = std::any_of(f.roots.begin(), f.roots.end(), [](const RootFinding& r) {
    return r.affected && r.side == Side::Right;
  });
  if (left && right) out.patient.push_back(t.get("patient.both_legs"));
  if (!f.signs.empty()) {
    std::string list;
    for (const std::string& s : f.signs) list += (list.empty() ? "" : ", ") + t.get("sign." + s);
    out.student.push_back(t.format("student.signs", {{"signs", list}}));
  }
  // Red flags in words: the title and what to do for patients; for students also the grade
  // and why the guidelines give it.
  for (const RedFlag& flag : f.redFlags) {
    FindingTexts::FlagLine line;
    line.urgency = flag.urgency;
    line.patient = redFlagTitle(flag, t) + ": " + redFlagText(flag, t);
    line.student = redFlagTitle(flag, t) + " (" + urgencyAction(flag.urgency, true, t) +
                   "): " + redFlagReason(flag, t) + ". " + redFlagText(flag, t);
    out.patient.push_back(line.patient);
    out.student.push_back(line.student);
    out.redFlags.push_back(std::move(line));
  }
  out.student.push_back(t.get("student.sources"));

  // The leaflet: one "what it is" per kind of lesion, then the shared paragraphs.
  std::set<PathologyType> types;
  for (const Pathology& p : f.pathologies) {
    if (types.insert(p.type).second) {
      out.leaflet.push_back(t.get("leaflet." + std::string(toString(p.type)) + ".what"));
    }
  }
  for (const char* key : {"leaflet.feel", "leaflet.who", "leaflet.helps", "leaflet.urgent"}) {
    out.leaflet.push_back(t.get(key));
  }
  std::string flags;
  for (std::size_t i = 0; i < generalRedFlags_.size(); ++i) {
    if (i > 0) flags += ", ";
    flags += t.get("general_red_flag." + generalRedFlags_[i]);
  }
  out.leaflet.push_back(t.format("leaflet.general", {{"flags", flags}}));
  return out;
}

}  // namespace radicula::core
