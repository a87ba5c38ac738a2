// The implementations of the header-only libraries, compiled once for the browser build (the
// desktop links Debian's compiled libtinygltf and libstb instead).
#define TINYGLTF_IMPLEMENTATION
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <tiny_gltf.h>
