#include "core/scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/atomic_file.h"
#include "core/content_error.h"
#include "core/json_reader.h"

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

Pathology readPathology(const JsonValue& item) {
  if (!item.isObject()) {
    item.fail("expected an object like {\"type\": \"herniation\", …}, found " + item.kind());
  }
  // A field the lesion needs: "missing (expected …)" when absent.
  const auto field = [&](const char* key, const char* accepted) {
    return item.member(key, accepted);
  };
  Pathology p;
  p.type = field("type", kTypes).choice(parsePathologyType, "a pathology type", kTypes);

  if (p.isSpinal()) {
    p.level = field("level", kLevels).choice(parseDiscLevel, "a disc level", kLevels);
  }

  const bool needsZone = p.type == PathologyType::Herniation ||
                         p.type == PathologyType::Osteophyte || p.type == PathologyType::Stenosis;
  if (needsZone || item.has("zone")) {
    p.zone = field("zone", kZones).choice(parseZone, "a zone", kZones);
  } else {
    p.zone = p.type == PathologyType::Spondylolisthesis ? Zone::Central : Zone::Extraforaminal;
  }

  if (item.has("side") || p.zone != Zone::Central) {
    p.side = field("side", kSidesAccepted).choice(parseSideSpec, "a side", kSidesAccepted);
  } else {
    p.side = SideSpec::Both;  // a central lesion needs no side
  }

  constexpr const char* kSeverity = "a number from 0 to 1";
  p.severity = static_cast<float>(field("severity", kSeverity).numberIn(0.0, 1.0, kSeverity));

  if (p.type == PathologyType::Spondylolisthesis) {
    if (item.has("morphology")) {
      p.slip = field("morphology", kSlipKinds)
                   .choice(parseSlipKind, "a kind of spondylolisthesis", kSlipKinds);
    } else {
      // Isthmic slips are the common kind at L5/S1, degenerative ones above
      // (docs/clinical-basis.md §2).
      p.slip = p.level == DiscLevel::L5S1 ? SlipKind::Isthmic : SlipKind::Degenerative;
    }
  }

  if (p.type == PathologyType::Herniation && item.has("migration")) {
    p.migration =
        field("migration", kMigrations).choice(parseMigration, "a migration", kMigrations);
  }

  for (const auto& [key, value] : item.members()) {
    if (key == "type" || key == "level" || key == "side" || key == "zone" || key == "severity") {
      continue;
    }
    if (key == "morphology" && p.type == PathologyType::Spondylolisthesis) continue;
    if (key == "migration" && p.type == PathologyType::Herniation) continue;
    p.extra[key] = value.json();
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
  const auto fail = [&](const std::string& problem) { throw ContentError(fileName, "", problem); };
  if (text.size() > kMaxScenarioBytes) fail(tooLarge(text.size()));
  if (const std::string kind = binaryKind(text); !kind.empty()) fail(kind);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    fail("file is empty (expected a JSON object with \"format\": \"radicula-scenario/1\")");
  }
  // No scenario needs more than a few levels; deeper input is refused while it is parsed.
  const JsonDocument doc = JsonDocument::parse(text, fileName, {.maxDepth = kMaxNesting});
  const JsonValue root = doc.root();
  if (!root.isObject()) {
    fail("expected a JSON object with \"format\": \"radicula-scenario/1\", found " + root.kind());
  }

  Scenario scenario;
  if (const auto format = root.find("format")) {
    if (!format->isString() || format->json().get<std::string>() != kScenarioFormat) {
      format->fail(format->brief() + " is not a supported format (expected \"" +
                   std::string(kScenarioFormat) + "\")");
    }
  }
  if (const auto list = root.find("pathologies")) {
    const std::vector<JsonValue> items = list->elements("an array of pathologies");
    if (items.size() > kMaxPathologies) {
      list->fail(std::to_string(items.size()) + " pathologies (expected at most " +
                 std::to_string(kMaxPathologies) + ")");
    }
    for (const JsonValue& item : items) scenario.pathologies.push_back(readPathology(item));
  }
  for (const auto& [key, value] : root.members()) {
    if (key != "format" && key != "pathologies") scenario.extra[key] = value.json();
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
  // Text that is not UTF-8 (a Latin-1 file name in the notes) is written as U+FFFD.
  saveTextAtomically(file, jsonText(toJson(), 2) + "\n");
}

}  // namespace radicula::core
