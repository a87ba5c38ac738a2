// Radicula in the browser: the same session, renderer and interface as the desktop viewer,
// driven by the browser's animation frames (emscripten_set_main_loop). The page (web/index.html)
// hands it the link's fragment, the files a person picks or drops, and touch gestures; it takes
// back downloads, the clipboard and the settings kept in local storage. Nothing leaves the
// browser.
#include <emscripten.h>
#include <emscripten/html5.h>

#include "render/gl_api.h"
// The GL header before GLFW, so GLFW does not include the system one.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "app/gl_window.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "app/startup_scene.h"
#include "app/touch_input.h"
#include "app/viewer_window.h"
#include "core/content_error.h"
#include "core/data_paths.h"
#include "core/scene_link.h"
#include "io/model_error.h"
#include "ui/ui_trace.h"

namespace fs = std::filesystem;
using namespace radicula;

namespace {

// Where saves and handouts land: every file written here is handed to the browser as a
// download, then removed.
const fs::path kDownloads = "/home/web/Documents";
const fs::path kUploads = "/uploads";
const fs::path kSettings = "/home/web/.config/radicula/settings.json";

struct WebApp {
  std::unique_ptr<app::GlWindow> window;
  std::unique_ptr<app::Session> session;
  std::unique_ptr<app::ImGuiLayer> imgui;
  std::unique_ptr<app::ViewerWindow> viewer;
  std::unique_ptr<app::TouchInput> touch;
  ui::UiTrace trace;
  std::string settingsText;
  std::string sceneText;      // the scene last kept in local storage
  int width = 0, height = 0;  // the canvas's drawing buffer, in device pixels
  double ratio = 0;           // device pixels per CSS pixel
  bool touchFirst = false;    // the page is used with a finger (the primary pointer is coarse)
  bool firstFrame = true;
  bool pasted = false;  // text arrived from the page's clipboard: draw it
};

WebApp* theApp = nullptr;

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The canvas fills the page and follows it (a turned phone, a resized window, a page zoomed):
// its drawing buffer is its CSS size times the device pixel ratio, so text is drawn at the
// screen's own resolution, and the interface's scale is that ratio. The window, its mouse
// and the interface all count device pixels. Under a finger every control is a finger's size.
void followCanvas(WebApp& a) {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  const double ratio = std::clamp(emscripten_get_device_pixel_ratio(), 0.5, 8.0);
  const int width = std::max(1, static_cast<int>(std::lround(std::max(w, 1.0) * ratio)));
  const int height = std::max(1, static_cast<int>(std::lround(std::max(h, 1.0) * ratio)));
  if (width != a.width || height != a.height) {
    a.width = width;
    a.height = height;
    // Not glfwSetWindowSize: emscripten's asks for full screen when the size equals the
    // screen's, as a phone's page does.
    EM_ASM({ Browser.setCanvasSize($0, $1); }, width, height);
  }
  const bool touchFirst = EM_ASM_INT({ return radiculaPage.touchFirst() ? 1 : 0; }) != 0;
  if (a.imgui && (ratio != a.ratio || touchFirst != a.touchFirst)) {
    a.imgui->setScale(static_cast<float>(ratio), touchFirst);
    if (a.touch) a.touch->setUnit(static_cast<float>(ratio));
  }
  a.ratio = ratio;
  a.touchFirst = touchFirst;
}

// The scene as it stands, to be opened on the next visit: the lesions, marks and view, but
// not the language and mode (those are the user's settings, and a link must not change them).
std::string sceneToKeep(const app::Session& s) {
  if (!s.showsAnatomy()) return "";
  core::Scenario scenario = s.state().toScenario();
  scenario.extra.erase("language");
  scenario.extra.erase("mode");
  return scenario.toJson().dump();
}

void keepScene(WebApp& a) {
  std::string text = sceneToKeep(*a.session);
  if (text.empty() || text == a.sceneText) return;
  a.sceneText = std::move(text);
  EM_ASM({ radiculaPage.keepScene(UTF8ToString($0)); }, a.sceneText.c_str());
}

// Hands every finished file in the downloads folder to the page, then removes it.
void deliverDownloads() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kDownloads, ec)) {
    const fs::path file = entry.path();
    const std::string name = file.filename().string();
    // A save writes a temporary file first and renames it: only whole files go.
    if (!entry.is_regular_file(ec) || name.find(".tmp") != std::string::npos ||
        name.rfind('.', 0) == 0) {
      continue;
    }
    EM_ASM({ radiculaPage.download(UTF8ToString($0)); }, file.c_str());
    fs::remove(file, ec);
  }
}

