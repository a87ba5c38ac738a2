// A failed save never costs the user the file they had: scenario saves (core::Scenario::save)
// and model/image saves (io::writeAtomically) write a temporary file and only rename a
// complete one over the target, so a failure leaves the previous file byte for byte, or no
// file at all when there was none, and no temporary file behind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "core/content_error.h"
#include "core/scenario.h"
#include "io/atomic_file.h"
#include "io/model_error.h"
#include "support/test_paths.h"

namespace radicula {
namespace {

std::filesystem::path freshDir(const std::string& name) {
  const auto dir = test::outputDir() / name;
  std::error_code ignored;  // a previous run may have left it read-only
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string contents(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> entries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  return names;
}

core::Scenario oneLesion() {
  return core::Scenario::parse(R"({"format": "radicula-scenario/1", "pathologies": [
      {"type": "herniation", "level": "L4-L5", "side": "left", "zone": "paracentral",
       "severity": 0.6}]})",
                               "case.json");
}

// The save's temporary file is taken by a folder, so the write fails even for root (who may
// write into read-only folders): the same failure a full disk gives.
TEST(AtomicSave, FailedScenarioSaveKeepsThePreviousFile) {
  const auto dir = freshDir("atomic_keep");
  const auto file = dir / "case.json";
  std::ofstream(file) << "previous scenario";
  const auto blocker = dir / ("case.json.tmp" + std::to_string(::getpid()));
  std::filesystem::create_directories(blocker / "occupied");
  EXPECT_THROW(oneLesion().save(file), core::ContentError);
  EXPECT_EQ(contents(file), "previous scenario");
  std::filesystem::remove_all(blocker);
  EXPECT_EQ(entries(dir), std::vector<std::string>{"case.json"});
}

TEST(AtomicSave, FailedScenarioSaveInAnUnwritableFolderCreatesNothing) {
  const auto dir = freshDir("atomic_readonly");
  std::filesystem::permissions(
      dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  if (::geteuid() == 0) {
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
    GTEST_SKIP() << "root writes into read-only folders; the folder-less case below covers it";
  }
  EXPECT_THROW(oneLesion().save(dir / "new.json"), core::ContentError);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  EXPECT_TRUE(entries(dir).empty());
}

TEST(AtomicSave, FailedScenarioSaveWhereNoFileWasLeavesNoFile) {
  const auto dir = freshDir("atomic_none");
  const auto file = dir / "new.json";
  std::filesystem::create_directories(dir / ("new.json.tmp" + std::to_string(::getpid())) / "x");
  EXPECT_THROW(oneLesion().save(file), core::ContentError);
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_THROW(oneLesion().save(dir / "no_such_folder" / "new.json"), core::ContentError);
  EXPECT_FALSE(std::filesystem::exists(dir / "no_such_folder"));
}

TEST(AtomicSave, FailedWriteKeepsThePreviousModelFileAndRemovesTheTemporary) {
  const auto dir = freshDir("atomic_model");
  const auto file = dir / "spine.glb";
  std::ofstream(file) << "previous model";
  EXPECT_THROW(io::writeAtomically(file,
                                   [](const std::filesystem::path& temp) {
                                     std::ofstream(temp) << "half a mod";  // then the disk fills
                                     return false;
                                   }),
               io::ModelError);
  EXPECT_EQ(contents(file), "previous model");
  EXPECT_EQ(entries(dir), std::vector<std::string>{"spine.glb"});

  io::writeTextAtomically(file, "new model");
  EXPECT_EQ(contents(file), "new model");
  EXPECT_EQ(entries(dir), std::vector<std::string>{"spine.glb"});
}

}  // namespace
}  // namespace radicula
