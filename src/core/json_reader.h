// The one way Radicula reads JSON it did not write itself: scenario and symptom files, settings,
// the content tables, scene links, and (for its nesting only) a glTF's JSON. Parsing bounds the
// nesting in nlohmann's parser callback, so no file can recurse past the stack, and explains a
// syntax error in plain words with its line and column. Reading is typed: every read names what
// it expected, and a wrong value throws ContentError(file, JSON path, problem), e.g.
// `case.json: /pathologies/0/level: expected a string (L1-L2 … L5-S1), found a number`.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace radicula::core {

// Key order is kept, so keys a reader does not interpret are written back as they came.
using Json = nlohmann::ordered_json;

struct JsonLimits {
  // Objects and arrays inside one another; a value deeper than this is refused while parsing.
  int maxDepth = 64;
  // Bytes JsonDocument::load reads at most (the file's size is checked first).
  std::size_t maxBytes = 16u << 20;
  // Keys in one object: finding a key in an object that keeps its order takes a look at each,
  // so a file of a million keys would take minutes to read; none of Radicula's has 300.
  int maxMembers = 4096;
};

// A view of one value in a parsed document, with the file name and its JSON path for messages.
// Cheap to copy; valid while its document lives.
class JsonValue {
 public:
  JsonValue(const Json& value, const std::string& file, std::string path = "")
      : value_(&value), file_(&file), path_(std::move(path)) {}

  const Json& json() const { return *value_; }
  const std::string& file() const { return *file_; }
  const std::string& path() const { return path_; }
  // Throws ContentError(file, path, problem).
  [[noreturn]] void fail(const std::string& problem) const;

  bool isNull() const { return value_->is_null(); }
  bool isObject() const { return value_->is_object(); }
  bool isArray() const { return value_->is_array(); }
  bool isString() const { return value_->is_string(); }
  bool isNumber() const { return value_->is_number(); }
  bool isBoolean() const { return value_->is_boolean(); }
  // "null", "a boolean", "a number", "a string", "an array" or "an object".
  std::string kind() const;
  // The value as JSON, cut to about 40 characters, for "… is not a disc level".
  std::string brief() const;

  // Scalars; a value of another type fails with "expected <what>, found <kind>".
  std::string string(std::string_view what = "a string") const;
  double number(std::string_view what = "a number") const;
  bool boolean(std::string_view what = "true or false") const;
  // A number in [lo, hi]; outside it fails with "<value> is out of range (expected <what>)".
  double numberIn(double lo, double hi, std::string_view what) const;
  // A string that `parse` turns into a value (an optional); else "<value> is not <name>
  // (expected <accepted>)". A value that is no string fails with "expected a string
  // (<accepted>), found <kind>".
  template <typename Parse>
  auto choice(Parse parse, std::string_view name, std::string_view accepted) const {
    const std::string text = string("a string (" + std::string(accepted) + ")");
    const auto result = parse(text);
    if (!result)
      fail(brief() + " is not " + std::string(name) + " (expected " + std::string(accepted) + ")");
    return *result;
  }

  // Objects. This value must be an object ("expected <what>, found <kind>" at this path).
  // member(): the key must be there ("missing", or "missing (expected <expected>)" at its path).
  JsonValue member(std::string_view key, std::string_view expected = "") const;
  std::optional<JsonValue> find(std::string_view key) const;
  bool has(std::string_view key) const;
  std::vector<std::pair<std::string, JsonValue>> members(std::string_view what = "an object") const;
  // Arrays. This value must be an array ("expected <what>, found <kind>").
  std::vector<JsonValue> elements(std::string_view what = "an array") const;
  std::size_t size() const { return value_->size(); }

 private:
  void requireObject(std::string_view what) const;

  const Json* value_;
  const std::string* file_;
  std::string path_;
};

// A parsed JSON document and the name its messages give the file.
class JsonDocument {
 public:
  // Throws ContentError(file, "", problem) for empty text, a syntax error (line, column and
  // what is wrong, in plain words), a number too large for a double, nesting deeper than
  // limits.maxDepth or an object with more than limits.maxMembers keys.
  static JsonDocument parse(std::string_view text, std::string fileName,
                            const JsonLimits& limits = {});
  // Reads the file first: a folder, a missing or unreadable file or one larger than
  // limits.maxBytes is refused naming the file.
  static JsonDocument load(const std::filesystem::path& file, const JsonLimits& limits = {});

  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;
  JsonDocument(JsonDocument&&) = default;
  JsonDocument& operator=(JsonDocument&&) = default;

  JsonValue root() const { return JsonValue(doc_, *file_); }
  const std::string& file() const { return *file_; }

 private:
  JsonDocument(Json doc, std::string file)
      : doc_(std::move(doc)), file_(std::make_unique<std::string>(std::move(file))) {}

  Json doc_;
  std::unique_ptr<std::string> file_;  // stable address for the values' messages
};

// Checks that `text` is JSON nested no deeper than limits.maxDepth without keeping it (for
// JSON another library reads next, such as a glTF's). Throws ContentError as parse() does.
void checkJson(std::string_view text, const std::string& fileName, const JsonLimits& limits);

// Writes JSON as UTF-8 whatever its strings hold: bytes that are not UTF-8 (a Latin-1 file
// name in a note) become U+FFFD instead of throwing.
std::string jsonText(const Json& json, int indent = -1);

}  // namespace radicula::core
