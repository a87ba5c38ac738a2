#include "core/mri_lesion.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/content_error.h"
#include "core/data_paths.h"

namespace radicula::core {

namespace mri {

namespace {

// The most a lesion may be when the report says it touches no root: a central lesion reaches no
// root below 0.5, any other below 0.2 (docs/clinical-basis.md section 2).
float noContactCap(Zone zone, const MriSeverityTable& t) {
  return zone == Zone::Central ? t.noContactCentral : t.noContact;
}

// The grade a measured depth gives a herniation: under a third of the canal mild, up to two
// thirds moderate, beyond severe (Fardon 2014, canal compromise).
float depthGrade(float mm, const MriSeverityTable& t) {
  if (mm < t.depthModerateMm) return t.mild;
  if (mm < t.depthSevereMm) return t.moderate;
  return t.severe;
}

// A measured canal: AP diameter (Verbiest) or dural sac area (Bolender, Schönström).
std::optional<float> canalGrade(const Modifiers& m, const MriSeverityTable& t) {
  if (m.areaMm2) {
    if (*m.areaMm2 < t.areaSevereMm2) return t.severe;
    if (*m.areaMm2 < t.areaModerateMm2) return t.moderate;
  }
  if (m.lengthMm && m.diameterNamed) {
    if (*m.lengthMm < t.diameterSevereMm) return t.severe;
    if (*m.lengthMm < t.diameterModerateMm) return t.moderate;
  }
  return std::nullopt;
}

Pathology herniation(Term term, const Modifiers& m, const MriSeverityTable& t) {
  Pathology p;
  p.type = PathologyType::Herniation;
  const bool sided = m.left || m.right;
  p.zone = m.zone.value_or(sided ? Zone::Paracentral : Zone::Central);
  p.migration = m.migration;
  const int band = static_cast<int>(term) - static_cast<int>(Term::Bulge);
  const float base[5] = {t.bulge, t.protrusion, t.herniation, t.extrusion, t.sequestration};
  const float lo = t.bandLow[band], hi = t.bandHigh[band];
  float severity = base[band];
  std::optional<float> grade = m.grade;
  if (m.lengthMm) grade = std::max(grade.value_or(0.0f), depthGrade(*m.lengthMm, t));
  if (grade) {
    // Mild to the bottom of the band, severe to the top.
    const float f = std::clamp((*grade - t.minimal) / (t.severe - t.minimal), 0.0f, 1.0f);
    severity = lo + f * (hi - lo);
  }
  if (m.rootFloor) severity = std::max(severity, *m.rootFloor);
  if (m.noContact) severity = std::min(severity, noContactCap(p.zone, t));
  // An explicit morphology keeps its band: a protrusion that compresses the root stays a
  // protrusion at the top of its band; "does not contact" may take it below.
  if (term != Term::Herniation) severity = std::clamp(severity, m.noContact ? 0.0f : lo, hi);
  // Filling most of the canal, by its words or by a depth of two thirds of it: massive, and
  // central whatever side it started from.
  const bool deepCentral = m.lengthMm && *m.lengthMm >= t.depthSevereMm && p.zone == Zone::Central;
  if (m.massive || deepCentral) {
    severity = std::max(severity, t.massive);
    p.zone = Zone::Central;
  }
  p.severity = severity;
  return p;
}

Pathology spur(Term term, bool facet, const Modifiers& m, bool narrowed,
               const MriSeverityTable& t) {
  Pathology p;
  p.type = PathologyType::Osteophyte;
  // The grade of a facet arthropathy ("mild facet arthropathy") grades the joint, not what it
  // presses on: only a narrowing or a root it is said to reach raises it.
  float severity =
      term == Term::FacetHypertrophy ? t.facetUngraded : m.grade.value_or(t.osteophyteUngraded);
  if (term == Term::FacetHypertrophy) {
    p.zone = m.zone == Zone::Foraminal ? Zone::Foraminal : Zone::Paracentral;
  } else {
    p.zone = m.zone.value_or(facet ? Zone::Paracentral
                                   : (m.left || m.right ? Zone::Foraminal : Zone::Central));
  }
  // "… narrowing the foramen": the narrowing the report names is this spur's doing.
  if (narrowed) severity = std::max(severity, t.narrowingNamed);
  if (m.rootFloor) severity = std::max(severity, *m.rootFloor);
  if (m.noContact) severity = std::min(severity, noContactCap(p.zone, t));
  p.severity = severity;
  return p;
}

Pathology stenosis(const Modifiers& m, const MriSeverityTable& t) {
  Pathology p;
  p.type = PathologyType::Stenosis;
  p.zone = m.zone.value_or(Zone::Central);
  if (p.zone == Zone::Extraforaminal) p.zone = Zone::Foraminal;
  // A grade word is the radiologist's judgement; a measurement counts when there is none.
  float severity = m.grade ? *m.grade : canalGrade(m, t).value_or(t.stenosisUngraded);
  // Roots crowded together without fluid between them, or the cauda equina compressed.
  if (m.massive) severity = std::max(severity, t.severe);
  if (m.rootFloor) severity = std::max(severity, *m.rootFloor);
  if (m.noContact) severity = std::min(severity, noContactCap(p.zone, t));
  p.severity = severity;
  return p;
}

Pathology slip(const Modifiers& m, const MriSeverityTable& t) {
  Pathology p;
  p.type = PathologyType::Spondylolisthesis;
  p.zone = Zone::Central;
  int grade = m.slipGrade.value_or(0);
  float percent = m.slipPercent.value_or(-1.0f);
  if (percent < 0.0f && m.lengthMm) percent = 100.0f * *m.lengthMm / t.endplateMm;
  // Meyerding: a quarter of the endplate per grade.
  if (grade == 0 && percent >= 0.0f)
    grade = std::clamp(static_cast<int>(percent / 25.0f) + 1, 1, 4);
  p.severity = grade > 0 ? t.slipGrade[grade - 1] : t.slipUngraded;
  return p;
}

}  // namespace

std::vector<Pathology> lesionsOf(Term term, bool facet, const Modifiers& m, bool narrowed,
                                 const std::string& s, std::size_t from, std::size_t to,
                                 const MriSeverityTable& t) {
  Pathology p;
  if (isDiscTerm(term)) {
    p = herniation(term, m, t);
  } else if (term == Term::Osteophyte || term == Term::FacetHypertrophy) {
    p = spur(term, facet, m, narrowed, t);
  } else if (term == Term::Stenosis) {
    p = stenosis(m, t);
  } else if (term == Term::Slip) {
    p = slip(m, t);
  } else {
    return {};
  }
  p.severity = std::clamp(std::round(p.severity * 1000.0f) / 1000.0f, 0.0f, 1.0f);
  if (p.type == PathologyType::Spondylolisthesis || p.zone == Zone::Central || m.bilateral ||
      m.left == m.right) {
    p.side = SideSpec::Both;
  } else {
    p.side = m.left ? SideSpec::Left : SideSpec::Right;
  }
  std::vector<Pathology> made{p};
  // "Stenosis of the canal and both lateral recesses": two places, one statement.
  if (p.type == PathologyType::Stenosis && p.zone == Zone::Paracentral && m.centralToo &&
      hasAny(s, {"canal", "central", "conducto", "saco"}, from, to)) {
    Pathology c = p;
    c.zone = Zone::Central;
    c.side = SideSpec::Both;
    made.push_back(c);
  }
  return made;
}

float severityWithRootWords(const Pathology& p, const Modifiers& m, const MriSeverityTable& t) {
  if (m.noContact) return std::min(p.severity, noContactCap(p.zone, t));
  if (!m.rootFloor) return p.severity;
  const float raised = std::max(p.severity, *m.rootFloor);
  if (p.type != PathologyType::Herniation) return raised;
  // The top of the band it was read in (docs/contracts.md: 0.2, 0.5, 0.85).
  for (int band = 0; band < 5; ++band) {
    if (p.severity >= t.bandLow[band] && p.severity <= t.bandHigh[band]) {
      return std::min(raised, t.bandHigh[band]);
    }
  }
  return p.severity;
}

}  // namespace mri

// ---------------------------------------------------------------------------------------------
// The severity table: content/mri_reading.json
// ---------------------------------------------------------------------------------------------
namespace {

float readFloat(const nlohmann::json& j, const char* key, const std::string& file,
                const std::string& path) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) {
    throw ContentError(file, path + "." + key, "expected a number");
  }
  const float v = it->get<float>();
  if (!std::isfinite(v) || v < 0.0f || v > 1000.0f) {
    throw ContentError(file, path + "." + key, "out of range");
  }
  return v;
}

