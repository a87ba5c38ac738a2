#include "core/mri_terms.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <utility>

namespace radicula::core::mri {

namespace {

using Words = std::span<const std::string_view>;

// "narrowing" of a disc space (after or before it) is disc degeneration, not a stenosis.
bool discSpaceNarrowing(const std::string& s, std::size_t at, std::size_t end, std::size_t from,
                        std::size_t to) {
  return hasAny(s,
                {"disc space", "disk space", "intervertebral space", "espacio discal",
                 "espacio intervertebral"},
                end, std::min(to, end + 30)) ||
         hasAny(s, {"disc space", "disk space", "disc height", "espacio discal"},
                at > 22 ? std::max(at - 22, from) : from, at);
}

}  // namespace

std::vector<TermHit> findTerms(const std::string& s, std::size_t from, std::size_t to) {
  std::vector<TermHit> hits;
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  for (const TermWords& w : termWords()) {
    std::string_view stem = w.stem;
    const bool whole = stem.back() == '$';
    if (whole) stem.remove_suffix(1);
    for (std::size_t p = from; p < to;) {
      const std::size_t at = whole ? findWord(s, stem, p, to) : findStem(s, stem, p, to);
      if (at == std::string::npos) break;
      std::size_t end = at + stem.size();
      while (end < to && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
      p = end;
      const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& r) {
        return at < r.second && end > r.first;
      });
      if (overlaps) continue;
      if (w.term == Term::Stenosis && discSpaceNarrowing(s, at, end, from, to)) continue;
      taken.emplace_back(at, end);
      TermHit hit{w.term, at, end, s.substr(at, end - at)};
      hit.facet = w.term == Term::Osteophyte &&
                  hasAny(s, {"facet", "facetari", "articular"}, at > 14 ? at - 14 : from, at);
      hits.push_back(std::move(hit));
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const TermHit& a, const TermHit& b) { return a.at < b.at; });
  return hits;
}

std::optional<float> readGrade(const std::string& s, std::size_t from, std::size_t to,
                               const MriSeverityTable& t, std::size_t near) {
  const float values[6] = {t.moderateToSevere, t.mildToModerate, t.severe,
                           t.moderate,         t.mild,           t.minimal};
  // Every grade word, those inside a longer phrase ("mild to moderate") left out; the one
  // nearest the finding wins ("most marked at L4-L5 with moderate stenosis": moderate).
  std::optional<float> best;
  std::size_t bestDistance = std::string::npos;
  std::vector<Hit> compounds;
  for (int g = 0; g < 6; ++g) {
    for (const Hit& h : allHits(s, cueWords().grades[g], from, to)) {
      const bool inside = std::any_of(compounds.begin(), compounds.end(),
                                      [&](const Hit& c) { return h.at >= c.at && h.end <= c.end; });
      if (inside) continue;
      if (g < 2) compounds.push_back(h);
      const std::size_t distance = h.at < near ? near - std::min(near, h.end) : h.at - near;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = values[g];
      }
    }
  }
  return best;
}

