#include "support/run_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/test_paths.h"

namespace radicula::test {

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

namespace {

int spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
          const std::string& outPath, const std::string& errPath) {
  const pid_t pid = fork();
  if (pid == 0) {
    for (const auto& [k, v] : env) {
      if (v.empty())
        ::unsetenv(k.c_str());
      else
        ::setenv(k.c_str(), v.c_str(), 1);
    }
    const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::dup2(in, 0);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

std::string outputBase() {
  static int counter = 0;
  return (outputDir() / ("proc_" + std::to_string(::getpid()) + "_" + std::to_string(counter++)))
      .string();
}

ProcessResult collect(int status, const std::string& outPath, const std::string& errPath) {
  ProcessResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(outPath);
  result.err = slurp(errPath);
  std::remove(outPath.c_str());
  std::remove(errPath.c_str());
  return result;
}

}  // namespace

ProcessResult runProcess(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env) {
  const std::string base = outputBase();
  const std::string outPath = base + ".out", errPath = base + ".err";
  const int pid = spawn(args, env, outPath, errPath);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return collect(status, outPath, errPath);
}

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& args,
                                     const std::map<std::string, std::string>& env) {
  const std::string base = outputBase();
  outPath_ = base + ".out";
  errPath_ = base + ".err";
  pid_ = spawn(args, env, outPath_, errPath_);
}

BackgroundProcess::~BackgroundProcess() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

bool BackgroundProcess::running() {
  if (result_ || pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    result_ = collect(status, outPath_, errPath_);
    return false;
  }
  return true;
}

std::optional<ProcessResult> BackgroundProcess::wait(double seconds) {
  for (int i = 0; i < static_cast<int>(seconds * 20) && running(); ++i) ::usleep(50000);
  running();
  return result_;
}

std::string BackgroundProcess::err() const {
  return result_ ? result_->err : slurp(errPath_);
}

}  // namespace radicula::test
