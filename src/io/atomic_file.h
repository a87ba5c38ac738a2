// Saving never destroys the previous file: content goes to a temporary file in the same
// folder, and only a complete write is renamed over the target (rename is atomic there).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace radicula::io {

// `write` fills the temporary path and returns false on failure. Throws ModelError naming
// the target when writing or renaming fails; the temporary file is removed then.
void writeAtomically(const std::filesystem::path& target,
                     const std::function<bool(const std::filesystem::path& temp)>& write);

void writeTextAtomically(const std::filesystem::path& target, const std::string& text);

}  // namespace radicula::io
