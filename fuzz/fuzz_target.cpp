// One libFuzzer entry point, compiled once per target (RADICULA_FUZZ_TARGET is "scenario",
// "content", "gltf" or "assimp"; see fuzz/CMakeLists.txt). Expected errors are caught inside
// the feed functions; anything that escapes here aborts and libFuzzer reports it as a crash.
#include <cstdint>
#include <cstdlib>

#include "fuzz_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const radicula::fuzz::Feed feed = radicula::fuzz::feedFor(RADICULA_FUZZ_TARGET);
  if (feed == nullptr) std::abort();
  feed(data, size);
  return 0;
}
