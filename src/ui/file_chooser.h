// The in-app file chooser (open, save, export) and the questions asked before anything is
// lost ("your lesions are not saved"). Both are modal: Enter takes the name or the first
// answer, Escape cancels. The chooser shows the folder the app prepared, its sub-folders and
// matching files, recent files and the reason a name was refused; the app checks names and
// acts, so the panel only reads and asks.
#pragma once

#include "ui/panel_frame.h"

namespace radicula::ui {

void drawFileChooser(PanelFrame& f);
void drawQuestion(PanelFrame& f);

}  // namespace radicula::ui
