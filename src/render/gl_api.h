// The OpenGL the renderer speaks: OpenGL 3.3 core through libepoxy on the desktop, OpenGL ES 3.0
// (WebGL 2) in the browser. The shared renderer uses only what both have; the few differences
// (clip distances, reading depth back, the shading language's first lines) are decided here.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
// WebGL 2's getBufferSubData, which OpenGL ES 3.0 lacks (emscripten's GL library has it): how a
// pixel read into a buffer comes back without mapping it.
extern "C" void glGetBufferSubData(GLenum target, GLintptr offset, GLsizeiptr size, void* data);
#else
#include <epoxy/gl.h>
#endif

namespace radicula::render {

#ifdef __EMSCRIPTEN__
inline constexpr bool kWebGl = true;
// GLSL ES has no gl_ClipDistance: the shaders clip by discarding fragments instead.
inline constexpr const char* kShaderHeader =
    "#version 300 es\n"
    "precision highp float;\n"
    "precision highp int;\n"
    "#define RADICULA_NO_CLIP_DISTANCE 1\n";
#else
inline constexpr bool kWebGl = false;
inline constexpr const char* kShaderHeader = "#version 330 core\n";
#endif

}  // namespace radicula::render
