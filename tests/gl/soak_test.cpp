// A soak test: thousands of frames of the whole app, the 3D view and the interface
// drawn by the same frame code as the window, under a seeded stream of what a user does:
// lesions of every kind on and off, views, language and mode, undo and redo, resizes down to
// 1×1 and a minimised 0×0 window, hover and picking, clicks in the view and on the panels.
// It must end without a GL error, with no more memory held than after its warm-up, and with
// the lesion meshes and undo history bounded.
#include <epoxy/gl.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "app/app_frame.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "gl_context.h"
#include "render/gl_error.h"
#include "render/render_target.h"
#include "ui/ui_trace.h"

#if defined(__SANITIZE_ADDRESS__)
#define RADICULA_SOAK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RADICULA_SOAK_SANITIZED 1
#endif
#endif

namespace radicula {
namespace {

#ifdef RADICULA_SOAK_SANITIZED
// AddressSanitizer keeps freed memory in quarantine and slows every frame: the sequence still
// runs (crashes and leaks at exit are its job), the memory bounds do not apply.
constexpr bool kSanitized = true;
constexpr int kFrames = 1000;
#else
constexpr bool kSanitized = false;
constexpr int kFrames = 2100;
#endif
constexpr std::uint32_t kSeed = 6;  // fixed: the same actions in the same order on every run
// Fonts, shaders (and Mesa's compiled variants of them), ImGui's windows and draw buffers and
// the view's render targets are made in the first frames; 300 give every common action
// several turns.
constexpr int kWarmupFrames = 300;
constexpr int kSampleEvery = 300;  // memory readings along the way, to show a trend
constexpr int kMaxLesions = 4;     // more lesions make each toggle slower, not the soak better

// Heap in use (bytes malloc has handed out and not had back) is exact, free of page and
// free-list noise; between readings it moves by 0.2 MB at most. 3 MB leaves room for a cache
// that fills late, while a leak of 4 KB a frame (7 MB over the 1,800 frames after warm-up),
// or a lesion mesh kept every few frames, fails.
constexpr std::size_t kHeapGrowthBound = 3u << 20;
// Resident memory adds the pages of Mesa's JIT-compiled shader variants and what glibc cannot
// give back; it follows the heap within 0.5 MB here.
constexpr std::size_t kRssGrowthBound = 5u << 20;

// Every measurement is taken after frames of this framebuffer size, so render targets weigh
// the same at each reading.
constexpr int kMeasureWidth = 960, kMeasureHeight = 300;

std::size_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::size_t heapBytes() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// Live GL objects of each kind. Mesa never hands a deleted name out again, so names only
// grow; counting the names that still denote an object finds leaked buffers, textures,
// framebuffers and vertex arrays (every one the app makes is bound at once, so it exists).
std::map<std::string, int> liveGlObjects() {
  // Names are handed out in increasing order: a fresh one of each kind bounds them all.
  GLuint names[5] = {};
  glGenBuffers(1, &names[0]);
  glGenTextures(1, &names[1]);
  glGenFramebuffers(1, &names[2]);
  glGenRenderbuffers(1, &names[3]);
  glGenVertexArrays(1, &names[4]);
  glDeleteBuffers(1, &names[0]);
  glDeleteTextures(1, &names[1]);
  glDeleteFramebuffers(1, &names[2]);
  glDeleteRenderbuffers(1, &names[3]);
  glDeleteVertexArrays(1, &names[4]);
  const GLuint highest = *std::max_element(std::begin(names), std::end(names));
  std::map<std::string, int> live;
  for (GLuint name = 1; name <= highest; ++name) {
    live["buffer"] += glIsBuffer(name) ? 1 : 0;
    live["texture"] += glIsTexture(name) ? 1 : 0;
    live["framebuffer"] += glIsFramebuffer(name) ? 1 : 0;
    live["renderbuffer"] += glIsRenderbuffer(name) ? 1 : 0;
    live["vertex array"] += glIsVertexArray(name) ? 1 : 0;
  }
  return live;
}

struct Memory {
  std::size_t rss = 0;
  std::size_t heap = 0;
  std::map<std::string, int> glObjects;
};

double mib(std::size_t bytes) {
  return static_cast<double>(bytes) / (1 << 20);
}

class Soak {
 public:
  Soak(app::Session& session, app::ImGuiLayer& imgui)
      : session_(session), imgui_(imgui), frame_(kMeasureWidth, kMeasureHeight, 0) {
    for (const auto& p : session.interfaceModel(1.0f).presets->presets()) presets_.push_back(p.id);
  }