// Settings go to local storage whenever the app writes them.
void keepSettings(WebApp& a) {
  std::error_code ec;
  if (!fs::exists(kSettings, ec)) return;
  std::string text = readFile(kSettings);
  if (text == a.settingsText) return;
  a.settingsText = text;
  EM_ASM({ radiculaPage.keepSettings(UTF8ToString($0)); }, text.c_str());
}

void tick(void*) {
  WebApp& a = *theApp;
  followCanvas(a);
  a.touch->tick(emscripten_get_now() / 1000.0);
  if (a.firstFrame || a.pasted || a.viewer->needsFrame()) {
    a.pasted = false;
    a.viewer->frame();
    if (a.firstFrame) {
      a.firstFrame = false;
      EM_ASM({ radiculaPage.firstFrame(); });
    }
    // Files and settings are written only by what a frame did: an idle page reads nothing.
    deliverDownloads();
    keepSettings(a);
    keepScene(a);
  }
}

}  // namespace

extern "C" {

// A file the page wrote to the uploads folder (picked or dropped), opened as what it is.
EMSCRIPTEN_KEEPALIVE void radicula_open(const char* path, int action) {
  if (theApp == nullptr) return;
  const std::string file = path;
  const std::string ext = fs::path(file).extension().string();
  app::Session& s = *theApp->session;
  if (action == static_cast<int>(ui::FileAction::OpenMriReport) || ext == ".txt") {
    s.openMriReport(file);
  } else if (ext == ".json") {
    s.execute(ui::OpenScenario{file});
  } else {
    s.execute(ui::OpenModel{file});
  }
}

// Text pasted into the page (a radiologist's report from another window) goes to the field
// that has the cursor, as typed characters: the browser keeps its clipboard to itself.
EMSCRIPTEN_KEEPALIVE void radicula_paste(const char* text) {
  if (theApp == nullptr) return;
  std::string clean;
  for (const char* c = text; *c != '\0'; ++c) {
    if (*c != '\r') clean += *c;
  }
  ImGui::GetIO().AddInputCharactersUTF8(clean.c_str());
  theApp->pasted = true;
}

// A finger on the canvas (0 start, 1 move, 2 end, 3 cancel), in device pixels of the canvas, at
// the event's time in milliseconds (the clock of emscripten_get_now): a busy page may hand over
// a finger's moves late, and they must not look like a finger held still.
EMSCRIPTEN_KEEPALIVE void radicula_touch(int phase, int id, float x, float y, double ms) {
  if (theApp == nullptr || !theApp->touch) return;
  theApp->touch->finger(static_cast<app::TouchInput::Phase>(std::clamp(phase, 0, 3)), id, x, y,
                        ms / 1000.0);
}

// The mouse wheel in notches (positive: away from the user, as GLFW counts on the desktop),
// so a notch does on the page what it does in the desktop window.
EMSCRIPTEN_KEEPALIVE void radicula_wheel(float dx, float dy) {
  if (theApp == nullptr || !theApp->viewer) return;
  theApp->viewer->push(app::InputEvent::wheel(dx, dy));
}

// Turns the view as a finger would (the page's frame-time figure).
EMSCRIPTEN_KEEPALIVE void radicula_orbit(float dx, float dy) {
  if (theApp != nullptr) theApp->session->orbit(-dx * 0.4f, dy * 0.4f);
}

// The camera as "distance yaw pitch" (the page's tests measure a wheel notch and a finger).
EMSCRIPTEN_KEEPALIVE const char* radicula_camera() {
  static std::string out;
  out.clear();
  if (theApp == nullptr) return out.c_str();
  const render::OrbitCamera& c = theApp->session->view().camera;
  out = std::to_string(c.distance) + " " + std::to_string(c.yawDeg) + " " +
        std::to_string(c.pitchDeg);
  return out.c_str();
}

EMSCRIPTEN_KEEPALIVE void radicula_wake() {}

// Where a control was last drawn, as "x y w h" in CSS pixels ("" when not on screen): the page's
// tests click them as a person would.
EMSCRIPTEN_KEEPALIVE const char* radicula_control(const char* name) {
  static std::string out;
  out.clear();
  if (theApp == nullptr) return out.c_str();
  const auto it = theApp->trace.controls.find(name);
  if (it == theApp->trace.controls.end()) return out.c_str();
  const auto& r = it->second;
  out = std::to_string(r.min.x) + " " + std::to_string(r.min.y) + " " +
        std::to_string(r.max.x - r.min.x) + " " + std::to_string(r.max.y - r.min.y);
  return out.c_str();
}

// The words a control showed when last drawn ("" when not on screen).
EMSCRIPTEN_KEEPALIVE const char* radicula_control_text(const char* name) {
  static std::string out;
  out.clear();
  if (theApp == nullptr) return out.c_str();
  const auto it = theApp->trace.controls.find(name);
  if (it != theApp->trace.controls.end()) out = it->second.text;
  return out.c_str();
}

// The scene on screen as its link (the lesions, view, language and mode), for the page's tests.
EMSCRIPTEN_KEEPALIVE const char* radicula_scene() {
  static std::string out;
  out = theApp != nullptr ? core::sceneLink(theApp->session->state()) : "";
  return out.c_str();
}

// Text the last frame cut, one problem a line ("" for none), for the page's tests: a window
// whose content runs out of it sideways, a control whose words are wider than it or its window.
EMSCRIPTEN_KEEPALIVE const char* radicula_cut_text() {
  static std::string out;
  out.clear();
  if (theApp == nullptr) return out.c_str();
  for (const ImGuiWindow* w : GImGui->Windows) {
    if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip) != 0) continue;
    const float room = w->ContentRegionRect.GetWidth() + ImGui::GetStyle().ItemSpacing.x;
    if (w->ContentSize.x > room + 1.0f) {
      out += std::string("window ") + w->Name + ": content " + std::to_string(w->ContentSize.x) +
             " wide in " + std::to_string(room) + "\n";
    }
  }
  for (const auto& [name, r] : theApp->trace.controls) {
    if (r.textWidth > r.max.x - r.min.x + 1.0f) out += name + ": \"" + r.text + "\" is cut\n";
    if (r.max.x > r.windowRight + 0.5f) out += name + " runs out of its window\n";
  }
  return out.c_str();
}

