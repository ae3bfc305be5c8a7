#pragma once

#include <string>

#include "ingest/text/utf8_util.h"
#include <string_view>

namespace presskg::ingest {

// Appends `text` to `*out` with HTML character references decoded: named ones from the common
// HTML set (&amp; &nbsp; &eacute; &rsquo; &laquo; &euro; ...), decimal (&#233;) and hex (&#xE9;)
// ones. Numeric references in 0x80-0x9F are read as Windows-1252 (&#146; -> ’) and invalid ones
// (0, surrogates, > U+10FFFF) become U+FFFD, as HTML5 does. The ';' may be missing after numeric
// references and after &amp &lt &gt &quot &nbsp. Unknown names are copied as written.
void AppendDecodedHtml(std::string_view text, std::string* out);

}  // namespace presskg::ingest
