#include "core/clinical_rules.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/content_error.h"
#include "core/findings.h"

namespace radicula::core {

std::string_view toString(Urgency urgency) {
  return urgency == Urgency::Emergency ? "emergency" : "urgent";
}

std::optional<Urgency> parseUrgency(std::string_view text) {
  if (text == "emergency") return Urgency::Emergency;
  if (text == "urgent") return Urgency::Urgent;
  return std::nullopt;
}

void mergeRedFlags(std::vector<RedFlag>& into, const std::vector<RedFlag>& more) {
  for (const RedFlag& flag : more) {
    const auto it =
        std::find_if(into.begin(), into.end(), [&](const RedFlag& f) { return f.id == flag.id; });
    if (it == into.end()) {
      into.push_back(flag);
    } else if (flag.urgency > it->urgency) {
      *it = flag;
    }
  }
}

std::optional<Urgency> mostUrgent(const std::vector<RedFlag>& flags) {
  std::optional<Urgency> out;
  for (const RedFlag& f : flags) {
    if (!out || f.urgency > *out) out = f.urgency;
  }
  return out;
}

namespace {

using nlohmann::json;

struct RuleReader {
  const std::string& file;
  const NerveGraph& graph;

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw ContentError(file, path, problem);
  }
  std::vector<std::string> strings(const json& v, const std::string& path) const {
    if (!v.is_array()) fail(path, "expected an array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) fail(path + "/" + std::to_string(i), "expected a string");
      out.push_back(v[i].get<std::string>());
    }
    return out;
  }
  bool boolean(const json& v, const std::string& path) const {
    if (!v.is_boolean()) fail(path, "expected true or false");
    return v.get<bool>();
  }
  std::vector<std::pair<PathologyType, std::optional<Zone>>> causes(const json& v,
                                                                    const std::string& p) const {
    std::vector<std::pair<PathologyType, std::optional<Zone>>> out;
    for (const auto& s : strings(v, p)) {
      const auto slash = s.find('/');
      const auto type = parsePathologyType(s.substr(0, slash));
      if (!type) fail(p, "\"" + s + "\" is not a pathology type");
      std::optional<Zone> zone;
      if (slash != std::string::npos) {
        zone = parseZone(s.substr(slash + 1));
        if (!zone) fail(p, "\"" + s + "\" has an unknown zone");
      }
      out.emplace_back(*type, zone);
    }
    return out;
  }
  ClinicalRule rule(const json& v, const std::string& path) const;
};

ClinicalRule RuleReader::rule(const json& v, const std::string& path) const {
  if (!v.is_object()) fail(path, "expected an object");
  ClinicalRule rule;
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string p = path + "/" + it.key();
    if (it.key() == "roots_any") {
      for (const auto& s : strings(*it, p)) {
        const auto root = parseRoot(s);
        if (!root) fail(p, "\"" + s + "\" is not a root (expected L1 … S5)");
        rule.rootsAny.push_back(*root);
      }
    } else if (it.key() == "segments_any") {
      for (const auto& s : strings(*it, p)) {
        const auto seg = graph.segmentIndex(s);
        if (!seg) fail(p, "\"" + s + "\" is not a segment of nerves.json");
        rule.segmentsAny.push_back(*seg);
      }
    } else if (it.key() == "weak_any") {
      rule.weakAny = strings(*it, p);
    } else if (it.key() == "regions_any") {
      rule.regionsAny = strings(*it, p);
    } else if (it.key() == "reflexes_any") {
      rule.reflexesAny = strings(*it, p);
    } else if (it.key() == "cause_types") {
      rule.causeTypes = causes(*it, p);
    } else if (it.key() == "bilateral") {
      rule.bilateral = boolean(*it, p);
    } else if (it.key() == "both_legs") {
      rule.bothLegs = boolean(*it, p);
    } else if (it.key() == "any_of") {
      if (!it->is_array()) fail(p, "expected an array of rules");
      for (std::size_t i = 0; i < it->size(); ++i) {
        rule.anyOf.push_back(this->rule((*it)[i], p + "/" + std::to_string(i)));
      }
    } else {
      fail(p,
           "unknown condition (expected roots_any, segments_any, weak_any, regions_any, "
           "reflexes_any, cause_types, bilateral, both_legs, any_of)");
    }
  }
  return rule;
}

// The roots that count for a rule: affected, and by a lesion of the listed types when types
// are given. `bilateral` is set when one and the same such lesion affects roots on both sides.
std::vector<Root> countedRoots(const ClinicalRule& rule, const Findings& f,
                               const std::vector<SegmentCompression>& measured,
                               const NerveGraph& graph, bool* bilateral) {
  std::vector<Root> roots;
  std::map<int, unsigned> sidesByCause;  // bit 1 left, bit 2 right
  for (const SegmentCompression& sc : measured) {
    const auto& seg = graph.segments()[sc.segment];
    if (!seg.root) continue;
    bool counts = false;
    for (std::size_t i = 0; i < sc.causes.size(); ++i) {
      if (sc.byCause[i] < kAffectedThreshold) continue;
      bool qualifies = rule.causeTypes.empty();
      if (!qualifies && sc.causes[i] >= 0 &&
          sc.causes[i] < static_cast<int>(f.pathologies.size())) {
        const Pathology& p = f.pathologies[sc.causes[i]];
        for (const auto& [type, zone] : rule.causeTypes) {
          if (p.type == type && (!zone || p.zone == *zone)) qualifies = true;
        }
      }
      if (!qualifies) continue;
      counts = true;
      sidesByCause[sc.causes[i]] |= sc.side == Side::Left ? 1u : 2u;
    }
    if (counts) roots.push_back(*seg.root);
  }
  *bilateral = std::any_of(sidesByCause.begin(), sidesByCause.end(),
                           [](const auto& c) { return c.second == 3u; });
  return roots;
}

