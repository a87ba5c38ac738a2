#include "core/pathology.h"

#include <array>

namespace radicula::core {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(std::string_view text,
                           const std::array<std::pair<std::string_view, Enum>, N>& names) {
  for (const auto& [name, value] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view toString(PathologyType type) {
  constexpr std::array<std::string_view, 6> names = {
      "herniation", "osteophyte", "stenosis", "spondylolisthesis", "piriformis", "fibular_head"};
  return names[static_cast<int>(type)];
}

std::string_view toString(Zone zone) {
  constexpr std::array<std::string_view, 4> names = {"central", "paracentral", "foraminal",
                                                     "extraforaminal"};
  return names[static_cast<int>(zone)];
}

std::string_view toString(SideSpec side) {
  constexpr std::array<std::string_view, 3> names = {"left", "right", "both"};
  return names[static_cast<int>(side)];
}

std::string_view toString(SlipKind kind) {
  return kind == SlipKind::Degenerative ? "degenerative" : "isthmic";
}

std::string_view toString(Migration migration) {
  constexpr std::array<std::string_view, 3> names = {"none", "up", "down"};
  return names[static_cast<int>(migration)];
}

std::optional<Migration> parseMigration(std::string_view text) {
  if (text == "none") return Migration::None;
  if (text == "up" || text == "cranial") return Migration::Up;
  if (text == "down" || text == "caudal") return Migration::Down;
  return std::nullopt;
}

std::optional<PathologyType> parsePathologyType(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, PathologyType>, 8> names = {{
      {"herniation", PathologyType::Herniation},
      {"osteophyte", PathologyType::Osteophyte},
      {"bone_spur", PathologyType::Osteophyte},
      {"stenosis", PathologyType::Stenosis},
      {"spondylolisthesis", PathologyType::Spondylolisthesis},
      {"piriformis", PathologyType::Piriformis},
      {"fibular_head", PathologyType::FibularHead},
      {"peroneal", PathologyType::FibularHead},
  }};
  return lookup(text, names);
}

std::optional<Zone> parseZone(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, Zone>, 7> names = {{
      {"central", Zone::Central},
      {"paracentral", Zone::Paracentral},
      {"subarticular", Zone::Paracentral},
      {"lateral_recess", Zone::Paracentral},
      {"foraminal", Zone::Foraminal},
      {"extraforaminal", Zone::Extraforaminal},
      {"far_lateral", Zone::Extraforaminal},
  }};
  return lookup(text, names);
}

std::optional<SideSpec> parseSideSpec(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, SideSpec>, 4> names = {{
      {"left", SideSpec::Left},
      {"right", SideSpec::Right},
      {"both", SideSpec::Both},
      {"central", SideSpec::Both},
  }};
  return lookup(text, names);
}

std::optional<SlipKind> parseSlipKind(std::string_view text) {
  if (text == "degenerative") return SlipKind::Degenerative;
  if (text == "isthmic") return SlipKind::Isthmic;
  return std::nullopt;
}

std::string_view morphologyId(const Pathology& p) {
  switch (p.type) {
    case PathologyType::Herniation:
      // Fardon 2014 with the severity cut points of the scenario file (docs/contracts.md).
      if (p.severity < 0.2f) return "bulge";
      if (p.severity < 0.5f) return "protrusion";
      if (p.severity < 0.85f) return "extrusion";
      return "sequestration";
    case PathologyType::Osteophyte:
      switch (p.zone) {
        case Zone::Central:
          return "central_bar";
        case Zone::Paracentral:
          return "facet_spur";
        case Zone::Foraminal:
          return "endplate_spur";
        case Zone::Extraforaminal:
          return "lateral_spur";
      }
      break;
    case PathologyType::Stenosis:
      // Cut points 0.25 / 0.5 / 0.75 (docs/contracts.md, scenario file).
      if (p.severity < 0.25f) return "stenosis_minimal";
      if (p.severity < 0.5f) return "stenosis_mild";
      if (p.severity < 0.75f) return "stenosis_moderate";
      return "stenosis_severe";
    case PathologyType::Spondylolisthesis:
      return p.slip == SlipKind::Degenerative ? "degenerative_slip" : "isthmic_slip";
    case PathologyType::Piriformis:
      return "piriformis_entrapment";
    case PathologyType::FibularHead:
      return "fibular_head_entrapment";
  }
  return "";
}

}  // namespace radicula::core
