// The ten-lesion scenario the benchmarks time: every lesion type, several levels, sides and
// zones, a bilateral central herniation and both peripheral entrapments at once.
#pragma once

#include <vector>

#include "core/pathology.h"
#include "support/lesions.h"

namespace radicula::bench {

using namespace core;

inline std::vector<Pathology> tenLesions() {
  std::vector<Pathology> out = {
      test::lesion(PathologyType::Herniation, Zone::Paracentral, DiscLevel::L4L5, SideSpec::Left,
                   0.6f),
      test::lesion(PathologyType::Herniation, Zone::Foraminal, DiscLevel::L5S1, SideSpec::Right,
                   0.5f),
      test::lesion(PathologyType::Herniation, Zone::Central, DiscLevel::L3L4, SideSpec::Both, 0.9f),
      test::lesion(PathologyType::Stenosis, Zone::Central, DiscLevel::L2L3, SideSpec::Both, 0.7f),
      test::lesion(PathologyType::Stenosis, Zone::Foraminal, DiscLevel::L4L5, SideSpec::Right,
                   0.6f),
      test::lesion(PathologyType::Osteophyte, Zone::Paracentral, DiscLevel::L1L2, SideSpec::Left,
                   0.5f),
      test::lesion(PathologyType::Osteophyte, Zone::Extraforaminal, DiscLevel::L5S1, SideSpec::Both,
                   0.8f),
      test::lesion(PathologyType::Spondylolisthesis, Zone::Central, DiscLevel::L4L5, SideSpec::Both,
                   0.8f),
  };
  Pathology piriformis;
  piriformis.type = PathologyType::Piriformis;
  piriformis.side = SideSpec::Left;
  piriformis.severity = 0.6f;
  out.push_back(piriformis);
  Pathology fibular = piriformis;
  fibular.type = PathologyType::FibularHead;
  fibular.side = SideSpec::Right;
  out.push_back(fibular);
  return out;
}

}  // namespace radicula::bench
