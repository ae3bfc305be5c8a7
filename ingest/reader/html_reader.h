#pragma once

#include <string_view>

#include "graph/status.h"
#include "ingest/raw_document.h"

namespace presskg::ingest {

// A press release web page (.html, .htm) from its file `name` and `bytes`:
//  - text: the visible body text only. script, style, template, noscript, nav, header, footer,
//    aside, form, svg and similar are dropped; when the page has <main> or <article> content that
//    is most of the page, only that is kept. Block elements (p, div, li, h1-h6, tr, ...) become
//    paragraph breaks ("\n\n"), <br> a line break; other white space collapses to one space;
//    character references are decoded (&eacute; &#233; &#xE9; &nbsp; -> U+00A0).
//  - title: og:title, else <title>, else the first <h1>.
//  - date: the first of article:published_time, date, DC.date(.issued), dcterms.date, pubdate,
//    datePublished meta tags, else the first <time datetime>; as written.
//  - lang: <html lang> (or og:locale / content-language), normalised to "fr"/"en"; when the page
//    declares none, DetectLanguage on the text.
// Bytes that are not UTF-8 are converted with ICU when the page declares another charset
// (<meta charset="windows-1252">). Linear time on any input; never crashes on malformed markup.
// InvalidArgument (message starts with `name`) for empty, binary or invalid UTF-8 input (with the
// byte offset) and for a page with no body text.
Result<RawDocument> ParseHtmlDocument(std::string_view name, std::string_view bytes);

}  // namespace presskg::ingest
