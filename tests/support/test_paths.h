// Locations the tests read fixtures from and write their outputs (failed images, diffs) to.
#pragma once

#include <filesystem>
#include <string>

namespace radicula::test {

std::filesystem::path dataDir();     // tests/data in the source tree
std::filesystem::path outputDir();   // <build>/test-output, created on first use
std::filesystem::path sourceDir();   // the repository root
std::filesystem::path executable();  // the built `radicula`

// The whole file as bytes ("" when it cannot be read).
std::string readFile(const std::filesystem::path& file);

// True when the suite runs under CI (CI=true): there a GL test that cannot get a context
// must fail instead of skipping, so a broken Xvfb never passes silently.
bool inCi();

}  // namespace radicula::test
