#include "ui/interface_style.h"

#include <imgui.h>

#include <cmath>
#include <filesystem>

#include "ui/interface.h"

namespace radicula::ui {

namespace {

// ImGui's built-in bitmap font is the fallback when the font package is missing.
constexpr const char* kFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Latin-1 and general punctuation (… · – ● « ») with arrows (▸ for folders) and the warning sign
// used by the red-flag banner.
const ImWchar kGlyphs[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x21FF, 0x25B8, 0x25B8,
                           0x25CB, 0x25CF, 0x2630, 0x2630, 0x26A0, 0x26A0, 0};

ImFont* addFont(const char* file, float size) {
  ImGuiIO& io = ImGui::GetIO();
  if (std::filesystem::exists(file)) {
    ImFontConfig config;
    config.OversampleH = 2;
    return io.Fonts->AddFontFromFileTTF(file, size, &config, kGlyphs);
  }
  ImFontConfig config;
  config.SizePixels = size;
  return io.Fonts->AddFontDefault(&config);
}

}  // namespace

InterfaceFonts setUpInterfaceStyle(float scale, bool touch) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();         // set up again at a new scale: the fonts and sizes of this one only
  io.IniFilename = nullptr;  // the layout is the app's, not a file in the working folder
  io.ConfigInputTextCursorBlink = false;
  InterfaceFonts fonts;
  fonts.normal = addFont(kFontFile, kNormalTextSize * scale);
  fonts.large = addFont(kFontFile, kLargeTextSize * scale);
  fonts.title =
      addFont(std::filesystem::exists(kBoldFontFile) ? kBoldFontFile : kFontFile, 34.0f * scale);
  io.FontDefault = fonts.normal;

  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 7);
  if (touch) {
    // Buttons, fields and sliders kTouchTarget high: a fingertip, not a pointer.
    // Rounded up: the scaled sizes are floored to whole pixels.
    style.FramePadding.y = std::ceil((kTouchTarget - kNormalTextSize) * 0.5f);
    style.ItemSpacing.y = 9.0f;
    style.GrabMinSize = 24.0f;
    style.ScrollbarSize = 6.0f;  // a finger scrolls the content itself; the bar only shows where
  }
  style.Colors[ImGuiCol_WindowBg] = ImVec4(kPanelColor[0], kPanelColor[1], kPanelColor[2], 0.97f);
  style.Colors[ImGuiCol_Header] = ImVec4(0.20f, 0.25f, 0.32f, 1.0f);
  // Menus and combo lists opaque: the panel's words must not show through what is read over
  // them.
  style.Colors[ImGuiCol_PopupBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
  style.ScaleAllSizes(scale);
  return fonts;
}

}  // namespace radicula::ui
