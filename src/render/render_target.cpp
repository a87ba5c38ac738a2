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

void requireComplete(const char* what) {
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // The error that made it incomplete (a size too large) is this failure's, not the next
    // pass's: it is cleared with it.
    while (glGetError() != GL_NO_ERROR) {
    }
    throw GlError(std::string(what) + " is incomplete");
  }
}

void setFilter(GLenum filter) {
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(filter));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(filter));
}

}  // namespace

RenderTarget::RenderTarget(int width, int height, int samples)
    : width_(std::max(width, 1)), height_(std::max(height, 1)) {
  if (samples < 0) samples = softwareRenderer() || kWebGl ? 0 : 4;
  int maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  samples_ = std::clamp(samples, 0, maxSamples);
  buffers_ = create(width_, height_, samples_);
}

RenderTarget::~RenderTarget() {
  cancelId();
}

void RenderTarget::resize(int width, int height) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  if (width == width_ && height == height_) return;
  // The new buffers first: if they cannot be made the target keeps its old size and buffers.
  Buffers resized = create(width, height, samples_);
  cancelId();
  buffers_ = std::move(resized);
  width_ = width;
  height_ = height;
}

RenderTarget::Buffers RenderTarget::create(int width, int height, int samples) {
  using Kind = GlObject::Kind;
  Buffers b;
  b.resolveTex = GlObject(Kind::Texture);
  glBindTexture(GL_TEXTURE_2D, b.resolveTex.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  setFilter(GL_LINEAR);

  b.colorFbo = GlObject(Kind::Framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, b.colorFbo.id());
  if (samples > 0) {
    b.colorRb = GlObject(Kind::Renderbuffer);
    glBindRenderbuffer(GL_RENDERBUFFER, b.colorRb.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                              b.colorRb.id());
  } else {
    // Without multisampling the frame is drawn straight into the texture: a software
    // rasteriser pays for a resolve copy pixel by pixel.
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, b.resolveTex.id(),
                           0);
  }
  b.depthRb = GlObject(Kind::Renderbuffer);
  glBindRenderbuffer(GL_RENDERBUFFER, b.depthRb.id());
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH_COMPONENT24, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, b.depthRb.id());
  requireComplete("colour target");

  if (samples > 0) {
    b.resolveFbo = GlObject(Kind::Framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, b.resolveFbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, b.resolveTex.id(),
                           0);
    requireComplete("resolve target");
  }

  b.idFbo = GlObject(Kind::Framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, b.idFbo.id());
  b.idTex = GlObject(Kind::Texture);
  glBindTexture(GL_TEXTURE_2D, b.idTex.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32UI, width, height, 0, GL_RED_INTEGER, GL_UNSIGNED_INT,
               nullptr);
  setFilter(GL_NEAREST);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, b.idTex.id(), 0);
  b.idDepthTex = GlObject(Kind::Texture);
  glBindTexture(GL_TEXTURE_2D, b.idDepthTex.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT32F, width, height, 0, GL_DEPTH_COMPONENT,
               GL_FLOAT, nullptr);
  setFilter(GL_NEAREST);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, b.idDepthTex.id(), 0);
  requireComplete("id target");
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  checkGl("creating the render target");
  return b;
}

void RenderTarget::bindColor() {
  glBindFramebuffer(GL_FRAMEBUFFER, buffers_.colorFbo.id());
  glViewport(0, 0, width_, height_);
}

void RenderTarget::bindIds() {
  glBindFramebuffer(GL_FRAMEBUFFER, buffers_.idFbo.id());
  glViewport(0, 0, width_, height_);
}

void RenderTarget::resolve() {
  if (buffers_.resolveFbo.id() == 0) return;  // drawn straight into the texture
  glBindFramebuffer(GL_READ_FRAMEBUFFER, buffers_.colorFbo.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, buffers_.resolveFbo.id());
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
  glBindFramebuffer(GL_READ_FRAMEBUFFER, buffers_.resolveFramebuffer());
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
  glBindFramebuffer(GL_READ_FRAMEBUFFER, buffers_.idFbo.id());
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

void RenderTarget::requestId(int x, int y) {
  cancelId();
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
  if (idPixel_.id() == 0) {
    idPixel_ = GlObject(GlObject::Kind::Buffer);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, idPixel_.id());
    glBufferData(GL_PIXEL_PACK_BUFFER, 4 * sizeof(std::uint32_t), nullptr, GL_STREAM_READ);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, buffers_.idFbo.id());
  glBindBuffer(GL_PIXEL_PACK_BUFFER, idPixel_.id());
  // Into the buffer, not into memory: the call returns at once and the GPU copies the pixel
  // when it gets there. WebGL 2 reads integer colour only as four channels.
  glReadPixels(x, height_ - 1 - y, 1, 1, kWebGl ? GL_RGBA_INTEGER : GL_RED_INTEGER, GL_UNSIGNED_INT,
               nullptr);
  fence_ = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
  glFlush();  // on its way to the GPU now, not when the next frame happens to flush
  glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  pending_ = {x, y, 0};
  checkGl("asking for the id under the pointer");
}

std::optional<RenderTarget::IdSample> RenderTarget::pollId() {
  if (fence_ == nullptr) return std::nullopt;
  const GLenum state = glClientWaitSync(fence_, 0, 0);  // asks, never waits
  if (state == GL_TIMEOUT_EXPIRED) return std::nullopt;
  std::uint32_t rgba[4] = {};
  if (state != GL_WAIT_FAILED) {
    glBindBuffer(GL_PIXEL_PACK_BUFFER, idPixel_.id());
    glGetBufferSubData(GL_PIXEL_PACK_BUFFER, 0, kWebGl ? sizeof rgba : sizeof rgba[0], rgba);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
  }
  cancelId();
  checkGl("reading the id under the pointer");
  IdSample sample = pending_;
  sample.id = rgba[0];
  return sample;
}

void RenderTarget::cancelId() {
  if (fence_ != nullptr) glDeleteSync(fence_);
  fence_ = nullptr;
}

float RenderTarget::readDepth(int x, int y) {
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return 1.0f;
  float depth = 1.0f;
  // WebGL 2 cannot read depth back: there a point under the cursor is not known (zooming goes
  // toward the centre instead).
  if constexpr (kWebGl) return depth;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, buffers_.idFbo.id());
  glReadPixels(x, height_ - 1 - y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  checkGl("reading back depth");
  return depth;
}

void RenderTarget::blitTo(unsigned framebuffer, int x, int y, int width, int height) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, buffers_.resolveFramebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
  glBlitFramebuffer(0, 0, width_, height_, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  checkGl("copying the frame");
}

void RenderTarget::blitToScreen(int screenWidth, int screenHeight, int framebuffer) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, buffers_.resolveFramebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<unsigned>(framebuffer));
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, screenWidth, screenHeight, GL_COLOR_BUFFER_BIT,
                    GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<unsigned>(framebuffer));
  checkGl("showing the frame");
}

}  // namespace radicula::render
