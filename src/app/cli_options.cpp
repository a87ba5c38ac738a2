#include "app/cli_options.h"

#include <algorithm>
#include <charconv>

#include "core/utf8_text.h"
#include "io/model_loader.h"

namespace radicula::app {

namespace {

const std::vector<std::string> kOptions = {
    "--scenario", "--mri",  "--save-scenario", "--report", "--format",    "--screenshot",
    "--view",     "--size", "--lang",          "--mode",   "--benchmark", "--frames",
    "--msaa",     "--help", "--version",       "--no-ui",  "--quiz",      "--answer"};
const std::vector<std::string> kViews = {"side", "posterior", "axial", "foramen", "front", "leg"};

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

bool parseInt(const std::string& text, int* out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string oneOf(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

std::string nearestOption(const std::string& typed, const std::vector<std::string>& known) {
  std::string best;
  std::size_t bestDistance = std::max<std::size_t>(3, typed.size() / 3) + 1;
  for (const auto& k : known) {
    std::size_t d = editDistance(typed, k);
    // A prefix ("--screen") is as good as a near miss.
    if (k.rfind(typed, 0) == 0 && typed.size() >= 4) d = std::min<std::size_t>(d, 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

std::string usageText() {
  return R"(Radicula: the lumbar spine, its nerve roots and the nerves of the legs in 3D.
Radicula is for education, not diagnosis.

Usage:
  radicula                                   open the viewer
  radicula SCENARIO.json                     open the viewer with a scenario
  radicula MODEL.glb|.gltf|.obj|.stl|.ply|.fbx|.dae   open the viewer on a model file
  radicula REPORT.txt | --mri REPORT.txt       open the viewer on the lesions an MRI report names
  radicula --scenario F --report [--format json|text]
                                             print the analysis, no window
  radicula --mri REPORT.txt --report          the same for an MRI report, with what was read
  radicula --symptoms FILE.json --report [--format json|text]
                                             which roots and nerves explain the symptoms, ranked
  radicula --symptoms FILE.json              open "Where does it hurt?" on those marks
  radicula --mri REPORT.txt --save-scenario OUT.json
                                             write the report's lesions as a scenario
  radicula [--scenario F | --mri R | MODEL] --screenshot OUT.png [--view V] [--size WxH]
           [--lang en|es] [--mode patient|student]
                                             render offscreen to a PNG, no window shown
  radicula --benchmark [--frames N] [--size WxH]
                                             frame-time statistics as JSON
  radicula --help | --version

Views: side, posterior, axial, foramen, front, leg.
Options: --size WxH also sizes the viewer's window; --msaa N sets multisampling (0 turns it
off); --no-ui leaves the panels out of a screenshot; --quiz SEED starts with that "test yourself" question, --answer N answers it with
option N (1 = the first).
Exit status: 0 success, 1 no usable OpenGL or display, 2 bad input.
)";
}

CliResult parseCommandLine(const std::vector<std::string>& args) {
  CliOptions o;
  bool report = false, benchmark = false, formatGiven = false;
  // The one error line echoes what was typed: it stays one line of valid UTF-8 whatever was.
  const auto fail = [](std::string message) {
    for (char& c : message) {
      if (c == '\n' || c == '\r' || c == '\0') c = ' ';
    }
    return CliResult{std::nullopt, core::validUtf8(message)};
  };

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](std::string* out) -> bool {
      if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      o.command = Command::Help;
      return {o, ""};
    } else if (a == "--version" || a == "-V") {
      o.command = Command::Version;
      return {o, ""};
    } else if (a == "--scenario") {
      if (!value(&v)) return fail("--scenario needs a scenario file (radicula-scenario/1 JSON)");
      o.scenario = v;
    } else if (a == "--mri") {
      if (!value(&v)) return fail("--mri needs the text file of an MRI report");
      if (o.mri) return fail("more than one MRI report given: " + o.mri->string() + " and " + v);
      o.mri = v;
    } else if (a == "--symptoms") {
      if (!value(&v)) return fail("--symptoms needs a symptom file (radicula-symptoms/1 JSON)");
      o.symptoms = v;
    } else if (a == "--save-scenario") {
      if (!value(&v))
        return fail("--save-scenario needs an output file, e.g. --save-scenario out.json");
      o.saveScenario = v;
    } else if (a == "--report") {
      report = true;
    } else if (a == "--format") {
      if (!value(&v) || (v != "json" && v != "text")) return fail("--format takes json or text");
      o.format = v;
      formatGiven = true;
    } else if (a == "--screenshot") {
      if (!value(&v)) return fail("--screenshot needs an output file, e.g. --screenshot out.png");
      o.screenshot = v;
    } else if (a == "--view") {
      if (!value(&v)) return fail("--view takes one of: " + oneOf(kViews));
      if (std::find(kViews.begin(), kViews.end(), v) == kViews.end()) {
        const std::string near = nearestOption(v, kViews);
        return fail("unknown view '" + v + "'" +
                    (near.empty() ? "" : " (did you mean " + near + "?)") +
                    "; views: " + oneOf(kViews));
      }
      o.view = v;
    } else if (a == "--size") {
      const auto x = value(&v) ? v.find('x') : std::string::npos;
      int w = 0, h = 0;
      if (x == std::string::npos || !parseInt(v.substr(0, x), &w) ||
          !parseInt(v.substr(x + 1), &h) || w < 16 || h < 16 || w > 16384 || h > 16384) {
        return fail("--size takes WIDTHxHEIGHT in pixels, 16 to 16384, e.g. --size 1920x1080");
      }
      o.width = w;
      o.height = h;
      o.sizeGiven = true;
    } else if (a == "--lang") {
      if (!value(&v) || (v != "en" && v != "es")) return fail("--lang takes en or es");
      o.language = v;
      o.languageGiven = true;
    } else if (a == "--mode") {
      if (!value(&v) || (v != "patient" && v != "student")) {
        return fail("--mode takes patient or student");
      }
      o.mode = v;
      o.modeGiven = true;
    } else if (a == "--no-ui") {
      o.interface = false;
    } else if (a == "--benchmark") {
      benchmark = true;
    } else if (a == "--frames") {
      if (!value(&v) || !parseInt(v, &o.frames) || o.frames < 1 || o.frames > 100000) {
        return fail("--frames takes a number of frames from 1 to 100000");
      }
    } else if (a == "--msaa") {
      if (!value(&v) || !parseInt(v, &o.samples) || o.samples < 0 || o.samples > 16) {
        return fail("--msaa takes a sample count from 0 to 16");
      }
    } else if (a == "--quiz") {
      int seed = 0;
      if (!value(&v) || !parseInt(v, &seed) || seed < 0) {
        return fail("--quiz takes a question number (a seed, 0 or more), e.g. --quiz 7");
      }
      o.quiz = seed;
    } else if (a == "--answer") {
      int option = 0;
      if (!value(&v) || !parseInt(v, &option) || option < 1 || option > 4) {
        return fail("--answer takes the option to choose, 1 to 4");
      }
      o.answer = option;
    } else if (a.rfind("-", 0) == 0 && a.size() > 1) {
      const std::string near = nearestOption(a, kOptions);
      return fail("unknown option '" + a + "'" +
                  (near.empty() ? "" : " (did you mean " + near + "?)") + "; see radicula --help");
    } else {
      const std::filesystem::path file(a);
      std::string ext = file.extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      if (ext == ".json") {
        if (o.scenario)
          return fail("more than one scenario file given: " + o.scenario->string() + " and " + a);
        o.scenario = file;
      } else if (ext == ".txt") {
        if (o.mri) return fail("more than one MRI report given: " + o.mri->string() + " and " + a);
        o.mri = file;
      } else {
        if (o.model)
          return fail("more than one model file given: " + o.model->string() + " and " + a);
        o.model = file;
      }
    }
  }

  if (report && benchmark) return fail("--report and --benchmark cannot be combined");
  if (o.answer && !o.quiz) return fail("--answer needs a question: --quiz SEED --answer N");
  if (o.symptoms) {
    if (o.scenario || o.mri || o.model || benchmark || o.saveScenario ||
        ((report || formatGiven) && !o.screenshot.empty())) {
      return fail(
          "--symptoms ranks the roots and nerves that explain the symptoms; give it alone: "
          "radicula --symptoms FILE.json [--report [--format json|text] | --screenshot OUT.png]");
    }
    // With --report (or a --format to print in) it prints the ranking; otherwise "Where does it
    // hurt?" opens on the marks.
    if (report || formatGiven) {
      o.command = Command::Lookup;
    } else {
      o.command = o.screenshot.empty() ? Command::View : Command::Screenshot;
    }
    return {o, ""};
  }
  if (o.mri && o.scenario) {
    return fail("give a scenario or an MRI report, not both: " + o.scenario->string() + " and " +
                o.mri->string());
  }
  if (o.saveScenario && !o.scenario && !o.mri) {
    return fail(
        "--save-scenario needs a scenario or an MRI report: radicula --mri REPORT.txt "
        "--save-scenario OUT.json");
  }
  if (report) {
    if (!o.scenario && !o.mri) {
      return fail("--report needs a scenario or an MRI report: radicula --scenario F --report");
    }
    if (!o.screenshot.empty())
      return fail("--report prints text; use --screenshot in a separate run");
    o.command = Command::Report;
  } else if (benchmark) {
    o.command = Command::Benchmark;
  } else if (!o.screenshot.empty()) {
    o.command = Command::Screenshot;
  }
  if (o.model && !io::isSupportedModel(*o.model) && !std::filesystem::is_directory(*o.model)) {
    std::string list;
    for (const auto& e : io::supportedModelExtensions()) list += (list.empty() ? "" : " ") + e;
    return fail(o.model->string() +
                ": unsupported file type (expected a scenario .json or a model: " + list + ")");
  }
  return {o, ""};
}

}  // namespace radicula::app
