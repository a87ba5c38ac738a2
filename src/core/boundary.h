// Where an error stops. Every command of the command line, every file operation of the window,
// each entry point of the web page and the frame loop run their work through these, so any
// exception ends as one clear line naming the file, never as an abort, and the caller decides
// what happens next (exit status 2, or a message in the window with the work kept).
#pragma once

#include <functional>
#include <string>

namespace radicula::core {

// The one line a person reads for the exception being handled: call it inside a catch block.
// An error that already names `file` (ContentError, ModelError and the like) reads as it is;
// any other gets `file` in front when one is given; running out of memory and the JSON
// library's own errors are said in plain words. Always valid UTF-8, one line.
std::string describeCurrentException(const std::string& file = "");

// Runs `body` and returns "" when it ends normally, or describeCurrentException(file) for
// whatever it throws.
std::string failureOf(const std::function<void()>& body, const std::string& file = "");

}  // namespace radicula::core
