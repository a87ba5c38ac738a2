// File names and messages are shown as valid UTF-8 whatever bytes they hold. The expected
// results are the Unicode standard's own (§3.9: table 3-7 of well-formed byte sequences, and
// table 3-8, the recommended U+FFFD for each maximal subpart of an ill-formed sequence).
#include <gtest/gtest.h>

#include "core/content_error.h"
#include "core/utf8_text.h"

namespace radicula::core {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST(Utf8Text, TheStandardsExampleOfMaximalSubparts) {
  // Unicode 15.0, table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 →
  // a FFFD FFFD FFFD b FFFD c FFFD FFFD d.
  const std::string in = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  const std::string r = kReplacement;
  EXPECT_EQ(validUtf8(in), "a" + r + r + r + "b" + r + "c" + r + r + "d");
}

TEST(Utf8Text, IllFormedSequencesOfTable3_7AreReplaced) {
  EXPECT_EQ(validUtf8("inform\xE9.txt"), "inform" + kReplacement + ".txt");          // Latin-1 é
  EXPECT_EQ(validUtf8("\xC0\xAF"), kReplacement + kReplacement);                     // overlong '/'
  EXPECT_EQ(validUtf8("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement);  // surrogate
  EXPECT_EQ(validUtf8("\xF4\x90\x80\x80"),
            kReplacement + kReplacement + kReplacement + kReplacement);  // past U+10FFFF
  EXPECT_EQ(validUtf8("\xE2\x82"), kReplacement) << "a cut sequence is one replacement";
  // Well-formed text of every length passes unchanged.
  const std::string good = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBF";
  EXPECT_EQ(validUtf8(good), good);
  EXPECT_TRUE(isWellFormedUtf8(good));
  EXPECT_FALSE(isWellFormedUtf8("caf\xE9"));
  EXPECT_EQ(displayPath(std::filesystem::path("/tmp/caf\xE9.json")),
            "/tmp/caf" + kReplacement + ".json");
}

TEST(Utf8Text, ErrorsNamingAFileAreValidUtf8) {
  const ContentError e("caf\xE9.json", "/notes", "bad");
  EXPECT_EQ(std::string(e.what()), "caf" + kReplacement + ".json: /notes: bad");
  EXPECT_EQ(e.file(), "caf\xE9.json") << "the name itself is kept for opening the file";
}

}  // namespace
}  // namespace radicula::core
