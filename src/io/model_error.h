// ModelError reports a model or image file that cannot be read or written, as one line that
// names the file and the problem ("spine.glb: not a glTF file (bad magic)").
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace radicula::io {

class ModelError : public std::runtime_error {
 public:
  ModelError(const std::filesystem::path& file, const std::string& problem)
      : std::runtime_error(file.string() + ": " + problem), file_(file) {}
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

}  // namespace radicula::io
