#include "core/region_table.h"

#include <array>
#include <map>
#include <set>
#include <tuple>

#include "core/json_reader.h"

namespace radicula::core {

namespace {

constexpr std::array<std::string_view, 5> kSegmentNames = {"thigh", "leg", "foot", "buttock",
                                                           "perineum"};

float number(const JsonValue& v, float lo, float hi) {
  const double x = v.number();
  if (!(x >= lo && x <= hi)) {
    v.fail(std::to_string(x) + " is out of range (expected " + std::to_string(lo) + " … " +
           std::to_string(hi) + ")");
  }
  return static_cast<float>(x);
}

// ["thigh", 0.85] → segment and fraction along it.
std::pair<BodySegment, float> segmentPoint(const JsonValue& value) {
  const std::vector<JsonValue> pair = value.elements("[segment, along], e.g. [\"thigh\", 0.85]");
  if (pair.size() != 2) value.fail("expected [segment, along], e.g. [\"thigh\", 0.85]");
  const BodySegment segment =
      pair[0].choice(parseBodySegment, "a body segment", "thigh, leg, foot, buttock or perineum");
  return {segment, number(pair[1], 0.0f, 1.0f)};
}

RegionPlacement readPlacement(const JsonValue& value) {
  RegionPlacement p;
  std::tie(p.fromSegment, p.fromAlong) = segmentPoint(value.member("from"));
  std::tie(p.toSegment, p.toAlong) = segmentPoint(value.member("to"));
  if (const auto around = value.find("around")) {
    const std::vector<JsonValue> degrees = around->elements("[from, to] in degrees");
    if (degrees.size() != 2) around->fail("expected [from, to] in degrees");
    p.hasAround = true;
    p.aroundFromDeg = number(degrees[0], 0.0f, 360.0f);
    p.aroundToDeg = number(degrees[1], 0.0f, 360.0f);
  }
  if (const auto note = value.find("note")) p.note = note->string();
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
  const JsonDocument doc = JsonDocument::load(file);
  const JsonValue root = doc.root();

  std::map<std::string, std::string> citations;
  if (const auto sources = root.find("sources")) {
    for (const auto& [key, value] : sources->members("an object of citations")) {
      citations[key] = value.string();
    }
  }

  const JsonValue list = root.member("regions");
  const std::vector<JsonValue> entries = list.elements("a non-empty array");
  if (entries.empty()) list.fail("expected a non-empty array");
  // _REGION_IDS stores indices as bytes; 255 is left free for "no region".
  if (entries.size() > 255) list.fail("more than 255 regions do not fit _REGION_IDS");

  std::vector<SkinRegion> regions;
  std::set<std::string> seen;
  for (const JsonValue& entry : entries) {
    SkinRegion r;
    const JsonValue id = entry.member("id");
    r.id = id.string();
    if (r.id.empty()) id.fail("empty region id");
    if (!seen.insert(r.id).second) id.fail("duplicate region id \"" + r.id + "\"");
    r.where = entry.member("where").string();
    r.cutaneousNerve = entry.member("cutaneous_nerve").string();

    const JsonValue dermatome = entry.member("dermatome");
    constexpr const char* kRoots = "a non-empty array of roots, e.g. [\"L2\", \"L3\"]";
    const std::vector<JsonValue> roots = dermatome.elements(kRoots);
    if (roots.empty()) dermatome.fail(std::string("expected ") + kRoots);
    for (const JsonValue& name : roots) {
      r.dermatome.push_back(name.choice(parseRoot, "a root", "L1 … S5"));
    }

    r.placement = readPlacement(entry.member("placement"));

    const JsonValue source = entry.member("source");
    const std::vector<JsonValue> keys = source.elements("a non-empty array of source keys");
    if (keys.empty()) source.fail("expected a non-empty array of source keys");
    for (const JsonValue& key : keys) {
      const auto it = citations.find(key.string());
      if (it == citations.end()) key.fail(key.brief() + " is not listed in /sources");
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
