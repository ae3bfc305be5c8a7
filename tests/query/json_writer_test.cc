#include "query/api/json_writer.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

namespace presskg::query {
namespace {

using nlohmann::json;

std::string Written(std::string_view value) {
  std::string out;
  JsonWriter(&out).String(value);
  return out;
}

// Strings come out exactly as nlohmann's dump() (with the replace handler) writes them.
TEST(JsonWriterTest, EscapesStringsAsNlohmannDoes) {
  std::string all_ascii;
  for (int c = 1; c < 0x80; ++c) all_ascii.push_back(static_cast<char>(c));
  for (const std::string& value :
       {std::string(""), std::string("AVL Maroc"), std::string("« l’Industrie »"),
        std::string("quote \" backslash \\ slash /"), std::string("tab\tnew\nline\rcr\b\f"),
        std::string("\x01\x1f\x7f"), std::string("emoji \xF0\x9F\x98\x80 end"), all_ascii}) {
    EXPECT_EQ(Written(value), json(value).dump(-1, ' ', false, json::error_handler_t::replace))
        << value;
  }
}

TEST(JsonWriterTest, ReplacesInvalidUtf8) {
  for (const std::string& value :
       {std::string("bad \xFF byte"), std::string("\xC3"), std::string("\xC0\xAF overlong"),
        std::string("\xED\xA0\x80 surrogate"), std::string("cut \xE2\x82")}) {
    const std::string out = Written(value);
    json parsed = json::parse(out);  // throws on invalid UTF-8
    EXPECT_NE(parsed.get<std::string>().find("\xEF\xBF\xBD"), std::string::npos) << out;
  }
}

TEST(JsonWriterTest, WritesNestedValuesWithCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("id");
  w.Uint(18446744073709551615ULL);
  w.Key("ok");
  w.Bool(true);
  w.Key("none");
  w.Null();
  w.Key("list");
  w.BeginArray();
  w.Uint(0);
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.String("x");
  w.EndArray();
  const std::size_t begin = w.size();
  w.Key("raw");
  w.Raw(R"({"a":[1,2]})");
  const std::size_t end = w.size();
  w.Key("copy");
  w.BeginObject();
  w.CopyMembers(begin + 1, end);  // the "raw" member, without its leading comma
  w.EndObject();
  w.RawMembers(R"("m":1,"n":2)");
  w.EndObject();
  EXPECT_EQ(json::parse(out),
            json::parse(R"({"id":18446744073709551615,"ok":true,"none":null,
                            "list":[0,{},[],"x"],"raw":{"a":[1,2]},
                            "copy":{"raw":{"a":[1,2]}},"m":1,"n":2})"));
}

}  // namespace
}  // namespace presskg::query
