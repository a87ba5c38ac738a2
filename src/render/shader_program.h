// A ShaderProgram is a linked vertex + fragment shader pair read from `shaders/NAME.vert` and
// `shaders/NAME.frag` (or an explicit fragment file). Compile and link errors name the file.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

#include <glm/glm.hpp>

namespace radicula::render {

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ShaderProgram(const std::filesystem::path& vertexFile, const std::filesystem::path& fragmentFile);
  ~ShaderProgram();
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;
  ShaderProgram(ShaderProgram&& other) noexcept;
  ShaderProgram& operator=(ShaderProgram&& other) noexcept;

  void use() const;
  unsigned id() const { return program_; }

  void set(const char* name, int value);
  void set(const char* name, unsigned value);
  void set(const char* name, float value);
  void set(const char* name, const glm::vec2& value);
  void set(const char* name, const glm::vec3& value);
  void set(const char* name, const glm::vec4& value);
  void set(const char* name, const glm::mat3& value);
  void set(const char* name, const glm::mat4& value);
  void setArray(const char* name, const float* values, int count);

 private:
  int location(const char* name);

  unsigned program_ = 0;
  std::unordered_map<std::string, int> locations_;
};

}  // namespace radicula::render
