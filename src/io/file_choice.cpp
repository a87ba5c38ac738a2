#include "io/file_choice.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

namespace radicula::io {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool accepted(const fs::path& file, const std::vector<std::string>& extensions) {
  if (extensions.empty()) return true;
  const std::string ext = lower(file.extension().string());
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

fs::path homeFolder() {
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return fs::path(home);
  std::error_code ec;
  const fs::path here = fs::current_path(ec);
  return ec ? fs::path("/") : here;
}

FolderListing listFolder(const fs::path& folder, const std::vector<std::string>& extensions) {
  FolderListing listing;
  listing.folder = folder;
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    listing.problem = ec == std::errc::no_such_file_or_directory ? "the folder does not exist"
                      : ec == std::errc::permission_denied       ? "no permission to read it"
                                                                 : ec.message();
    return listing;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code typeError;
    const bool isFolder = it->is_directory(typeError);
    if (typeError) continue;
    if (!isFolder && !accepted(it->path(), extensions)) continue;
    listing.entries.push_back({name, isFolder});
  }
  std::sort(listing.entries.begin(), listing.entries.end(),
            [](const FolderEntry& a, const FolderEntry& b) {
              if (a.folder != b.folder) return a.folder;
              const std::string la = lower(a.name), lb = lower(b.name);
              return la != lb ? la < lb : a.name < b.name;
            });
  return listing;
}

Choice resolveChoice(const fs::path& folder, const std::string& typedText,
                     const std::vector<std::string>& extensions, bool forSaving) {
  Choice choice;
  const std::string typed = trimmed(typedText);
  if (typed.empty()) {
    choice.problem = ChoiceProblem::Empty;
    return choice;
  }
  if (typed.find('\0') != std::string::npos ||
      std::any_of(typed.begin(), typed.end(),
                  [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
    choice.problem = ChoiceProblem::BadCharacters;
    return choice;
  }
  fs::path path;
  if (typed == "~" || typed.rfind("~/", 0) == 0) {
    path = homeFolder() / typed.substr(std::min<std::size_t>(typed.size(), 2));
  } else {
    path = fs::path(typed);
    if (path.is_relative()) path = folder / path;
  }
  path = path.lexically_normal();
  choice.path = path;
  std::error_code ec;
  if (typed.back() == '/' || fs::is_directory(path, ec)) {
    choice.problem =
        fs::is_directory(path, ec) ? ChoiceProblem::IsFolder : ChoiceProblem::NoSuchFolder;
    return choice;
  }
  if (path.filename().empty() || path.filename() == "." || path.filename() == "..") {
    choice.problem = ChoiceProblem::Empty;
    return choice;
  }
  if (!fs::is_directory(path.parent_path(), ec)) {
    choice.problem = ChoiceProblem::NoSuchFolder;
    return choice;
  }
  if (!extensions.empty()) {
    if (path.extension().empty()) {
      path += extensions.front();
      choice.path = path;
    } else if (!accepted(path, extensions) && (forSaving || !fs::exists(path, ec))) {
      // "notes.txt" in a save dialog for scenarios: say so rather than write JSON under that
      // name. An existing file of another kind is left to the reader, which names the problem.
      choice.problem = ChoiceProblem::WrongExtension;
      return choice;
    }
  }
  choice.exists = fs::exists(path, ec);
  if (fs::is_directory(path, ec)) {
    choice.problem = ChoiceProblem::IsFolder;
    return choice;
  }
  if (!forSaving && !choice.exists) choice.problem = ChoiceProblem::NoSuchFile;
  return choice;
}

std::string unusedFileName(const fs::path& folder, const std::string& stem,
                           const std::string& extension) {
  std::error_code ec;
  std::string name = stem + extension;
  for (int n = 2; fs::exists(folder / name, ec) && n < 1000; ++n) {
    name = stem + "-" + std::to_string(n) + extension;
  }
  return name;
}

}  // namespace radicula::io
