#include "app/exit_status.h"

#include <ostream>

#include "app/gl_window.h"
#include "core/content_error.h"
#include "io/model_error.h"
#include "render/gl_error.h"

namespace radicula::app {

int guarded(std::ostream& err, const std::function<int()>& body) {
  try {
    return body();
  } catch (const NoGlError& e) {
    err << "radicula: " << e.what() << "\n";
    return kExitNoGl;
  } catch (const io::ModelError& e) {
    err << "radicula: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const core::ContentError& e) {
    err << "radicula: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const render::GlError& e) {
    err << "radicula: rendering failed: " << e.what() << "\n";
    return kExitNoGl;
  }
}

}  // namespace radicula::app
