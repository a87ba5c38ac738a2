#include "core/morphometry.h"

#include <algorithm>
#include <string>

#include "core/content_error.h"
#include "core/json_reader.h"

namespace radicula::core {

namespace {

constexpr float kMm = 0.001f;  // the file holds millimetres, the model metres

class Reader {
 public:
  explicit Reader(const JsonValue& root) : root_(root) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw ContentError(root_.file(), path, problem);
  }

  // The value at a JSON pointer such as "/lumbar/canal_ap"; the error names the first key
  // missing on the way.
  JsonValue at(const std::string& path) const {
    JsonValue node = root_;
    for (std::size_t start = 1; start <= path.size();) {
      const std::size_t end = std::min(path.find('/', start), path.size());
      node = node.member(path.substr(start, end - start));
      start = end + 1;
    }
    return node;
  }

  // A number at `path`, stored as {"value": x, "source": "..."}.
  float scalar(const std::string& path, float lo, float hi) const {
    requireSource(at(path));
    return number(at(path + "/value"), lo, hi);
  }

  // Five numbers at `path`, stored as {"values": [...], "source": "..."}.
  std::array<float, 5> row(const std::string& path, float lo, float hi) const {
    requireSource(at(path));
    const JsonValue values = at(path + "/values");
    const std::vector<JsonValue> five = values.elements("an array of 5 numbers, one per level");
    if (five.size() != 5) values.fail("expected an array of 5 numbers, one per level");
    std::array<float, 5> out{};
    for (std::size_t i = 0; i < 5; ++i) out[i] = number(five[i], lo, hi);
    return out;
  }

 private:
  void requireSource(const JsonValue& entry) const {
    const auto source = entry.find("source");
    if (!source || !source->isString() || source->json().get<std::string>().empty()) {
      fail(entry.path() + "/source", "every measurement needs its source");
    }
    if (!root_.has("sources") || !root_.member("sources").has(source->json().get<std::string>())) {
      source->fail(source->brief() + " is not listed in /sources");
    }
  }

  static float number(const JsonValue& value, float lo, float hi) {
    const double v = value.number();
    if (!(v >= lo && v <= hi)) {
      value.fail(std::to_string(v) + " is out of range (expected " + std::to_string(lo) + " … " +
                 std::to_string(hi) + ")");
    }
    return static_cast<float>(v);
  }

  JsonValue root_;
};

}  // namespace

