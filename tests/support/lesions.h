// A spinal lesion in one line, for tests and benchmarks that build many of them.
#pragma once

#include "core/pathology.h"

namespace radicula::test {

inline core::Pathology lesion(core::PathologyType type, core::Zone zone, core::DiscLevel level,
                              core::SideSpec side, float severity) {
  core::Pathology p;
  p.type = type;
  p.zone = zone;
  p.level = level;
  p.side = side;
  p.severity = severity;
  return p;
}

}  // namespace radicula::test
