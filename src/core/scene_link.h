// A scene as the fragment of a web address, so a clinician can send a patient home with the
// scene they looked at together: "#h=L4-L5.left.paracentral.0.6&view=side&lang=es". The
// fragment never leaves the browser. docs/web.md describes the format.
#pragma once

#include <string>
#include <string_view>

#include "core/app_state.h"
#include "core/scenario.h"

namespace radicula::core {

// The link of a state: one key per lesion (h herniation, o bone spur, s stenosis, l slip,
// p piriformis, f fibular head), then its view, language and mode. Without the leading '#'.
std::string sceneLink(const AppState& state);

// Reads a fragment (with or without its '#'): the short keys above, or
// "scenario=" followed by a URL-encoded radicula-scenario/1 JSON (its view, language and mode
// keys honoured). The view, language and mode come back as the scenario's own keys. An empty
// fragment is the default scene. Throws ContentError("link", the key, the problem) for anything
// malformed or unknown.
Scenario parseSceneLink(std::string_view fragment);

// Percent-encoding of a URL component (RFC 3986 unreserved characters kept) and its reverse,
// which also reads '+' as a space. urlDecode throws ContentError on a broken escape.
std::string urlEncode(std::string_view text);
std::string urlDecode(std::string_view text);

}  // namespace radicula::core