  // One turn of the window's loop: what the user did since the last frame, the animations
  // moved on, and, unless the window is minimised, the frame drawn and the interface's
  // commands applied (Viewer::run and Viewer::drawFrame in viewer_app.cpp).
  void frame() {
    moveMouse();
    act();
    session_.advance(1.0f / static_cast<float>(10 + below(50)));
    if (width_ <= 0 || height_ <= 0) {  // minimised: nothing to draw until restored
      ++minimisedFrames_;
      return;
    }
    draw();
  }

  // Memory is read in one state every time: the same classic case, view, language and text
  // size, no dialog, at the same framebuffer size (render targets and lesion meshes weigh the
  // same), after the GPU has finished and glibc has given its free lists back.
  Memory measure() {
    session_.execute(ui::LoadPreset{presets_.front()});
    session_.run(core::cmd::SetView{"side"});
    session_.run(core::cmd::SetLanguage{core::Language::English});
    session_.run(core::cmd::SetMode{core::Mode::Patient});
    session_.run(core::cmd::SetLargeText{false});
    session_.interfaceState() = ui::InterfaceState{};
    const int w = width_, h = height_;
    width_ = kMeasureWidth;
    height_ = kMeasureHeight;
    for (int i = 0; i < 3; ++i) draw();
    width_ = w;
    height_ = h;
    glFinish();
    malloc_trim(0);
    return Memory{residentBytes(), heapBytes(), liveGlObjects()};
  }

  const std::map<std::string, int>& actions() const { return actions_; }
  int minimisedFrames() const { return minimisedFrames_; }
  int interfaceCommands() const { return interfaceCommands_; }

 private:
  std::uint32_t below(std::uint32_t n) { return rng_() % n; }
  float unit() { return static_cast<float>(rng_() >> 8) / static_cast<float>(1u << 24); }

  void draw() {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse_;
    io.MouseDown[0] = mouseDown_;
    frame_.resize(width_, height_);
    session_.hoverAt(hover_);
    ui::UiTrace trace;
    const ui::UiCommands commands =
        app::drawOffscreenWindowFrame(session_, imgui_, frame_, width_, height_, true, &trace);
    controls_ = std::move(trace.controls);
    frame_.resolve();
    render::checkGl("drawing the interface");
    for (const auto& c : commands) {
      // Files the panels ask to write or open, and quitting, are no part of a soak.
      if (std::holds_alternative<ui::OpenScenario>(c) ||
          std::holds_alternative<ui::SaveScenario>(c) || std::holds_alternative<ui::OpenModel>(c) ||
          std::holds_alternative<ui::ExportHandout>(c) || std::holds_alternative<ui::Quit>(c)) {
        continue;
      }
      ++interfaceCommands_;
      session_.execute(c);
    }
  }

  core::Pathology randomLesion() {
    static constexpr core::PathologyType kTypes[] = {
        core::PathologyType::Herniation,        core::PathologyType::Osteophyte,
        core::PathologyType::Stenosis,          core::PathologyType::Herniation,
        core::PathologyType::Osteophyte,        core::PathologyType::Stenosis,
        core::PathologyType::Spondylolisthesis, core::PathologyType::Piriformis,
        core::PathologyType::FibularHead};
    core::Pathology p;
    p.type = kTypes[below(std::size(kTypes))];
    p.level = static_cast<core::DiscLevel>(below(5));
    p.side = static_cast<core::SideSpec>(below(3));
    p.zone = static_cast<core::Zone>(below(4));
    p.severity = 0.05f + 0.95f * unit();
    p.slip = static_cast<core::SlipKind>(below(2));
    if (p.type == core::PathologyType::Herniation)
      p.migration = static_cast<core::Migration>(below(3));
    return p;
  }

