#include "core/report_command.h"

#include <exception>
#include <string>

#include "core/content_error.h"
#include "core/findings.h"
#include "core/report.h"
#include "core/scenario.h"

namespace radicula::core {

int runReport(const std::filesystem::path& scenarioFile, std::string_view format, std::ostream& out,
              std::ostream& err) {
  if (format != "json" && format != "text") {
    err << "radicula: --format: \"" << format
        << "\" is not a report format (expected json or text)\n";
    return kExitBadInput;
  }
  try {
    const Scenario scenario = Scenario::load(scenarioFile);
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
      out << reportJson(findings, texts, catalog).dump(2) << "\n";
    } else {
      out << reportText(findings, texts, catalog);
    }
    out.flush();
    return 0;
  } catch (const ContentError& e) {
    err << "radicula: " << e.what() << "\n";
  } catch (const std::exception& e) {
    err << "radicula: " << scenarioFile.string() << ": " << e.what() << "\n";
  } catch (...) {
    err << "radicula: " << scenarioFile.string() << ": unexpected error\n";
  }
  return kExitBadInput;
}

}  // namespace radicula::core
