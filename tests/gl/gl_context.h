// GL tests need a real OpenGL 3.3 context (under Xvfb with Mesa llvmpipe on CI). Where none
// can be made they skip, except under CI, where that is a failure: a broken Xvfb must not
// pass silently.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "app/gl_window.h"
#include "support/test_paths.h"

namespace radicula::test {

inline std::unique_ptr<app::GlWindow> tryMakeContext(std::string* why) {
  try {
    return std::make_unique<app::GlWindow>(64, 64, "radicula-test", /*visible=*/false);
  } catch (const app::NoGlError& e) {
    *why = e.what();
    return nullptr;
  }
}

}  // namespace radicula::test

// Declares `window` holding a current context, or skips / fails the test.
#define RADICULA_REQUIRE_GL(window)                                                              \
  std::string radicula_no_gl_reason;                                                             \
  auto window = ::radicula::test::tryMakeContext(&radicula_no_gl_reason);                        \
  if (!window) {                                                                                 \
    if (::radicula::test::inCi()) FAIL() << "no GL context under CI: " << radicula_no_gl_reason; \
    GTEST_SKIP() << "no GL context: " << radicula_no_gl_reason;                                  \
  }