  void toggleLesion() {
    const core::Pathology p = randomLesion();
    const auto& lesions = session_.state().scenario.pathologies;
    for (std::size_t i = 0; i < lesions.size(); ++i) {
      const auto& l = lesions[i];
      if (l.type == p.type && l.side == p.side && (!p.isSpinal() || l.level == p.level)) {
        session_.run(core::cmd::RemovePathology{static_cast<int>(i)});
        return;
      }
    }
    if (lesions.size() >= kMaxLesions) {
      session_.run(core::cmd::RemovePathology{static_cast<int>(below(lesions.size()))});
    } else {
      session_.run(core::cmd::AddPathology{p});
    }
  }

  // A severity slider dragged over a few steps, as one undo step.
  void dragSeverity() {
    const auto& lesions = session_.state().scenario.pathologies;
    if (lesions.empty()) return;
    const int index = static_cast<int>(below(lesions.size()));
    const int steps = 1 + static_cast<int>(below(3));
    for (int s = 0; s < steps; ++s) {
      core::Pathology p = session_.state().scenario.pathologies[index];
      p.severity = std::clamp(p.severity + (unit() - 0.5f) * 0.3f, 0.0f, 1.0f);
      session_.run(core::cmd::UpdatePathology{index, p, s > 0});
    }
  }

  // Framebuffer sizes: a small window with the 3D view between the panels (160×120 to about
  // 480×270 left for it), a window smaller than the panels, a sliver, and minimised.
  void resize() {
    const float r = unit();
    if (r < 0.45f) {
      width_ = 910 + static_cast<int>(below(241));
      height_ = 180 + static_cast<int>(below(101));
    } else if (r < 0.7f) {
      width_ = 160 + static_cast<int>(below(321));
      height_ = 120 + static_cast<int>(below(151));
    } else if (r < 0.85f) {
      static constexpr std::pair<int, int> kTiny[] = {{1, 1}, {1, 240}, {960, 1}, {2, 3}, {17, 9}};
      std::tie(width_, height_) = kTiny[below(std::size(kTiny))];
    } else {
      // X11 and Windows report 0×0 for a minimised window; some compositors zero one side.
      static constexpr std::pair<int, int> kMinimised[] = {{0, 0}, {0, 0}, {960, 0}, {0, 300}};
      std::tie(width_, height_) = kMinimised[below(std::size(kMinimised))];
    }
  }

  std::pair<int, int> viewPixel() {
    app::SceneView& view = session_.view();
    return {static_cast<int>(below(static_cast<std::uint32_t>(view.width()))),
            static_cast<int>(below(static_cast<std::uint32_t>(view.height())))};
  }

  // A click on the panels: the mouse moves there, presses on the next frame and lets go on
  // the one after, sometimes a little further along (a slider drag). Most land on the lesion
  // panel, where the controls are; the rest anywhere in the window.
  // Half the clicks land on a control drawn in the last frame (so buttons, toggles and tabs are
  // pressed whatever the layout), the rest anywhere on the panels or the window.
  void click() {
    clickStage_ = 1;
    if (!controls_.empty() && below(2) == 0) {
      auto it = controls_.begin();
      std::advance(it, below(static_cast<std::uint32_t>(controls_.size())));
      mouse_ = it->second.center();
      return;
    }
    const float panel = 360.0f * imgui_.textScale();
    const float w =
        below(3) != 0 ? std::min(panel, static_cast<float>(width_)) : static_cast<float>(width_);
    mouse_ = ImVec2(unit() * std::max(w, 1.0f), unit() * static_cast<float>(std::max(height_, 1)));
  }

  // What the mouse button does this frame, the press and release of a click begun earlier.
  void moveMouse() {
    if (clickStage_ == 1) {
      mouseDown_ = true;
      clickStage_ = 2;
    } else if (clickStage_ == 2) {
      mouseDown_ = false;
      if (below(3) == 0) mouse_.x += unit() * 60.0f - 30.0f;
      clickStage_ = 0;
    }
    if (hover_ && below(3) == 0) hover_.reset();  // the cursor leaves the 3D view
  }

