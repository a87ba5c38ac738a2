// The one JSON reader: nesting and key counts bounded while parsing, syntax errors in plain
// words with line and column, and typed reads that name the file, the JSON path and what was
// expected.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/content_error.h"
#include "core/json_reader.h"

namespace radicula::core {
namespace {

// The ContentError a parse or a read throws, or a failure.
template <typename Body>
ContentError errorOf(Body body) {
  try {
    body();
  } catch (const ContentError& e) {
    return e;
  }
  ADD_FAILURE() << "no ContentError";
  return ContentError("", "", "");
}

std::string nested(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

TEST(JsonReader, NestingIsBoundedWhileParsing) {
  EXPECT_NO_THROW(JsonDocument::parse(nested(64), "f.json", {.maxDepth = 64}));
  const ContentError e =
      errorOf([] { JsonDocument::parse(nested(65), "f.json", {.maxDepth = 64}); });
  EXPECT_EQ(e.file(), "f.json");
  EXPECT_NE(e.problem().find("nested more than 64 levels deep"), std::string::npos) << e.what();
  // A million levels is refused at once, without recursing on them.
  const auto start = std::chrono::steady_clock::now();
  const ContentError deep =
      errorOf([] { JsonDocument::parse("{\"notes\": " + nested(1000000) + "}", "deep.json"); });
  EXPECT_NE(deep.problem().find("(under /notes)"), std::string::npos) << deep.what();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // checkJson bounds the same without keeping the document.
  EXPECT_NO_THROW(checkJson(nested(100), "m.gltf", {.maxDepth = 128}));
  EXPECT_THROW(checkJson(nested(129), "m.gltf", {.maxDepth = 128}), ContentError);
}

TEST(JsonReader, AnObjectWithTooManyKeysIsRefused) {
  std::string many = "{";
  for (int i = 0; i < 11; ++i) many += (i ? ", \"k" : "\"k") + std::to_string(i) + "\": 0";
  many += "}";
  EXPECT_NO_THROW(JsonDocument::parse(many, "f.json", {.maxMembers = 11}));
  const ContentError e = errorOf([&] { JsonDocument::parse(many, "f.json", {.maxMembers = 10}); });
  EXPECT_NE(e.problem().find("more than 10 keys"), std::string::npos) << e.what();
}

TEST(JsonReader, SyntaxErrorsSayWhereAndWhatInPlainWords) {
  const ContentError e =
      errorOf([] { JsonDocument::parse("{\n  \"a\": 1,\n  \"b\": tru\n}", "s.json"); });
  EXPECT_EQ(e.jsonPath(), "");
  EXPECT_NE(e.problem().find("bad JSON at line 3, column "), std::string::npos) << e.what();
  EXPECT_NE(e.problem().find("a word JSON does not know"), std::string::npos) << e.what();
  const ContentError cut = errorOf([] { JsonDocument::parse("{\"a\": [1, 2", "c.json"); });
  EXPECT_NE(cut.problem().find("ends early"), std::string::npos) << cut.what();
  const ContentError big = errorOf([] { JsonDocument::parse("{\"a\": 1e400}", "n.json"); });
  EXPECT_NE(big.problem().find("1e400"), std::string::npos) << big.what();
  EXPECT_EQ(big.problem().find("[json.exception"), std::string::npos) << big.what();
  const ContentError latin1 =
      errorOf([] { JsonDocument::parse("{\"a\": \"caf\xE9\"}", "l.json"); });
  EXPECT_NE(latin1.problem().find("not UTF-8"), std::string::npos) << latin1.what();
  EXPECT_NE(errorOf([] { JsonDocument::parse(" \n ", "e.json"); }).problem().find("empty"),
            std::string::npos);
}

TEST(JsonReader, TypedReadsNameTheFilePathAndWhatWasExpected) {
  const JsonDocument doc = JsonDocument::parse(
      R"({"pathologies": [{"level": 45, "side": "up", "severity": 1.5}], "flag": "yes"})",
      "case.json");
  const JsonValue lesion = doc.root().member("pathologies").elements()[0];
  EXPECT_EQ(lesion.path(), "/pathologies/0");
  ContentError e = errorOf([&] { lesion.member("level").string("a string (L1-L2 … L5-S1)"); });
  EXPECT_EQ(e.jsonPath(), "/pathologies/0/level");
  EXPECT_EQ(e.problem(), "expected a string (L1-L2 … L5-S1), found a number");
  EXPECT_EQ(std::string(e.what()),
            "case.json: /pathologies/0/level: expected a string (L1-L2 … L5-S1), found a number");
  const auto side = [](const std::string& s) -> std::optional<int> {
    if (s == "left") return 0;
    return std::nullopt;
  };
  e = errorOf([&] { lesion.member("side").choice(side, "a side", "left, right"); });
  EXPECT_EQ(e.problem(), "\"up\" is not a side (expected left, right)");
  e = errorOf([&] { lesion.member("severity").numberIn(0, 1, "a number from 0 to 1"); });
  EXPECT_EQ(e.problem(), "1.5 is out of range (expected a number from 0 to 1)");
  e = errorOf([&] { lesion.member("zone", "central, paracentral"); });
  EXPECT_EQ(e.jsonPath(), "/pathologies/0/zone");
  EXPECT_EQ(e.problem(), "missing (expected central, paracentral)");
  e = errorOf([&] { doc.root().member("flag").boolean(); });
  EXPECT_EQ(e.problem(), "expected true or false, found a string");
  e = errorOf([&] { doc.root().member("flag").elements(); });
  EXPECT_EQ(e.problem(), "expected an array, found a string");
  EXPECT_FALSE(doc.root().find("nothing").has_value());
  EXPECT_FALSE(doc.root().member("flag").has("x"))
      << "a string has no keys, and asking is no error";
}

TEST(JsonReader, LoadingNamesTheFileAndBoundsItsSize) {
  EXPECT_NE(
      errorOf([] { JsonDocument::load("/nonexistent/x.json"); }).problem().find("cannot be read"),
      std::string::npos);
  EXPECT_NE(errorOf([] { JsonDocument::load("/"); }).problem().find("folder"), std::string::npos);
}

TEST(JsonReader, JsonIsWrittenAsUtf8WhateverItsStringsHold) {
  const Json note = {{"notes", std::string("Read from inform\xE9.txt")}};
  EXPECT_EQ(jsonText(note), "{\"notes\":\"Read from inform\xEF\xBF\xBD.txt\"}");
  EXPECT_THROW((void)note.dump(), Json::type_error) << "the library alone would throw";
}

}  // namespace
}  // namespace radicula::core