// Something found in this leg: an affected root, a lit region, a weak movement or a changed
// reflex.
bool legFound(const Findings& f, Side side) {
  const auto onSide = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.side == side; });
  };
  const bool root = std::any_of(f.roots.begin(), f.roots.end(),
                                [&](const RootFinding& r) { return r.affected && r.side == side; });
  return root || onSide(f.regions) || onSide(f.weakness) || onSide(f.reflexes);
}

template <typename Items>
bool anyNamed(const std::vector<std::string>& ids, const Items& items) {
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.id == id; });
  });
}

}  // namespace

ClinicalRule readClinicalRule(const json& v, const std::string& file, const std::string& path,
                              const NerveGraph& graph) {
  return RuleReader{file, graph}.rule(v, path);
}

std::vector<RedFlagRule> readRedFlagRules(const json& doc, const char* key, const std::string& file,
                                          const NerveGraph& graph) {
  const RuleReader reader{file, graph};
  const std::string listPath = std::string("/") + key;
  const auto list = doc.find(key);
  if (list == doc.end() || !list->is_array()) reader.fail(listPath, "expected an array");
  std::vector<RedFlagRule> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = listPath + "/" + std::to_string(i);
    const json& entry = (*list)[i];
    const auto text = [&](const char* field) {
      if (!entry.is_object() || !entry.contains(field) || !entry[field].is_string() ||
          entry[field].get<std::string>().empty()) {
        reader.fail(path + "/" + field, "expected a string");
      }
      return entry[field].get<std::string>();
    };
    RedFlagRule rule;
    rule.id = text("id");
    const auto urgency = parseUrgency(text("urgency"));
    if (!urgency) reader.fail(path + "/urgency", "expected \"emergency\" or \"urgent\"");
    rule.urgency = *urgency;
    rule.reason = text("reason");
    if (!entry.contains("source")) reader.fail(path + "/source", "every rule must cite its source");
    if (!entry.contains("when")) reader.fail(path + "/when", "missing");
    rule.when = reader.rule(entry["when"], path + "/when");
    out.push_back(std::move(rule));
  }
  return out;
}

bool ruleHolds(const ClinicalRule& rule, const Findings& f,
               const std::vector<SegmentCompression>& measured, const NerveGraph& graph) {
  if (!rule.anyOf.empty() &&
      std::none_of(rule.anyOf.begin(), rule.anyOf.end(),
                   [&](const ClinicalRule& sub) { return ruleHolds(sub, f, measured, graph); })) {
    return false;
  }
  bool bilateral = false;
  const std::vector<Root> roots = countedRoots(rule, f, measured, graph, &bilateral);
  if ((!rule.causeTypes.empty() || rule.bilateral) && roots.empty()) return false;
  if (rule.bilateral && !bilateral) return false;
  if (!rule.rootsAny.empty() && std::none_of(roots.begin(), roots.end(), [&](Root r) {
        return std::find(rule.rootsAny.begin(), rule.rootsAny.end(), r) != rule.rootsAny.end();
      })) {
    return false;
  }
  if (!rule.segmentsAny.empty() &&
      std::none_of(measured.begin(), measured.end(), [&](const SegmentCompression& sc) {
        return sc.affected() && std::find(rule.segmentsAny.begin(), rule.segmentsAny.end(),
                                          sc.segment) != rule.segmentsAny.end();
      })) {
    return false;
  }
  if (!rule.weakAny.empty() && !anyNamed(rule.weakAny, f.weakness)) return false;
  if (!rule.regionsAny.empty() && !anyNamed(rule.regionsAny, f.regions)) return false;
  if (!rule.reflexesAny.empty() && !anyNamed(rule.reflexesAny, f.reflexes)) return false;
  if (rule.bothLegs && !(legFound(f, Side::Left) && legFound(f, Side::Right))) return false;
  return true;
}

std::vector<RedFlag> gradeRedFlags(const std::vector<RedFlagRule>& rules, const Findings& f,
                                   const std::vector<SegmentCompression>& measured,
                                   const NerveGraph& graph) {
  std::vector<RedFlag> out;
  for (const RedFlagRule& rule : rules) {
    if (ruleHolds(rule.when, f, measured, graph)) {
      mergeRedFlags(out, {RedFlag{rule.id, rule.urgency, rule.reason}});
    }
  }
  return out;
}

std::string redFlagTitle(const RedFlag& flag, const TextCatalog& t) {
  return t.get("red_flag." + flag.id + "." + std::string(toString(flag.urgency)));
}

std::string redFlagText(const RedFlag& flag, const TextCatalog& t) {
  const std::string grade(toString(flag.urgency));
  if (flag.fromMarks) return t.get("lookup.red_flag." + flag.id + "." + grade);
  return t.get("red_flag." + flag.id + "." + grade + ".text");
}

std::string urgencyAction(Urgency urgency, bool student, const TextCatalog& t) {
  return t.get("urgency." + std::string(toString(urgency)) + (student ? ".student" : ""));
}

std::string redFlagReason(const RedFlag& flag, const TextCatalog& t, bool sentenceStart) {
  std::string why = t.get("red_flag.reason." + flag.reason);
  // The reasons begin with an ASCII letter in both languages ("una", "one", "síntomas").
  if (sentenceStart && !why.empty() && why[0] >= 'a' && why[0] <= 'z') {
    why[0] = static_cast<char>(why[0] - 'a' + 'A');
  }
  return why;
}

}  // namespace radicula::core