  void act() {
    static constexpr std::array<const char*, 6> kViews = {"side",    "posterior", "axial",
                                                          "foramen", "front",     "leg"};
    // Weighted like a consult: lesions and views most, files never (they need no soak).
    static constexpr std::pair<const char*, int> kActions[] = {
        {"toggle lesion", 11}, {"drag severity", 5}, {"clear lesions", 1},
        {"preset", 3},         {"view", 8},          {"focus", 3},
        {"language", 5},       {"mode", 4},          {"undo", 6},
        {"redo", 4},           {"resize", 5},        {"hover", 10},
        {"select", 3},         {"double click", 1},  {"orbit", 3},
        {"zoom", 2},           {"pan", 1},           {"reset camera", 2},
        {"panel click", 10},   {"large text", 2},    {"reduce motion", 1},
        {"layers", 3},         {"help", 1},          {"nothing", 6}};
    int total = 0;
    for (const auto& a : kActions) total += a.second;
    int roll = static_cast<int>(below(static_cast<std::uint32_t>(total)));
    std::string action;
    for (const auto& a : kActions) {
      if (roll < a.second) {
        action = a.first;
        break;
      }
      roll -= a.second;
    }
    ++actions_[action];

    const core::AppState& s = session_.state();
    if (action == "toggle lesion") {
      toggleLesion();
    } else if (action == "drag severity") {
      dragSeverity();
    } else if (action == "clear lesions") {
      session_.run(core::cmd::ClearPathologies{});
    } else if (action == "preset") {
      session_.execute(ui::LoadPreset{presets_[below(presets_.size())]});
    } else if (action == "view") {
      session_.run(core::cmd::SetView{kViews[below(kViews.size())]});
    } else if (action == "focus") {
      session_.run(core::cmd::SetFocus{static_cast<core::DiscLevel>(below(5)),
                                       static_cast<core::Side>(below(2))});
    } else if (action == "language") {
      session_.run(core::cmd::SetLanguage{s.language == core::Language::English
                                              ? core::Language::Spanish
                                              : core::Language::English});
    } else if (action == "mode") {
      session_.run(core::cmd::SetMode{s.mode == core::Mode::Patient ? core::Mode::Student
                                                                    : core::Mode::Patient});
    } else if (action == "undo") {
      session_.execute(ui::Undo{});
    } else if (action == "redo") {
      session_.execute(ui::Redo{});
    } else if (action == "resize") {
      resize();
    } else if (action == "hover") {
      hover_ = viewPixel();
    } else if (action == "select") {
      if (below(4) == 0) {
        session_.run(core::cmd::Select{std::nullopt});  // Esc
      } else {
        const auto [x, y] = viewPixel();
        session_.selectAt(x, y);
      }
    } else if (action == "double click") {
      const auto [x, y] = viewPixel();
      session_.focusAt(x, y);
    } else if (action == "orbit") {
      session_.orbit(unit() * 60.0f - 30.0f, unit() * 40.0f - 20.0f);
    } else if (action == "zoom") {
      const auto [x, y] = viewPixel();
      session_.zoomAt(0.7f + unit() * 0.6f, x, y);
    } else if (action == "pan") {
      session_.pan(unit() * 0.2f - 0.1f, unit() * 0.2f - 0.1f);
    } else if (action == "reset camera") {
      session_.resetCamera();
    } else if (action == "panel click") {
      click();
    } else if (action == "large text") {
      session_.run(core::cmd::SetLargeText{!s.largeText});
    } else if (action == "reduce motion") {
      session_.run(core::cmd::SetReduceMotion{!s.reduceMotion});
    } else if (action == "layers") {
      static constexpr const char* kLayers[] = {"nerves", "skin", "bones", "discs"};
      if (below(2) == 0) {
        session_.run(core::cmd::SetLayerVisible{kLayers[below(4)], below(3) != 0});
      } else {
        session_.run(core::cmd::SetLayerOpacity{below(2) == 0 ? "skin" : "bone", unit()});
      }
    } else if (action == "help") {
      session_.execute(ui::ToggleHelp{});
    }
  }

