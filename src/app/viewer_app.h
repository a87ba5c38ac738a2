// The interactive viewer: a window showing a SceneView with Dear ImGui on top, an orbit camera
// driven by mouse and keys, drag-and-drop of model files, and smooth view transitions. It
// redraws only when something changes, so an idle window uses no CPU.
#pragma once

#include <iosfwd>

#include "app/cli_options.h"

namespace radicula::app {

int runViewer(const CliOptions& options, std::ostream& err);

}  // namespace radicula::app
