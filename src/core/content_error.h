// ContentError is the one error type for bad input files (content tables, scenarios): it
// names the file, the JSON path inside it and what was expected, so the user reads one line
// such as `case.json: /pathologies/0/level: "L45" is not a disc level (expected L1-L2 … L5-S1)`.
#pragma once

#include <string>

#include "core/file_error.h"

namespace radicula::core {

class ContentError : public FileError {
 public:
  ContentError(std::string file, std::string jsonPath, std::string problem)
      : FileError(compose(file, jsonPath, problem)),
        file_(std::move(file)),
        jsonPath_(std::move(jsonPath)),
        problem_(std::move(problem)) {}

  const std::string& file() const { return file_; }
  const std::string& jsonPath() const { return jsonPath_; }
  const std::string& problem() const { return problem_; }

 private:
  static std::string compose(const std::string& file, const std::string& path,
                             const std::string& problem) {
    std::string out = file;
    if (!path.empty()) out += ": " + path;
    return out + ": " + problem;
  }

  std::string file_;
  std::string jsonPath_;
  std::string problem_;
};

}  // namespace radicula::core
