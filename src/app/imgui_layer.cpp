#include "app/imgui_layer.h"

#include <epoxy/gl.h>
// epoxy before GLFW, so GLFW does not include the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <filesystem>

#include "ui/interface.h"

namespace radicula::app {

namespace {

// DejaVu Sans reads well at a distance and covers Spanish; ImGui's built-in bitmap font is
// the fallback when the font package is missing.
constexpr const char* kFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr float kNormalSize = 17.0f;
constexpr float kLargeSize = 25.0f;

// Latin-1 and general punctuation (… · – ● « ») with arrows (▸ for folders) and the warning sign
// used by the red-flag banner.
const ImWchar kGlyphs[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x21FF, 0x25B8,
                           0x25B8, 0x25CB, 0x25CF, 0x26A0, 0x26A0, 0};

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

ImGuiLayer::ImGuiLayer(GLFWwindow* window, float scale) : scale_(scale) {
  IMGUI_CHECKVERSION();
  previous_ = ImGui::GetCurrentContext();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is the app's, not a file in the working folder
  normal_ = addFont(kFontFile, kNormalSize * scale);
  large_font_ = addFont(kFontFile, kLargeSize * scale);
  title_ =
      addFont(std::filesystem::exists(kBoldFontFile) ? kBoldFontFile : kFontFile, 34.0f * scale);
  io.FontDefault = normal_;

  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 7);
  style.Colors[ImGuiCol_WindowBg] =
      ImVec4(ui::kPanelColor[0], ui::kPanelColor[1], ui::kPanelColor[2], 0.97f);
  style.Colors[ImGuiCol_Header] = ImVec4(0.20f, 0.25f, 0.32f, 1.0f);
  style.ScaleAllSizes(scale);

  if (window != nullptr) {
    // The window's own callbacks feed an InputQueue (see input_queue.h) instead.
    ImGui_ImplGlfw_InitForOpenGL(window, /*install_callbacks=*/false);
    glfwBackend_ = true;
  }
  ImGui_ImplOpenGL3_Init("#version 330");
}

ImGuiLayer::~ImGuiLayer() {
  ImGui::SetCurrentContext(context_);
  ImGui_ImplOpenGL3_Shutdown();
  if (glfwBackend_) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext(context_);
  ImGui::SetCurrentContext(previous_ != context_ ? previous_ : nullptr);
}

void ImGuiLayer::setLargeText(bool large) {
  ImGui::SetCurrentContext(context_);
  large_ = large;
  ImGui::GetIO().FontDefault = large ? large_font_ : normal_;
}

float ImGuiLayer::textScale() const {
  return scale_ * (large_ ? kLargeSize / kNormalSize : 1.0f);
}

void ImGuiLayer::beginFrame(const std::vector<InputEvent>& events, const PointerState& pointer) {
  ImGui::SetCurrentContext(context_);
  ImGui_ImplOpenGL3_NewFrame();
  if (glfwBackend_) ImGui_ImplGlfw_NewFrame();
  applyToImGui(events, pointer, ImGui::GetIO());
  ImGui::NewFrame();
}

void ImGuiLayer::beginHeadlessFrame(int width, int height, float deltaSeconds) {
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = deltaSeconds;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void ImGuiLayer::endFrame(int framebufferWidth, int framebufferHeight) {
  ImGui::SetCurrentContext(context_);
  ImGui::Render();
  // FNV-1a over what is drawn: the same hash twice means nothing on screen changed.
  std::uint64_t hash = 1469598103934665603ull;
  const auto mix = [&](const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 1099511628211ull;
  };
  const ImDrawData* draw = ImGui::GetDrawData();
  for (int n = 0; n < draw->CmdListsCount; ++n) {
    const ImDrawList* list = draw->CmdLists[n];
    mix(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    mix(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
  }
  settled_ = hash == lastDrawHash_;
  lastDrawHash_ = hash;
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace radicula::app
