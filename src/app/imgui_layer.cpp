#include "app/imgui_layer.h"

#include "render/gl_api.h"
// The GL header before GLFW, so GLFW does not include the system one.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cstring>
#include <filesystem>

#include "ui/interface.h"
#include "ui/interface_style.h"

namespace radicula::app {

ImGuiLayer::ImGuiLayer(GLFWwindow* window, float scale) : scale_(scale) {
  IMGUI_CHECKVERSION();
  previous_ = ImGui::GetCurrentContext();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  const ui::InterfaceFonts fonts = ui::setUpInterfaceStyle(scale);
  normal_ = fonts.normal;
  large_font_ = fonts.large;
  title_ = fonts.title;

  if (window != nullptr) {
    // The window's own callbacks feed an InputQueue (see input_queue.h) instead.
    ImGui_ImplGlfw_InitForOpenGL(window, /*install_callbacks=*/false);
    glfwBackend_ = true;
  }
  ImGui_ImplOpenGL3_Init(render::kWebGl ? "#version 300 es" : "#version 330");
}

ImGuiLayer::~ImGuiLayer() {
  ImGui::SetCurrentContext(context_);
  ImGui_ImplOpenGL3_Shutdown();
  if (glfwBackend_) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext(context_);
  ImGui::SetCurrentContext(previous_ != context_ ? previous_ : nullptr);
}

void ImGuiLayer::setScale(float scale, bool touch) {
  if (scale == scale_ && touch == touch_) return;
  ImGui::SetCurrentContext(context_);
  scale_ = scale;
  touch_ = touch;
  const ui::InterfaceFonts fonts = ui::setUpInterfaceStyle(scale, touch);
  normal_ = fonts.normal;
  large_font_ = fonts.large;
  title_ = fonts.title;
  ImGui::GetIO().FontDefault = large_ ? large_font_ : normal_;
  // The font texture is made again, at the new size, on the next frame.
  ImGui_ImplOpenGL3_DestroyDeviceObjects();
}

float ImGuiLayer::touchTarget() const {
  return touch_ ? ui::kTouchTarget * scale_ : 0.0f;
}

void ImGuiLayer::setLargeText(bool large) {
  ImGui::SetCurrentContext(context_);
  large_ = large;
  ImGui::GetIO().FontDefault = large ? large_font_ : normal_;
}

float ImGuiLayer::textScale() const {
  return scale_ * (large_ ? ui::kLargeTextSize / ui::kNormalTextSize : 1.0f);
}

void ImGuiLayer::beginFrame(const std::vector<InputEvent>& events, const PointerState& pointer) {
  ImGui::SetCurrentContext(context_);
  ImGui_ImplOpenGL3_NewFrame();
  if (glfwBackend_) ImGui_ImplGlfw_NewFrame();
  // The browser's clock can give two frames the same time; ImGui asserts on a zero step.
  if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
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
  // A hash of what is drawn, eight bytes at a step (a megabyte of vertices costs a fraction of
  // a millisecond): the same hash twice means nothing on screen changed.
  std::uint64_t hash = 1469598103934665603ull;
  const auto mix = [&](const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
      hash ^= hash >> 29;
    }
    for (; i < bytes; ++i) hash = (hash ^ p[i]) * 1099511628211ull;
  };
  const ImDrawData* draw = ImGui::GetDrawData();
  for (int n = 0; n < draw->CmdListsCount; ++n) {
    const ImDrawList* list = draw->CmdLists[n];
    mix(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    mix(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
  }
  settled_ = hash == lastDrawHash_;
  lastDrawHash_ = hash;
  // A window that sizes itself is hidden the first frame it appears (ImGui measures it then):
  // the frame after it shows it, so the interface has not settled yet.
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (w->Active && w->Hidden && (w->Flags & ImGuiWindowFlags_ChildWindow) == 0) settled_ = false;
  }
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace radicula::app
