#include "core/boundary.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <new>

#include <nlohmann/json.hpp>

#include "core/file_error.h"
#include "core/utf8_text.h"

namespace radicula::core {

namespace {

std::string oneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return validUtf8(text);
}

// `problem` with the file in front, unless it starts with it already.
std::string naming(const std::string& file, const std::string& problem) {
  if (file.empty()) return problem;
  const std::string shown = validUtf8(file);
  if (problem.rfind(shown + ":", 0) == 0) return problem;
  return shown + ": " + problem;
}

}  // namespace

std::string describeCurrentException(const std::string& file) {
  try {
    throw;
  } catch (const FileError& e) {
    return oneLine(e.what());  // it names its own file
  } catch (const std::bad_alloc&) {
    return oneLine(naming(file, "there is not enough memory for it"));
  } catch (const std::filesystem::filesystem_error& e) {
    const std::string path = e.path1().empty() ? file : e.path1().string();
    return oneLine(naming(path, e.code().message()));
  } catch (const nlohmann::json::exception& e) {
    // "[json.exception.type_error.316] invalid UTF-8 byte …" without the library's tag.
    std::string what = e.what();
    if (const auto cut = what.find("] "); cut != std::string::npos) what = what.substr(cut + 2);
    return oneLine(naming(file, what));
  } catch (const std::exception& e) {
    return oneLine(naming(file, e.what()));
  } catch (...) {
    return oneLine(naming(file, "an unexpected error stopped it"));
  }
}

std::string failureOf(const std::function<void()>& body, const std::string& file) {
  try {
    body();
  } catch (...) {
    return describeCurrentException(file);
  }
  return "";
}

}  // namespace radicula::core
