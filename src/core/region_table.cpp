#include "core/region_table.h"

#include <array>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/content_error.h"

namespace radicula::core {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kSegmentNames = {"thigh", "leg", "foot", "buttock",
                                                           "perineum"};

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

  std::string text(const json& value, const std::string& path) const {
    if (!value.is_string()) fail(path, "expected a string");
    return value.get<std::string>();
  }

  float number(const json& value, const std::string& path, float lo, float hi) const {
    if (!value.is_number()) fail(path, "expected a number");
    const float v = value.get<float>();
    if (v < lo || v > hi) {
      fail(path, std::to_string(v) + " is out of range (expected " + std::to_string(lo) + " … " +
                     std::to_string(hi) + ")");
    }
    return v;
  }

  // ["thigh", 0.85] → segment and fraction along it.
  std::pair<BodySegment, float> segmentPoint(const json& value, const std::string& path) const {
    if (!value.is_array() || value.size() != 2) {
      fail(path, "expected [segment, along], e.g. [\"thigh\", 0.85]");
    }
    const std::string name = text(value[0], path + "/0");
    const auto segment = parseBodySegment(name);
    if (!segment) {
      fail(path + "/0", "\"" + name +
                            "\" is not a body segment (expected thigh, leg, foot, "
                            "buttock or perineum)");
    }
    return {*segment, number(value[1], path + "/1", 0.0f, 1.0f)};
  }

 private:
  std::string file_;
};

RegionPlacement readPlacement(const Reader& in, const json& value, const std::string& path) {
  RegionPlacement p;
  std::tie(p.fromSegment, p.fromAlong) =
      in.segmentPoint(in.member(value, path, "from"), path + "/from");
  std::tie(p.toSegment, p.toAlong) = in.segmentPoint(in.member(value, path, "to"), path + "/to");
  if (const auto it = value.find("around"); it != value.end()) {
    if (!it->is_array() || it->size() != 2) {
      in.fail(path + "/around", "expected [from, to] in degrees");
    }
    p.hasAround = true;
    p.aroundFromDeg = in.number((*it)[0], path + "/around/0", 0.0f, 360.0f);
    p.aroundToDeg = in.number((*it)[1], path + "/around/1", 0.0f, 360.0f);
  }
  if (const auto it = value.find("note"); it != value.end()) {
    p.note = in.text(*it, path + "/note");
  }
  return p;
}

}  // namespace

std::string_view toString(BodySegment segment) {
  return kSegmentNames[static_cast<int>(segment)];
}

std::optional<BodySegment> parseBodySegment(std::string_view text) {
  for (std::size_t i = 0; i < kSegmentNames.size(); ++i) {
    if (text == kSegmentNames[i]) return static_cast<BodySegment>(i);
  }
  return std::nullopt;
}

std::vector<SkinRegion> RegionTable::load(const std::filesystem::path& file) {
  const std::string name = file.string();
  Reader in(name);
  std::ifstream stream(file);
  if (!stream) in.fail("", "cannot open the region table");
  json doc;
  try {
    doc = json::parse(stream);
  } catch (const json::exception& e) {  // syntax, or a number too large (1e400)
    in.fail("", std::string("not valid JSON: ") + e.what());
  }

  std::map<std::string, std::string> citations;
  if (const auto it = doc.find("sources"); it != doc.end()) {
    if (!it->is_object()) in.fail("/sources", "expected an object of citations");
    for (const auto& [key, value] : it->items()) citations[key] = in.text(value, "/sources/" + key);
  }

  const json& list = in.member(doc, "", "regions");
  if (!list.is_array() || list.empty()) in.fail("/regions", "expected a non-empty array");
  // _REGION_IDS stores indices as bytes; 255 is left free for "no region".
  if (list.size() > 255) in.fail("/regions", "more than 255 regions do not fit _REGION_IDS");

  std::vector<SkinRegion> regions;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "/regions/" + std::to_string(i);
    const json& entry = list[i];
    SkinRegion r;
    r.id = in.text(in.member(entry, path, "id"), path + "/id");
    if (r.id.empty()) in.fail(path + "/id", "empty region id");
    if (!seen.insert(r.id).second) in.fail(path + "/id", "duplicate region id \"" + r.id + "\"");
    r.where = in.text(in.member(entry, path, "where"), path + "/where");
    r.cutaneousNerve =
        in.text(in.member(entry, path, "cutaneous_nerve"), path + "/cutaneous_nerve");

    const json& roots = in.member(entry, path, "dermatome");
    if (!roots.is_array() || roots.empty()) {
      in.fail(path + "/dermatome", "expected a non-empty array of roots, e.g. [\"L2\", \"L3\"]");
    }
    for (std::size_t k = 0; k < roots.size(); ++k) {
      const std::string rootPath = path + "/dermatome/" + std::to_string(k);
      const std::string rootName = in.text(roots[k], rootPath);
      const auto root = parseRoot(rootName);
      if (!root) in.fail(rootPath, "\"" + rootName + "\" is not a root (expected L1 … S5)");
      r.dermatome.push_back(*root);
    }

    r.placement = readPlacement(in, in.member(entry, path, "placement"), path + "/placement");

    const json& sources = in.member(entry, path, "source");
    if (!sources.is_array() || sources.empty()) {
      in.fail(path + "/source", "expected a non-empty array of source keys");
    }
    for (std::size_t k = 0; k < sources.size(); ++k) {
      const std::string sourcePath = path + "/source/" + std::to_string(k);
      const std::string key = in.text(sources[k], sourcePath);
      const auto it = citations.find(key);
      if (it == citations.end()) in.fail(sourcePath, "\"" + key + "\" is not listed in /sources");
      r.sources.push_back(it->second);
    }
    regions.push_back(std::move(r));
  }
  return regions;
}

std::optional<int> RegionTable::indexOf(const std::vector<SkinRegion>& regions,
                                        std::string_view id) {
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].id == id) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace radicula::core
