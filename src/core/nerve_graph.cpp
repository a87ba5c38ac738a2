#include "core/nerve_graph.h"

#include <algorithm>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "core/content_error.h"
#include "core/data_paths.h"

namespace radicula::core {

namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw ContentError(file_, path, problem);
  }
  const json& member(const json& object, const std::string& path, const char* key) const {
    if (!object.is_object()) fail(path, "expected an object");
    const auto it = object.find(key);
    if (it == object.end()) fail(path + "/" + key, "missing");
    return *it;
  }
  std::string text(const json& v, const std::string& path) const {
    if (!v.is_string()) fail(path, "expected a string");
    return v.get<std::string>();
  }
  const json& array(const json& v, const std::string& path) const {
    if (!v.is_array()) fail(path, "expected an array");
    return v;
  }
  std::vector<Root> roots(const json& v, const std::string& path) const {
    std::vector<Root> out;
    const json& list = array(v, path);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string p = path + "/" + std::to_string(i);
      const auto r = parseRoot(text(list[i], p));
      if (!r) fail(p, "unknown root (expected L1 … S5)");
      out.push_back(*r);
    }
    if (out.empty()) fail(path, "expected at least one root");
    return out;
  }
  void requireSource(const json& entry, const std::string& path) const {
    const auto it = entry.find("source");
    if (it == entry.end() || (!it->is_array() && !it->is_string()) || it->empty()) {
      fail(path + "/source", "every entry must cite its source");
    }
  }

 private:
  std::string file_;
};

SegmentKind parseKind(const Reader& r, const std::string& text, const std::string& path) {
  static const std::pair<const char*, SegmentKind> kinds[] = {
      {"root", SegmentKind::Root},        {"cord", SegmentKind::Cord},
      {"plexus", SegmentKind::Plexus},    {"trunk", SegmentKind::Trunk},
      {"branch", SegmentKind::Branch},    {"cutaneous", SegmentKind::Cutaneous},
      {"muscular", SegmentKind::Muscular}};
  for (const auto& [name, kind] : kinds) {
    if (text == name) return kind;
  }
  r.fail(path, "\"" + text +
                   "\" is not a segment kind (expected root, cord, plexus, trunk, "
                   "branch, cutaneous, muscular)");
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
  const Reader r(file.string());
  std::ifstream in(file);
  if (!in) r.fail("", "cannot be read");
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::exception& e) {  // syntax, or a number too large (1e400)
    r.fail("", std::string("bad JSON: ") + e.what());
  }

  NerveGraph g;
  g.regionTable_ = regions;
  g.rootSegments_.fill(-1);
  const json& segs = r.array(r.member(doc, "", "segments"), "/segments");
  // Ids first, so parents may be listed in any order.
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const std::string path = "/segments/" + std::to_string(i);
    NerveSegment s;
    s.id = r.text(r.member(segs[i], path, "id"), path + "/id");
    if (g.segmentIndex(s.id)) r.fail(path + "/id", "duplicate segment \"" + s.id + "\"");
    g.segments_.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const std::string path = "/segments/" + std::to_string(i);
    NerveSegment& s = g.segments_[i];
    r.requireSource(segs[i], path);
    s.kind = parseKind(r, r.text(r.member(segs[i], path, "kind"), path + "/kind"), path + "/kind");
    s.fibres = r.roots(r.member(segs[i], path, "fibres"), path + "/fibres");
    const json& parents = r.array(r.member(segs[i], path, "parents"), path + "/parents");
    for (std::size_t p = 0; p < parents.size(); ++p) {
      const std::string pp = path + "/parents/" + std::to_string(p);
      const auto parent = g.segmentIndex(r.text(parents[p], pp));
      if (!parent) r.fail(pp, "unknown segment");
      s.parents.push_back(*parent);
    }
    const json& tube = r.member(segs[i], path, "tube");
    if (!tube.is_null()) s.tube = r.text(tube, path + "/tube");
    if (s.kind == SegmentKind::Root) {
      if (s.fibres.size() != 1) r.fail(path + "/fibres", "a root carries its own fibres only");
      s.root = s.fibres.front();
      g.rootSegments_[index(*s.root)] = static_cast<int>(i);
    }
  }
  for (Root root : kRoots) {
    if (g.rootSegments_[index(root)] < 0) {
      r.fail("/segments", "no segment for root " + std::string(toString(root)));
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
  const auto readVia = [&](const json& entry, const std::string& path) {
    std::vector<int> via;
    const json& list = r.array(r.member(entry, path, "via"), path + "/via");
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string p = path + "/via/" + std::to_string(k);
      const auto s = g.segmentIndex(r.text(list[k], p));
      if (!s) r.fail(p, "unknown segment");
      via.push_back(*s);
    }
    if (via.empty()) r.fail(path + "/via", "expected at least one segment");
    return via;
  };

  // Regions: in regions.json order, each with its dermatome from there.
  const json& regs = r.array(r.member(doc, "", "regions"), "/regions");
  g.regions_.resize(regions.size());
  std::vector<bool> seen(regions.size(), false);
  for (std::size_t i = 0; i < regs.size(); ++i) {
    const std::string path = "/regions/" + std::to_string(i);
    r.requireSource(regs[i], path);
    const std::string id = r.text(r.member(regs[i], path, "region"), path + "/region");
    const auto at = RegionTable::indexOf(regions, id);
    if (!at) r.fail(path + "/region", "\"" + id + "\" is not a region of regions.json");
    NerveTarget& t = g.regions_[*at];
    t.id = id;
    t.roots = regions[*at].dermatome;
    t.nerve = regions[*at].cutaneousNerve;
    t.via = readVia(regs[i], path);
    t.ancestors = ancestorsOf(t.via);
    seen[*at] = true;
  }
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (!seen[i]) r.fail("/regions", "no way in for region \"" + regions[i].id + "\"");
  }

  const auto readTargets = [&](const char* key, std::vector<NerveTarget>& out) {
    const json& list = r.array(r.member(doc, "", key), std::string("/") + key);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = std::string("/") + key + "/" + std::to_string(i);
      r.requireSource(list[i], path);
      NerveTarget t;
      t.id = r.text(r.member(list[i], path, "id"), path + "/id");
      t.roots = r.roots(r.member(list[i], path, "roots"), path + "/roots");
      t.via = readVia(list[i], path);
      t.ancestors = ancestorsOf(t.via);
      if (const auto n = list[i].find("nerve"); n != list[i].end())
        t.nerve = r.text(*n, path + "/nerve");
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
          r.fail(std::string("/") + key,
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
