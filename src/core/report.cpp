#include "core/report.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace radicula::core {

namespace {

using json = nlohmann::ordered_json;

// Two decimals: the model's resolution, and a stable text for tests and diffs.
double rounded(float v) {
  return std::round(static_cast<double>(v) * 100.0) / 100.0;
}

json rootList(const std::vector<Root>& roots) {
  json out = json::array();
  for (Root r : roots) out.push_back(toString(r));
  return out;
}

}  // namespace

json reportJson(const Findings& f, const FindingTexts& texts, const TextCatalog& catalog) {
  json out;
  out["format"] = kReportFormat;
  json roots = json::array();
  for (const RootFinding& r : f.roots) {
    roots.push_back({{"root", toString(r.root)},
                     {"side", toString(r.side)},
                     {"compression", rounded(r.compression)},
                     {"affected", r.affected},
                     {"causes", r.causes}});
  }
  out["roots"] = roots;
  json regions = json::array();
  for (const RegionFinding& r : f.regions) {
    regions.push_back({{"region", r.id},
                       {"side", toString(r.side)},
                       {"intensity", rounded(r.intensity)},
                       {"roots", rootList(r.roots)}});
  }
  out["regions"] = regions;
  json weakness = json::array();
  for (const MovementFinding& m : f.weakness) {
    weakness.push_back(
        {{"movement", m.id}, {"side", toString(m.side)}, {"roots", rootList(m.roots)}});
  }
  out["weakness"] = weakness;
  json reflexes = json::array();
  for (const ReflexFinding& r : f.reflexes) {
    reflexes.push_back({{"reflex", r.id}, {"side", toString(r.side)}, {"change", r.change}});
  }
  out["reflexes"] = reflexes;
  out["signs"] = f.signs;
  json flags = json::array();
  for (const RedFlag& flag : f.redFlags) {
    flags.push_back({{"id", flag.id},
                     {"urgency", toString(flag.urgency)},
                     {"reason", flag.reason},
                     {"title", redFlagTitle(flag, catalog)},
                     {"text", redFlagText(flag, catalog)}});
  }
  out["red_flags"] = flags;
  json nerves = json::array();
  for (const NerveFinding& n : f.nerves) {
    nerves.push_back({{"nerve", n.segment},
                      {"side", toString(n.side)},
                      {"compression", rounded(n.compression)},
                      {"affected", n.affected},
                      {"causes", n.causes}});
  }
  out["nerves"] = nerves;
  json lesions = json::array();
  for (const Pathology& p : f.pathologies) {
    json l = toJson(p);
    l["morphology"] = morphologyId(p);
    lesions.push_back(l);
  }
  out["pathologies"] = lesions;
  out["texts"] = {{"language", catalog.language()},
                  {"patient", texts.patient},
                  {"student", texts.student},
                  {"leaflet", texts.leaflet},
                  {"disclaimer", texts.disclaimer}};
  return out;
}

std::string reportText(const Findings& f, const FindingTexts& texts, const TextCatalog& catalog) {
  std::ostringstream out;
  out << "Radicula report (" << kReportFormat << ")\n";
  out << "\nLesions:\n";
  if (f.pathologies.empty()) out << "  none\n";
  for (std::size_t i = 0; i < f.pathologies.size(); ++i) {
    const Pathology& p = f.pathologies[i];
    out << "  [" << i << "] " << catalog.get("type." + std::string(toString(p.type)));
    if (p.isSpinal()) out << " " << toString(p.level);
    out << ", " << catalog.get("side." + std::string(toString(p.side)));
    if (p.isSpinal()) out << ", " << catalog.get("zone." + std::string(toString(p.zone)));
    out << ", severity " << std::fixed << std::setprecision(2) << p.severity << " ("
        << catalog.get("morphology." + std::string(morphologyId(p))) << ")\n";
  }
  out << "\nRoots (compression; affected from " << std::setprecision(2) << kAffectedThreshold
      << "):\n";
  if (f.roots.empty()) out << "  none touched\n";
  for (const RootFinding& r : f.roots) {
    out << "  " << toString(r.root) << " " << toString(r.side) << ": " << std::setprecision(2)
        << r.compression << (r.affected ? "  AFFECTED" : "  touching") << "\n";
  }
  for (const NerveFinding& n : f.nerves) {
    out << "  " << n.segment << " " << toString(n.side) << ": " << std::setprecision(2)
        << n.compression << (n.affected ? "  AFFECTED" : "  touching") << "\n";
  }
  if (!f.redFlags.empty()) {
    out << "\nRED FLAGS:\n";
    for (const RedFlag& flag : f.redFlags) {
      out << "  [" << toString(flag.urgency) << "] " << redFlagTitle(flag, catalog) << ": "
          << redFlagText(flag, catalog) << "\n";
    }
  }
  out << "\nStudent:\n";
  for (const std::string& line : texts.student) out << "  " << line << "\n";
  out << "\nPatient:\n";
  for (const std::string& line : texts.patient) out << "  " << line << "\n";
  out << "\n" << texts.disclaimer << "\n";
  return out.str();
}

}  // namespace radicula::core
