#include "graph/export/export_text.h"

#include <gtest/gtest.h>

#include "graph/export/export.h"

namespace presskg::graph::export_text {
namespace {

TEST(ExportTextTest, CleanTextKeepsValidTextAndDropsWhatXmlForbids) {
  EXPECT_EQ(CleanText("AT&T <Inc> 🚀 شركة\tx\ny\rz"), "AT&T <Inc> 🚀 شركة\tx\ny\rz");
  EXPECT_EQ(CleanText(std::string("a\0b\x01\x1f"
                                  "c",
                                  6)),
            "abc");
  EXPECT_EQ(CleanText("\xEF\xBF\xBE\xEF\xBF\xBF"
                      "d"),
            "d");                                // U+FFFE, U+FFFF
  EXPECT_EQ(CleanText("\xC3"), "\xEF\xBF\xBD");  // truncated sequence
  EXPECT_EQ(CleanText("\xC0\xAF"
                      "e"),
            "\xEF\xBF\xBD\xEF\xBF\xBD"
            "e");                                                                // overlong '/'
  EXPECT_EQ(CleanText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(ExportTextTest, AppendXmlTextEscapesMarkupAndCarriageReturns) {
  std::string out;
  AppendXmlText("\"A\" & <b>'\t\n\r\x02", &out);
  EXPECT_EQ(out, "\"A\" &amp; &lt;b&gt;'\t\n&#13;");
}

TEST(ExportTextTest, AppendXmlAttributeAlsoEscapesQuotesAndWhiteSpace) {
  std::string out;
  AppendXmlAttribute("\"A\" & <b>'\t\n\r\x02", &out);
  EXPECT_EQ(out, "&quot;A&quot; &amp; &lt;b&gt;'&#9;&#10;&#13;");
}

TEST(ExportTextTest, AppendCsvQuotesOnlyWhenNeeded) {
  auto csv = [](const std::string& text) {
    std::string out;
    AppendCsv(text, &out);
    return out;
  };
  EXPECT_EQ(csv("plain"), "plain");
  EXPECT_EQ(csv(""), "");
  EXPECT_EQ(csv("a,b"), "\"a,b\"");
  EXPECT_EQ(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv(" padded"), "\" padded\"");
  EXPECT_EQ(csv("bad\x01"), "bad");
}

TEST(ExportTextTest, AppendJsonEscapes) {
  std::string out;
  AppendJson("a\"b\\c\n🚀", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n🚀\"");
}

TEST(ExportTextTest, ToXsdDateExpandsPartialDates) {
  EXPECT_EQ(ToXsdDate("2022-12-05", false), "2022-12-05");
  EXPECT_EQ(ToXsdDate("2022-12-05", true), "2022-12-05");
  EXPECT_EQ(ToXsdDate("2022-12", false), "2022-12-01");
  EXPECT_EQ(ToXsdDate("2022-12", true), "2022-12-31");
  EXPECT_EQ(ToXsdDate("2024-02", true), "2024-02-29");
  EXPECT_EQ(ToXsdDate("1900-02", true), "1900-02-28");
  EXPECT_EQ(ToXsdDate("2022", false), "2022-01-01");
  EXPECT_EQ(ToXsdDate("2022", true), "2022-12-31");
  for (const char* bad : {"", "22", "2022-13", "2022-02-30", "2022/12", "20x2", "2022-1-05"}) {
    EXPECT_EQ(ToXsdDate(bad, false), std::nullopt) << bad;
  }
}

TEST(ExportTextTest, FormatFloatIsShortestRoundTrip) {
  EXPECT_EQ(FormatFloat(0.85F), "0.85");
  EXPECT_EQ(FormatFloat(1.0F), "1");
  EXPECT_EQ(FormatFloat(0.0F), "0");
}

TEST(ExportTextTest, CurrentLiteralValuesTakeTheLatestDate) {
  auto fact = [](const char* type, std::int64_t value, const char* date) {
    LiteralFact f;
    f.type = type;
    f.value = value;
    f.evidence.date = date;
    return f;
  };
  auto values =
      CurrentLiteralValues({fact("employees", 1500, "2023-01"),
                            fact("employees", 1200, "2022-03-15"), fact("founded", 1999, "")});
  EXPECT_EQ(values.at("employees"), 1500);
  EXPECT_EQ(values.at("founded"), 1999);
  EXPECT_EQ(values.count("revenue"), 0U);
}

TEST(ExportTextTest, FormatNamesRoundTrip) {
  for (ExportFormat format : {ExportFormat::kGraphml, ExportFormat::kGexf, ExportFormat::kCsv}) {
    EXPECT_EQ(ParseExportFormat(ExportFormatName(format)), format);
  }
  EXPECT_EQ(ParseExportFormat("GraphML"), std::nullopt);
  EXPECT_EQ(ParseExportFormat("json"), std::nullopt);
}

}  // namespace
}  // namespace presskg::graph::export_text
