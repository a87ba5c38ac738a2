#include "app/headless_commands.h"

#include "render/gl_api.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <vector>

#include "app/app_frame.h"
#include "app/exit_status.h"
#include "app/gl_window.h"
#include "app/imgui_layer.h"
#include "app/session.h"
#include "core/report_command.h"
#include "core/utf8_text.h"
#include "io/png_writer.h"
#include "render/gl_error.h"
#include "render/render_target.h"

namespace radicula::app {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats {
  double median = 0, p95 = 0, mean = 0, max = 0;
  static Stats of(std::vector<double> frames) {
    Stats s;
    if (frames.empty()) return s;
    std::sort(frames.begin(), frames.end());
    const auto at = [&](double p) {
      return frames[static_cast<std::size_t>(
          std::clamp(p * (frames.size() - 1), 0.0, frames.size() - 1.0))];
    };
    s.median = at(0.5);
    s.p95 = at(0.95);
    for (double f : frames) s.mean += f;
    s.mean /= static_cast<double>(frames.size());
    s.max = frames.back();
    return s;
  }
};

}  // namespace

int runScreenshot(const CliOptions& options, std::ostream& /*out*/, std::ostream& err) {
  return guarded(err, [&] {
    // Input first, so a bad file gets its own message and exit 2 even without a display.
    StartupInputs inputs = loadStartupInputs(options);
    if (options.saveScenario && inputs.scenario) inputs.scenario->save(*options.saveScenario);
    GlWindow window(options.width, options.height, "Radicula", /*visible=*/false);
    Session session(options, std::move(inputs), options.width, options.height);
    const int w = options.width, h = options.height;
    render::RenderTarget frame(w, h, 0);
    if (!options.interface) {
      session.resizeView(w, h);
      session.renderScene();
      io::writePng(options.screenshot, session.view().image());
      return 0;
    }
    ImGuiLayer imgui(nullptr, 1.0f);
    imgui.setLargeText(session.state().largeText);
    // Auto-sized panels settle over a couple of frames; the scene is drawn once, last.
    for (int i = 0; i < 3; ++i) drawOffscreenWindowFrame(session, imgui, frame, w, h, i == 2);
    frame.resolve();
    io::writePng(options.screenshot, frame.readColor());
    return 0;
  });
}

int runSaveScenario(const CliOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const core::ScenarioInput input = core::loadScenarioInput(options.scenario, options.mri);
    input.scenario.save(*options.saveScenario);
    const std::size_t n = input.scenario.pathologies.size();
    out << "radicula: wrote " << core::displayPath(*options.saveScenario) << " (" << n
        << (n == 1 ? " lesion)\n" : " lesions)\n");
    return 0;
  });
}

int runBenchmark(const CliOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const auto start = Clock::now();
    StartupInputs inputs = loadStartupInputs(options);
    GlWindow window(options.width, options.height, "Radicula benchmark", /*visible=*/false);
    Session session(options, std::move(inputs), options.width, options.height);
    // An active lesion, as a user would have: the classic L4/L5 herniation unless the scenario
    // brought its own.
    if (session.state().scenario.pathologies.empty() && session.showsAnatomy()) {
      session.execute(ui::LoadPreset{"l4l5_paracentral_left"});
      session.run(core::cmd::SetView{"side"});
      session.advance(10.0f);  // finish the camera move
    }
    session.renderScene();
    session.view().finish();  // waits until the frame is really drawn
    const double firstFrameMs = msSince(start);

    // One full orbit around the scene, the way a user turns it, with the nerve pulse running:
    // first the whole window as the viewer draws it (panels, scene in its rectangle, markers),
    // then the 3D view alone at the full size.
    const int w = options.width, h = options.height;
    ImGuiLayer imgui(nullptr, 1.0f);
    imgui.setLargeText(session.state().largeText);
    render::RenderTarget screen(w, h, 0);
    const auto orbit = [&](bool withInterface) {
      std::vector<double> frames;
      frames.reserve(options.frames);
      for (int i = 0; i < options.frames; ++i) {
        const auto t = Clock::now();
        session.orbit(360.0f / static_cast<float>(options.frames), 0.0f);
        session.advance(1.0f / 60.0f);
        if (withInterface) {
          drawOffscreenWindowFrame(session, imgui, screen, w, h);
          screen.finish();
        } else {
          session.resizeView(w, h);
          session.renderScene();
          session.view().finish();
        }
        frames.push_back(msSince(t));
      }
      return Stats::of(frames);
    };
    const Stats full = orbit(true);
    const Stats scene = orbit(false);

    const auto analysisStart = Clock::now();
    constexpr int kAnalyses = 200;
    for (int i = 0; i < kAnalyses; ++i) session.engine().analyse(session.state().scenario);
    const double analysisMs = msSince(analysisStart) / kAnalyses;

    out << std::fixed << std::setprecision(3) << "{\n"
        << "  \"format\": \"radicula-benchmark/1\",\n"
        << "  \"renderer\": \"" << window.glRenderer() << "\",\n"
        << "  \"size\": [" << options.width << ", " << options.height << "],\n"
        << "  \"msaa_samples\": " << session.view().samples() << ",\n"
        << "  \"lesions\": " << session.state().scenario.pathologies.size() << ",\n"
        << "  \"triangles\": " << session.view().drawnTriangles() << ",\n"
        << "  \"frames\": " << options.frames << ",\n"
        << "  \"startup_to_first_frame_ms\": " << firstFrameMs << ",\n"
        << "  \"frame_ms_median\": " << full.median << ",\n"
        << "  \"frame_ms_p95\": " << full.p95 << ",\n"
        << "  \"frame_ms_mean\": " << full.mean << ",\n"
        << "  \"frame_ms_max\": " << full.max << ",\n"
        << "  \"scene_only_frame_ms_median\": " << scene.median << ",\n"
        << "  \"scene_only_frame_ms_p95\": " << scene.p95 << ",\n"
        << "  \"analysis_ms\": " << analysisMs << "\n"
        << "}\n";
    return 0;
  });
}

}  // namespace radicula::app
