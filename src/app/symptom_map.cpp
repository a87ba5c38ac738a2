#include "app/symptom_map.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/anatomy_style.h"
#include "core/lesion_words.h"

namespace radicula::app {

namespace {

std::string keyOf(const core::Candidate& c) {
  std::string key;
  for (const auto& s : c.structures) {
    key += (key.empty() ? "" : "+") + s.id + "." + std::string(core::toString(s.side));
  }
  return key;
}

std::array<float, 4> rgba(const glm::vec3& c) {
  return {c.r, c.g, c.b, 1.0f};
}

}  // namespace

SymptomMap::SymptomMap(const core::ClinicalEngine& engine)
    : engine_(engine), lookupEngine_(engine) {}

void SymptomMap::update(const core::SymptomPattern& pattern) {
  lookup_ = pattern.empty() ? core::Lookup{} : lookupEngine_.rank(pattern, 5);
  const bool listed = std::any_of(lookup_.candidates.begin(), lookup_.candidates.end(),
                                  [&](const core::Candidate& c) { return keyOf(c) == chosenKey_; });
  if (!listed) chosenKey_.clear();
}

void SymptomMap::choose(int index) {
  if (index < 0 || index >= static_cast<int>(lookup_.candidates.size())) {
    chosenKey_.clear();
    return;
  }
  const std::string key = keyOf(lookup_.candidates[static_cast<std::size_t>(index)]);
  // Choosing the chosen one again puts it out.
  chosenKey_ = key == chosenKey_ ? std::string() : key;
}

const core::Candidate* SymptomMap::chosen() const {
  for (const auto& c : lookup_.candidates) {
    if (!chosenKey_.empty() && keyOf(c) == chosenKey_) return &c;
  }
  return nullptr;
}

std::vector<core::Pathology> SymptomMap::preview() const {
  const core::Candidate* c = chosen();
  if (c == nullptr || c->lesions.empty()) return {};
  return {c->lesions.front()};
}

core::Findings SymptomMap::chosenFindings() const {
  const core::Candidate* c = chosen();
  return c == nullptr ? core::Findings{} : lookupEngine_.findingsOf(c->structures);
}

ui::SymptomMapModel SymptomMap::model(const core::SymptomPattern& pattern, core::Mode mode,
                                      const core::TextCatalog& clinical,
                                      const core::TextCatalog& labels,
                                      const std::string& hovered) const {
  ui::SymptomMapModel m;
  m.back = back_;
  m.hovered = hovered;
  m.markColor = rgba(palette::kMarked);
  m.reachColor = rgba(palette::kRegion);
  const auto side = [&](core::Side s) {
    return clinical.get("side." + std::string(core::toString(s)));
  };
  for (const auto& r : pattern.regions) {
    if (r.id == "saddle") {
      m.saddle = true;
      continue;  // a checkbox of its own: it is hard to click between the legs
    }
    m.regions.push_back({r.id, r.side, clinical.get("region." + r.id) + " (" + side(r.side) + ")"});
  }
  const core::NerveGraph& graph = engine_.graph();
  for (const auto& movement : graph.movements()) {
    ui::SymptomMapModel::Row row;
    row.id = movement.id;
    row.words = clinical.get("movement." + movement.id);
    for (core::Side s : core::kSides) {
      const auto i = static_cast<std::size_t>(s == core::Side::Left ? 0 : 1);
      switch (pattern.strength(movement.id, s)) {
        case core::SymptomPattern::Strength::Untested:
          row.state[i] = labels.get("symptoms.untested");
          row.tone[i] = 0;
          break;
        case core::SymptomPattern::Strength::Weak:
          row.state[i] = labels.get("symptoms.weak");
          row.tone[i] = 1;
          break;
        case core::SymptomPattern::Strength::Strong:
          row.state[i] = labels.get("symptoms.strong");
          row.tone[i] = 2;
          break;
      }
    }
    m.movements.push_back(std::move(row));
  }
  for (const auto& reflex : graph.reflexes()) {
    ui::SymptomMapModel::Row row;
    row.id = reflex.id;
    row.words = clinical.get("reflex." + reflex.id);
    for (core::Side s : core::kSides) {
      const auto i = static_cast<std::size_t>(s == core::Side::Left ? 0 : 1);
      const std::string change = pattern.reflexChange(reflex.id, s);
      row.state[i] = labels.get("symptoms.reflex." + (change.empty() ? "untested" : change));
      row.tone[i] = change.empty() ? 0 : change == "normal" ? 2 : 1;
    }
    m.reflexes.push_back(std::move(row));
  }
  const bool patient = mode == core::Mode::Patient;
  const core::Candidate* chosenOne = chosen();
  for (const auto& c : lookup_.candidates) {
    ui::SymptomMapModel::Candidate out;
    out.title = core::structureWords(c, clinical);
    out.percent = static_cast<int>(std::lround(std::clamp(c.score, 0.0f, 1.0f) * 100.0f));
    for (const auto& item : c.explained) out.explains.push_back(core::markWords(item, clinical));
    for (const auto& item : c.unexplained)
      out.unexplained.push_back(core::markWords(item, clinical));
    for (const auto& item : c.contradicted)
      out.contradicted.push_back(core::markWords(item, clinical));
    if (!c.lesions.empty()) {
      out.lesion = core::capitalisedLesionWords(c.lesions.front(), clinical, !patient);
    }
    if (&c == chosenOne) m.chosen = static_cast<int>(m.candidates.size());
    m.candidates.push_back(std::move(out));
  }
  for (const auto& flag : lookup_.redFlags) {
    ui::RedFlagWords words;
    words.urgency = flag.urgency;
    words.action = core::urgencyAction(flag.urgency, !patient, clinical);
    words.title = core::redFlagTitle(flag, clinical);
    words.text = core::redFlagText(flag, clinical);
    if (!patient) words.text = core::redFlagReason(flag, clinical, true) + ". " + words.text;
    m.redFlags.push_back(std::move(words));
  }
  m.caution = clinical.get(patient ? "lookup.caution" : "lookup.caution_student");
  return m;
}

std::optional<std::pair<int, core::Side>> skinRegionAt(const io::Scene& scene, int node,
                                                       const glm::vec3& from, const glm::vec3& to) {
  if (node < 0 || node >= static_cast<int>(scene.nodes.size())) return std::nullopt;
  const int meshIndex = scene.nodes[static_cast<std::size_t>(node)].mesh;
  if (meshIndex < 0) return std::nullopt;
  const io::MeshData& mesh = scene.meshes[static_cast<std::size_t>(meshIndex)];
  if (mesh.regionIds.size() != mesh.positions.size() ||
      mesh.regionWeights.size() != mesh.positions.size()) {
    return std::nullopt;
  }
  // The ray in the mesh's own frame, then the nearest triangle it passes through (a few
  // thousand triangles: a plain loop is instant). The translucent skin writes no depth to the
  // id pass, so the point is found here rather than read back.
  const glm::mat4 toLocal = glm::inverse(scene.worldTransform(node));
  const glm::vec3 o = glm::vec3(toLocal * glm::vec4(from, 1.0f));
  const glm::vec3 d = glm::vec3(toLocal * glm::vec4(to, 1.0f)) - o;
  float nearest = std::numeric_limits<float>::max();
  std::size_t hitVertex = 0;
  bool hit = false;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t i0 = mesh.indices[t], i1 = mesh.indices[t + 1], i2 = mesh.indices[t + 2];
    const glm::vec3 a = mesh.positions[i0], e1 = mesh.positions[i1] - a,
                    e2 = mesh.positions[i2] - a;
    // Möller–Trumbore.
    const glm::vec3 p = glm::cross(d, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-12f) continue;
    const glm::vec3 q = o - a;
    const float u = glm::dot(q, p) / det;
    if (u < 0.0f || u > 1.0f) continue;
    const glm::vec3 r = glm::cross(q, e1);
    const float v = glm::dot(d, r) / det;
    if (v < 0.0f || u + v > 1.0f) continue;
    const float along = glm::dot(e2, r) / det;
    if (along < 0.0f || along >= nearest) continue;
    nearest = along;
    hit = true;
    const float w0 = 1.0f - u - v;
    hitVertex = w0 >= u && w0 >= v ? i0 : u >= v ? i1 : i2;
  }
  if (!hit) return std::nullopt;
  const glm::vec3 point = o + nearest * d;
  const auto heaviest = [&](std::size_t v) {
    const glm::vec4& w = mesh.regionWeights[v];
    int k = 0;
    for (int j = 1; j < 4; ++j) {
      if (w[j] > w[k]) k = j;
    }
    return w[k] > 0.0f ? static_cast<int>(mesh.regionIds[v][static_cast<std::size_t>(k)]) : -1;
  };
  int region = heaviest(hitVertex);
  if (region < 0) {
    // Skin between painted regions (the front of the ankle): the nearest region within a few
    // centimetres on the same side is what the finger meant; none nearer means unmapped skin.
    float best = 0.035f * 0.035f;
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
      if ((mesh.positions[v].x >= 0.0f) != (point.x >= 0.0f)) continue;
      const glm::vec3 between = mesh.positions[v] - point;
      const float dist = glm::dot(between, between);
      if (dist >= best) continue;
      const int r = heaviest(v);
      if (r < 0) continue;
      best = dist;
      region = r;
    }
  }
  if (region < 0) return std::nullopt;
  return std::pair{region, point.x >= 0.0f ? core::Side::Left : core::Side::Right};
}

}  // namespace radicula::app
