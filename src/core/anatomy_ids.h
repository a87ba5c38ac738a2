// The names the whole app shares for places in the lumbar spine: vertebrae, disc levels,
// sides and nerve roots. A *disc level* X/Y sits between vertebra X above and Y below; at it
// root X is the exiting root (in the foramen) and root Y the traversing one (in the recess).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace radicula::core {

enum class Side { Left, Right };
inline constexpr std::array<Side, 2> kSides = {Side::Left, Side::Right};

// Lumbar vertebrae plus the sacrum (whose S1 body closes the L5/S1 disc).
enum class Vertebra { L1, L2, L3, L4, L5, Sacrum };
inline constexpr int kLumbarCount = 5;

enum class DiscLevel { L1L2, L2L3, L3L4, L4L5, L5S1 };
inline constexpr std::array<DiscLevel, 5> kDiscLevels = {
    DiscLevel::L1L2, DiscLevel::L2L3, DiscLevel::L3L4, DiscLevel::L4L5, DiscLevel::L5S1};

// Roots of the cauda equina, L1 to S5.
enum class Root { L1, L2, L3, L4, L5, S1, S2, S3, S4, S5 };
inline constexpr std::array<Root, 10> kRoots = {Root::L1, Root::L2, Root::L3, Root::L4, Root::L5,
                                                Root::S1, Root::S2, Root::S3, Root::S4, Root::S5};

std::string_view toString(Side side);          // "left", "right"
std::string_view toString(Vertebra vertebra);  // "L1" … "L5", "sacrum"
std::string_view toString(DiscLevel level);    // "L1-L2" … "L5-S1"
std::string_view toString(Root root);          // "L1" … "S5"

std::optional<Side> parseSide(std::string_view text);
// Accepts "L4-L5", "L4/L5", "L4/5", "L45" is rejected.
std::optional<DiscLevel> parseDiscLevel(std::string_view text);
std::optional<Root> parseRoot(std::string_view text);

// Rules of naming (docs/clinical-basis.md §1): a lumbar root leaves below the pedicle of its own
// vertebra.
Vertebra vertebraAbove(DiscLevel level);
Vertebra vertebraBelow(DiscLevel level);
Root exitingRoot(DiscLevel level);     // X at disc X/Y
Root traversingRoot(DiscLevel level);  // Y at disc X/Y
bool isSacral(Root root);
int index(Root root);        // 0 for L1 … 9 for S5
int index(DiscLevel level);  // 0 for L1-L2 … 4 for L5-S1

}  // namespace radicula::core
