// GL errors are checked after every pass; a failure names the pass, so a test or a user report
// says "opaque pass: GL_INVALID_OPERATION" rather than showing a black picture.
#pragma once

#include <stdexcept>
#include <string>

namespace radicula::render {

class GlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws GlError naming `where` if the GL error flag is set (and clears every pending error).
void checkGl(const char* where);

}  // namespace radicula::render
