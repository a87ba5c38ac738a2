// Where an error stops: whatever is thrown at a boundary becomes one line of valid UTF-8 that
// names the file once, in plain words.
#include <gtest/gtest.h>

#include <new>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/boundary.h"
#include "core/content_error.h"

namespace radicula::core {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST(Boundary, AnyExceptionBecomesOneLineNamingTheFileOnce) {
  const auto line = [](auto thrown, const std::string& file = "x.json") {
    return failureOf([&] { throw thrown; }, file);
  };
  EXPECT_EQ(line(ContentError("x.json", "/a", "bad")), "x.json: /a: bad") << "named once";
  EXPECT_EQ(line(ContentError("other.json", "", "bad")), "other.json: bad")
      << "an error about another file keeps its own name";
  EXPECT_EQ(line(std::runtime_error("it broke\nbadly")), "x.json: it broke badly");
  EXPECT_EQ(line(std::bad_alloc()), "x.json: there is not enough memory for it");
  EXPECT_EQ(line(std::length_error("vector::_M_default_append"), "caf\xE9.gltf"),
            "caf" + kReplacement + ".gltf: vector::_M_default_append");
  EXPECT_EQ(line(42), "x.json: an unexpected error stopped it");
  EXPECT_EQ(line(std::runtime_error("no file")), "x.json: no file");
  EXPECT_EQ(failureOf([] { throw std::runtime_error("plain"); }), "plain");
  EXPECT_EQ(failureOf([] {}), "") << "nothing thrown, nothing said";
  const std::string json = failureOf([] { (void)nlohmann::json::parse("{"); }, "y.json");
  EXPECT_EQ(json.find("[json.exception"), std::string::npos) << json;
  EXPECT_EQ(json.rfind("y.json: ", 0), 0u) << json;
}

}  // namespace
}  // namespace radicula::core
