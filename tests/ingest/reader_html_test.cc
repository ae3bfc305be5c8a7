#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/reader/html_reader.h"
#include "ingest/reader/html_tokenizer.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

std::string Fixture(const std::string& name) {
  return testing::ReadFileOrEmpty(testing::SourceDir() / "tests" / "data" / "ingest" / "readers" /
                                  name);
}

// Parses `html`, which must succeed, and returns the document.
RawDocument Parse(const std::string& html) {
  Result<RawDocument> document = ParseHtmlDocument("page.html", html);
  EXPECT_TRUE(document.ok()) << document.status().ToString();
  return document.ok() ? std::move(document).value() : RawDocument();
}

TEST(ReaderHtmlTest, PressReleasePageBodyTitleDateLang) {
  const std::string html = Fixture("press_release.html");
  ASSERT_FALSE(html.empty());
  const RawDocument document = Parse(html);
  EXPECT_EQ(document.name, "page.html");
  EXPECT_EQ(document.text,
            "Acme Maroc inaugure son usine\n\n"
            "Kénitra, le 12\u00A0mars 2024 – Acme Maroc, filiale d’Acme Group, a inauguré son "
            "usine de Kénitra.\n\n"
            "Le site emploie 600 personnes.\nIl produira des câbles.\n\n"
            "Premier point\n\nSecond point");
  EXPECT_EQ(document.title, "Acme Maroc inaugure son usine de Kénitra");
  EXPECT_EQ(document.date, "2024-03-12T09:00:00+01:00");
  EXPECT_EQ(document.lang, "fr");
  EXPECT_EQ(document.url, "https://example.com/news/acme-kenitra");
  for (const char* furniture : {"SCRIPT", "STYLE", "HEADER", "NAV", "FOOTER", "ASIDE", "FORM",
                                "NOSCRIPT", "TEMPLATE", "COMMENT", "description"}) {
    EXPECT_EQ(document.text.find(furniture), std::string::npos) << furniture;
  }
}

TEST(ReaderHtmlTest, TitleAndDateFallbacksAndDetectedLanguage) {
  RawDocument document = Parse(
      "<html><head><title> Acme  opens a\n plant </title><meta name=\"DC.date\" "
      "content=\"2023-08-15\"></head><body><p>The company opened a plant in Kenitra.</p>");
  EXPECT_EQ(document.title, "Acme opens a plant");
  EXPECT_EQ(document.date, "2023-08-15");
  EXPECT_EQ(document.lang, "en");

  document = Parse(
      "<body><h1>Titre &amp; sous-titre</h1><time datetime=\"2024-05-01\">1er mai"
      "</time><p>La société a ouvert une usine.</p></body>");
  EXPECT_EQ(document.title, "Titre & sous-titre");
  EXPECT_EQ(document.date, "2024-05-01");
  EXPECT_EQ(document.lang, "fr");
  EXPECT_EQ(document.text, "Titre & sous-titre\n\n1er mai\n\nLa société a ouvert une usine.");

  document = Parse(
      "<html><head><meta property='og:locale' content='en_US'></head>"
      "<body>Le texte est en français.</body></html>");
  EXPECT_EQ(document.lang, "en") << "a declared language wins over detection";
}

TEST(ReaderHtmlTest, DecodesCharacterReferences) {
  const RawDocument document = Parse(
      "<p>&eacute;&#233;&#xE9;&#XE9;&amp;&lt;&gt;&quot;&apos;&nbsp;&rsquo;&#146;&#8239;"
      "&laquo;x&raquo; &bogus; &amp &copy &#0; &#x110000; 1 &lt 2 AT&T</p>");
  EXPECT_EQ(document.text, "éééé&<>\"'\u00A0’’\u202F«x» &bogus; & &copy \uFFFD \uFFFD 1 < 2 AT&T");
}

TEST(ReaderHtmlTest, ConvertsDeclaredLegacyCharset) {
  const std::string html = Fixture("latin1.html");
  ASSERT_FALSE(html.empty());
  const RawDocument document = Parse(html);
  EXPECT_EQ(document.title, "Café");
  EXPECT_EQ(document.text, "Le café de la société est ouvert.");
}

