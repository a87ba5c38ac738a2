// A RenderTarget is the offscreen image every frame is drawn into, at an explicit size: the
// window shows it, --screenshot reads it back and tests probe it (one code path). It holds a
// multisampled colour + depth buffer, a resolved colour texture (drawn into directly when there
// is no multisampling), and an id buffer (R32UI + depth) for picking and exact probes.
#pragma once

#include <cstdint>

#include "io/png_writer.h"

namespace radicula::render {

class RenderTarget {
 public:
  // `samples` < 0 picks for the machine: 4 on a GPU, none on a software renderer.
  RenderTarget(int width, int height, int samples);
  ~RenderTarget();
  RenderTarget(const RenderTarget&) = delete;
  RenderTarget& operator=(const RenderTarget&) = delete;

  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }
  void resize(int width, int height);

  void bindColor();  // multisampled colour pass
  void bindIds();    // id pass
  void resolve();    // multisampled colour → resolved texture
  void finish();     // blocks until GL has drawn everything asked so far

  io::Image readColor();               // resolved colour, top row first
  std::uint32_t readId(int x, int y);  // pixel origin top-left
  float readDepth(int x, int y);       // id pass depth in [0,1] (1: background)
  void blitToScreen(int screenWidth, int screenHeight, int framebuffer = 0);
  // Copies the resolved colour into a rectangle (pixels, origin bottom-left) of a framebuffer.
  void blitTo(unsigned framebuffer, int x, int y, int width, int height);
  unsigned colorFramebuffer() const { return colorFbo_; }  // multisampled colour pass FBO
  unsigned colorTexture() const { return resolveTex_; }    // resolved colour, for ImGui::Image

 private:
  void create();
  void destroy();

  int width_ = 0, height_ = 0, samples_ = 0;
  unsigned colorFbo_ = 0, colorRb_ = 0, depthRb_ = 0;
  unsigned resolveFbo_ = 0, resolveTex_ = 0;
  unsigned idFbo_ = 0, idTex_ = 0, idDepthTex_ = 0;
};

}  // namespace radicula::render
