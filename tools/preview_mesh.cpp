// preview-mesh: a small software rasteriser to look at generated anatomy without a GPU.
// Renders a model's opaque parts (translucent ones faintly on top) with depth shading, the
// baked occlusion and its materials, orthographically from the side, back or above, into PNG.
//
//   preview-mesh MODEL.glb OUT.png [--view side|posterior|anterior|axial] [--size N]
//                [--only PREFIX[,PREFIX…]] [--clip x0 x1 y0 y1 z0 z1] [--translucent] [--regions]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "io/model_loader.h"
#include "io/png_writer.h"

namespace {

using radicula::io::Scene;

struct Options {
  std::string view = "side";
  int size = 900;
  std::vector<std::string> only;
  bool clip = false;
  glm::vec3 clipMin{-1e9f}, clipMax{1e9f};
  bool translucent = false;
  bool regions = false;  // paint the skin opaque, coloured by its strongest region
};

bool selected(const Options& o, const std::string& name) {
  if (o.only.empty()) return true;
  for (const auto& prefix : o.only) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: preview-mesh MODEL OUT.png [--view V] [--size N] [--only P] [--clip …]\n");
    return 2;
  }
  Options o;
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--view" && i + 1 < argc) {
      o.view = argv[++i];
    } else if (a == "--size" && i + 1 < argc) {
      o.size = std::stoi(argv[++i]);
    } else if (a == "--only" && i + 1 < argc) {
      std::stringstream list(argv[++i]);
      for (std::string item; std::getline(list, item, ',');) o.only.push_back(item);
    } else if (a == "--clip" && i + 6 < argc) {
      o.clip = true;
      o.clipMin = {std::stof(argv[i + 1]), std::stof(argv[i + 3]), std::stof(argv[i + 5])};
      o.clipMax = {std::stof(argv[i + 2]), std::stof(argv[i + 4]), std::stof(argv[i + 6])};
      i += 6;
    } else if (a == "--translucent") {
      o.translucent = true;
    } else if (a == "--regions") {
      o.regions = true;
    }
  }
  const Scene scene = radicula::io::loadModel(argv[1]);

  // Camera basis: right, up, toward the viewer.
  glm::vec3 right(0, 0, -1), up(0, 1, 0), back(1, 0, 0);  // side: from the patient's left
  if (o.view == "posterior") right = {-1, 0, 0}, back = {0, 0, -1};
  if (o.view == "anterior") right = {1, 0, 0}, back = {0, 0, 1};
  if (o.view == "axial") right = {-1, 0, 0}, up = {0, 0, 1}, back = {0, 1, 0};

  struct Tri {
    glm::vec3 w[3];
    glm::vec3 n[3];
    glm::vec4 c[3];
    bool translucent;
  };
  std::vector<Tri> tris;
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (int ni = 0; ni < static_cast<int>(scene.nodes.size()); ++ni) {
    const auto& node = scene.nodes[ni];
    if (node.mesh < 0 || !selected(o, node.name)) continue;
    const auto& mesh = scene.meshes[node.mesh];
    glm::vec4 base(0.8f, 0.8f, 0.8f, 1.0f);
    if (mesh.material >= 0 && mesh.material < static_cast<int>(scene.materials.size())) {
      base = scene.materials[mesh.material].baseColor;
    }
    const bool painted = o.regions && !mesh.regionIds.empty();
    const bool isTranslucent = base.a < 0.99f && !painted;
    if (isTranslucent && !o.translucent) continue;
    const glm::mat4 m = scene.worldTransform(ni);
    const glm::mat3 nm(m);
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
      Tri t;
      t.translucent = isTranslucent;
      bool keep = true;
      for (int k = 0; k < 3; ++k) {
        const auto idx = mesh.indices[i + k];
        t.w[k] = glm::vec3(m * glm::vec4(mesh.positions[idx], 1.0f));
        t.n[k] = mesh.normals.empty() ? glm::vec3(0) : glm::normalize(nm * mesh.normals[idx]);
        const glm::vec4 ao = mesh.colors.empty() ? glm::vec4(1) : mesh.colors[idx];
        t.c[k] = base * ao;
        if (painted) {
          // A distinct hue per region index (golden-angle steps round the colour wheel).
          const float w = mesh.regionWeights[idx].x;
          const float hue = std::fmod(0.618034f * static_cast<float>(mesh.regionIds[idx][0]), 1.0f);
          const glm::vec3 rgb = glm::clamp(
              glm::abs(glm::fract(glm::vec3(hue) + glm::vec3(1.0f, 2.0f / 3, 1.0f / 3)) * 6.0f -
                       3.0f) -
                  1.0f,
              0.0f, 1.0f);
          t.c[k] = glm::vec4(glm::mix(glm::vec3(0.5f), rgb, w), 1.0f);
        }
      }
      if (o.clip) {
        keep = false;
        for (int k = 0; k < 3; ++k) {
          if (glm::all(glm::greaterThanEqual(t.w[k], o.clipMin)) &&
              glm::all(glm::lessThanEqual(t.w[k], o.clipMax)))
            keep = true;
        }
      }
      if (!keep) continue;
      if (!isTranslucent || o.only.size()) {
        for (int k = 0; k < 3; ++k) {
          const glm::vec2 s(glm::dot(t.w[k], right), glm::dot(t.w[k], up));
          lo = glm::min(lo, s);
          hi = glm::max(hi, s);
        }
      }
      tris.push_back(t);
    }
  }
  if (tris.empty()) {
    std::fprintf(stderr, "nothing to draw\n");
    return 1;
  }
  const int W = o.size, H = o.size;
  const glm::vec2 centre = 0.5f * (lo + hi);
  const float scale = 0.94f * static_cast<float>(W) / std::max(hi.x - lo.x, hi.y - lo.y);
  std::vector<float> depth(static_cast<std::size_t>(W) * H, -1e9f);
  std::vector<glm::vec3> color(static_cast<std::size_t>(W) * H, glm::vec3(0.12f, 0.13f, 0.16f));
  const glm::vec3 light = glm::normalize(back + 0.5f * up + 0.3f * right);

  const auto raster = [&](const Tri& t, bool blend) {
    glm::vec3 s[3];
    for (int k = 0; k < 3; ++k) {
      s[k] = {(glm::dot(t.w[k], right) - centre.x) * scale + 0.5f * W,
              (centre.y - glm::dot(t.w[k], up)) * scale + 0.5f * H, glm::dot(t.w[k], back)};
    }
    const int x0 = std::max(0, static_cast<int>(std::floor(std::min({s[0].x, s[1].x, s[2].x}))));
    const int x1 = std::min(W - 1, static_cast<int>(std::ceil(std::max({s[0].x, s[1].x, s[2].x}))));
    const int y0 = std::max(0, static_cast<int>(std::floor(std::min({s[0].y, s[1].y, s[2].y}))));
    const int y1 = std::min(H - 1, static_cast<int>(std::ceil(std::max({s[0].y, s[1].y, s[2].y}))));
    const float area =
        (s[1].x - s[0].x) * (s[2].y - s[0].y) - (s[2].x - s[0].x) * (s[1].y - s[0].y);
    if (std::abs(area) < 1e-12f) return;
    for (int y = y0; y <= y1; ++y) {
      for (int x = x0; x <= x1; ++x) {
        const float px = x + 0.5f, py = y + 0.5f;
        float b0 = ((s[1].x - px) * (s[2].y - py) - (s[2].x - px) * (s[1].y - py)) / area;
        float b1 = ((s[2].x - px) * (s[0].y - py) - (s[0].x - px) * (s[2].y - py)) / area;
        float b2 = 1.0f - b0 - b1;
        if (b0 < 0 || b1 < 0 || b2 < 0) continue;
        const glm::vec3 w = b0 * t.w[0] + b1 * t.w[1] + b2 * t.w[2];
        if (o.clip &&
            (glm::any(glm::lessThan(w, o.clipMin)) || glm::any(glm::greaterThan(w, o.clipMax))))
          continue;
        const float z = b0 * s[0].z + b1 * s[1].z + b2 * s[2].z;
        const std::size_t i = static_cast<std::size_t>(y) * W + x;
        if (z <= depth[i]) continue;
        glm::vec3 n = b0 * t.n[0] + b1 * t.n[1] + b2 * t.n[2];
        n = glm::length(n) > 0 ? glm::normalize(n) : glm::vec3(0);
        const float facing = glm::dot(n, back);
        const float diffuse = std::max(0.0f, glm::dot(n, light) * (facing < 0 ? -1.0f : 1.0f));
        const glm::vec4 c = b0 * t.c[0] + b1 * t.c[1] + b2 * t.c[2];
        glm::vec3 shaded = glm::vec3(c) * (0.25f + 0.85f * diffuse);
        if (facing < 0 && !blend) shaded *= glm::vec3(0.9f, 0.4f, 0.4f);  // inside faces show red
        if (blend) {
          color[i] = glm::mix(color[i], shaded, 0.25f);
        } else {
          depth[i] = z;
          color[i] = shaded;
        }
      }
    }
  };
  for (const auto& t : tris) {
    if (!t.translucent) raster(t, false);
  }
  for (const auto& t : tris) {
    if (t.translucent) raster(t, true);
  }
  radicula::io::Image image;
  image.width = W;
  image.height = H;
  image.rgba.assign(static_cast<std::size_t>(W) * H * 4, 255);
  for (std::size_t i = 0; i < color.size(); ++i) {
    for (int c = 0; c < 3; ++c) {
      const float v = std::pow(std::clamp(color[i][c], 0.0f, 1.0f), 1.0f / 2.2f);
      image.rgba[i * 4 + c] = static_cast<unsigned char>(std::lround(v * 255.0f));
    }
  }
  radicula::io::writePng(argv[2], image);
  std::printf("%s: %zu triangles\n", argv[2], tris.size());
  return 0;
}
