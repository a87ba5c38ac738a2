// What a name typed into the file chooser means: read in the folder shown, the extension added,
// and refused with a reason for an empty name, a folder, a missing folder or file, or the wrong
// kind of file. Suggested names never replace a file.
#include <gtest/gtest.h>

#include <fstream>

#include "io/file_choice.h"
#include "support/test_paths.h"

namespace radicula::io {
namespace {

namespace fs = std::filesystem;

fs::path folderWith(const std::string& name, const std::vector<std::string>& files) {
  const fs::path dir = test::outputDir() / ("choice_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "Cases");
  fs::create_directories(dir / ".hidden");
  for (const auto& f : files) std::ofstream(dir / f) << "x";
  return dir;
}

TEST(FileChoice, ListsFoldersFirstThenMatchingFilesIgnoringCase) {
  const fs::path dir = folderWith("list", {"b.json", "A.JSON", "notes.txt", ".secret.json"});
  const FolderListing l = listFolder(dir, {".json"});
  EXPECT_EQ(l.problem, "");
  ASSERT_EQ(l.entries.size(), 3u);
  EXPECT_EQ(l.entries[0].name, "Cases");
  EXPECT_TRUE(l.entries[0].folder);
  EXPECT_EQ(l.entries[1].name, "A.JSON");
  EXPECT_EQ(l.entries[2].name, "b.json");
  EXPECT_FALSE(listFolder(dir / "nowhere", {}).problem.empty());
}

TEST(FileChoice, SavingAddsTheExtensionAndSaysWhenTheFileExists) {
  const fs::path dir = folderWith("save", {"case.json"});
  const Choice fresh = resolveChoice(dir, "  handout  ", {".png", ".pdf"}, true);
  EXPECT_EQ(fresh.problem, ChoiceProblem::None);
  EXPECT_EQ(fresh.path, dir / "handout.png") << "trimmed, the first extension added";
  EXPECT_FALSE(fresh.exists);
  EXPECT_EQ(resolveChoice(dir, "sheet.PDF", {".png", ".pdf"}, true).path, dir / "sheet.PDF");
  const Choice existing = resolveChoice(dir, "case", {".json"}, true);
  EXPECT_EQ(existing.problem, ChoiceProblem::None);
  EXPECT_TRUE(existing.exists) << "the chooser asks before replacing it";
  EXPECT_EQ(resolveChoice(dir, "Cases/new", {".json"}, true).path, dir / "Cases" / "new.json");
  EXPECT_EQ(resolveChoice(dir, (dir / "abs").string(), {".json"}, true).path, dir / "abs.json");
}

TEST(FileChoice, RefusedNamesSayWhy) {
  const fs::path dir = folderWith("refuse", {"case.json"});
  EXPECT_EQ(resolveChoice(dir, "", {".json"}, true).problem, ChoiceProblem::Empty);
  EXPECT_EQ(resolveChoice(dir, "   ", {".json"}, true).problem, ChoiceProblem::Empty);
  EXPECT_EQ(resolveChoice(dir, "Cases", {".json"}, true).problem, ChoiceProblem::IsFolder);
  EXPECT_EQ(resolveChoice(dir, "nowhere/case", {".json"}, true).problem,
            ChoiceProblem::NoSuchFolder);
  EXPECT_EQ(resolveChoice(dir, "notes.txt", {".json"}, true).problem,
            ChoiceProblem::WrongExtension);
  EXPECT_EQ(resolveChoice(dir, "a\tb", {".json"}, true).problem, ChoiceProblem::BadCharacters);
  EXPECT_EQ(resolveChoice(dir, "other", {".json"}, false).problem, ChoiceProblem::NoSuchFile);
  const Choice open = resolveChoice(dir, "case", {".json"}, false);
  EXPECT_EQ(open.problem, ChoiceProblem::None);
  EXPECT_EQ(open.path, dir / "case.json");
}

TEST(FileChoice, SuggestedNamesNeverReplaceAFile) {
  const fs::path dir = folderWith("suggest", {"radicula-L4-L5-left.png"});
  EXPECT_EQ(unusedFileName(dir, "radicula-L4-L5-left", ".png"), "radicula-L4-L5-left-2.png");
  EXPECT_EQ(unusedFileName(dir, "radicula-L4-L5-left", ".json"), "radicula-L4-L5-left.json");
}

}  // namespace
}  // namespace radicula::io
