#include "core/nerve_graph.h"

#include <algorithm>
#include <set>

#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/json_reader.h"

namespace radicula::core {

namespace {

std::vector<Root> roots(const JsonValue& v) {
  std::vector<Root> out;
  for (const JsonValue& item : v.elements()) {
    out.push_back(item.choice(parseRoot, "a root", "L1 … S5"));
  }
  if (out.empty()) v.fail("expected at least one root");
  return out;
}

void requireSource(const JsonValue& entry) {
  const auto source = entry.find("source");
  if (!source || (!source->isArray() && !source->isString()) || source->json().empty()) {
    throw ContentError(entry.file(), entry.path() + "/source", "every entry must cite its source");
  }
}

SegmentKind parseKind(const JsonValue& v) {
  static const std::pair<const char*, SegmentKind> kinds[] = {
      {"root", SegmentKind::Root},        {"cord", SegmentKind::Cord},
      {"plexus", SegmentKind::Plexus},    {"trunk", SegmentKind::Trunk},
      {"branch", SegmentKind::Branch},    {"cutaneous", SegmentKind::Cutaneous},
      {"muscular", SegmentKind::Muscular}};
  const auto parse = [](const std::string& text) -> std::optional<SegmentKind> {
    for (const auto& [name, kind] : kinds) {
      if (text == name) return kind;
    }
    return std::nullopt;
  };
  return v.choice(parse, "a segment kind",
                  "root, cord, plexus, trunk, branch, cutaneous, muscular");
}

}  // namespace

std::optional<int> NerveGraph::segmentIndex(std::string_view id) const {
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (segments_[i].id == id) return static_cast<int>(i);
  }
  return std::nullopt;
}

bool NerveGraph::reaches(int segment, const NerveTarget& target) const {
  if (std::find(target.ancestors.begin(), target.ancestors.end(), segment) ==
      target.ancestors.end()) {
    return false;
  }
  for (Root r : segments_[segment].fibres) {
    if (std::find(target.roots.begin(), target.roots.end(), r) != target.roots.end()) return true;
  }
  return false;
}

NerveGraph NerveGraph::load(const std::filesystem::path& file,
                            const std::vector<SkinRegion>& regions) {
  const JsonDocument doc = JsonDocument::load(file);
  const JsonValue top = doc.root();

  NerveGraph g;
  g.regionTable_ = regions;
  g.rootSegments_.fill(-1);
  const std::vector<JsonValue> segs = top.member("segments").elements();
  // Ids first, so parents may be listed in any order.
  for (const JsonValue& seg : segs) {
    NerveSegment s;
    const JsonValue id = seg.member("id");
    s.id = id.string();
    if (g.segmentIndex(s.id)) id.fail("duplicate segment \"" + s.id + "\"");
    g.segments_.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < segs.size(); ++i) {
    NerveSegment& s = g.segments_[i];
    requireSource(segs[i]);
    s.kind = parseKind(segs[i].member("kind"));
    const JsonValue fibres = segs[i].member("fibres");
    s.fibres = roots(fibres);
    for (const JsonValue& parent : segs[i].member("parents").elements()) {
      const auto at = g.segmentIndex(parent.string());
      if (!at) parent.fail("unknown segment");
      s.parents.push_back(*at);
    }
    const JsonValue tube = segs[i].member("tube");
    if (!tube.isNull()) s.tube = tube.string();
    if (s.kind == SegmentKind::Root) {
      if (s.fibres.size() != 1) fibres.fail("a root carries its own fibres only");
      s.root = s.fibres.front();
      g.rootSegments_[index(*s.root)] = static_cast<int>(i);
    }
  }
  for (Root r : kRoots) {
    if (g.rootSegments_[index(r)] < 0) {
      throw ContentError(doc.file(), "/segments",
                         "no segment for root " + std::string(toString(r)));
    }
  }

  const auto ancestorsOf = [&](const std::vector<int>& via) {
    std::set<int> seen;
    std::vector<int> stack = via;
    while (!stack.empty()) {
      const int s = stack.back();
      stack.pop_back();
      if (!seen.insert(s).second) continue;
      for (int p : g.segments_[s].parents) stack.push_back(p);
    }
    return std::vector<int>(seen.begin(), seen.end());
  };
  const auto readVia = [&](const JsonValue& entry) {
    std::vector<int> via;
    const JsonValue list = entry.member("via");
    for (const JsonValue& item : list.elements()) {
      const auto s = g.segmentIndex(item.string());
      if (!s) item.fail("unknown segment");
      via.push_back(*s);
    }
    if (via.empty()) list.fail("expected at least one segment");
    return via;
  };

  // Regions: in regions.json order, each with its dermatome from there.
  const JsonValue regs = top.member("regions");
  g.regions_.resize(regions.size());
  std::vector<bool> seen(regions.size(), false);
  for (const JsonValue& entry : regs.elements()) {
    requireSource(entry);
    const JsonValue region = entry.member("region");
    const std::string id = region.string();
    const auto at = RegionTable::indexOf(regions, id);
    if (!at) region.fail("\"" + id + "\" is not a region of regions.json");
    NerveTarget& t = g.regions_[*at];
    t.id = id;
    t.roots = regions[*at].dermatome;
    t.nerve = regions[*at].cutaneousNerve;
    t.via = readVia(entry);
    t.ancestors = ancestorsOf(t.via);
    seen[*at] = true;
  }
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (!seen[i]) regs.fail("no way in for region \"" + regions[i].id + "\"");
  }

  const auto readTargets = [&](const char* key, std::vector<NerveTarget>& out) {
    for (const JsonValue& entry : top.member(key).elements()) {
      requireSource(entry);
      NerveTarget t;
      t.id = entry.member("id").string();
      t.roots = roots(entry.member("roots"));
      t.via = readVia(entry);
      t.ancestors = ancestorsOf(t.via);
      if (const auto n = entry.find("nerve")) t.nerve = n->string();
      out.push_back(std::move(t));
    }
  };
  readTargets("movements", g.movements_);
  readTargets("reflexes", g.reflexes_);

  // Every target's roots must be able to reach it, or a root lesion would silently miss it.
  const auto checkReachable = [&](const std::vector<NerveTarget>& targets, const char* key) {
    for (const NerveTarget& t : targets) {
      for (Root root : t.roots) {
        if (!g.reaches(g.rootSegment(root), t)) {
          throw ContentError(
              doc.file(), std::string("/") + key,
              "root " + std::string(toString(root)) + " has no way to \"" + t.id + "\"");
        }
      }
    }
  };
  checkReachable(g.regions_, "regions");
  checkReachable(g.movements_, "movements");
  checkReachable(g.reflexes_, "reflexes");
  return g;
}

NerveGraph NerveGraph::loadDefault() {
  const auto dir = contentDir();
  return load(dir / "nerves.json", RegionTable::load(dir / "regions.json"));
}

}  // namespace radicula::core
