// Runs the built `radicula` (or any command) the way a user would from a shell, capturing its
// exit status and output, for CLI tests.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace radicula::test {

struct ProcessResult {
  int exitCode = -1;  // -1 when killed by a signal (a crash)
  std::string out;
  std::string err;
};

// `env` entries are set for the child only; an empty value unsets the variable.
ProcessResult runProcess(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env = {});

}  // namespace radicula::test
