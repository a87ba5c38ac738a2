// The offscreen render target owns its GL objects: a size the GL cannot make is refused with a
// GlError and leaves no texture, framebuffer or renderbuffer behind, and a resize that fails
// keeps the target as it was, still drawing. The id under a pixel can also be asked for
// without waiting for the GPU and comes back the same as the one read at once.
#include <gtest/gtest.h>

#include <epoxy/gl.h>

#include "gl_context.h"
#include "render/gl_error.h"
#include "render/render_target.h"

namespace radicula {
namespace {

// GL objects alive in the context (names that exist and were bound once).
int liveObjects() {
  int n = 0;
  for (GLuint id = 1; id < 4096; ++id) {
    n += glIsTexture(id) + glIsFramebuffer(id) + glIsRenderbuffer(id) + glIsBuffer(id);
  }
  return n;
}

TEST(RenderTargetGLTest, AFailedMakeLeaksNothingAndAFailedResizeKeepsTheTarget) {
  RADICULA_REQUIRE_GL(window);
  GLint maxTexture = 0, maxRenderbuffer = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxRenderbuffer);
  const int tooWide = 2 * std::max(maxTexture, maxRenderbuffer);
  const int before = liveObjects();
  EXPECT_THROW(render::RenderTarget(tooWide, 8, 0), render::GlError);
  EXPECT_EQ(liveObjects(), before) << "the half-made target's objects are gone";

  render::RenderTarget target(64, 32, 0);
  const int made = liveObjects();
  EXPECT_GT(made, before);
  EXPECT_THROW(target.resize(tooWide, 8), render::GlError);
  EXPECT_EQ(target.width(), 64);
  EXPECT_EQ(target.height(), 32);
  EXPECT_EQ(liveObjects(), made) << "nothing leaked, nothing of the old target lost";
  target.bindColor();
  glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  EXPECT_EQ(target.readColor().pixel(3, 3)[0], 255) << "the target still draws";
  EXPECT_NO_THROW(render::checkGl("after the failed resize"));
  target.resize(80, 40);
  EXPECT_EQ(target.width(), 80);
  EXPECT_EQ(liveObjects(), made) << "a resize replaces the objects, one for one";
}

TEST(RenderTargetGLTest, AnIdAskedForWithoutWaitingIsTheOneReadAtOnce) {
  RADICULA_REQUIRE_GL(window);
  render::RenderTarget target(16, 16, 0);
  target.bindIds();
  const GLuint id = 4242;
  glClearBufferuiv(GL_COLOR, 0, &id);
  EXPECT_FALSE(target.pollId().has_value()) << "nothing asked, nothing answered";
  target.requestId(5, 7);
  EXPECT_TRUE(target.idPending());
  std::optional<render::RenderTarget::IdSample> sample;
  for (int i = 0; i < 1000 && !sample; ++i) sample = target.pollId();
  ASSERT_TRUE(sample.has_value()) << "the GPU answered";
  EXPECT_EQ(sample->id, 4242u);
  EXPECT_EQ(sample->x, 5);
  EXPECT_EQ(sample->y, 7);
  EXPECT_EQ(target.readId(5, 7), 4242u);
  EXPECT_FALSE(target.idPending());
  target.requestId(-1, 3);  // off the target: nothing to ask
  EXPECT_FALSE(target.idPending());
}

}  // namespace
}  // namespace radicula
