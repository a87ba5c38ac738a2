#error "src/core must stay free of GL, GLFW, ImGui and tinygltf: it included <GL/gl.h>"
