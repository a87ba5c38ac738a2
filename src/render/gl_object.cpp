#include "render/gl_object.h"

#include "render/gl_api.h"

namespace radicula::render {

GlObject::GlObject(Kind kind) : kind_(kind) {
  switch (kind_) {
    case Kind::Texture:
      glGenTextures(1, &id_);
      break;
    case Kind::Framebuffer:
      glGenFramebuffers(1, &id_);
      break;
    case Kind::Renderbuffer:
      glGenRenderbuffers(1, &id_);
      break;
    case Kind::Buffer:
      glGenBuffers(1, &id_);
      break;
  }
}

void GlObject::reset() {
  if (id_ == 0) return;
  switch (kind_) {
    case Kind::Texture:
      glDeleteTextures(1, &id_);
      break;
    case Kind::Framebuffer:
      glDeleteFramebuffers(1, &id_);
      break;
    case Kind::Renderbuffer:
      glDeleteRenderbuffers(1, &id_);
      break;
    case Kind::Buffer:
      glDeleteBuffers(1, &id_);
      break;
  }
  id_ = 0;
}

}  // namespace radicula::render
