#include "app/native_file_dialog.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace radicula::app {

namespace {

bool onPath(const std::string& tool) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string all = path;
  for (std::size_t start = 0; start <= all.size();) {
    std::size_t end = all.find(':', start);
    if (end == std::string::npos) end = all.size();
    const std::filesystem::path candidate =
        std::filesystem::path(all.substr(start, end - start)) / tool;
    if (!candidate.empty() && ::access(candidate.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

std::vector<std::string> commandFor(const std::string& tool, const NativeDialogRequest& r) {
  std::string patterns;
  for (const auto& e : r.extensions) patterns += (patterns.empty() ? "*" : " *") + e;
  const std::string start = (r.folder / (r.save ? r.suggestedName : std::string())).string();
  if (tool == "kdialog") {
    std::vector<std::string> args = {"kdialog", "--title", r.title,
                                     r.save ? "--getsavefilename" : "--getopenfilename", start};
    if (!patterns.empty()) args.push_back(r.filterName + " (" + patterns + ")");
    return args;
  }
  std::vector<std::string> args = {"zenity", "--file-selection", "--title=" + r.title,
                                   "--filename=" + start + (r.save ? "" : "/")};
  if (r.save) {
    args.push_back("--save");
    args.push_back("--confirm-overwrite");
  }
  if (!patterns.empty()) args.push_back("--file-filter=" + r.filterName + " | " + patterns);
  return args;
}

}  // namespace

std::string NativeFileDialog::findTool() {
#ifdef __EMSCRIPTEN__
  return "";
#endif
  const char* choice = std::getenv("RADICULA_FILE_DIALOG");
  const std::string wanted = choice != nullptr ? choice : "";
  if (wanted == "builtin") return "";
  if (wanted == "zenity" || wanted == "kdialog") return onPath(wanted) ? wanted : "";
  // No desktop session (a bare X server, a remote shell): the in-app chooser.
  const char* display = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0'))
    return "";
  const char* desktop = std::getenv("XDG_CURRENT_DESKTOP");
  const bool kde = desktop != nullptr && std::strstr(desktop, "KDE") != nullptr;
  if (kde && onPath("kdialog")) return "kdialog";
  if (onPath("zenity")) return "zenity";
  if (onPath("kdialog")) return "kdialog";
  return "";
}

NativeFileDialog::NativeFileDialog(std::string tool, const NativeDialogRequest& request,
                                   std::function<void()> wake) {
#ifdef __EMSCRIPTEN__
  // A page cannot start a program: the browser's own picker stands in (web/page.js).
  (void)tool;
  (void)request;
  failed_ = true;
  finished_ = true;
  if (wake) wake();
  return;
#endif
  const std::vector<std::string> args = commandFor(tool, request);
  thread_ = std::thread([this, args, wake = std::move(wake)] {
    int out[2];
    if (::pipe(out) != 0) {
      failed_ = true;
      finished_ = true;
      if (wake) wake();
      return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    int spawned = 0;
    {
      const std::lock_guard<std::mutex> hold(lock_);
      // Closed before it could start (the window quit at once): start nothing.
      spawned = closing_ ? ECANCELED
                         : posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
      if (spawned == 0) pid_ = pid;
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (spawned != 0) {
      ::close(out[0]);
      failed_ = true;
      finished_ = true;
      if (wake) wake();
      return;
    }
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) != 0;) {
      if (n > 0) {
        text.append(buffer, static_cast<std::size_t>(n));
      } else if (errno != EINTR) {
        break;
      }
    }
    ::close(out[0]);
    // Waits for the exit but leaves the process unreaped, so its id stays ours until the
    // reaping below, which the destructor's signal cannot overtake.
    siginfo_t info{};
    while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) != 0 &&
           errno == EINTR) {
    }
    int status = 0;
    {
      const std::lock_guard<std::mutex> hold(lock_);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      pid_ = -1;
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    // Exit 0 with a path: chosen. 1: cancelled. Anything else: the tool itself failed.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !text.empty()) {
      result_ = std::filesystem::path(text);
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
      failed_ = true;
    }
    finished_ = true;
    if (wake) wake();
  });
}

NativeFileDialog::~NativeFileDialog() {
  {
    // Under the lock the dialog is either not started, or ours (running, or exited and not
    // yet reaped): the signal can never reach a process that took over a reused id.
    const std::lock_guard<std::mutex> hold(lock_);
    closing_ = true;
    if (pid_ > 0) ::kill(pid_, SIGTERM);
  }
  if (thread_.joinable()) thread_.join();
}

}  // namespace radicula::app