// A section of the table, which must cite its source.
const nlohmann::json& section(const nlohmann::json& j, const char* key, const std::string& name) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object()) throw ContentError(name, key, "missing section");
  const auto src = it->find("source");
  if (src == it->end() || !src->is_string() || src->get<std::string>().empty()) {
    throw ContentError(name, std::string(key) + ".source", "every table cites its source");
  }
  return *it;
}

void readHerniation(const nlohmann::json& j, const std::string& name, MriSeverityTable* t) {
  const auto& h = section(j, "herniation_morphology", name);
  t->bulge = readFloat(h, "bulge", name, "herniation_morphology");
  t->protrusion = readFloat(h, "protrusion", name, "herniation_morphology");
  t->herniation = readFloat(h, "herniation", name, "herniation_morphology");
  t->extrusion = readFloat(h, "extrusion", name, "herniation_morphology");
  t->sequestration = readFloat(h, "sequestration", name, "herniation_morphology");
  const auto& b = section(j, "herniation_band", name);
  const char* kBands[5] = {"bulge", "protrusion", "herniation", "extrusion", "sequestration"};
  for (int i = 0; i < 5; ++i) {
    const auto it = b.find(kBands[i]);
    if (it == b.end() || !it->is_array() || it->size() != 2 || !(*it)[0].is_number() ||
        !(*it)[1].is_number()) {
      throw ContentError(name, std::string("herniation_band.") + kBands[i], "expected [low, high]");
    }
    t->bandLow[i] = (*it)[0].get<float>();
    t->bandHigh[i] = (*it)[1].get<float>();
  }
  const auto& z = section(j, "herniation_size_mm", name);
  t->depthModerateMm = readFloat(z, "moderate_from", name, "herniation_size_mm");
  t->depthSevereMm = readFloat(z, "severe_from", name, "herniation_size_mm");
  t->massive =
      readFloat(section(j, "herniation_massive", name), "severity", name, "herniation_massive");
}

