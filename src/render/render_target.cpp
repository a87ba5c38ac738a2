#include "render/render_target.h"

#include "render/gl_api.h"

#include <algorithm>
#include <string>

#include "render/gl_error.h"

namespace radicula::render {

namespace {

// Multisampling multiplies the fragment work of a software rasteriser; there the frame rate
// matters more than smoother edges.
bool softwareRenderer() {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  if (name == nullptr) return true;
  const std::string renderer(name);
  return renderer.find("llvmpipe") != std::string::npos ||
         renderer.find("softpipe") != std::string::npos ||
         renderer.find("SWR") != std::string::npos;
}

}  // namespace

RenderTarget::RenderTarget(int width, int height, int samples)
    : width_(std::max(width, 1)), height_(std::max(height, 1)) {
  if (samples < 0) samples = softwareRenderer() || kWebGl ? 0 : 4;
  int maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  samples_ = std::clamp(samples, 0, maxSamples);
  create();
}

RenderTarget::~RenderTarget() {
  destroy();
}

void RenderTarget::resize(int width, int height) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  if (width == width_ && height == height_) return;
  destroy();
  width_ = width;
  height_ = height;
  create();
}

void RenderTarget::create() {
  glGenTextures(1, &resolveTex_);
  glBindTexture(GL_TEXTURE_2D, resolveTex_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width_, height_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);

  glGenFramebuffers(1, &colorFbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, colorFbo_);
  if (samples_ > 0) {
    glGenRenderbuffers(1, &colorRb_);
    glBindRenderbuffer(GL_RENDERBUFFER, colorRb_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width_, height_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colorRb_);
  } else {
    // Without multisampling the frame is drawn straight into the texture: a software
    // rasteriser pays for a resolve copy pixel by pixel.
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolveTex_, 0);
  }
  glGenRenderbuffers(1, &depthRb_);
  glBindRenderbuffer(GL_RENDERBUFFER, depthRb_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_DEPTH_COMPONENT24, width_,
                                   height_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depthRb_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    throw GlError("colour target is incomplete");
  }

  if (samples_ > 0) {
    glGenFramebuffers(1, &resolveFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolveTex_, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      throw GlError("resolve target is incomplete");
    }
  } else {
    resolveFbo_ = colorFbo_;
  }

  glGenFramebuffers(1, &idFbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, idFbo_);
  glGenTextures(1, &idTex_);
  glBindTexture(GL_TEXTURE_2D, idTex_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32UI, width_, height_, 0, GL_RED_INTEGER, GL_UNSIGNED_INT,
               nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, idTex_, 0);
  glGenTextures(1, &idDepthTex_);
  glBindTexture(GL_TEXTURE_2D, idDepthTex_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT32F, width_, height_, 0, GL_DEPTH_COMPONENT,
               GL_FLOAT, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, idDepthTex_, 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    throw GlError("id target is incomplete");
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  checkGl("creating the render target");
}

void RenderTarget::destroy() {
  glDeleteFramebuffers(1, &colorFbo_);
  if (resolveFbo_ != colorFbo_) glDeleteFramebuffers(1, &resolveFbo_);
  glDeleteFramebuffers(1, &idFbo_);
  glDeleteRenderbuffers(1, &colorRb_);
  glDeleteRenderbuffers(1, &depthRb_);
  glDeleteTextures(1, &resolveTex_);
  glDeleteTextures(1, &idTex_);
  glDeleteTextures(1, &idDepthTex_);
  colorFbo_ = resolveFbo_ = idFbo_ = colorRb_ = depthRb_ = resolveTex_ = idTex_ = idDepthTex_ = 0;
}

void RenderTarget::bindColor() {
  glBindFramebuffer(GL_FRAMEBUFFER, colorFbo_);
  glViewport(0, 0, width_, height_);
}

void RenderTarget::bindIds() {
  glBindFramebuffer(GL_FRAMEBUFFER, idFbo_);
  glViewport(0, 0, width_, height_);
}

void RenderTarget::resolve() {
  if (resolveFbo_ == colorFbo_) return;  // drawn straight into the texture
  glBindFramebuffer(GL_READ_FRAMEBUFFER, colorFbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  checkGl("resolving multisampled colour");
}

void RenderTarget::finish() {
  glFinish();
}

io::Image RenderTarget::readColor() {
  io::Image image{width_, height_,
                  std::vector<std::uint8_t>(static_cast<std::size_t>(width_) * height_ * 4)};
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<std::uint8_t> flipped(image.rgba.size());
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
  const std::size_t row = static_cast<std::size_t>(width_) * 4;
  for (int y = 0; y < height_; ++y) {
    std::copy_n(flipped.data() + (height_ - 1 - y) * row, row, image.rgba.data() + y * row);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  checkGl("reading back colour");
  return image;
}

std::uint32_t RenderTarget::readId(int x, int y) {
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return 0;
  std::uint32_t id = 0;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, idFbo_);
  if constexpr (kWebGl) {
    // WebGL 2 reads integer colour only as four channels.
    std::uint32_t rgba[4] = {};
    glReadPixels(x, height_ - 1 - y, 1, 1, GL_RGBA_INTEGER, GL_UNSIGNED_INT, rgba);
    id = rgba[0];
  } else {
    glReadPixels(x, height_ - 1 - y, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_INT, &id);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  checkGl("reading back the id buffer");
  return id;
}

float RenderTarget::readDepth(int x, int y) {
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return 1.0f;
  float depth = 1.0f;
  // WebGL 2 cannot read depth back: there a point under the cursor is not known (zooming goes
  // toward the centre instead).
  if constexpr (kWebGl) return depth;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, idFbo_);
  glReadPixels(x, height_ - 1 - y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  checkGl("reading back depth");
  return depth;
}

void RenderTarget::blitTo(unsigned framebuffer, int x, int y, int width, int height) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
  glBlitFramebuffer(0, 0, width_, height_, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  checkGl("copying the frame");
}

void RenderTarget::blitToScreen(int screenWidth, int screenHeight, int framebuffer) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<unsigned>(framebuffer));
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, screenWidth, screenHeight, GL_COLOR_BUFFER_BIT,
                    GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<unsigned>(framebuffer));
  checkGl("showing the frame");
}

}  // namespace radicula::render