  app::Session& session_;
  app::ImGuiLayer& imgui_;
  render::RenderTarget frame_;  // the window's framebuffer
  std::mt19937 rng_{kSeed};
  std::vector<std::string> presets_;
  int width_ = kMeasureWidth, height_ = kMeasureHeight;
  std::optional<std::pair<int, int>> hover_;
  ImVec2 mouse_{-1.0f, -1.0f};
  bool mouseDown_ = false;
  std::map<std::string, ui::UiTrace::Rect> controls_;  // where the last frame drew its controls
  int clickStage_ = 0;                                 // 1: press next frame, 2: release next frame
  std::map<std::string, int> actions_;
  int minimisedFrames_ = 0;
  int interfaceCommands_ = 0;
};

std::size_t undoDepth(core::History history) {
  std::size_t depth = 0;
  for (; history.canUndo(); ++depth) history.undo();
  return depth;
}

TEST(SoakGLTest, ThousandsOfRandomFramesHoldMemoryAndRaiseNoGlError) {
  // llvmpipe rasterises on the calling thread: with its worker threads, the memory it holds
  // depends on how they were scheduled, and the same frames read up to 12 MB apart from run to
  // run. Other drivers ignore this; a value set by the caller wins.
  setenv("LP_NUM_THREADS", "0", /*overwrite=*/0);
  RADICULA_REQUIRE_GL(window);
  const auto start = std::chrono::steady_clock::now();
  app::CliOptions options;
  options.samples = 0;  // what llvmpipe gets anyway; the same work on every machine
  app::Session session(options, kMeasureWidth, kMeasureHeight);
  app::ImGuiLayer imgui(nullptr, 1.0f);
  Soak soak(session, imgui);

  Memory warm;
  std::vector<Memory> samples;
  for (int i = 0; i < kFrames; ++i) {
    if (i >= kWarmupFrames && (i - kWarmupFrames) % kSampleEvery == 0) {
      samples.push_back(soak.measure());
      if (i == kWarmupFrames) warm = samples.back();
    }
    try {
      soak.frame();
    } catch (const std::exception& e) {
      FAIL() << "frame " << i << " (seed " << kSeed << "): " << e.what();
    }
  }
  const Memory end = soak.measure();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("soak: %d frames (%d minimised) in %.1f s, %d interface commands\n", kFrames,
              soak.minimisedFrames(), seconds, soak.interfaceCommands());
  for (const auto& [action, count] : soak.actions())
    std::printf("  %-14s %d\n", action.c_str(), count);
  std::printf("soak: resident / heap MB every %d frames after warm-up:", kSampleEvery);
  for (const Memory& m : samples) std::printf(" %.1f/%.1f", mib(m.rss), mib(m.heap));
  std::printf("\n");
  std::printf("soak: resident %.2f MB after warm-up, %.2f MB at the end (%+.2f MB)\n",
              mib(warm.rss), mib(end.rss), mib(end.rss) - mib(warm.rss));
  std::printf("soak: heap in use %.2f MB after warm-up, %.2f MB at the end (%+.3f MB)\n",
              mib(warm.heap), mib(end.heap), mib(end.heap) - mib(warm.heap));

  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
  EXPECT_GT(soak.minimisedFrames(), 0) << "the soak should have minimised the window";
  EXPECT_GT(soak.interfaceCommands(), 0) << "clicks on the panels should have reached the app";
  // Both readings are taken in the same state, so the same GL objects must be alive.
  for (const auto& [kind, count] : end.glObjects) {
    std::printf("soak: %d %s objects after warm-up, %d at the end\n", warm.glObjects.at(kind),
                kind.c_str(), count);
    EXPECT_EQ(count, warm.glObjects.at(kind)) << kind << " objects accumulate";
  }
  // One lesion mesh at most per lesion, and undo steps bounded however long the session.
  EXPECT_LE(session.view().overlays().size(), session.state().scenario.pathologies.size());
  EXPECT_LE(undoDepth(session.history()), core::History::kMaxUndo);
  if (!kSanitized) {
    EXPECT_LT(end.rss, warm.rss + kRssGrowthBound)
        << "resident memory grew by " << mib(end.rss - warm.rss) << " MB";
    EXPECT_LT(end.heap, warm.heap + kHeapGrowthBound)
        << "heap in use grew by " << mib(end.heap - warm.heap) << " MB";
  }
}

}  // namespace
}  // namespace radicula
