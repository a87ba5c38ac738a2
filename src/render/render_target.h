// A RenderTarget is the offscreen image every frame is drawn into, at an explicit size: the
// window shows it, --screenshot reads it back and tests probe it (one code path). It holds a
// multisampled colour + depth buffer, a resolved colour texture (drawn into directly when there
// is no multisampling), and an id buffer (R32UI + depth) for picking and exact probes.
#pragma once

#include <cstdint>
#include <optional>

#include "io/png_writer.h"
#include "render/gl_object.h"

struct __GLsync;  // GLsync, without the GL headers

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
  std::uint32_t readId(int x, int y);  // pixel origin top-left; waits for the GPU
  // The id under a pixel without waiting for the GPU: requestId() copies it into a pixel pack
  // buffer behind a fence, pollId() hands it back once the GPU got there (a frame or so later;
  // nothing until then). A new request replaces one still on its way. The pointer hovering
  // over the view reads ids this way, so moving the mouse never stalls a frame.
  struct IdSample {
    int x = 0, y = 0;
    std::uint32_t id = 0;
  };
  void requestId(int x, int y);
  std::optional<IdSample> pollId();
  bool idPending() const { return fence_ != nullptr; }
  void cancelId();
  float readDepth(int x, int y);  // id pass depth in [0,1] (1: background)
  void blitToScreen(int screenWidth, int screenHeight, int framebuffer = 0);
  // Copies the resolved colour into a rectangle (pixels, origin bottom-left) of a framebuffer.
  void blitTo(unsigned framebuffer, int x, int y, int width, int height);
  unsigned colorFramebuffer() const { return buffers_.colorFbo.id(); }  // colour pass FBO
  unsigned colorTexture() const { return buffers_.resolveTex.id(); }    // for ImGui::Image

 private:
  // Everything whose size is the target's, made together: when a part fails (an incomplete
  // framebuffer) what was made is deleted and the target keeps what it had.
  struct Buffers {
    GlObject colorFbo, colorRb, depthRb, resolveFbo, resolveTex, idFbo, idTex, idDepthTex;
    // Where the resolved colour is read from: its own framebuffer, or the colour pass's when
    // there is no multisampling (drawn straight into the texture).
    unsigned resolveFramebuffer() const {
      return resolveFbo.id() != 0 ? resolveFbo.id() : colorFbo.id();
    }
  };
  static Buffers create(int width, int height, int samples);

  int width_ = 0, height_ = 0, samples_ = 0;
  Buffers buffers_;
  GlObject idPixel_;  // the pixel pack buffer of requestId()
  __GLsync* fence_ = nullptr;
  IdSample pending_;
};

}  // namespace radicula::render
