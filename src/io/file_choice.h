// What a file chooser needs from the file system, without any interface: the folders and
// matching files of a folder, and what a name the user typed means. A typed name is read
// relative to the folder shown (or as an absolute path, or from ~), gets the expected
// extension when it has none, and is refused with a reason a user understands: empty, a
// folder, a folder that does not exist, characters a file name cannot hold, the wrong kind of
// file. The interface shows the reason; nothing is written or opened until the name is good.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace radicula::io {

struct FolderEntry {
  std::string name;
  bool folder = false;
};

struct FolderListing {
  std::filesystem::path folder;
  std::vector<FolderEntry> entries;  // folders first, then files; each sorted ignoring case
  std::string problem;               // why the folder could not be read; empty when it could
};

// The sub-folders of `folder` and its files whose extension (lower case) is in `extensions`
// (all files when empty). Hidden entries (a leading dot) are left out.
FolderListing listFolder(const std::filesystem::path& folder,
                         const std::vector<std::string>& extensions);

enum class ChoiceProblem {
  None,
  Empty,           // nothing typed
  IsFolder,        // the name is a folder (the chooser opens it instead)
  NoSuchFolder,    // the folder part does not exist
  NoSuchFile,      // opening: nothing by that name
  BadCharacters,   // a character no file name may hold
  WrongExtension,  // another kind of file than the dialog takes
};

struct Choice {
  std::filesystem::path path;  // absolute, with the extension added when it had none
  ChoiceProblem problem = ChoiceProblem::None;
  bool exists = false;  // a file is already there (saving asks before replacing it)
};

// Reads `typed` for a dialog showing `folder`. `extensions` are the accepted ones, lower case
// with the dot; the first is added to a name without one. `forSaving` decides whether the
// file must exist (open) or may (save: `exists` says it does).
Choice resolveChoice(const std::filesystem::path& folder, const std::string& typed,
                     const std::vector<std::string>& extensions, bool forSaving);

// `stem` + extension in `folder`, or with "-2", "-3", … before the extension when that name is
// taken, so a suggested name never replaces a file by accident.
std::string unusedFileName(const std::filesystem::path& folder, const std::string& stem,
                           const std::string& extension);

// The user's home folder ($HOME), or the current folder when it is unset.
std::filesystem::path homeFolder();

}  // namespace radicula::io