void readGradesAndCanal(const nlohmann::json& j, const std::string& name, MriSeverityTable* t) {
  const auto& g = section(j, "grade", name);
  t->minimal = readFloat(g, "minimal", name, "grade");
  t->mild = readFloat(g, "mild", name, "grade");
  t->mildToModerate = readFloat(g, "mild_to_moderate", name, "grade");
  t->moderate = readFloat(g, "moderate", name, "grade");
  t->moderateToSevere = readFloat(g, "moderate_to_severe", name, "grade");
  t->severe = readFloat(g, "severe", name, "grade");
  const auto& r = section(j, "root_contact", name);
  t->noContact = readFloat(r, "no_contact", name, "root_contact");
  t->noContactCentral = readFloat(r, "no_contact_central", name, "root_contact");
  t->contact = readFloat(r, "contact", name, "root_contact");
  t->displacement = readFloat(r, "displacement", name, "root_contact");
  t->compression = readFloat(r, "compression", name, "root_contact");
  const auto& c = section(j, "canal_size", name);
  t->diameterSevereMm = readFloat(c, "ap_diameter_severe_below_mm", name, "canal_size");
  t->diameterModerateMm = readFloat(c, "ap_diameter_moderate_below_mm", name, "canal_size");
  t->areaSevereMm2 = readFloat(c, "dural_sac_area_severe_below_mm2", name, "canal_size");
  t->areaModerateMm2 = readFloat(c, "dural_sac_area_moderate_below_mm2", name, "canal_size");
}

}  // namespace

MriSeverityTable MriSeverityTable::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string name = file.string();
  if (!in) throw ContentError(name, "", "cannot be read");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw ContentError(name, "", std::string("is not valid JSON: ") + e.what());
  }
  if (!j.is_object() || j.value("format", "") != "radicula-mri-reading/1") {
    throw ContentError(name, "format", "expected \"radicula-mri-reading/1\"");
  }
  MriSeverityTable t;
  readHerniation(j, name, &t);
  readGradesAndCanal(j, name, &t);
  const auto& sl = section(j, "slip_grade", name);
  t.endplateMm = readFloat(sl, "endplate_mm", name, "slip_grade");
  for (int i = 0; i < 4; ++i) {
    t.slipGrade[i] = readFloat(sl, ("grade_" + std::to_string(i + 1)).c_str(), name, "slip_grade");
  }
  t.slipUngraded = readFloat(sl, "ungraded", name, "slip_grade");
  const auto& o = section(j, "other", name);
  t.stenosisUngraded = readFloat(o, "stenosis_ungraded", name, "other");
  t.osteophyteUngraded = readFloat(o, "osteophyte_ungraded", name, "other");
  t.facetUngraded = readFloat(o, "facet_ungraded", name, "other");
  t.narrowingNamed = readFloat(o, "narrowing_named", name, "other");
  return t;
}

MriSeverityTable MriSeverityTable::loadDefault() {
  return load(contentDir() / "mri_reading.json");
}

}  // namespace radicula::core
