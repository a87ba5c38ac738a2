// Clinical vignettes (tests/data/vignettes): published cases and textbook descriptions as
// scenario files, each with its source and the findings it must produce, run through the
// report command exactly as `radicula --scenario F --report` runs them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/report_command.h"
#include "support/test_paths.h"

namespace radicula::core {
namespace {

using nlohmann::json;

std::set<std::string> keyed(const json& list, const char* key, bool onlyAffected = false) {
  std::set<std::string> out;
  for (const auto& item : list) {
    if (onlyAffected && !item.value("affected", false)) continue;
    out.insert(item[key].get<std::string>() + "." + item["side"].get<std::string>());
  }
  return out;
}

std::set<std::string> strings(const json& list) {
  std::set<std::string> out;
  for (const auto& s : list) out.insert(s.get<std::string>());
  return out;
}

class Vignette : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(Vignette, ReportMatchesTheCase) {
  const auto& file = GetParam();
  std::ifstream in(file);
  const json scenario = json::parse(in);
  ASSERT_TRUE(scenario.contains("source")) << "every vignette cites its case or textbook";
  const std::string source = scenario["source"].get<std::string>();
  ASSERT_FALSE(source.empty());
  // The literature, never the project's own pages: a doc written from the model is no source.
  for (const char* own : {".md", "docs/", "clinical-basis", "Radicula"}) {
    EXPECT_EQ(source.find(own), std::string::npos) << "the source cites " << own;
  }
  const json& want = scenario.at("expected");

  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(runReport(file, "json", out, err), 0) << err.str();
  const json report = json::parse(out.str());
  EXPECT_EQ(report["format"], "radicula-report/1");

  const auto roots = keyed(report["roots"], "root", true);
  const auto touched = keyed(report["roots"], "root");
  const auto regions = keyed(report["regions"], "region");
  const auto weak = keyed(report["weakness"], "movement");
  const auto reflexes = keyed(report["reflexes"], "reflex");
  const auto signs = strings(report["signs"]);
  // A red flag as "id" and "id:urgency": the grade is part of what the case expects.
  std::set<std::string> flags;
  for (const auto& f : report["red_flags"]) {
    flags.insert(f["id"].get<std::string>() + ":" + f["urgency"].get<std::string>());
  }

  if (want.contains("affected_roots")) {
    EXPECT_EQ(roots, strings(want["affected_roots"]));
  }
  for (const auto& r : want.value("affected_roots_include", json::array())) {
    EXPECT_TRUE(roots.count(r)) << "root " << r;
  }
  for (const auto& r : want.value("touched_roots", json::array())) {
    EXPECT_TRUE(touched.count(r)) << "touched root " << r;
  }
  if (want.contains("regions_exact")) {
    EXPECT_EQ(regions, strings(want["regions_exact"]));
  }
  const auto check = [](const std::set<std::string>& got, const json& list, bool present,
                        const char* what) {
    for (const auto& item : list) {
      EXPECT_EQ(got.count(item.get<std::string>()) > 0, present) << what << " " << item;
    }
  };
  check(regions, want.value("regions_include", json::array()), true, "region");
  check(regions, want.value("regions_exclude", json::array()), false, "region");
  check(weak, want.value("weak_include", json::array()), true, "weak");
  check(weak, want.value("weak_exclude", json::array()), false, "weak");
  check(reflexes, want.value("reflexes_include", json::array()), true, "reflex");
  check(reflexes, want.value("reflexes_exclude", json::array()), false, "reflex");
  check(signs, want.value("signs_include", json::array()), true, "sign");
  check(signs, want.value("signs_exclude", json::array()), false, "sign");
  if (want.contains("red_flags")) {
    std::set<std::string> wanted;
    for (const auto& f : want["red_flags"]) {
      ASSERT_TRUE(f.is_object() && f.contains("urgency"))
          << "a vignette's red flag names its grade: " << f;
      wanted.insert(f["id"].get<std::string>() + ":" + f["urgency"].get<std::string>());
    }
    EXPECT_EQ(flags, wanted);
  }
  EXPECT_EQ(report["texts"]["language"], want.value("language", "en"));
  EXPECT_FALSE(report["texts"]["patient"].empty());

  // The readable form runs too.
  std::ostringstream text;
  EXPECT_EQ(runReport(file, "text", text, err), 0);
  EXPECT_NE(text.str().find("Radicula report"), std::string::npos);
}

std::vector<std::filesystem::path> vignettes() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(test::dataDir() / "vignettes")) {
    if (e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string vignetteName(const ::testing::TestParamInfo<std::filesystem::path>& param) {
  std::string name = param.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, Vignette, ::testing::ValuesIn(vignettes()), vignetteName);

TEST(Vignettes, AtLeastTwentyFive) {
  EXPECT_GE(vignettes().size(), 25u);
}

}  // namespace
}  // namespace radicula::core
