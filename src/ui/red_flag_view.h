// Red flags on screen, each in its grade's colour and words: an emergency in red with white
// text ("Go to emergency care today"), an urgent flag in amber with dark text ("See a doctor
// now"), so the two never read alike, by colour or by words, even from a couple of metres.
// The banner over the view, the boxes at the top of the findings and of "Where does it hurt?"
// all draw through here.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "ui/layout.h"
#include "ui/panel_frame.h"

namespace radicula::ui {

ImVec4 flagColor(core::Urgency urgency);
ImVec4 flagTextColor(core::Urgency urgency);

// The findings' red flags in words, most urgent first, in the mode's words (patient or
// student); empty without findings or texts.
std::vector<RedFlagWords> findingFlagWords(const InterfaceModel& model);

// The banner along the top of the view; returns its bottom edge (the view's top without one).
// `large`: presentation mode, the heading in the large face.
float drawRedFlagBanner(PanelFrame& f, const Box& view, bool large);

// A box across the current window in the grade's colour: what to do, the title, the text.
void drawRedFlagBox(PanelFrame& f, const RedFlagWords& flag, const std::string& stable);

}  // namespace radicula::ui
