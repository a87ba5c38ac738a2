#include "app/exit_status.h"

#include <ostream>

#include "app/gl_window.h"
#include "core/boundary.h"
#include "core/utf8_text.h"
#include "render/gl_error.h"

namespace radicula::app {

int guarded(std::ostream& err, const std::function<int()>& body) {
  try {
    return body();
  } catch (const NoGlError& e) {
    err << "radicula: " << core::validUtf8(e.what()) << "\n";
    return kExitNoGl;
  } catch (const render::GlError& e) {
    err << "radicula: rendering failed: " << core::validUtf8(e.what()) << "\n";
    return kExitNoGl;
  } catch (...) {
    // Anything else is the input's: a bad file names itself, any other error gets one line.
    err << "radicula: " << core::describeCurrentException() << "\n";
    return kExitBadInput;
  }
}

}  // namespace radicula::app