Morphometry Morphometry::load(const std::filesystem::path& file) {
  const JsonDocument doc = JsonDocument::load(file);
  const Reader in(doc.root());

  // Plausibility bounds (mm, degrees) catch unit slips such as metres typed as millimetres.
  Morphometry m;
  const auto lumbar = [&](const char* key, float lo, float hi, float VertebraMorphometry::*field) {
    const auto values = in.row(std::string("/lumbar/") + key, lo, hi);
    for (int i = 0; i < 5; ++i) m.lumbar[i].*field = values[i] * kMm;
  };
  lumbar("endplate_width", 20, 80, &VertebraMorphometry::endplateWidth);
  lumbar("body_depth", 15, 60, &VertebraMorphometry::bodyDepth);
  lumbar("anterior_body_height", 10, 50, &VertebraMorphometry::anteriorHeight);
  lumbar("posterior_body_height", 10, 50, &VertebraMorphometry::posteriorHeight);
  lumbar("pedicle_width", 3, 30, &VertebraMorphometry::pedicleWidth);
  lumbar("pedicle_height", 5, 30, &VertebraMorphometry::pedicleHeight);
  lumbar("canal_ap", 8, 35, &VertebraMorphometry::canalAP);
  lumbar("canal_width", 12, 40, &VertebraMorphometry::canalWidth);
  lumbar("foramen_height", 8, 35, &VertebraMorphometry::foramenHeight);
  lumbar("foramen_width", 3, 20, &VertebraMorphometry::foramenWidth);
  lumbar("transverse_span", 40, 140, &VertebraMorphometry::transverseSpan);
  lumbar("spinous_reach", 25, 80, &VertebraMorphometry::spinousReach);

  const auto disc = [&](const char* key, float lo, float hi, float DiscMorphometry::*field,
                        float scale) {
    const auto values = in.row(std::string("/discs/") + key, lo, hi);
    for (int i = 0; i < 5; ++i) m.discs[i].*field = values[i] * scale;
  };
  disc("anterior_height", 2, 30, &DiscMorphometry::anteriorHeight, kMm);
  disc("middle_height", 2, 30, &DiscMorphometry::middleHeight, kMm);
  disc("posterior_height", 1, 30, &DiscMorphometry::posteriorHeight, kMm);
  disc("ap_length", 15, 60, &DiscMorphometry::apLength, kMm);
  disc("lordosis_deg", -15, 40, &DiscMorphometry::lordosisDeg, 1.0f);

  m.sacrum.length = in.scalar("/sacrum/length", 60, 160) * kMm;
  m.sacrum.width = in.scalar("/sacrum/width", 60, 160) * kMm;
  m.sacrum.s1Width = in.scalar("/sacrum/s1_width", 25, 80) * kMm;
  m.sacrum.s1Depth = in.scalar("/sacrum/s1_depth", 15, 60) * kMm;
  m.sacrum.slopeDeg = in.scalar("/sacrum/slope_deg", 10, 70);
  m.sacrum.pelvicTiltDeg = in.scalar("/sacrum/pelvic_tilt_deg", -10, 40);
  m.sacrum.pelvicRadius = in.scalar("/sacrum/pelvic_radius", 60, 200) * kMm;

  m.body.stature = in.scalar("/body/stature_mm", 1000, 2300) * kMm;
  m.body.hipHeight = in.scalar("/body/hip_height", 0.3f, 0.7f);
  m.body.kneeHeight = in.scalar("/body/knee_height", 0.15f, 0.45f);
  m.body.ankleHeight = in.scalar("/body/ankle_height", 0.01f, 0.1f);
  m.body.thighLength = in.scalar("/body/thigh_length", 0.1f, 0.4f);
  m.body.shankLength = in.scalar("/body/shank_length", 0.1f, 0.4f);
  m.body.footLength = in.scalar("/body/foot_length", 0.08f, 0.25f);
  m.body.footWidth = in.scalar("/body/foot_width", 0.02f, 0.12f);
  m.body.bitrochantericWidth = in.scalar("/body/bitrochanteric_width", 0.1f, 0.3f);
  m.body.hipSpacing = in.scalar("/body/hip_spacing", 0.05f, 0.2f);
  if (m.body.kneeHeight >= m.body.hipHeight || m.body.ankleHeight >= m.body.kneeHeight) {
    in.fail("/body", "expected hip_height > knee_height > ankle_height");
  }

  m.nerves.duralSacAP = in.scalar("/nerves/dural_sac_ap", 5, 30) * kMm;
  m.nerves.cordDiameter = in.scalar("/nerves/cord_diameter", 3, 15) * kMm;
  m.nerves.rootDiameter = in.scalar("/nerves/root_diameter", 1, 10) * kMm;
  m.nerves.ganglionDiameter = in.scalar("/nerves/ganglion_diameter", 2, 15) * kMm;
  m.nerves.sciaticWidth = in.scalar("/nerves/sciatic_width", 5, 30) * kMm;
  m.nerves.sciaticThickness = in.scalar("/nerves/sciatic_thickness", 2, 20) * kMm;
  m.nerves.tibialDiameter = in.scalar("/nerves/tibial_diameter", 2, 15) * kMm;
  m.nerves.commonFibularDiameter = in.scalar("/nerves/common_fibular_diameter", 1, 10) * kMm;
  m.nerves.cutaneousDiameter = in.scalar("/nerves/cutaneous_diameter", 0.5f, 5) * kMm;
  m.nerves.conusFractionOfL1 = in.scalar("/nerves/conus_fraction_of_l1", 0, 1);

  for (int i = 0; i < 5; ++i) {
    const auto& v = m.lumbar[i];
    if (v.canalWidth <= 2.0f * 0.004f || v.pedicleWidth >= v.endplateWidth) {
      in.fail("/lumbar", "level " + std::to_string(i) + ": canal and pedicles do not fit the body");
    }
  }
  return m;
}

}  // namespace radicula::core
