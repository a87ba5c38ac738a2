// The desktop's own file chooser, where one is installed: zenity (GNOME and most others) or
// kdialog (KDE), run as a separate process so the viewer keeps drawing while the user
// browses. RADICULA_FILE_DIALOG=builtin (or a missing tool) makes the viewer use its in-app
// chooser instead; RADICULA_FILE_DIALOG=zenity or kdialog picks one.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace radicula::app {

struct NativeDialogRequest {
  bool save = false;
  std::string title;
  std::filesystem::path folder;
  std::string suggestedName;  // for saving
  std::string filterName;     // e.g. "Scenario"
  std::vector<std::string> extensions;
};

class NativeFileDialog {
 public:
  // The tool to use, or empty for the in-app chooser.
  static std::string findTool();

  // `wake` is called from the dialog's thread when it finishes (to wake a waiting event loop).
  NativeFileDialog(std::string tool, const NativeDialogRequest& request,
                   std::function<void()> wake);
  ~NativeFileDialog();  // closes the dialog if it is still open
  NativeFileDialog(const NativeFileDialog&) = delete;
  NativeFileDialog& operator=(const NativeFileDialog&) = delete;

  bool finished() const { return finished_; }
  // After finished(): the chosen file, or nothing when the user cancelled.
  std::optional<std::filesystem::path> result() const { return result_; }
  // The tool failed to start or to run: the caller falls back to the in-app chooser.
  bool failed() const { return failed_; }

 private:
  // The dialog's process id may only be signalled while the process is ours: until it is
  // reaped, even when it has exited, no other process can get the same id. The thread
  // waits for the exit without reaping (waitid with WNOWAIT), then reaps under this lock; the
  // destructor signals only under the lock and only before the reaping.
  std::mutex lock_;
  int pid_ = -1;  // the running (or exited, not yet reaped) dialog; -1 when there is none
  bool closing_ = false;
  std::atomic<bool> finished_{false};
  std::atomic<bool> failed_{false};
  std::optional<std::filesystem::path> result_;
  std::thread thread_;
};

}  // namespace radicula::app
