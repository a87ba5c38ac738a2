#include "core/scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

#include "core/content_error.h"

namespace radicula::core {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kTypes =
    "herniation, osteophyte (alias bone_spur), stenosis, spondylolisthesis, piriformis, "
    "fibular_head";
constexpr const char* kLevels = "L1-L2, L2-L3, L3-L4, L4-L5, L5-S1 (aliases L4/L5, L4/5)";
constexpr const char* kSidesAccepted = "left, right, both (alias central)";
constexpr const char* kZones =
    "central, paracentral (aliases subarticular, lateral_recess), foraminal, extraforaminal "
    "(alias far_lateral)";
constexpr const char* kSlipKinds = "degenerative, isthmic";
constexpr const char* kMigrations = "none, up (alias cranial), down (alias caudal)";
constexpr int kMaxNesting = 64;

// Human-readable JSON type names for "expected a string, found a number" messages.
std::string typeName(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

std::string quoted(const json& v) {
  std::string dump = v.dump();
  if (dump.size() > 40) dump = dump.substr(0, 37) + "...";
  return dump;
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw ContentError(file_, path, problem);
  }

  std::string text(const json& object, const std::string& path, const char* key,
                   const char* accepted) const {
    const auto it = object.find(key);
    if (it == object.end())
      fail(path + "/" + key, std::string("missing (expected ") + accepted + ")");
    if (!it->is_string()) {
      fail(path + "/" + key,
           "expected a string (" + std::string(accepted) + "), found " + typeName(*it));
    }
    return it->get<std::string>();
  }

  template <typename T, typename Parse>
  T parsed(const json& object, const std::string& path, const char* key, const char* what,
           const char* accepted, Parse parse) const {
    const std::string value = text(object, path, key, accepted);
    if (auto result = parse(value)) return *result;
    fail(path + "/" + key,
         quoted(object.at(key)) + " is not " + what + " (expected " + accepted + ")");
  }

 private:
  std::string file_;
};

std::string withThousands(std::uintmax_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string tooLarge(std::uintmax_t bytes) {
  return "file is too large: " + withThousands(bytes) + " bytes, and a scenario is at most " +
         withThousands(kMaxScenarioBytes) + " bytes (1 MiB)";
}

// A file that is plainly not a scenario (a picture or a model renamed, or any binary file) is
// named for what it is, not reported as a JSON syntax error. Empty when it looks like text.
std::string binaryKind(std::string_view head) {
  if (head.rfind("\x89PNG", 0) == 0) return "is a PNG image, not a scenario file";
  if (head.rfind("\xFF\xD8\xFF", 0) == 0) return "is a JPEG image, not a scenario file";
  if (head.rfind("glTF", 0) == 0) {
    return "is a 3D model (.glb), not a scenario file: open it with File > Open model";
  }
  if (head.rfind("%PDF", 0) == 0) return "is a PDF document, not a scenario file";
  const std::size_t probe = std::min<std::size_t>(head.size(), 512);
  for (std::size_t i = 0; i < probe; ++i) {
    if (head[i] == '\0') return "is not a text file (it holds binary data), so not a scenario";
  }
  return "";
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error
// while parsing object - invalid literal; last read: 'tru,'" in a user's words.
std::string plainSyntaxError(const std::string& what) {
  std::string reason = what;
  if (const auto dash = reason.find(" - "); dash != std::string::npos) {
    reason = reason.substr(dash + 3);
  }
  std::string near;
  if (const auto last = reason.find("; last read: "); last != std::string::npos) {
    near = reason.substr(last + 13);
    reason = reason.substr(0, last);
  }
  if (const auto expected = reason.find("; expected "); expected != std::string::npos) {
    reason = reason.substr(0, expected);
  }
  std::string out = reason.find("invalid literal") != std::string::npos
                        ? "a word JSON does not know (use true, false, null or quotes)"
                    : reason.find("invalid string") != std::string::npos
                        ? "text in quotes that is not closed or holds a control character"
                    : reason.find("invalid number") != std::string::npos ? "a malformed number"
                    : reason.find("unexpected") != std::string::npos
                        ? "a character out of place (a missing or extra comma, bracket or quote)"
                        : reason;
  if (!near.empty() && near.size() <= 40) out += ", near " + near;
  return out;
}

std::pair<int, int> lineColumn(std::string_view text, std::size_t byte) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

Pathology readPathology(const Reader& r, const json& item, const std::string& path) {
  if (!item.is_object())
    r.fail(path, "expected an object like {\"type\": \"herniation\", …}, found " + typeName(item));
  Pathology p;
  p.type =
      r.parsed<PathologyType>(item, path, "type", "a pathology type", kTypes, parsePathologyType);

  if (p.isSpinal()) {
    p.level = r.parsed<DiscLevel>(item, path, "level", "a disc level", kLevels, parseDiscLevel);
  }

  const bool needsZone = p.type == PathologyType::Herniation ||
                         p.type == PathologyType::Osteophyte || p.type == PathologyType::Stenosis;
  if (needsZone) {
    p.zone = r.parsed<Zone>(item, path, "zone", "a zone", kZones, parseZone);
  } else if (item.contains("zone")) {
    p.zone = r.parsed<Zone>(item, path, "zone", "a zone", kZones, parseZone);
  } else {
    p.zone = p.type == PathologyType::Spondylolisthesis ? Zone::Central : Zone::Extraforaminal;
  }

  if (item.contains("side") || p.zone != Zone::Central) {
    p.side = r.parsed<SideSpec>(item, path, "side", "a side", kSidesAccepted, parseSideSpec);
  } else {
    p.side = SideSpec::Both;  // a central lesion needs no side
  }

  const auto sev = item.find("severity");
  if (sev == item.end()) r.fail(path + "/severity", "missing (expected a number from 0 to 1)");
  if (!sev->is_number()) {
    r.fail(path + "/severity", "expected a number from 0 to 1, found " + typeName(*sev));
  }
  const double severity = sev->get<double>();
  if (!std::isfinite(severity) || severity < 0.0 || severity > 1.0) {
    r.fail(path + "/severity", quoted(*sev) + " is out of range (expected a number from 0 to 1)");
  }
  p.severity = static_cast<float>(severity);

  if (p.type == PathologyType::Spondylolisthesis) {
    if (item.contains("morphology")) {
      p.slip = r.parsed<SlipKind>(item, path, "morphology", "a kind of spondylolisthesis",
                                  kSlipKinds, parseSlipKind);
    } else {
      // Isthmic slips are the common kind at L5/S1, degenerative ones above
      // (docs/clinical-basis.md §2).
      p.slip = p.level == DiscLevel::L5S1 ? SlipKind::Isthmic : SlipKind::Degenerative;
    }
  }

  if (p.type == PathologyType::Herniation && item.contains("migration")) {
    p.migration =
        r.parsed<Migration>(item, path, "migration", "a migration", kMigrations, parseMigration);
  }

  for (auto it = item.begin(); it != item.end(); ++it) {
    const std::string& key = it.key();
    if (key == "type" || key == "level" || key == "side" || key == "zone" || key == "severity") {
      continue;
    }
    if (key == "morphology" && p.type == PathologyType::Spondylolisthesis) continue;
    if (key == "migration" && p.type == PathologyType::Herniation) continue;
    p.extra[key] = it.value();
  }
  return p;
}

}  // namespace

json toJson(const Pathology& p) {
  json out = json::object();
  out["type"] = toString(p.type);
  if (p.isSpinal()) out["level"] = toString(p.level);
  out["side"] = toString(p.side);
  if (p.type != PathologyType::Piriformis && p.type != PathologyType::FibularHead) {
    out["zone"] = toString(p.zone);
  }
  // Round to 3 decimals so a saved file reads well and re-saves byte-identical.
  out["severity"] = std::round(static_cast<double>(p.severity) * 1000.0) / 1000.0;
  if (p.type == PathologyType::Spondylolisthesis) out["morphology"] = toString(p.slip);
  if (p.type == PathologyType::Herniation && p.migration != Migration::None) {
    out["migration"] = toString(p.migration);
  }
  for (auto it = p.extra.begin(); it != p.extra.end(); ++it) {
    if (!out.contains(it.key())) out[it.key()] = it.value();
  }
  return out;
}

Scenario Scenario::parse(std::string_view text, const std::string& fileName) {
  const Reader r(fileName);
  if (text.size() > kMaxScenarioBytes) {
    r.fail("", tooLarge(text.size()));
  }
  if (const std::string kind = binaryKind(text); !kind.empty()) r.fail("", kind);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    r.fail("", "file is empty (expected a JSON object with \"format\": \"radicula-scenario/1\")");
  }
  // Nesting is checked before parsing: copying or freeing a value nested thousands deep would
  // recurse past the stack, and no scenario needs more than a few levels.
  {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (inString) {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > kMaxNesting) {
          const auto [line, column] = lineColumn(text, i);
          r.fail("", "nested more than " + std::to_string(kMaxNesting) + " levels deep at line " +
                         std::to_string(line) + ", column " + std::to_string(column));
        }
      } else if (c == ']' || c == '}') {
        --depth;
      }
    }
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::out_of_range& e) {
    // Numbers too large for a double (1e400) are refused by the parser this way.
    std::string what = e.what();
    if (const auto cut = what.find("] "); cut != std::string::npos) what = what.substr(cut + 2);
    r.fail("", "bad JSON: " + what);
  } catch (const json::parse_error& e) {
    const auto [line, column] = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    const std::string at = "line " + std::to_string(line) + ", column " + std::to_string(column);
    const std::string what = e.what();
    if (what.find("unexpected end of input") != std::string::npos) {
      r.fail("", "the file ends early, at " + at +
                     ", before its JSON is complete (was it cut off while saving or copying?)");
    }
    r.fail("", "bad JSON at " + at + ": " + plainSyntaxError(what));
  }
  if (!doc.is_object()) {
    r.fail("", "expected a JSON object with \"format\": \"radicula-scenario/1\", found " +
                   typeName(doc));
  }

  Scenario scenario;
  if (const auto format = doc.find("format"); format != doc.end()) {
    if (!format->is_string() || format->get<std::string>() != kScenarioFormat) {
      r.fail("/format", quoted(*format) + " is not a supported format (expected \"" +
                            std::string(kScenarioFormat) + "\")");
    }
  }
  if (const auto list = doc.find("pathologies"); list != doc.end()) {
    if (!list->is_array()) {
      r.fail("/pathologies", "expected an array of pathologies, found " + typeName(*list));
    }
    if (list->size() > kMaxPathologies) {
      r.fail("/pathologies", std::to_string(list->size()) + " pathologies (expected at most " +
                                 std::to_string(kMaxPathologies) + ")");
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      scenario.pathologies.push_back(
          readPathology(r, (*list)[i], "/pathologies/" + std::to_string(i)));
    }
  }
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (it.key() != "format" && it.key() != "pathologies") scenario.extra[it.key()] = it.value();
  }
  return scenario;
}

