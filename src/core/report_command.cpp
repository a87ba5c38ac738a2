#include "core/report_command.h"

#include <algorithm>
#include <exception>
#include <string>

#include "core/content_error.h"
#include "core/report.h"

namespace radicula::core {

ScenarioInput loadScenarioInput(const std::optional<std::filesystem::path>& scenarioFile,
                                const std::optional<std::filesystem::path>& mriFile) {
  ScenarioInput input;
  if (mriFile) {
    input.mri = loadMriReport(*mriFile, MriSeverityTable::loadDefault());
    input.scenario = input.mri->scenario;
    input.scenario.extra["language"] = input.mri->language;
  } else if (scenarioFile) {
    input.scenario = Scenario::load(*scenarioFile);
  }
  return input;
}

nlohmann::ordered_json mriJson(const MriReading& reading, const Findings& findings,
                               const TextCatalog& catalog) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["language"] = reading.language;
  auto statements = nlohmann::ordered_json::array();
  for (const MriStatement& s : reading.statements) {
    nlohmann::ordered_json j;
    j["text"] = s.text;
    j["start"] = s.span.start;
    j["end"] = s.span.end;
    j["pathology"] = s.pathology;
    if (!s.rootsNamed.empty()) {
      j["roots_named"] = s.rootsNamed;
      // Which roots this lesion affects in the model, on any side.
      std::vector<std::string> found;
      for (const RootFinding& r : findings.roots) {
        if (!r.affected) continue;
        if (std::find(r.causes.begin(), r.causes.end(), s.pathology) == r.causes.end()) continue;
        const std::string name(toString(r.root));
        if (std::find(found.begin(), found.end(), name) == found.end()) found.push_back(name);
      }
      std::string named, meets;
      bool agrees = true;
      for (const auto& n : s.rootsNamed) {
        named += (named.empty() ? "" : ", ") + n;
        if (std::find(found.begin(), found.end(), n) == found.end()) agrees = false;
      }
      for (const auto& f : found) meets += (meets.empty() ? "" : ", ") + f;
      j["roots_found"] = found;
      j["roots_agree"] = agrees;
      if (found.empty()) {
        j["note"] = catalog.format("mri.root_untouched", {{"named", named}});
      } else if (agrees) {
        j["note"] = catalog.format("mri.root_agrees", {{"named", named}});
      } else if (s.pathology >= 0 &&
                 s.pathology < static_cast<int>(reading.scenario.pathologies.size())) {
        const Pathology& p = reading.scenario.pathologies[static_cast<std::size_t>(s.pathology)];
        std::string level(toString(p.level));
        j["note"] = catalog.format("mri.root_differs",
                                   {{"named", named},
                                    {"zone", catalog.get("zone." + std::string(toString(p.zone)))},
                                    {"level", level},
                                    {"found", meets}});
      }
    }
    statements.push_back(std::move(j));
  }
  out["statements"] = std::move(statements);
  auto unused = nlohmann::ordered_json::array();
  for (const MriUnused& u : reading.unused) {
    nlohmann::ordered_json j;
    j["text"] = u.text;
    j["start"] = u.span.start;
    j["end"] = u.span.end;
    j["reason"] = std::string(toString(u.reason));
    j["why"] = catalog.get("mri.reason." + std::string(toString(u.reason)));
    if (!u.detail.empty()) j["detail"] = u.detail;
    // A hedged finding: the lesions it would be, so a reader of the report can add them.
    if (!u.lesions.empty()) {
      auto lesions = nlohmann::ordered_json::array();
      for (const Pathology& p : u.lesions) {
        nlohmann::ordered_json l = toJson(p);
        l["morphology"] = morphologyId(p);
        lesions.push_back(std::move(l));
      }
      j["lesions"] = std::move(lesions);
    }
    unused.push_back(std::move(j));
  }
  out["not_made"] = std::move(unused);
  return out;
}

int runReport(const std::optional<std::filesystem::path>& scenarioFile,
              const std::optional<std::filesystem::path>& mriFile,
              const std::optional<std::filesystem::path>& saveTo, std::string_view format,
              std::ostream& out, std::ostream& err) {
  const std::string fileName =
      mriFile ? mriFile->string() : (scenarioFile ? scenarioFile->string() : std::string());
  if (format != "json" && format != "text") {
    err << "radicula: --format: \"" << format
        << "\" is not a report format (expected json or text)\n";
    return kExitBadInput;
  }
  try {
    const ScenarioInput input = loadScenarioInput(scenarioFile, mriFile);
    const Scenario& scenario = input.scenario;
    if (saveTo) scenario.save(*saveTo);
    const auto engine = ClinicalEngine::loadDefault();
    const Findings findings = engine->analyse(scenario);
    // The scenario may carry the app's language; reports default to English.
    std::string language = "en";
    if (const auto it = scenario.extra.find("language");
        it != scenario.extra.end() && it->is_string()) {
      for (const std::string& known : TextCatalog::languages()) {
        if (it->get<std::string>() == known) language = known;
      }
    }
    const TextCatalog catalog = TextCatalog::loadLanguage(language);
    const FindingTexts texts = engine->texts(findings, catalog);
    if (format == "json") {
      nlohmann::ordered_json report = reportJson(findings, texts, catalog);
      if (input.mri) report["mri"] = mriJson(*input.mri, findings, catalog);
      out << report.dump(2) << "\n";
    } else {
      out << reportText(findings, texts, catalog);
      if (input.mri) {
        const nlohmann::ordered_json mri = mriJson(*input.mri, findings, catalog);
        out << "\n" << catalog.get("mri.heading") << ":\n";
        const auto oneLine = [](std::string text) {
          std::replace(text.begin(), text.end(), '\n', ' ');
          return text;
        };
        for (const auto& s : mri["statements"]) {
          out << "  [" << s["pathology"].get<int>() + 1 << "] "
              << oneLine(s["text"].get<std::string>()) << "\n";
          if (s.contains("note")) out << "      " << s["note"].get<std::string>() << "\n";
        }
        for (const auto& u : mri["not_made"]) {
          out << "  (-) " << oneLine(u["text"].get<std::string>()) << " — "
              << u["why"].get<std::string>() << "\n";
        }
      }
    }
    out.flush();
    return 0;
  } catch (const ContentError& e) {
    err << "radicula: " << e.what() << "\n";
  } catch (const std::exception& e) {
    err << "radicula: " << fileName << ": " << e.what() << "\n";
  } catch (...) {
    err << "radicula: " << fileName << ": unexpected error\n";
  }
  return kExitBadInput;
}

int runReport(const std::filesystem::path& scenarioFile, std::string_view format, std::ostream& out,
              std::ostream& err) {
  return runReport(scenarioFile, std::nullopt, std::nullopt, format, out, err);
}

}  // namespace radicula::core
