#include "app/headless_commands.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <vector>

#include "app/gl_window.h"
#include "app/scene_view.h"
#include "app/startup_scene.h"
#include "core/data_paths.h"
#include "io/model_error.h"
#include "io/png_writer.h"
#include "render/gl_error.h"

namespace radicula::app {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int runScreenshot(const CliOptions& options, std::ostream& /*out*/, std::ostream& err) {
  io::Scene scene;
  try {
    scene = loadStartupScene(options);
  } catch (const io::ModelError& e) {
    err << "radicula: " << e.what() << "\n";
    return 2;
  }
  try {
    GlWindow window(options.width, options.height, "Radicula", /*visible=*/false);
    SceneView view(options.width, options.height, options.samples, core::shadersDir());
    view.setScene(std::move(scene));
    if (!options.view.empty()) view.applyView(options.view);
    view.render();
    io::writePng(options.screenshot, view.image());
  } catch (const NoGlError& e) {
    err << "radicula: " << e.what() << "\n";
    return 1;
  } catch (const io::ModelError& e) {
    err << "radicula: " << e.what() << "\n";
    return 2;
  } catch (const render::GlError& e) {
    err << "radicula: rendering failed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

int runBenchmark(const CliOptions& options, std::ostream& out, std::ostream& err) {
  const auto start = Clock::now();
  try {
    io::Scene scene = loadStartupScene(options);
    const double loadMs = msSince(start);
    GlWindow window(options.width, options.height, "Radicula benchmark", /*visible=*/false);
    SceneView view(options.width, options.height, options.samples, core::shadersDir());
    view.setScene(std::move(scene));
    if (!options.view.empty()) view.applyView(options.view);
    view.render();
    view.image();  // wait for the frame to be really finished
    const double firstFrameMs = msSince(start);

    // One full orbit around the scene, the way a user turns it.
    std::vector<double> frames;
    frames.reserve(options.frames);
    const render::OrbitCamera base = view.camera;
    for (int i = 0; i < options.frames; ++i) {
      view.camera = base;
      view.camera.orbit(360.0f * static_cast<float>(i) / static_cast<float>(options.frames), 0.0f);
      const auto t = Clock::now();
      view.render();
      view.nodeAt(options.width / 2, options.height / 2);  // forces the GPU to finish the frame
      frames.push_back(msSince(t));
    }
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    const auto percentile = [&](double p) {
      const auto i =
          static_cast<std::size_t>(std::clamp(p * (sorted.size() - 1), 0.0, sorted.size() - 1.0));
      return sorted[i];
    };
    double sum = 0;
    for (double f : frames) sum += f;
    out << std::fixed << std::setprecision(3) << "{\n"
        << "  \"format\": \"radicula-benchmark/1\",\n"
        << "  \"renderer\": \"" << window.glRenderer() << "\",\n"
        << "  \"size\": [" << options.width << ", " << options.height << "],\n"
        << "  \"msaa_samples\": " << options.samples << ",\n"
        << "  \"triangles\": " << view.drawnTriangles() << ",\n"
        << "  \"frames\": " << frames.size() << ",\n"
        << "  \"load_ms\": " << loadMs << ",\n"
        << "  \"startup_to_first_frame_ms\": " << firstFrameMs << ",\n"
        << "  \"frame_ms_median\": " << percentile(0.5) << ",\n"
        << "  \"frame_ms_p95\": " << percentile(0.95) << ",\n"
        << "  \"frame_ms_mean\": " << sum / frames.size() << ",\n"
        << "  \"frame_ms_max\": " << sorted.back() << "\n"
        << "}\n";
  } catch (const NoGlError& e) {
    err << "radicula: " << e.what() << "\n";
    return 1;
  } catch (const io::ModelError& e) {
    err << "radicula: " << e.what() << "\n";
    return 2;
  } catch (const render::GlError& e) {
    err << "radicula: rendering failed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace radicula::app