Scenario Scenario::load(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    throw ContentError(name, "", "is a folder, not a scenario file");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ContentError(name, "", "cannot be read (missing or no permission)");
  // The size a user sees in their file manager, not the bytes read before giving up.
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > kMaxScenarioBytes) {
    std::string head(8, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const std::string kind = binaryKind(head);
    throw ContentError(name, "", kind.empty() ? tooLarge(size) : kind);
  }
  // Read at most one byte past the limit so a huge file is refused without loading it.
  std::string text(kMaxScenarioBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw ContentError(name, "", "cannot be read");
  return parse(text, name);
}

json Scenario::toJson() const {
  json out = json::object();
  out["format"] = kScenarioFormat;
  json list = json::array();
  for (const Pathology& p : pathologies) list.push_back(core::toJson(p));
  out["pathologies"] = std::move(list);
  for (auto it = extra.begin(); it != extra.end(); ++it) out[it.key()] = it.value();
  return out;
}

void Scenario::save(const std::filesystem::path& file) const {
  const std::string name = file.string();
  const std::filesystem::path temp =
      file.parent_path() / (file.filename().string() + ".tmp" + std::to_string(::getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw ContentError(name, "", "cannot be written (folder missing or read-only)");
    out << toJson().dump(2) << '\n';
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw ContentError(name, "", "cannot be written (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw ContentError(name, "", "cannot be replaced: " + ec.message());
  }
}

}  // namespace radicula::core
