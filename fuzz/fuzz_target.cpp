// One libFuzzer entry point, compiled once and linked into every fuzz_<target> executable (see
// fuzz/CMakeLists.txt): the executable's own name says which reader it drives ("fuzz_gltf"
// feeds glTF). Expected errors are caught inside the feed functions; anything that escapes
// here aborts and libFuzzer reports it as a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "fuzz_inputs.h"

namespace {

radicula::fuzz::Feed feed = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::string name = *argc > 0 ? std::filesystem::path((*argv)[0]).filename().string() : "";
  if (name.rfind("fuzz_", 0) == 0) name = name.substr(5);
  feed = radicula::fuzz::feedFor(name);
  if (feed == nullptr) {
    std::fprintf(stderr, "no fuzz target named \"%s\" (the executable is fuzz_<target>)\n",
                 name.c_str());
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  feed(data, size);
  return 0;
}
