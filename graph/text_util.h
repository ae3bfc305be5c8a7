#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace presskg {

// Splits on `sep`, keeping empty fields. Views point into `text`.
std::vector<std::string_view> SplitView(std::string_view text, char sep);
// Strips ASCII white space at both ends.
std::string_view Trim(std::string_view text);
// Lower-case hex of `bytes`.
std::string HexEncode(std::string_view bytes);
// Hex SHA-256 of `data` (FIPS 180-4), used for document content hashes.
std::string Sha256Hex(std::string_view data);
// True when `text` is well-formed UTF-8; otherwise `*bad_offset` (if given) is the byte offset of
// the first invalid sequence.
bool IsValidUtf8(std::string_view text, std::size_t* bad_offset = nullptr);

}  // namespace presskg
