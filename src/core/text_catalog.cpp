#include "core/text_catalog.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/content_error.h"
#include "core/data_paths.h"

namespace radicula::core {

TextCatalog TextCatalog::load(const std::filesystem::path& file, std::string language) {
  std::ifstream in(file);
  if (!in) throw ContentError(file.string(), "", "cannot be read");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {  // syntax, or a number too large (1e400)
    throw ContentError(file.string(), "", std::string("bad JSON: ") + e.what());
  }
  if (!doc.is_object()) throw ContentError(file.string(), "", "expected an object of texts");
  TextCatalog catalog;
  catalog.language_ = std::move(language);
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (!it->is_string()) throw ContentError(file.string(), "/" + it.key(), "expected a string");
    catalog.texts_[it.key()] = it->get<std::string>();
  }
  return catalog;
}

TextCatalog TextCatalog::loadLanguage(std::string_view language) {
  const std::string lang(language);
  return load(contentDir() / "i18n" / (lang + ".json"), lang);
}

std::string TextCatalog::get(std::string_view key) const {
  const auto it = texts_.find(key);
  return it == texts_.end() ? std::string(key) : it->second;
}

std::string TextCatalog::format(
    std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values) const {
  std::string text = get(key);
  for (const auto& [name, value] : values) {
    const std::string token = "{" + std::string(name) + "}";
    for (std::size_t at = text.find(token); at != std::string::npos;
         at = text.find(token, at + value.size())) {
      text.replace(at, token.size(), value);
    }
  }
  return text;
}

}  // namespace radicula::core