namespace {

void readPlace(const std::string& s, std::size_t from, std::size_t to, Modifiers* m) {
  m->left = hasAny(s, {"left", "lt$", "l$", "izquierd", "izq$", "izda$", "izdo$"}, from, to);
  m->right = hasAny(s, {"right", "rt$", "r$", "derech", "dcha$", "dcho$", "der$"}, from, to);
  m->bilateral = hasAny(s, {"bilateral", "both", "ambos", "ambas", "bilat$"}, from, to);
  const bool foraminal =
      hasAny(s,
             {"foramin", "neuroforamin", "neural foramen", "foramen", "agujero de conjuncion",
              "agujeros de conjuncion", "agujero intervertebral", "agujeros intervertebrales",
              "agujero neural", "agujeros neurales"},
             from, to);
  const bool extra = hasAny(s,
                            {"extraforamin", "far lateral", "far-lateral", "extreme lateral",
                             "lateral extremo", "foraminal lateral"},
                            from, to);
  const bool recess = hasAny(s,
                             {"paracentral", "subarticular", "lateral recess", "lat recess",
                              "lat. recess", "posterolateral", "postero-lateral", "receso lateral",
                              "recesos laterales", "receso", "paramedia"},
                             from, to);
  const bool central =
      hasAny(s,
             {"central", "centrally", "canal", "thecal sac", "saco dural", "saco tecal",
              "conducto raquideo", "canal raquideo", "canal central", "medial$", "media$"},
             from, to);
  if (extra) {
    m->zone = Zone::Extraforaminal;
  } else if (foraminal) {
    m->zone = Zone::Foraminal;
  } else if (recess) {
    m->zone = Zone::Paracentral;
  } else if (central) {
    m->zone = Zone::Central;
  }
  m->centralToo = central;
}

// Lengths ("6 mm", "9 x 7 mm", "1.2 cm"), areas ("60 mm²") and percentages in [from, to).
// A length said to run along the spine or across it ("14 mm craniocaudally", "transverse") is
// not a depth into the canal and is left out.
void readSizes(const std::string& s, std::size_t from, std::size_t to, Modifiers* m) {
  const auto number = [&](std::size_t* i, float* v) {
    if (*i >= to || !std::isdigit(static_cast<unsigned char>(s[*i]))) return false;
    *v = 0.0f;
    while (*i < to && std::isdigit(static_cast<unsigned char>(s[*i])))
      *v = *v * 10.0f + static_cast<float>(s[(*i)++] - '0');
    if (*i + 1 < to && (s[*i] == '.' || s[*i] == ',') &&
        std::isdigit(static_cast<unsigned char>(s[*i + 1]))) {
      float scale = 0.1f;
      for (++*i; *i < to && std::isdigit(static_cast<unsigned char>(s[*i])); ++*i) {
        *v += scale * static_cast<float>(s[*i] - '0');
        scale *= 0.1f;
      }
    }
    return true;
  };
  const auto skip = [&](std::size_t k) {
    while (k < to && s[k] == ' ') ++k;
    return k;
  };
  for (std::size_t i = from; i < to; ++i) {
    if (i > from && isAlnum(s[i - 1])) continue;
    float v = 0.0f;
    std::size_t j = i;
    if (!number(&j, &v)) continue;
    float smallest = v;
    // "9 x 7 mm", "9 x 7 x 12 mm": the unit applies to each.
    for (std::size_t k = skip(j); k < to && s[k] == 'x';) {
      std::size_t n = skip(k + 1);
      float w = 0.0f;
      if (!number(&n, &w)) break;
      smallest = std::min(smallest, w);
      j = n;
      k = skip(n);
    }
    const std::size_t k = skip(j);
    const auto unit = [&](std::string_view u) {
      return s.compare(k, u.size(), u) == 0 &&
             (k + u.size() >= s.size() || !isAlnum(s[k + u.size()]));
    };
    if (unit("mm2") || unit("mm 2") || unit("mm^2")) {
      if (!m->areaMm2) m->areaMm2 = v;
    } else if (unit("mm") || unit("cm")) {
      const float mm = s[k] == 'c' ? smallest * 10.0f : smallest;
      const bool along = hasAny(
          s,
          {"craniocaud", "cranio-caud", "craneocaud", "cc$", "in length", "long$", "longitud",
           "transvers", "wide$", "width", "ancho", "de largo", "in height", "de altura"},
          k, std::min(to, k + 24));
      if (!along && !m->lengthMm) m->lengthMm = mm;
    } else if (k < to && s[k] == '%') {
      m->slipPercent = v;
    }
    i = j;
  }
  m->diameterNamed = hasAny(
      s,
      {"diameter", "diametro", "ap$", "anteroposterior", "antero-posterior", "sagittal", "sagital"},
      from, to);
}

bool negatedRootWord(const std::string& s, std::size_t from, std::size_t at) {
  // The negation must stand in the same clause as the root word, within a few words of it.
  std::size_t start = at > 45 ? std::max(at - 45, from) : from;
  if (const Hit br = findLast(s, cueWords().clauseBreak, start, at); br.found()) start = br.end;
  return hasAny(s, cueWords().rootNegation, start, at);
}

// What the lesion does to a root (Pfirrmann 2004): the strongest wording wins; a negated one
// ("does not contact", "without compression") keeps the lesion below touching; a hedged one
// ("may contact") is not read.
void readRootWords(const std::string& s, std::size_t from, std::size_t to,
                   const MriSeverityTable& t, Modifiers* m) {
  const auto scan = [&](Words words, float value) {
    for (std::size_t p = from; p < to;) {
      const Hit h = findAny(s, words, p, to);
      if (!h.found()) return;
      p = h.end;
      if (hasAny(s, cueWords().hedgeRoot, h.at > 20 ? std::max(h.at - 20, from) : from, h.at))
        continue;
      if (negatedRootWord(s, from, h.at)) {
        m->noContact = true;
      } else if (!m->rootFloor || *m->rootFloor < value) {
        m->rootFloor = value;
      }
    }
  };
  scan(cueWords().contact, t.contact);
  scan(cueWords().displacement, t.displacement);
  scan(cueWords().compression, t.compression);
  // "Occupying most of the canal", "compressing the cauda equina", unless negated.
  for (std::size_t p = from; p < to;) {
    const Hit h = findAny(s, cueWords().massive, p, to);
    if (!h.found()) break;
    p = h.end;
    if (!negatedRootWord(s, from, h.at)) m->massive = true;
  }
}

void readMigrationAndSlip(const std::string& s, std::size_t from, std::size_t to, Modifiers* m) {
  if (hasAny(s, {"caudal", "inferior", "downward", "hacia abajo"}, from, to) &&
      hasAny(s, {"migrat", "migra", "extend", "extiend", "caudally", "inferiorly"}, from, to)) {
    m->migration = Migration::Down;
  } else if (hasAny(s,
                    {"cranial", "craneal", "superior", "upward", "hacia arriba", "rostral",
                     "ascend", "cephalad"},
                    from, to) &&
             hasAny(s,
                    {"migrat", "migra", "extend", "extiend", "cranially", "superiorly", "rostrally",
                     "cephalad"},
                    from, to)) {
    m->migration = Migration::Up;
  }
  // Slip grade: "grade 1", "grado II", "Meyerding grade 2".
  for (std::string_view word : {"grade", "grado"}) {
    const std::size_t at = findStem(s, word, from, to);
    if (at == std::string::npos) continue;
    std::size_t k = at + word.size();
    while (k < to && (s[k] == ' ' || s[k] == '-')) ++k;
    static constexpr std::array<std::pair<std::string_view, int>, 8> kGrades{
        {{"iv", 4}, {"iii", 3}, {"ii", 2}, {"i", 1}, {"4", 4}, {"3", 3}, {"2", 2}, {"1", 1}}};
    for (const auto& [g, n] : kGrades) {
      if (s.compare(k, g.size(), g) == 0 &&
          (k + g.size() >= s.size() || !isAlnum(s[k + g.size()]))) {
        m->slipGrade = n;
        break;
      }
    }
    if (m->slipGrade) break;
  }
  if (hasAny(
          s,
          {"isthmic", "istmic", "lytic", "litic", "pars", "spondylolys", "espondilolisis", "lisis"},
          from, to)) {
    m->slipKind = SlipKind::Isthmic;
  } else if (hasAny(s, {"degenerat"}, from, to)) {
    m->slipKind = SlipKind::Degenerative;
  }
}

}  // namespace

