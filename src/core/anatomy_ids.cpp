#include "core/anatomy_ids.h"

#include <algorithm>
#include <cctype>

namespace radicula::core {

namespace {

constexpr std::array<std::string_view, 5> kLevelNames = {"L1-L2", "L2-L3", "L3-L4", "L4-L5",
                                                         "L5-S1"};
constexpr std::array<std::string_view, 10> kRootNames = {"L1", "L2", "L3", "L4", "L5",
                                                         "S1", "S2", "S3", "S4", "S5"};

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

std::string_view toString(Side side) {
  return side == Side::Left ? "left" : "right";
}

std::string_view toString(Vertebra vertebra) {
  constexpr std::array<std::string_view, 6> names = {"L1", "L2", "L3", "L4", "L5", "sacrum"};
  return names[static_cast<int>(vertebra)];
}

std::string_view toString(DiscLevel level) {
  return kLevelNames[index(level)];
}

std::string_view toString(Root root) {
  return kRootNames[index(root)];
}

std::optional<Side> parseSide(std::string_view text) {
  if (text == "left") return Side::Left;
  if (text == "right") return Side::Right;
  return std::nullopt;
}

std::optional<DiscLevel> parseDiscLevel(std::string_view text) {
  const std::string t = upper(text);
  for (int i = 0; i < 5; ++i) {
    const std::string above = std::string(kLevelNames[i].substr(0, 2));  // "L4"
    const std::string below = std::string(kLevelNames[i].substr(3, 2));  // "L5" or "S1"
    if (t == above + "-" + below || t == above + "/" + below ||
        t == above + "/" + below.substr(1)) {
      return static_cast<DiscLevel>(i);
    }
  }
  return std::nullopt;
}

std::optional<Root> parseRoot(std::string_view text) {
  const std::string t = upper(text);
  for (int i = 0; i < 10; ++i) {
    if (t == kRootNames[i]) return static_cast<Root>(i);
  }
  return std::nullopt;
}

Vertebra vertebraAbove(DiscLevel level) {
  return static_cast<Vertebra>(index(level));
}
Vertebra vertebraBelow(DiscLevel level) {
  return static_cast<Vertebra>(index(level) + 1);
}
Root exitingRoot(DiscLevel level) {
  return static_cast<Root>(index(level));
}
Root traversingRoot(DiscLevel level) {
  return static_cast<Root>(index(level) + 1);
}
bool isSacral(Root root) {
  return index(root) >= 5;
}
int index(Root root) {
  return static_cast<int>(root);
}
int index(DiscLevel level) {
  return static_cast<int>(level);
}

}  // namespace radicula::core
