// A UiCommand is what a panel asks for when the user acts on a control. Panels never change
// the app themselves: the app applies the commands, which keeps the UI free of domain rules
// and lets tests drive panels and check what they ask for.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace radicula::ui {

struct SetView {
  std::string view;
};
struct ResetCamera {};
struct OpenFile {
  std::string path;
};
struct SetLayerOpacity {
  std::string layer;
  float opacity = 1.0f;
};  // "skin", "bone"
struct ToggleHelp {};
struct DismissMessage {};

using UiCommand =
    std::variant<SetView, ResetCamera, OpenFile, SetLayerOpacity, ToggleHelp, DismissMessage>;
using UiCommands = std::vector<UiCommand>;

}  // namespace radicula::ui
