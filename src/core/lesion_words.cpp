#include "core/lesion_words.h"

#include <algorithm>

namespace radicula::core {

std::string levelWords(DiscLevel level) {
  std::string s(toString(level));
  std::replace(s.begin(), s.end(), '-', '/');
  return s;
}

std::string lesionWords(const Pathology& p, const TextCatalog& clinical, bool zone) {
  std::string words = clinical.get("type." + std::string(toString(p.type)));
  if (p.isSpinal()) words += ", " + levelWords(p.level);
  words += ", " + clinical.get("side." + std::string(toString(p.side)));
  if (zone && p.isSpinal() && p.type != PathologyType::Spondylolisthesis) {
    words += ", " + clinical.get("zone." + std::string(toString(p.zone)));
  }
  words += " (" + clinical.get("morphology." + std::string(morphologyId(p))) + ")";
  return words;
}

std::string capitalisedLesionWords(const Pathology& p, const TextCatalog& clinical, bool zone) {
  std::string words = lesionWords(p, clinical, zone);
  // Catalogue words start in ASCII in both languages ("herniated", "hernia", "estenosis").
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') {
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  }
  return words;
}

}  // namespace radicula::core
