#include "render/shader_program.h"

#include "render/gl_api.h"

#include <fstream>
#include <sstream>
#include <utility>

#include <glm/gtc/type_ptr.hpp>

#include "render/gl_error.h"

namespace radicula::render {

namespace {

std::string readSource(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw GlError(file.string() + ": shader file not found");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

unsigned compile(GLenum stage, const std::filesystem::path& file) {
  // The files hold no #version line: it and the precision are the platform's (gl_api.h).
  const std::string source = std::string(kShaderHeader) + readSource(file);
  const char* text = source.c_str();
  const unsigned shader = glCreateShader(stage);
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  int ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    glDeleteShader(shader);
    throw GlError(file.string() + ": shader does not compile: " + log);
  }
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(const std::filesystem::path& vertexFile,
                             const std::filesystem::path& fragmentFile) {
  const unsigned vs = compile(GL_VERTEX_SHADER, vertexFile);
  unsigned fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, fragmentFile);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  int ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(program_, sizeof log, nullptr, log);
    glDeleteProgram(program_);
    program_ = 0;
    throw GlError(fragmentFile.string() + ": shaders do not link: " + log);
  }
}

ShaderProgram::~ShaderProgram() {
  if (program_ != 0) glDeleteProgram(program_);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept
    : program_(std::exchange(other.program_, 0)), locations_(std::move(other.locations_)) {}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
  if (this != &other) {
    if (program_ != 0) glDeleteProgram(program_);
    program_ = std::exchange(other.program_, 0);
    locations_ = std::move(other.locations_);
  }
  return *this;
}

void ShaderProgram::use() const {
  glUseProgram(program_);
}

int ShaderProgram::location(const char* name) {
  auto it = locations_.find(name);
  if (it != locations_.end()) return it->second;
  const int loc = glGetUniformLocation(program_, name);
  locations_.emplace(name, loc);
  return loc;
}

void ShaderProgram::set(const char* name, int value) {
  glUniform1i(location(name), value);
}
void ShaderProgram::set(const char* name, unsigned value) {
  glUniform1ui(location(name), value);
}
void ShaderProgram::set(const char* name, float value) {
  glUniform1f(location(name), value);
}
void ShaderProgram::set(const char* name, const glm::vec2& v) {
  glUniform2fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec3& v) {
  glUniform3fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec4& v) {
  glUniform4fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::mat3& m) {
  glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(m));
}
void ShaderProgram::set(const char* name, const glm::mat4& m) {
  glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(m));
}
void ShaderProgram::setArray(const char* name, const float* values, int count) {
  glUniform1fv(location(name), count, values);
}

}  // namespace radicula::render
