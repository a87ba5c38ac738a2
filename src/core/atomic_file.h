// The one way Radicula saves a file (scenarios, settings, handouts, pictures, models): the
// content goes to a temporary file beside the target, is flushed to the disk, and only a
// complete file is renamed over the target (rename is atomic within a folder). A failed or
// interrupted save leaves the previous file byte for byte, or no file where there was none, and
// never a temporary file behind, whatever fails or throws on the way.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace radicula::core {

// `write` fills the temporary file at the path it is given (created empty, with the
// permissions of the file it will replace) and returns false on failure; it may also throw.
// Throws ContentError(target, "", problem) when the folder is missing or not writable, the
// write fails, or the disk cannot keep the file; an exception from `write` passes through.
// Either way the temporary file is gone.
void saveAtomically(const std::filesystem::path& target,
                    const std::function<bool(const std::filesystem::path& temp)>& write);

void saveTextAtomically(const std::filesystem::path& target, std::string_view text);

// The temporary file a save of `target` writes first (`<name>.tmp<process id>` in its folder).
std::filesystem::path temporaryFileFor(const std::filesystem::path& target);

}  // namespace radicula::core
