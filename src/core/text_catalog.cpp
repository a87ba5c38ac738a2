#include "core/text_catalog.h"

#include "core/data_paths.h"
#include "core/json_reader.h"

namespace radicula::core {

TextCatalog TextCatalog::load(const std::filesystem::path& file, std::string language) {
  const JsonDocument doc = JsonDocument::load(file);
  TextCatalog catalog;
  catalog.language_ = std::move(language);
  for (const auto& [key, text] : doc.root().members("an object of texts")) {
    catalog.texts_[key] = text.string();
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
