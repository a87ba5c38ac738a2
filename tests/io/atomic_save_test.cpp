// A failed save never costs the user the file they had: scenario saves (core::Scenario::save)
// and model/image saves (io::writeAtomically) write a temporary file and only rename a
// complete one over the target, so a failure leaves the previous file byte for byte, or no
// file at all when there was none, and no temporary file behind.
#include <gtest/gtest.h>

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "core/atomic_file.h"
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

// What `body` returns, run in a child process as the unprivileged user "nobody" when this runs
// as root (as CI does: root writes into read-only folders), else as this user. -1 when the
// child could not drop its privileges or crashed.
int asUnprivilegedUser(const std::function<int()>& body) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (::geteuid() == 0) {
      constexpr uid_t kNobody = 65534;
      if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
        ::_exit(100);
      }
    }
    int result = 101;
    try {
      result = body();
    } catch (...) {
    }
    ::_exit(result);
  }
  int status = 0;
  if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

// A folder the user may enter but not write in: a save there fails and creates nothing. The
// folder lies under the system's temporary folder, which every user may pass through.
TEST(AtomicSave, FailedScenarioSaveInAnUnwritableFolderCreatesNothing) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "radicula-readonly-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path dir = pattern;
  std::filesystem::permissions(
      dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
               std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
               std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
  const int outcome = asUnprivilegedUser([&] {
    if (::access(dir.c_str(), R_OK | X_OK) != 0) return 2;  // the test could not reach it
    try {
      oneLesion().save(dir / "new.json");
    } catch (const core::ContentError& e) {
      return std::string(e.what()).find("new.json") != std::string::npos ? 0 : 3;
    }
    return 1;  // saved where it may not write
  });
  const std::vector<std::string> left = entries(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(outcome, 0) << "1: it saved; 2: could not enter the folder; 3: the message does not "
                           "name the file; -1 or 100: no unprivileged child";
  EXPECT_TRUE(left.empty());
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

// A writer that throws half way (a JSON value it cannot write, a library's exception) still
// leaves the previous file as it was and no temporary file behind.
TEST(AtomicSave, AWriteThatThrowsKeepsThePreviousFileAndRemovesTheTemporary) {
  const auto dir = freshDir("atomic_throw");
  const auto file = dir / "handout.png";
  std::ofstream(file) << "previous handout";
  EXPECT_THROW(io::writeAtomically(file,
                                   [](const std::filesystem::path& temp) -> bool {
                                     std::ofstream(temp) << "half a pic";
                                     throw std::runtime_error("the encoder gave up");
                                   }),
               std::runtime_error);
  EXPECT_EQ(contents(file), "previous handout");
  EXPECT_EQ(entries(dir), std::vector<std::string>{"handout.png"});
}

// A scenario whose note holds bytes that are not UTF-8 (a Latin-1 file name) is saved with
// U+FFFD in their place: saving never throws on it and leaves nothing half written.
TEST(AtomicSave, AScenarioWithANoteThatIsNotUtf8IsSavedAsValidUtf8) {
  const auto dir = freshDir("atomic_latin1");
  const auto file = dir / "case.json";
  core::Scenario scenario = oneLesion();
  scenario.extra["notes"] = std::string("Read from the MRI report inform\xE9.txt");
  ASSERT_NO_THROW(scenario.save(file));
  EXPECT_EQ(entries(dir), std::vector<std::string>{"case.json"});
  const core::Scenario back = core::Scenario::load(file);
  EXPECT_EQ(back.extra["notes"].get<std::string>(),
            "Read from the MRI report inform\xEF\xBF\xBD.txt");
  EXPECT_EQ(back.pathologies.size(), 1u);
}

// A file kept private stays private when saved again, and a link someone left under the
// temporary file's name is never written through.
TEST(AtomicSave, KeepsThePermissionsAndNeverWritesThroughALinkAtTheTemporaryName) {
  const auto dir = freshDir("atomic_private");
  const auto file = dir / "case.json";
  std::ofstream(file) << "previous";
  std::filesystem::permissions(
      file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const auto elsewhere = dir / "elsewhere.txt";
  std::ofstream(elsewhere) << "not to be touched";
  std::filesystem::create_symlink(elsewhere, core::temporaryFileFor(file));
  oneLesion().save(file);
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_EQ(contents(elsewhere), "not to be touched");
  EXPECT_NE(contents(file).find("radicula-scenario/1"), std::string::npos);
  EXPECT_EQ(entries(dir).size(), 2u) << "the file and elsewhere.txt, no link left";
}

}  // namespace
}  // namespace radicula
