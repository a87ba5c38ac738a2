// Model, picture and handout files are saved by the one atomic save (core/atomic_file.h); this
// is it for io's writers, reporting failures as ModelError.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace radicula::io {

// core::saveAtomically, throwing ModelError naming the target when the save fails. The
// temporary file is removed then, as it is when `write` throws.
void writeAtomically(const std::filesystem::path& target,
                     const std::function<bool(const std::filesystem::path& temp)>& write);

void writeTextAtomically(const std::filesystem::path& target, const std::string& text);

}  // namespace radicula::io
