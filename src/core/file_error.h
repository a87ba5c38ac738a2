// FileError is any error that already names its file in its one line (`spine.glb: …`), as
// valid UTF-8 whatever bytes the name held: ContentError for the files the core reads and
// writes, io::ModelError for models and pictures. A boundary shows it as it is
// (core/boundary.h).
#pragma once

#include <stdexcept>
#include <string>

#include "core/utf8_text.h"

namespace radicula::core {

class FileError : public std::runtime_error {
 public:
  explicit FileError(const std::string& line) : std::runtime_error(validUtf8(line)) {}
};

}  // namespace radicula::core
