#error "src/core must stay free of GL, GLFW, ImGui and tinygltf: it included <tiny_gltf.h>"
