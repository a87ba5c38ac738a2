#include "support/test_paths.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace radicula::test {

std::filesystem::path dataDir() {
  return RADICULA_TEST_DATA_DIR;
}

std::filesystem::path outputDir() {
  std::filesystem::path dir = RADICULA_TEST_OUTPUT_DIR;
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path sourceDir() {
  return RADICULA_SOURCE_DIR;
}

std::filesystem::path executable() {
  return RADICULA_EXECUTABLE;
}

bool inCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) != "" && std::string(ci) != "false" &&
         std::string(ci) != "0";
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace radicula::test
