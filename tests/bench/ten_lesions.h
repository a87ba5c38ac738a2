// The ten-lesion scenario the benchmarks time: every lesion type, several levels, sides and
// zones, a bilateral central herniation and both peripheral entrapments at once.
#pragma once

#include <vector>

#include "core/pathology.h"

namespace radicula::bench {

using namespace core;

inline Pathology spinal(PathologyType type, DiscLevel level, SideSpec side, Zone zone,
                        float severity) {
  Pathology p;
  p.type = type;
  p.level = level;
  p.side = side;
  p.zone = zone;
  p.severity = severity;
  return p;
}

inline std::vector<Pathology> tenLesions() {
  std::vector<Pathology> out = {
      spinal(PathologyType::Herniation, DiscLevel::L4L5, SideSpec::Left, Zone::Paracentral, 0.6f),
      spinal(PathologyType::Herniation, DiscLevel::L5S1, SideSpec::Right, Zone::Foraminal, 0.5f),
      spinal(PathologyType::Herniation, DiscLevel::L3L4, SideSpec::Both, Zone::Central, 0.9f),
      spinal(PathologyType::Stenosis, DiscLevel::L2L3, SideSpec::Both, Zone::Central, 0.7f),
      spinal(PathologyType::Stenosis, DiscLevel::L4L5, SideSpec::Right, Zone::Foraminal, 0.6f),
      spinal(PathologyType::Osteophyte, DiscLevel::L1L2, SideSpec::Left, Zone::Paracentral, 0.5f),
      spinal(PathologyType::Osteophyte, DiscLevel::L5S1, SideSpec::Both, Zone::Extraforaminal,
             0.8f),
      spinal(PathologyType::Spondylolisthesis, DiscLevel::L4L5, SideSpec::Both, Zone::Central,
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
