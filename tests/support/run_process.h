// Runs the built `radicula` (or any command) the way a user would from a shell, capturing its
// exit status and output, for CLI tests.
#pragma once

#include <map>
#include <optional>
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

// A process left running in the background (the viewer, while a test drives it).
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {});
  ~BackgroundProcess();  // kills it if it still runs
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  bool running();
  // Waits up to `seconds` for it to end; the result when it did.
  std::optional<ProcessResult> wait(double seconds);
  std::string err() const;  // what it wrote to stderr so far

 private:
  int pid_ = -1;
  std::optional<ProcessResult> result_;
  std::string outPath_, errPath_;
};

}  // namespace radicula::test
