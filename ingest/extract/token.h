#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace presskg::ingest {

enum class TokenType : unsigned char { kWord, kNumber, kPunct };

// One token of a typographically normalised sentence (see NormalizedText).
struct Token {
  TokenType type = TokenType::kWord;
  std::string text;  // as written (normalised typography)
  std::string fold;  // lower case, accents removed: "Société" -> "societe"
  std::size_t begin = 0;  // byte offsets into the normalised sentence
  std::size_t end = 0;
  bool capitalized = false;  // first letter upper case ("Maroc", "STELLANTIS", "J.M")
  bool all_caps = false;     // two or more letters, all upper case ("MDH", "AMDIE")
  bool space_before = true;  // white space precedes the token
};

// Lower case without accents, for ASCII and Latin letters ("Éa" -> "ea", "Œ" -> "oe").
// Other characters are copied unchanged. Thread-safe.
std::string FoldWord(std::string_view text);

// Splits a normalised sentence into words, numbers and punctuation. French elisions are split
// ("d'AVL" -> "d'" "AVL"), English possessives too ("Telecom's" -> "Telecom" "'s"); "X-based" and
// "X-headquartered" become "X" "-" "based"; initials stay one token ("J.M", "P.-Y."); digit
// groups written with a space or a separator are one number ("1 320", "1,8", "2,300");
// a number glued to a scale or currency is split ("1.8bn" -> "1.8" "bn", "M€" -> "M" "€").
std::vector<Token> Tokenize(std::string_view sentence, std::string_view lang);

}  // namespace presskg::ingest
