#include "io/atomic_file.h"

#include <fstream>
#include <system_error>

#include <unistd.h>

#include "io/model_error.h"

namespace radicula::io {

void writeAtomically(const std::filesystem::path& target,
                     const std::function<bool(const std::filesystem::path& temp)>& write) {
  const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw ModelError(target, "its folder does not exist");
  const auto temp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
  if (!write(temp)) {
    std::filesystem::remove(temp, ec);
    throw ModelError(target, "cannot be written (disk full or no permission?)");
  }
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw ModelError(target, "cannot be replaced: " + ec.message());
  }
}

void writeTextAtomically(const std::filesystem::path& target, const std::string& text) {
  writeAtomically(target, [&](const std::filesystem::path& temp) {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    return static_cast<bool>(out);
  });
}

}  // namespace radicula::io
