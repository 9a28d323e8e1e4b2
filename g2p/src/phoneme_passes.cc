#include "phoneme_passes.h"

#include <array>

namespace charsiug2p::detail {

namespace {

constexpr char32_t kPrimary = U'ˈ', kSecondary = U'ˌ';

// A symbol that can close or open a syllable: neither vowel, stress mark,
// length mark, space nor ASCII punctuation.
bool is_consonant(char32_t c) {
  if (is_vowel(c) || is_stress(c) || c == U'ː') return false;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return true;
}

bool is_reduced(char32_t c) { return c == U'ɪ' || c == U'ᵻ' || c == U'ə' || c == U'ᵊ'; }

char32_t at(const std::u32string& s, size_t i) { return i < s.size() ? s[i] : 0; }

// Index of the vowel a stress mark at i belongs to, or npos when a space,
// another stress mark or the end comes first.
size_t next_vowel(const std::u32string& s, size_t i) {
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (is_vowel(s[j])) return j;
    if (is_stress(s[j]) || s[j] == U' ') break;
  }
  return std::u32string::npos;
}

}  // namespace

bool is_vowel(char32_t c) {
  switch (c) {
    case U'ɑ':
    case U'ɔ':
    case U'ɛ':
    case U'ɜ':
    case U'ɪ':
    case U'ʊ':
    case U'ʌ':
    case U'ə':
    case U'i':
    case U'u':
    case U'A':
    case U'I':
    case U'W':
    case U'Y':
    case U'O':
    case U'Q':
    case U'æ':
    case U'a':
    case U'ɒ':
    case U'ᵻ':
    case U'ᵊ':
      return true;
    default:
      return false;
  }
}

bool is_stress(char32_t c) { return c == kPrimary || c == kSecondary; }

void vowel_pass(std::u32string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_stress(s[i]) || is_vowel(at(s, i + 1))) continue;
    const size_t v = next_vowel(s, i);
    if (v == std::u32string::npos) continue;
    const char32_t mark = s[i];
    s.erase(i, 1);
    s.insert(v - 1, 1, mark);
    i = v;  // the vowel, now just after the mark
  }
  for (size_t i = 0; i < s.size(); ++i) {
    const bool stressed = i > 0 && is_stress(s[i - 1]);
    const char32_t c = s[i], next = at(s, i + 1);
    if ((c == U'ɜ' || c == U'ə') && next == U'ɹ') {
      s[i] = stressed ? U'ɜ' : U'ə';
      ++i;
    } else if (stressed && c == U'ə') {
      s[i] = U'ʌ';
    } else if (stressed && c == U'ᵊ') {
      s[i] = U'ə';
    } else if (!stressed && c == U'ɪ' && (next == U'd' || next == U'z')) {
      s[i] = U'ᵻ';
    }
  }
}

void syllabic_pass(std::u32string& s) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] != U'ə' || (s[i + 1] != U'l' && s[i + 1] != U'n') || !is_consonant(s[i - 1])) continue;
    const char32_t after = at(s, i + 2);
    if (is_vowel(after) || is_stress(after) || after == U'o' || after == U'e') continue;
    s[i] = U'ᵊ';
  }
}

void reduced_pass(std::u32string& s) {
  const size_t last_primary = s.rfind(kPrimary);
  if (last_primary == std::u32string::npos) return;
  for (size_t i = 1; i < last_primary; ++i) {
    const char32_t next = at(s, i + 1);
    if (s[i] == U'ɪ' && is_consonant(s[i - 1]) && !is_vowel(next) && !is_stress(next) &&
        next != U'ŋ')
      s[i] = U'ə';
  }
}

void rhotic_pass(std::u32string& s) {
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == U'ɹ' && (s[i - 1] == U'I' || s[i - 1] == U'W') && !is_vowel(at(s, i + 1))) {
      s.insert(i, 1, U'ə');
      ++i;
    }
  }
}

void prefix_pass(std::u32string& s, std::string_view word) {
  static constexpr std::array<std::string_view, 27> kPrefixes = {
      "under",   "over",  "inter", "intra", "intro", "super", "sub", "anti", "auto",
      "counter", "trans", "tele",  "pre",   "pro",   "con",   "com", "dis",  "mis",
      "non",     "out",   "per",   "re",    "un",    "in",    "im",  "il",   "ir"};
  std::string lower(word);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  std::string_view prefix;
  for (std::string_view p : kPrefixes) {
    if (lower.size() > p.size() && lower.starts_with(p)) {
      prefix = p;
      break;
    }
  }
  if (prefix.empty()) return;
  const size_t primary = s.find(kPrimary), secondary = s.find(kSecondary);
  const bool one_each = primary != std::u32string::npos && secondary != std::u32string::npos &&
                        s.find(kPrimary, primary + 1) == std::u32string::npos &&
                        s.find(kSecondary, secondary + 1) == std::u32string::npos;
  if (one_each && primary < secondary) std::swap(s[primary], s[secondary]);
  static constexpr std::array<std::string_view, 6> kUnstressed = {"re", "un", "in",
                                                                  "im", "il", "ir"};
  bool drop = false;
  for (std::string_view p : kUnstressed) drop = drop || p == prefix;
  if (!drop) return;
  // The first stress mark, when it is a ˌ ahead of the word's ˈ.
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_stress(s[i])) continue;
    if (s[i] == kSecondary && s.find(kPrimary, i + 1) != std::u32string::npos) s.erase(i, 1);
    break;
  }
}

void stress_pass(std::u32string& s) {
  const size_t first = s.find(kPrimary);
  if (first == std::u32string::npos) return;
  for (size_t i = first + 1; i < s.size(); ++i) {
    if (s[i] != kPrimary) continue;
    if (is_reduced(at(s, i + 1))) {
      s.erase(i, 1);
      --i;
    } else {
      s[i] = kSecondary;
    }
  }
}

void flap_pass(std::u32string& s) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] != U't') continue;
    size_t b = i;
    while (b > 0 && is_stress(s[b - 1])) --b;
    size_t a = i + 1;
    while (a < s.size() && is_stress(s[a])) ++a;
    if (b > 0 && a < s.size() && is_vowel(s[b - 1]) && is_vowel(s[a])) s[i] = U'ɾ';
  }
}

}  // namespace charsiug2p::detail
