#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace presskg::ingest::resolve {

// The words of `text`, NFKD-decomposed, case-folded and without accents; every character that
// is not a letter or digit separates words ("l’Industrie" -> "l", "industrie"). Thread-safe.
std::vector<std::string> FoldWords(std::string_view text);

// FoldWords with runs of single letters joined: "S.p.A." -> "spa", "S.à r.l." -> "sarl".
std::vector<std::string> FoldWordsJoiningLetters(std::string_view text);

// The words joined by single spaces.
std::string JoinWords(const std::vector<std::string>& words, std::size_t begin = 0,
                      std::size_t end = std::string::npos);

// Articles, prepositions and conjunctions that carry no identity in a name, in French and
// English, after folding: "de", "du", "l", "of", "the", "and", "et", ...
bool IsFunctionWord(std::string_view folded_word);

}  // namespace presskg::ingest::resolve
