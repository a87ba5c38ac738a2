// One full frame of the app: the 3D view drawn into the rectangle the panels leave free, and
// the interface over it. The window and --screenshot draw exactly the same frame.
#pragma once

#include "app/imgui_layer.h"
#include "app/session.h"
#include "render/render_target.h"
#include "ui/ui_command.h"
#include "ui/ui_trace.h"

namespace radicula::app {

struct PixelRect {
  int x = 0, y = 0, width = 1, height = 1;  // framebuffer pixels, origin top-left
};

// The free rectangle between the panels, for a framebuffer of the given size; `pixelRatio` is
// framebuffer pixels per interface unit (2 on a high-DPI screen).
PixelRect sceneRect(const Session& session, const ImGuiLayer& imgui, int framebufferWidth,
                    int framebufferHeight, float pixelRatio, bool withInterface);

// Marks the patient's left and right (and front and back when looking along the spine) at the
// edges of the 3D view, so a patient never wonders which leg is which. `rect` and `pixelRatio`
// as for sceneRect. Needs a begun ImGui frame.
void drawOrientationMarkers(Session& session, const PixelRect& rect, float pixelRatio);

// Draws the interface over whatever `framebuffer` holds and returns what the user asked for.
// The ImGui frame must have been begun by the caller.
// `trace`, when given, records where each control went (tests click them like a user).
ui::UiCommands drawInterfaceFrame(Session& session, ImGuiLayer& imgui,
                                  ui::UiTrace* trace = nullptr);

// Renders the scene into `rect` of `framebuffer`, clearing the rest to the panel colour.
void drawSceneInto(Session& session, unsigned framebuffer, int framebufferWidth,
                   int framebufferHeight, const PixelRect& rect);

// One whole window frame drawn offscreen into `target` (w x h), as the viewer draws it on
// screen: panels, the 3D view in their free rectangle (unless `drawScene` is false: panels
// still settling), orientation markers. Returns what the interface asked for; `trace`, when
// given, records where each control was drawn.
ui::UiCommands drawOffscreenWindowFrame(Session& session, ImGuiLayer& imgui,
                                        render::RenderTarget& target, int w, int h,
                                        bool drawScene = true, ui::UiTrace* trace = nullptr);

}  // namespace radicula::app
