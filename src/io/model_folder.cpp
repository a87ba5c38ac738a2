#include "io/model_folder.h"

#include <algorithm>
#include <fstream>
#include <system_error>

namespace radicula::io {

namespace {

bool inside(const std::filesystem::path& folder, const std::filesystem::path& file) {
  const auto [f, p] = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
  return f == folder.end() && p != file.end();
}

}  // namespace

ModelFolder::ModelFolder(const std::filesystem::path& model, std::uintmax_t maxBytes)
    : budget_(maxBytes) {
  std::error_code ec;
  const auto parent = std::filesystem::absolute(model, ec).parent_path();
  folder_ = std::filesystem::weakly_canonical(parent, ec);
  if (ec) folder_ = parent.lexically_normal();
  base_ = folder_.string();
  prefix_ = !base_.empty() && base_.back() == '/' ? base_ : base_ + "/";
}

tinygltf::FsCallbacks ModelFolder::callbacks() {
  tinygltf::FsCallbacks fs{};
  fs.FileExists = &ModelFolder::exists;
  fs.ExpandFilePath = &ModelFolder::expand;
  fs.ReadWholeFile = &ModelFolder::read;
  fs.WriteWholeFile = &ModelFolder::write;
  fs.user_data = this;
  return fs;
}

std::optional<std::filesystem::path> ModelFolder::resolve(const std::string& path) {
  // tinygltf joins base_dir and the (decoded) uri; the same uri against "." is its second try.
  if (path.size() <= prefix_.size() || path.compare(0, prefix_.size(), prefix_) != 0) {
    return std::nullopt;
  }
  const std::string uri = path.substr(prefix_.size());
  std::error_code ec;
  // Links are followed and ".." resolved before the file is judged.
  const std::filesystem::path file = std::filesystem::weakly_canonical(folder_ / uri, ec);
  if (uri.front() == '/' || ec || !inside(folder_, file)) {
    if (refused_.empty()) refused_ = uri;
    return std::nullopt;
  }
  return file;
}

bool ModelFolder::exists(const std::string& path, void* self) {
  const auto file = static_cast<ModelFolder*>(self)->resolve(path);
  std::error_code ec;
  return file && std::filesystem::is_regular_file(*file, ec);
}

std::string ModelFolder::expand(const std::string& path, void*) {
  return path;  // no "~" or variables: a uri means what it says
}

bool ModelFolder::read(std::vector<unsigned char>* out, std::string* err, const std::string& path,
                       void* self) {
  auto& folder = *static_cast<ModelFolder*>(self);
  const auto file = folder.resolve(path);
  std::error_code ec;
  if (!file || !std::filesystem::is_regular_file(*file, ec)) {
    if (err) *err += "not a file beside the model";
    return false;
  }
  const std::uintmax_t size = std::filesystem::file_size(*file, ec);
  if (ec || size > folder.budget_) {
    folder.problem_ = "\"" + path.substr(folder.prefix_.size()) + "\" is too large to read";
    if (err) *err += folder.problem_;
    return false;
  }
  std::ifstream in(*file, std::ios::binary);
  out->resize(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(out->data()), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    if (err) *err += "cannot be read";
    return false;
  }
  folder.budget_ -= size;
  return true;
}

bool ModelFolder::write(std::string* err, const std::string&, const std::vector<unsigned char>&,
                        void*) {
  if (err) *err += "a model is only read";
  return false;
}

}  // namespace radicula::io
