#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

#include "core/content_error.h"

namespace radicula::core {

namespace {

// Removes the temporary file on every way out of a save but the successful rename.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
  ~TemporaryFile() {
    if (kept_) return;
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  void keep() { kept_ = true; }

 private:
  std::filesystem::path path_;
  bool kept_ = false;
};

std::string why(int error) {
  switch (error) {
    case EEXIST:
    case EISDIR:
      return "the name of its temporary file is taken";
    case EACCES:
    case EPERM:
    case EROFS:
      return "no permission to write in its folder";
    case ENOSPC:
    case EDQUOT:
      return "the disk is full";
    default:
      return std::strerror(error);
  }
}

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& problem) {
  throw ContentError(target.string(), "", "cannot be saved: " + problem);
}

// Flushes what is written to the file at `path` to the disk (any descriptor of a file flushes
// all of it).
int flushToDisk(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return errno;
  const int result = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return result;
}

}  // namespace

std::filesystem::path temporaryFileFor(const std::filesystem::path& target) {
  const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  return dir / (target.filename().string() + ".tmp" + std::to_string(::getpid()));
}

void saveAtomically(const std::filesystem::path& target,
                    const std::function<bool(const std::filesystem::path& temp)>& write) {
  const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) fail(target, "its folder does not exist");
  const std::filesystem::path temp = temporaryFileFor(target);
  // Made here, new, not by `write`: a file or link someone left under the temporary name is
  // removed, never written through.
  ::unlink(temp.c_str());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) fail(target, why(errno));
  TemporaryFile guard(temp);
  // A file kept private (0600) stays private when it is saved again.
  struct stat previous {};
  if (::stat(target.c_str(), &previous) == 0) ::fchmod(fd, previous.st_mode & 07777);
  ::close(fd);
  if (!write(temp)) fail(target, "writing it failed (is the disk full?)");
  // On the disk before the rename: after a power cut the name holds the old file or the new,
  // never an empty one.
  if (const int error = flushToDisk(temp, O_RDONLY); error != 0) fail(target, why(error));
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    fail(target, error == EISDIR ? "a folder has its name" : why(error));
  }
  guard.keep();
  // The rename itself is kept by flushing the folder, where the system allows it.
  flushToDisk(dir, O_RDONLY | O_DIRECTORY);
}

void saveTextAtomically(const std::filesystem::path& target, std::string_view text) {
  saveAtomically(target, [&](const std::filesystem::path& temp) {
    std::FILE* out = std::fopen(temp.c_str(), "wb");
    if (out == nullptr) return false;
    const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    return std::fclose(out) == 0 && written;
  });
}

}  // namespace radicula::core
