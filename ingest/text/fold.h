#pragma once

#include <string>
#include <string_view>

namespace presskg::ingest {

// A key for case- and accent-insensitive matching: typographic normalisation (see
// NormalizedText: ’ -> ', « -> ", U+00A0 -> ' '), then ICU "NFD; [:Nonspacing Mark:] Remove; NFC",
// then Unicode case folding. "Société Générale’s" -> "societe generale's"; "ÉTÉ" -> "ete".
// Offsets are not preserved (use NormalizedText for offset-preserving matching).
// Thread-safe: the ICU transliterator is created once and cloned per thread.
std::string FoldForMatch(std::string_view text);

}  // namespace presskg::ingest
