// A *text catalog* holds every string the app shows about findings in one language, loaded
// from content/i18n/<language>.json: names of regions, movements, reflexes, signs, red flags,
// lesion types, zones and morphologies, and the sentence templates of patient and student
// mode with `{placeholders}`.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace radicula::core {

class TextCatalog {
 public:
  // Throws ContentError naming the file and JSON path on a non-string entry.
  static TextCatalog load(const std::filesystem::path& file, std::string language);
  // content/i18n/<language>.json; "en" and "es" ship.
  static TextCatalog loadLanguage(std::string_view language);
  static std::vector<std::string> languages() { return {"en", "es"}; }

  const std::string& language() const { return language_; }
  bool has(std::string_view key) const { return texts_.find(key) != texts_.end(); }
  // The text for `key`, or the key itself so a missing entry shows up instead of vanishing.
  std::string get(std::string_view key) const;
  // get(key) with each {name} replaced by its value.
  std::string format(std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string>> values) const;
  const std::map<std::string, std::string, std::less<>>& all() const { return texts_; }

 private:
  std::string language_;
  std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace radicula::core
