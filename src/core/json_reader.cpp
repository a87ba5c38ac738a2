#include "core/json_reader.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "core/content_error.h"
#include "core/utf8_text.h"

namespace radicula::core {

namespace {

// Thrown from the parser callback when a value sits too deep or an object has too many keys;
// caught in parseText.
struct TooLarge {
  std::string problem;
  std::string under;  // the top-level key it was found under, if any
};

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
  std::string out = reason.find("ill-formed UTF-8") != std::string::npos ? "text that is not UTF-8"
                    : reason.find("invalid literal") != std::string::npos
                        ? "a word JSON does not know (use true, false, null or quotes)"
                    : reason.find("invalid string") != std::string::npos
                        ? "text in quotes that is not closed or holds a control character"
                    : reason.find("invalid number") != std::string::npos ? "a malformed number"
                    : reason.find("unexpected") != std::string::npos
                        ? "a character out of place (a missing or extra comma, bracket or quote)"
                        : reason;
  if (!near.empty() && near.size() <= 40) out += ", near " + validUtf8(near);
  return out;
}

Json parseText(std::string_view text, const std::string& file, const JsonLimits& limits,
               bool keep) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw ContentError(file, "", "is empty");
  }
  std::string topKey;
  std::vector<int> keys(static_cast<std::size_t>(std::max(limits.maxDepth, 0)) + 2, 0);
  // The callback sees every value with its depth as the parser builds the document: a value
  // nested too deep stops the parse before anything recurses on it.
  const Json::parser_callback_t bound = [&](int depth, Json::parse_event_t event, Json& parsed) {
    const auto refuse = [&](std::string problem) {
      throw TooLarge{std::move(problem), depth > 1 ? topKey : std::string()};
    };
    if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) {
      if (depth >= limits.maxDepth) {
        refuse("nested more than " + std::to_string(limits.maxDepth) + " levels deep");
      }
      keys[static_cast<std::size_t>(depth) + 1] = 0;
    } else if (event == Json::parse_event_t::key) {
      if (depth == 1 && parsed.is_string()) topKey = parsed.get<std::string>();
      if (++keys[static_cast<std::size_t>(depth)] > limits.maxMembers) {
        refuse("an object with more than " + std::to_string(limits.maxMembers) + " keys");
      }
    }
    // Without `keep`, everything below the top is dropped as soon as it is read.
    return keep || depth == 0;
  };
  try {
    return Json::parse(text.begin(), text.end(), bound);
  } catch (const TooLarge& large) {
    std::string problem = large.problem;
    if (!large.under.empty()) problem += " (under /" + validUtf8(large.under) + ")";
    throw ContentError(file, "", problem);
  } catch (const Json::parse_error& e) {
    const auto [line, column] = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    const std::string at = "line " + std::to_string(line) + ", column " + std::to_string(column);
    const std::string what = e.what();
    if (what.find("unexpected end of input") != std::string::npos) {
      throw ContentError(file, "",
                         "the file ends early, at " + at +
                             ", before its JSON is complete (was it cut off while saving or "
                             "copying?)");
    }
    throw ContentError(file, "", "bad JSON at " + at + ": " + plainSyntaxError(what));
  } catch (const Json::exception& e) {
    // Numbers too large for a double (1e400) are refused by the parser as out_of_range.
    std::string what = e.what();
    if (const auto cut = what.find("] "); cut != std::string::npos) what = what.substr(cut + 2);
    throw ContentError(file, "", "bad JSON: " + validUtf8(what));
  }
}

}  // namespace

void JsonValue::fail(const std::string& problem) const {
  throw ContentError(*file_, path_, problem);
}

std::string JsonValue::kind() const {
  if (isNull()) return "null";
  if (isBoolean()) return "a boolean";
  if (isNumber()) return "a number";
  if (isString()) return "a string";
  if (isArray()) return "an array";
  return "an object";
}

std::string JsonValue::brief() const {
  std::string dump = jsonText(*value_);
  if (dump.size() > 40) dump = dump.substr(0, 37) + "...";
  return validUtf8(dump);  // the cut may split a character
}

std::string JsonValue::string(std::string_view what) const {
  if (!isString()) fail("expected " + std::string(what) + ", found " + kind());
  return value_->get<std::string>();
}

double JsonValue::number(std::string_view what) const {
  if (!isNumber()) fail("expected " + std::string(what) + ", found " + kind());
  return value_->get<double>();
}

bool JsonValue::boolean(std::string_view what) const {
  if (!isBoolean()) fail("expected " + std::string(what) + ", found " + kind());
  return value_->get<bool>();
}

double JsonValue::numberIn(double lo, double hi, std::string_view what) const {
  const double v = number(what);
  if (!(v >= lo && v <= hi))
    fail(brief() + " is out of range (expected " + std::string(what) + ")");
  return v;
}

void JsonValue::requireObject(std::string_view what) const {
  if (!isObject()) fail("expected " + std::string(what) + ", found " + kind());
}

JsonValue JsonValue::member(std::string_view key, std::string_view expected) const {
  requireObject("an object");
  const auto it = value_->find(key);
  const std::string path = path_ + "/" + std::string(key);
  if (it == value_->end()) {
    throw ContentError(
        *file_, path,
        expected.empty() ? "missing" : "missing (expected " + std::string(expected) + ")");
  }
  return JsonValue(*it, *file_, path);
}

std::optional<JsonValue> JsonValue::find(std::string_view key) const {
  requireObject("an object");
  const auto it = value_->find(key);
  if (it == value_->end()) return std::nullopt;
  return JsonValue(*it, *file_, path_ + "/" + std::string(key));
}

bool JsonValue::has(std::string_view key) const {
  return isObject() && value_->find(key) != value_->end();
}

std::vector<std::pair<std::string, JsonValue>> JsonValue::members(std::string_view what) const {
  requireObject(what);
  std::vector<std::pair<std::string, JsonValue>> out;
  out.reserve(value_->size());
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    out.emplace_back(it.key(), JsonValue(it.value(), *file_, path_ + "/" + it.key()));
  }
  return out;
}

std::vector<JsonValue> JsonValue::elements(std::string_view what) const {
  if (!isArray()) fail("expected " + std::string(what) + ", found " + kind());
  std::vector<JsonValue> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) {
    out.emplace_back((*value_)[i], *file_, path_ + "/" + std::to_string(i));
  }
  return out;
}

JsonDocument JsonDocument::parse(std::string_view text, std::string fileName,
                                 const JsonLimits& limits) {
  Json doc = parseText(text, fileName, limits, /*keep=*/true);
  return JsonDocument(std::move(doc), std::move(fileName));
}

JsonDocument JsonDocument::load(const std::filesystem::path& file, const JsonLimits& limits) {
  const std::string name = file.string();
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw ContentError(name, "", "is a folder, not a file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ContentError(name, "", "cannot be read (missing or no permission)");
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > limits.maxBytes) {
    throw ContentError(name, "",
                       "is too large: " + std::to_string(size) + " bytes (at most " +
                           std::to_string(limits.maxBytes) + ")");
  }
  // At most one byte past the limit, so a file that grows while it is read is refused too.
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= limits.maxBytes && in.read(buffer, sizeof buffer).gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw ContentError(name, "", "cannot be read");
  if (text.size() > limits.maxBytes) throw ContentError(name, "", "is too large");
  return parse(text, name, limits);
}

void checkJson(std::string_view text, const std::string& fileName, const JsonLimits& limits) {
  parseText(text, fileName, limits, /*keep=*/false);
}

std::string jsonText(const Json& json, int indent) {
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace radicula::core
