// The lesion → root table of the literature (Fardon et al. 2014: a paracentral or subarticular
// lesion meets the traversing root, a foraminal or far-lateral one the exiting root; Katz & Harris
// 2008 for stenosis and slips: a degenerative slip narrows the recess, an isthmic one the
// foramen): every row, at every level where it applies, on both sides, must compress exactly
// the roots the table names — measured on the geometry, not looked up.
#include <gtest/gtest.h>

#include <sstream>

#include "engine_fixture.h"

namespace radicula::core {
namespace {

using test::EngineFixture;

struct Row {
  const char* name;
  PathologyType type;
  Zone zone;
  SlipKind slip = SlipKind::Degenerative;
};

enum class Expect { Traversing, Exiting, Nothing };

Expect expectation(const Row& row) {
  switch (row.type) {
    case PathologyType::Herniation:
    case PathologyType::Stenosis:
      return row.zone == Zone::Central || row.zone == Zone::Paracentral ? Expect::Traversing
                                                                        : Expect::Exiting;
    case PathologyType::Osteophyte:
      if (row.zone == Zone::Extraforaminal) return Expect::Nothing;  // lateral spur
      return row.zone == Zone::Foraminal ? Expect::Exiting : Expect::Traversing;
    case PathologyType::Spondylolisthesis:
      return row.slip == SlipKind::Degenerative ? Expect::Traversing : Expect::Exiting;
    default:
      return Expect::Nothing;
  }
}

const Row kRows[] = {
    {"herniation_central", PathologyType::Herniation, Zone::Central},
    {"herniation_paracentral", PathologyType::Herniation, Zone::Paracentral},
    {"herniation_foraminal", PathologyType::Herniation, Zone::Foraminal},
    {"herniation_extraforaminal", PathologyType::Herniation, Zone::Extraforaminal},
    {"stenosis_central", PathologyType::Stenosis, Zone::Central},
    {"stenosis_lateral_recess", PathologyType::Stenosis, Zone::Paracentral},
    {"stenosis_foraminal", PathologyType::Stenosis, Zone::Foraminal},
    {"spur_facet_recess", PathologyType::Osteophyte, Zone::Paracentral},
    {"spur_endplate_foramen", PathologyType::Osteophyte, Zone::Foraminal},
    {"spur_central_bar", PathologyType::Osteophyte, Zone::Central},
    {"spur_lateral", PathologyType::Osteophyte, Zone::Extraforaminal},
    {"slip_degenerative", PathologyType::Spondylolisthesis, Zone::Central, SlipKind::Degenerative},
    {"slip_isthmic", PathologyType::Spondylolisthesis, Zone::Central, SlipKind::Isthmic},
};

std::string describe(const std::set<std::string>& roots) {
  std::ostringstream out;
  out << "{";
  for (const auto& r : roots) out << " " << r;
  out << " }";
  return out.str();
}

std::set<std::string> expected(const Row& row, DiscLevel level, SideSpec side) {
  std::set<std::string> out;
  const Expect e = expectation(row);
  if (e == Expect::Nothing) return out;
  const Root root = e == Expect::Traversing ? traversingRoot(level) : exitingRoot(level);
  const bool central = row.zone == Zone::Central && row.type != PathologyType::Spondylolisthesis;
  for (Side s : kSides) {
    const bool on =
        central || side == SideSpec::Both || (side == SideSpec::Left) == (s == Side::Left);
    if (on) out.insert(std::string(toString(root)) + "." + std::string(toString(s)));
  }
  return out;
}

Pathology make(const Row& row, DiscLevel level, SideSpec side, float severity) {
  Pathology p;
  p.type = row.type;
  p.zone = row.zone;
  p.level = level;
  p.side = row.zone == Zone::Central && row.type != PathologyType::Spondylolisthesis
               ? SideSpec::Both
               : side;
  p.severity = severity;
  p.slip = row.slip;
  return p;
}

TEST(OracleGrid, ModerateSeverityAffectsExactlyTheOracleRoots) {
  const auto& f = EngineFixture::get();
  int cases = 0;
  int failures = 0;
  for (const Row& row : kRows) {
    for (DiscLevel level : kDiscLevels) {
      for (SideSpec side : {SideSpec::Left, SideSpec::Right, SideSpec::Both}) {
        const auto got = f.affectedRoots({make(row, level, side, 0.6f)});
        const auto want = expected(row, level, side);
        ++cases;
        if (got != want) {
          ++failures;
          ADD_FAILURE() << row.name << " " << toString(level) << " " << toString(side) << ": got "
                        << describe(got) << ", oracle " << describe(want);
        }
      }
    }
  }
  std::cout << "[oracle grid] " << cases - failures << "/" << cases << " cases match\n";
}

TEST(OracleGrid, MildSeverityAffectsNothing) {
  const auto& f = EngineFixture::get();
  for (const Row& row : kRows) {
    for (DiscLevel level : kDiscLevels) {
      for (SideSpec side : {SideSpec::Left, SideSpec::Right, SideSpec::Both}) {
        const auto got = f.affectedRoots({make(row, level, side, 0.1f)});
        EXPECT_TRUE(got.empty()) << row.name << " " << toString(level) << " " << toString(side)
                                 << ": got " << describe(got);
      }
    }
  }
}

TEST(OracleGrid, CompressionNeverDecreasesWithSeverity) {
  const auto& f = EngineFixture::get();
  for (const Row& row : kRows) {
    for (DiscLevel level : kDiscLevels) {
      std::array<std::array<float, 2>, 10> previous{};
      for (int step = 0; step <= 20; ++step) {
        const float severity = 0.05f * static_cast<float>(step);
        const auto shape =
            PathologyShape::build(make(row, level, SideSpec::Both, severity), f.layout);
        for (Root root : kRoots) {
          for (Side side : kSides) {
            const float c = f.engine.measure(f.graph.rootSegment(root), side, shape);
            float& before = previous[index(root)][SpineLayout::sideIndex(side)];
            // 1e-4 of a radius: float noise of the distance functions, far below any finding.
            EXPECT_GE(c, before - 1e-4f)
                << row.name << " " << toString(level) << " root " << toString(root) << " "
                << toString(side) << " at severity " << severity;
            before = std::max(before, c);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace radicula::core
