// How a run ends for the shell: 0 success, 1 no usable OpenGL 3.3 or display (or a GL
// failure), 2 bad input (a file named in the one error line). Every command runs its body
// through guarded(), the command line's boundary: any exception becomes one line
// (core/boundary.h) and a status, never a crash.
#pragma once

#include <functional>
#include <iosfwd>

namespace radicula::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitNoGl = 1;
inline constexpr int kExitBadInput = 2;

int guarded(std::ostream& err, const std::function<int()>& body);

}  // namespace radicula::app
