// GlObject owns one OpenGL object (texture, framebuffer, renderbuffer or buffer) and deletes
// it when it goes, so code that throws half way (a framebuffer found incomplete) leaks nothing.
// Needs the context current when made and destroyed.
#pragma once

#include <utility>

namespace radicula::render {

class GlObject {
 public:
  enum class Kind { Texture, Framebuffer, Renderbuffer, Buffer };

  GlObject() = default;
  explicit GlObject(Kind kind);  // generates one
  ~GlObject() { reset(); }
  GlObject(GlObject&& other) noexcept : kind_(other.kind_), id_(std::exchange(other.id_, 0u)) {}
  GlObject& operator=(GlObject&& other) noexcept {
    if (this != &other) {
      reset();
      kind_ = other.kind_;
      id_ = std::exchange(other.id_, 0u);
    }
    return *this;
  }
  GlObject(const GlObject&) = delete;
  GlObject& operator=(const GlObject&) = delete;

  unsigned id() const { return id_; }
  void reset();

 private:
  Kind kind_ = Kind::Texture;
  unsigned id_ = 0;
};

}  // namespace radicula::render
