#include "io/atomic_file.h"

#include "core/atomic_file.h"
#include "core/content_error.h"
#include "io/model_error.h"

namespace radicula::io {

void writeAtomically(const std::filesystem::path& target,
                     const std::function<bool(const std::filesystem::path& temp)>& write) {
  try {
    core::saveAtomically(target, write);
  } catch (const core::ContentError& e) {
    throw ModelError(target, e.problem());
  }
}

void writeTextAtomically(const std::filesystem::path& target, const std::string& text) {
  try {
    core::saveTextAtomically(target, text);
  } catch (const core::ContentError& e) {
    throw ModelError(target, e.problem());
  }
}

}  // namespace radicula::io
