// ModelError reports a model or image file that cannot be read or written, as one line that
// names the file and the problem ("spine.glb: not a glTF file (bad magic)"), as valid UTF-8
// whatever bytes the file name held (a core::FileError).
#pragma once

#include <filesystem>
#include <string>

#include "core/file_error.h"

namespace radicula::io {

class ModelError : public core::FileError {
 public:
  ModelError(const std::filesystem::path& file, const std::string& problem)
      : core::FileError(file.native() + ": " + problem), file_(file) {}
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

}  // namespace radicula::io
