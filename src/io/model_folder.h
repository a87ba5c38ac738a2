// The files a model may read besides itself: a glTF's external buffers and images resolve only
// inside the model's own folder, as a browser would allow. A uri that climbs out of it
// ("../../../../etc/hostname"), an absolute path or a link that leads outside is refused and
// remembered, so the loader can name it. tinygltf reads every external file through these
// callbacks (its FsCallbacks), never on its own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <tiny_gltf.h>

namespace radicula::io {

class ModelFolder {
 public:
  // `model` is the model file; its folder is the one files may come from. At most
  // `maxBytes` are read in all.
  ModelFolder(const std::filesystem::path& model, std::uintmax_t maxBytes);

  // The folder as tinygltf's base_dir, and the callbacks that confine it.
  const std::string& baseDir() const { return base_; }
  tinygltf::FsCallbacks callbacks();

  // The first uri refused for leading outside the folder ("" when none), as the model gave it.
  const std::string& refusedUri() const { return refused_; }
  // Why reading stopped when a file was too large for what is left of the budget ("" if not).
  const std::string& problem() const { return problem_; }

 private:
  // The file a path tinygltf asks for stands for, if it is inside the folder; remembers a
  // refusal. tinygltf also tries each uri against the working folder: those are never ours.
  std::optional<std::filesystem::path> resolve(const std::string& path);
  static bool exists(const std::string& path, void* self);
  static std::string expand(const std::string& path, void* self);
  static bool read(std::vector<unsigned char>* out, std::string* err, const std::string& path,
                   void* self);
  static bool write(std::string* err, const std::string& path,
                    const std::vector<unsigned char>& contents, void* self);

  std::filesystem::path folder_;  // canonical
  std::string base_;
  std::string prefix_;  // base_ with its trailing separator
  std::uintmax_t budget_;
  std::string refused_;
  std::string problem_;
};

}  // namespace radicula::io