TEST(ReaderHtmlTest, RejectsInvalidUtf8BinaryEmptyAndTextless) {
  Result<RawDocument> bad = ParseHtmlDocument("bad.html", "<p>Caf\xE9</p>");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "bad.html: invalid UTF-8 at byte offset 6");
  Result<RawDocument> binary = ParseHtmlDocument("b.html", std::string("<p>\0</p>", 8));
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("binary"), std::string::npos);
  Result<RawDocument> empty = ParseHtmlDocument("e.html", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "e.html: empty file");
  Result<RawDocument> textless =
      ParseHtmlDocument("t.html", "<html><script>x = 1</script><style>p{}</style></html>");
  ASSERT_FALSE(textless.ok());
  EXPECT_NE(textless.status().message().find("no body text"), std::string::npos);
}

TEST(ReaderHtmlTest, DeepNestingIsLinear) {
  constexpr int kDepth = 100000;
  std::string html;
  for (int i = 0; i < kDepth; ++i) html += "<div><span>";
  html += "Bonjour le monde.";
  for (int i = 0; i < kDepth; ++i) html += "</span></div>";
  // A quadratic tokenizer would run for minutes here (and hit the ctest timeout).
  const RawDocument document = Parse(html);
  EXPECT_EQ(document.text, "Bonjour le monde.");
}

TEST(ReaderHtmlTest, MalformedMarkupNeverCrashes) {
  std::string unclosed;
  for (int i = 0; i < 100000; ++i) unclosed += "<b><i>";
  EXPECT_EQ(Parse(unclosed + "Texte").text, "Texte");

  std::string stray;
  for (int i = 0; i < 100000; ++i) stray += "a < b ";
  EXPECT_EQ(Parse(stray).text.size(), stray.size() - 1);

  std::string closers;
  for (int i = 0; i < 100000; ++i) closers += "</nav></p></x>";
  EXPECT_EQ(Parse(closers + "Fin").text, "Fin");

  // Furniture never closed: the page falls back to keeping it rather than losing everything.
  std::string open_nav;
  for (int i = 0; i < 100000; ++i) open_nav += "<nav>";
  EXPECT_EQ(Parse(open_nav + "Le texte.").text, "Le texte.");

  EXPECT_EQ(Parse("Avant <!-- jamais fermé").text, "Avant");
  EXPECT_EQ(Parse("Avant <a href=\"x>jamais fermé").text, "Avant");
  EXPECT_EQ(Parse("Avant <p class=x").text, "Avant");
  EXPECT_EQ(Parse("Un < deux <3 </ > <> <!> <? x ?> fin").text, "Un < deux <3 <> fin");
  EXPECT_FALSE(ParseHtmlDocument("s.html", "<script>never closed <p>hidden</p>").ok());
}

TEST(ReaderHtmlTest, TokenizerReportsTagsAttributesAndRawText) {
  HtmlTokenizer tokenizer("<A HREF='x&amp;y' data-x=1 checked/>t<SCRIPT>a</b></script >u");
  HtmlToken token;
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.kind, HtmlTokenKind::kStartTag);
  EXPECT_EQ(token.name, "a");
  ASSERT_NE(token.Attribute("href"), nullptr);
  EXPECT_EQ(*token.Attribute("href"), "x&y");
  EXPECT_EQ(*token.Attribute("data-x"), "1");
  EXPECT_NE(token.Attribute("checked"), nullptr);
  EXPECT_TRUE(token.self_closing);
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.text, "t");
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.name, "script");
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.kind, HtmlTokenKind::kText);
  EXPECT_EQ(token.name, "script");
  EXPECT_EQ(token.text, "a</b>");
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.kind, HtmlTokenKind::kEndTag);
  EXPECT_EQ(token.name, "script");
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.text, "u");
  EXPECT_FALSE(tokenizer.Next(&token));
}

}  // namespace
}  // namespace presskg::ingest
