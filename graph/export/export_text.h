#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

// Text encodings shared by the export writers. Internal to graph/export.
namespace presskg::graph::export_text {

// `text` as valid UTF-8 that XML 1.0 accepts: each invalid UTF-8 sequence becomes U+FFFD, and
// C0 control characters other than tab, LF and CR, U+FFFE and U+FFFF are dropped.
std::string CleanText(std::string_view text);

// Appends CleanText(text) escaped for XML element content: & < > as entities, CR as a character
// reference (a parser would turn a literal CR into LF).
void AppendXmlText(std::string_view text, std::string* out);
// Appends CleanText(text) escaped for a double-quoted XML attribute value: & < > " as entities,
// tab, LF and CR as character references (a parser would turn literal ones into spaces).
void AppendXmlAttribute(std::string_view text, std::string* out);

// Appends CleanText(text) as one RFC 4180 field: quoted (with quotes doubled) when it holds a
// comma, a quote, CR or LF, or starts or ends with a space; as is otherwise.
void AppendCsv(std::string_view text, std::string* out);

// Appends CleanText(text) as a JSON string literal, quotes included.
void AppendJson(std::string_view text, std::string* out);

// Shortest decimal form that reads back as the same float ("0.85", "1").
std::string FormatFloat(float value);

// An ISO date ("2022", "2022-12" or "2022-12-01") as an xsd:date: the first day of the period,
// or its last day when `end_of_period`. nullopt when `iso` is none of the three forms or not a
// calendar date.
std::optional<std::string> ToXsdDate(std::string_view iso, bool end_of_period);

// The value a node shows for each literal type ("employees" -> 1500): the one with the latest
// evidence date (the last listed on a tie). Types without a fact are absent.
std::map<std::string, std::int64_t> CurrentLiteralValues(const std::vector<LiteralFact>& facts);

// Every literal fact as a JSON array:
// [{"type":"employees","value":1500,"date":"2023-01","document":9,"properties":{...}}, ...].
// "" when `facts` is empty.
std::string LiteralFactsJson(const std::vector<LiteralFact>& facts);

// A string map as a JSON object; "" when empty.
std::string PropertiesJson(const std::map<std::string, std::string>& properties);

// The alias names of `node`, each once, joined with " | ".
std::string JoinAliases(const Node& node);

}  // namespace presskg::graph::export_text
