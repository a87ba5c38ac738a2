#include "core/scene_link.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/content_error.h"

namespace radicula::core {

namespace {

constexpr std::size_t kMaxLinkBytes = 64 * 1024;
const char* const kFile = "link";

struct TypeKey {
  char key;
  PathologyType type;
};
constexpr TypeKey kTypeKeys[] = {
    {'h', PathologyType::Herniation}, {'o', PathologyType::Osteophyte},
    {'s', PathologyType::Stenosis},   {'l', PathologyType::Spondylolisthesis},
    {'p', PathologyType::Piriformis}, {'f', PathologyType::FibularHead}};

std::vector<std::string> split(std::string_view text, char by) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == by) {
      out.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string severityText(float severity) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(severity));
  std::string s = buffer;
  // "0.60" → "0.6", "1.00" → "1": short links read better.
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

float parseSeverity(const std::string& text, const std::string& key) {
  char* end = nullptr;
  const float value = std::strtof(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value) || value < 0.0f ||
      value > 1.0f) {
    throw ContentError(kFile, key,
                       "\"" + text + "\" is not a severity (a number from 0 to 1, e.g. 0.6)");
  }
  return value;
}

Pathology parseLesion(PathologyType type, const std::string& value, const std::string& key) {
  // Levels, sides, zones and kinds have no dot; a severity has one ("0.6" → "0", "6"): the
  // first field that starts with a digit is joined with the digits after it.
  std::vector<std::string> fields = split(value, '.');
  for (std::size_t i = 0; i + 1 < fields.size(); ++i) {
    const auto digits = [](const std::string& t) {
      return !t.empty() &&
             std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (digits(fields[i]) && digits(fields[i + 1])) {
      fields[i] += "." + fields[i + 1];
      fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      break;
    }
  }
  Pathology p;
  p.type = type;
  const auto need = [&](std::size_t n, const char* shape) {
    if (fields.size() != n) {
      throw ContentError(kFile, key, "\"" + value + "\" should read " + shape);
    }
  };
  const auto side = [&](const std::string& text) {
    const auto s = parseSideSpec(text);
    if (!s) throw ContentError(kFile, key, "\"" + text + "\" is not a side (left, right, both)");
    return *s;
  };
  const auto level = [&](const std::string& text) {
    const auto l = parseDiscLevel(text);
    if (!l) throw ContentError(kFile, key, "\"" + text + "\" is not a disc level (e.g. L4-L5)");
    return *l;
  };
  if (!p.isSpinal()) {
    need(2, "SIDE.SEVERITY, e.g. left.0.6");
    p.side = side(fields[0]);
    if (p.side == SideSpec::Both) throw ContentError(kFile, key, "an entrapment has one side");
    p.severity = parseSeverity(fields[1], key);
    return p;
  }
  if (type == PathologyType::Spondylolisthesis) {
    need(3, "LEVEL.KIND.SEVERITY, e.g. L5-S1.isthmic.0.6");
    p.level = level(fields[0]);
    const auto kind = parseSlipKind(fields[1]);
    if (!kind) {
      throw ContentError(kFile, key,
                         "\"" + fields[1] + "\" is not a kind of slip (degenerative, isthmic)");
    }
    p.slip = *kind;
    p.side = SideSpec::Both;
    p.zone = Zone::Central;
    p.severity = parseSeverity(fields[2], key);
    return p;
  }
  if (fields.size() != 4 && !(type == PathologyType::Herniation && fields.size() == 5)) {
    need(4, "LEVEL.SIDE.ZONE.SEVERITY, e.g. L4-L5.left.paracentral.0.6");
  }
  p.level = level(fields[0]);
  p.side = side(fields[1]);
  const auto zone = parseZone(fields[2]);
  if (!zone) {
    throw ContentError(
        kFile, key,
        "\"" + fields[2] + "\" is not a zone (central, paracentral, foraminal, extraforaminal)");
  }
  p.zone = *zone;
  p.severity = parseSeverity(fields[3], key);
  if (fields.size() == 5) {
    const auto m = parseMigration(fields[4]);
    if (!m) throw ContentError(kFile, key, "\"" + fields[4] + "\" is not a migration (up, down)");
    p.migration = *m;
  }
  return p;
}

}  // namespace

