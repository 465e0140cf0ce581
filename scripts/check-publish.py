#!/usr/bin/env python3
"""Checks what a pre-rendered build publishes beside its pages.

    scripts/check-publish.py dist/ [--public-url URL] [--sitemap-xsd FILE] [--skip-pages]

- every `{lang}/feed.xml` parses with feedparser as Atom 1.0, with entries,
  titles, and every link and id under the site's public URL;
- `sitemap.xml` is valid against the sitemaps.org 0.9 schema (xmllint), its
  URLs are under the public URL, each hreflang alternate is itself listed
  with the same alternates (reciprocal), and each page exists in the build
  (`{path}index.html`; `--skip-pages` before the renderer writes pages);
- `robots.txt` names the sitemap.

The public URL is `--public-url`, else `public_url` in `{dist}/data/site.json`,
else read back from the `Sitemap:` line of `robots.txt`.

The sitemaps.org schema is not vendored: pass `--sitemap-xsd` (or set
SITEMAP_XSD), or have the npm package `sitemap` (MIT), which ships it as
`schema/sitemap.xsd`, in node_modules. That schema validates the `xhtml:link`
alternates strictly, so a small schema declaring them is written beside it
for the run (the W3C's XHTML schema is not needed for one element).

Needs: python3 with `feedparser` (PyPI) and `xmllint` (Debian libxml2-utils).
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

XHTML_LINK_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="{XHTML_NS}" elementFormDefault="qualified">
  <!-- The one XHTML element a sitemap carries: a language alternate. -->
  <xs:element name="link">
    <xs:complexType>
      <xs:attribute name="rel" use="required">
        <xs:simpleType><xs:restriction base="xs:string">
          <xs:enumeration value="alternate"/>
        </xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:attribute name="hreflang" type="xs:string" use="required"/>
      <xs:attribute name="href" type="xs:anyURI" use="required"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def public_url(dist, given):
    if given:
        return given if given.endswith("/") else given + "/"
    site = dist / "data" / "site.json"
    if site.is_file():
        url = json.loads(site.read_text(encoding="utf-8")).get("public_url")
        if url:
            return url if url.endswith("/") else url + "/"
    robots = dist / "robots.txt"
    if robots.is_file():
        for line in robots.read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("sitemap:"):
                url = line.split(":", 1)[1].strip()
                if url.endswith("/sitemap.xml"):
                    return url[: -len("sitemap.xml")]
    sys.exit("check-publish: no public URL: pass --public-url, or set public_url in site.toml")


def check_feeds(dist, base):
    import feedparser  # imported here so --help works without it

    feeds = sorted(glob.glob(str(dist / "*" / "feed.xml")))
    if not feeds:
        problem(dist, "no */feed.xml")
    for path in feeds:
        where = os.path.relpath(path, dist)
        lang = Path(path).parent.name
        parsed = feedparser.parse(path)
        if parsed.bozo:
            problem(where, f"not well-formed: {parsed.bozo_exception}")
            continue
        if parsed.version != "atom10":
            problem(where, f"parsed as {parsed.version or 'nothing'}, not Atom 1.0")
        feed = parsed.feed
        if not feed.get("title"):
            problem(where, "the feed has no title")
        if feed.get("language") != lang:
            problem(where, f"xml:lang is {feed.get('language')!r}, not {lang!r}")
        links = {link.get("rel"): link.get("href", "") for link in feed.get("links", [])}
        if links.get("self") != f"{base}{lang}/feed.xml":
            problem(where, f"rel=self is {links.get('self')!r}")
        if links.get("alternate") != f"{base}{lang}/":
            problem(where, f"rel=alternate is {links.get('alternate')!r}")
        if not parsed.entries:
            problem(where, "no entries")
        for i, entry in enumerate(parsed.entries):
            at = f"{where}: entry {i + 1}"
            if not entry.get("title", "").strip():
                problem(at, "no title")
            link = entry.get("link", "")
            if not link.startswith(f"{base}{lang}/entries/"):
                problem(at, f"link {link!r} is not an entry page under {base}{lang}/")
            if entry.get("id") != link:
                problem(at, f"id {entry.get('id')!r} is not its link")
            if not entry.get("updated_parsed"):
                problem(at, "no updated date")
        print(f"check-publish: {where}: {len(parsed.entries)} entries")


def sitemap_xsd(given):
    candidates = [given, os.environ.get("SITEMAP_XSD"), "node_modules/sitemap/schema/sitemap.xsd"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate).resolve()
    sys.exit(
        "check-publish: no sitemap.xsd: pass --sitemap-xsd, set SITEMAP_XSD, or unpack the npm\n"
        "package `sitemap` (it ships schema/sitemap.xsd), e.g.\n"
        "  cd /tmp && npm pack sitemap@9.0.1 && tar xzf sitemap-9.0.1.tgz  # → package/schema/sitemap.xsd"
    )


def check_sitemap(dist, base, xsd, skip_pages):
    path = dist / "sitemap.xml"
    if not path.is_file():
        problem("sitemap.xml", "missing")
        return
    if shutil.which("xmllint") is None:
        sys.exit("check-publish: xmllint is not installed (Debian: apt-get install libxml2-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        link_xsd = Path(tmp) / "xhtml-link.xsd"
        link_xsd.write_text(XHTML_LINK_XSD, encoding="utf-8")
        both = Path(tmp) / "sitemap-with-alternates.xsd"
        both.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
            f'  <xs:import namespace="{SITEMAP_NS}" schemaLocation="{xsd.as_uri()}"/>\n'
            f'  <xs:import namespace="{XHTML_NS}" schemaLocation="{link_xsd.as_uri()}"/>\n'
            "</xs:schema>\n",
            encoding="utf-8",
        )
        run = subprocess.run(
            ["xmllint", "--noout", "--nonet", "--schema", str(both), str(path)],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            problem("sitemap.xml", "invalid against sitemap.xsd:\n" + run.stderr.strip())

    root = ET.parse(path).getroot()
    pages = {}
    for url in root.findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "")
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{{{XHTML_NS}}}link")
        }
        pages[loc] = links
    for loc, links in pages.items():
        if not loc.startswith(base):
            problem("sitemap.xml", f"{loc} is not under {base}")
            continue
        if links and loc not in links.values():
            problem("sitemap.xml", f"{loc} is not among its own alternates")
        for lang, href in links.items():
            if href not in pages:
                problem("sitemap.xml", f"{loc} → {lang} {href}, which is not listed")
            elif lang != "x-default" and pages[href] != links:
                problem("sitemap.xml", f"{href} does not link back the same alternates as {loc}")
        if not skip_pages:
            relative = urlsplit(loc).path[len(urlsplit(base).path):]
            page = dist / relative / "index.html" if relative.endswith("/") or not relative else dist / relative
            if not page.is_file():
                problem("sitemap.xml", f"{loc} has no page in the build ({page})")
    print(f"check-publish: sitemap.xml: {len(pages)} URLs")


def check_robots(dist, base):
    path = dist / "robots.txt"
    if not path.is_file():
        problem("robots.txt", "missing")
        return
    if f"Sitemap: {base}sitemap.xml" not in path.read_text(encoding="utf-8").splitlines():
        problem("robots.txt", f"does not name {base}sitemap.xml")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path, help="a built site (dist/)")
    parser.add_argument("--public-url", help="the site's public URL (default: from the build)")
    parser.add_argument("--sitemap-xsd", help="the sitemaps.org 0.9 sitemap.xsd")
    parser.add_argument("--skip-pages", action="store_true", help="do not require each URL's page")
    args = parser.parse_args()
    if not args.dist.is_dir():
        sys.exit(f"check-publish: {args.dist} is not a directory")
    base = public_url(args.dist, args.public_url)
    check_feeds(args.dist, base)
    check_sitemap(args.dist, base, sitemap_xsd(args.sitemap_xsd), args.skip_pages)
    check_robots(args.dist, base)
    for p in problems:
        print(f"check-publish: {p}", file=sys.stderr)
    if problems:
        sys.exit(f"check-publish: {len(problems)} problem(s)")
    print(f"check-publish: ok ({base})")


if __name__ == "__main__":
    main()