Modifiers readModifiers(const std::string& s, std::size_t from, std::size_t to,
                        const MriSeverityTable& t, std::size_t near) {
  Modifiers m;
  readPlace(s, from, to, &m);
  m.grade = readGrade(s, from, to, t, near);
  readSizes(s, from, to, &m);
  readRootWords(s, from, to, t, &m);
  m.narrowingVerb = hasAny(s, cueWords().narrowingVerb, from, to);
  readMigrationAndSlip(s, from, to, &m);
  return m;
}

bool hasRootWord(const std::string& s, std::size_t from, std::size_t to) {
  const CueWords& c = cueWords();
  return hasAny(s, c.contact, from, to) || hasAny(s, c.displacement, from, to) ||
         hasAny(s, c.compression, from, to);
}

std::vector<std::string> rootsNamed(const std::string& s, std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (std::size_t i = from; i + 1 < to; ++i) {
    if ((s[i] != 'l' && s[i] != 's') || (i > 0 && isAlnum(s[i - 1]))) continue;
    if (!std::isdigit(static_cast<unsigned char>(s[i + 1]))) continue;
    if (i + 2 < s.size() && isAlnum(s[i + 2])) continue;
    const int n = s[i + 1] - '0';
    if (n < 1 || n > 5) continue;
    // Not part of a level: "L4-5", "L5-S1", "L4 on L5".
    if (const auto levels = findLevels(s, i, std::min(to, i + 12));
        !levels.empty() && levels.front().at == i) {
      continue;
    }
    if (i >= 2 && (s[i - 1] == '-' || s[i - 1] == '/')) continue;
    if (i >= 3 && (s[i - 2] == '-' || s[i - 2] == '/') && s[i - 1] == ' ') continue;
    const std::size_t after = std::min(to, i + 22);
    const std::size_t before = i > 30 ? i - 30 : from;
    const bool root = hasAny(s, {"root", "nerve", "radicul", "radiculopath"}, i + 2, after) ||
                      hasAny(s,
                             {"raiz", "raices", "radicular", "traversing", "exiting", "descending",
                              "emergente", "descendente", "transversa"},
                             std::max(before, from), i);
    if (!root) continue;
    std::string name(1, static_cast<char>(std::toupper(static_cast<unsigned char>(s[i]))));
    name += s[i + 1];
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

bool isNormalStatement(const std::string& s, std::size_t from, std::size_t to) {
  return hasAny(s,
                {"patent", "unremarkable", "normal", "preserved", "maintained", "within normal",
                 "sin alteracion", "sin hallazgo", "permeable", "conservad", "normales",
                 "no significant", "no abnormalit", "capacious", "amplio", "amplia"},
                from, to);
}

}  // namespace radicula::core::mri