// The notice on screen ("" for none), for the page's tests.
EMSCRIPTEN_KEEPALIVE const char* radicula_message() {
  static std::string out;
  out = theApp != nullptr ? theApp->session->message() : "";
  return out.c_str();
}

}  // extern "C"

int main() {
  core::setExecutablePath("/radicula");
  std::error_code ec;
  fs::create_directories(kDownloads, ec);
  fs::create_directories(kUploads, ec);
  fs::create_directories(kSettings.parent_path(), ec);
  setenv("HOME", "/home/web", 1);
  setenv("RADICULA_DATA_DIR", "/", 1);

  static WebApp a;
  theApp = &a;
  try {
    // Settings kept by an earlier visit.
    const char* kept = emscripten_run_script_string("radiculaPage.settings()");
    if (kept != nullptr && *kept != '\0') std::ofstream(kSettings) << kept;
    a.settingsText = readFile(kSettings);

    a.window = std::make_unique<app::GlWindow>(1280, 800, "Radicula", true);
    followCanvas(a);
    int w = 0, h = 0;
    a.window->framebufferSize(&w, &h);

    app::StartupInputs inputs;
    inputs.scene = app::loadAnatomy();
    std::string problem;
    const std::string fragment = emscripten_run_script_string("window.location.hash");
    try {
      const core::Scenario scenario = core::parseSceneLink(fragment);
      if (!fragment.empty() && fragment != "#") inputs.scenario = scenario;
    } catch (const core::ContentError& e) {
      problem = e.what();  // the default scene, and the reason why
    }
    // No link: the scene of the last visit, as it was left (nothing is lost by closing a tab).
    if (fragment.empty() || fragment == "#") {
      const std::string last = emscripten_run_script_string("radiculaPage.lastScene()");
      try {
        if (!last.empty()) inputs.scenario = core::Scenario::parse(last, "the last scene");
      } catch (const core::ContentError& e) {
        std::fprintf(stderr, "radicula: the last scene is not opened again (%s)\n", e.what());
      }
    }
    app::CliOptions options;
    app::SessionServices services;
    services.settingsFile = kSettings;
    services.pickFile = [](ui::FileAction action) {
      EM_ASM({ radiculaPage.pick($0); }, static_cast<int>(action));
    };
    services.copyLink = [](const std::string& link) {
      EM_ASM({ radiculaPage.copyLink(UTF8ToString($0)); }, link.c_str());
    };
    services.canQuit = false;
    a.session = std::make_unique<app::Session>(options, std::move(inputs), std::max(w, 1),
                                               std::max(h, 1), services);
    if (!problem.empty()) {
      a.session->notify(a.session->labels().format("message.bad_link", {{"problem", problem}}));
    }
    a.imgui = std::make_unique<app::ImGuiLayer>(a.window->handle(), a.window->contentScale());
    a.imgui->setScale(static_cast<float>(a.ratio), a.touchFirst);
    a.viewer = std::make_unique<app::ViewerWindow>(*a.window, *a.session, *a.imgui);
    a.viewer->setTrace(&a.trace);
    a.touch = std::make_unique<app::TouchInput>(*a.viewer, static_cast<float>(a.ratio));
  } catch (const std::exception& e) {
    EM_ASM({ radiculaPage.fail(UTF8ToString($0)); }, e.what());
    return 1;
  }
  emscripten_set_main_loop_arg(tick, nullptr, 0, true);
  return 0;
}