std::string urlEncode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string urlDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%') {
      const auto digit = [&](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      const int hi = i + 1 < text.size() ? digit(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? digit(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) throw ContentError(kFile, "", "a broken %-escape");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string sceneLink(const AppState& state) {
  std::string out;
  const auto add = [&](const std::string& part) { out += (out.empty() ? "" : "&") + part; };
  const auto& lesions = state.quiz ? state.quiz->before : state.scenario.pathologies;
  for (const Pathology& p : lesions) {
    char key = 'h';
    for (const auto& k : kTypeKeys) {
      if (k.type == p.type) key = k.key;
    }
    std::string value;
    if (!p.isSpinal()) {
      value = std::string(toString(p.side)) + "." + severityText(p.severity);
    } else if (p.type == PathologyType::Spondylolisthesis) {
      value = std::string(toString(p.level)) + "." + std::string(toString(p.slip)) + "." +
              severityText(p.severity);
    } else {
      value = std::string(toString(p.level)) + "." + std::string(toString(p.side)) + "." +
              std::string(toString(p.zone)) + "." + severityText(p.severity);
      if (p.type == PathologyType::Herniation && p.migration != Migration::None) {
        value += "." + std::string(toString(p.migration));
      }
    }
    add(std::string(1, key) + "=" + value);
  }
  add("view=" + state.view.view);
  add("lang=" + std::string(toString(state.language)));
  add("mode=" + std::string(toString(state.mode)));
  return out;
}

Scenario parseSceneLink(std::string_view fragment) {
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  if (fragment.size() > kMaxLinkBytes) {
    throw ContentError(kFile, "", "is longer than 64 kB; a scene link is a short list");
  }
  Scenario scenario;
  if (fragment.empty()) return scenario;
  if (fragment.rfind("scenario=", 0) == 0) {
    const std::string json = urlDecode(fragment.substr(9));
    return Scenario::parse(json, "link scenario");
  }
  for (const std::string& part : split(fragment, '&')) {
    if (part.empty()) continue;
    const auto eq = part.find('=');
    if (eq == std::string::npos) {
      throw ContentError(kFile, part, "expected KEY=VALUE (e.g. h=L4-L5.left.paracentral.0.6)");
    }
    const std::string key = part.substr(0, eq);
    const std::string value = urlDecode(part.substr(eq + 1));
    if (key == "view" || key == "lang" || key == "mode") {
      const bool ok = key == "view"
                          ? (value == "side" || value == "posterior" || value == "axial" ||
                             value == "foramen" || value == "front" || value == "leg")
                      : key == "lang" ? parseLanguage(value).has_value()
                                      : parseMode(value).has_value();
      if (!ok) throw ContentError(kFile, key, "\"" + value + "\" is not a known " + key);
      scenario.extra[key == "lang" ? "language" : key] = value;
      continue;
    }
    const auto type =
        std::find_if(std::begin(kTypeKeys), std::end(kTypeKeys),
                     [&](const TypeKey& k) { return key.size() == 1 && k.key == key[0]; });
    if (type == std::end(kTypeKeys)) {
      throw ContentError(kFile, key,
                         "is not a key of a scene link (h, o, s, l, p, f, view, lang, mode, "
                         "scenario)");
    }
    if (scenario.pathologies.size() >= kMaxPathologies) {
      throw ContentError(kFile, key, "too many lesions");
    }
    scenario.pathologies.push_back(parseLesion(type->type, value, key));
  }
  return scenario;
}

}  // namespace radicula::core
