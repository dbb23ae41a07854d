#!/usr/bin/env python3
"""check_report.py — the browser test of the HTML review report.

Writes the JSON and the HTML report of an article with build/mtcheck, loads
the HTML in headless Chromium (Debian's `chromium`) with --dump-dom and a
network log, and checks the DOM Chromium built:

  * the page's script ran (so the CSP hashes of the inline CSS/JS are right);
  * every issue of the JSON output has its highlighted element (data-rule,
    data-severity, data-start/data-end = the JSON byte span) whose text,
    with its continuation pieces, is the issue's text; one per issue;
  * the heat strip has one cell per sentence;
  * no element or attribute came from the article text: every tag and
    attribute is one the reporter writes, no event handlers, no src, no
    external href; the article's hostile strings are in the text as text;
  * nothing was fetched from the network (the net log has no request the
    page started);
  * the filter script hides exactly the highlights and list entries of a
    category whose box is unchecked (a second load, one box unchecked);
  * the --html-dir index of the same run: only our markup, ranked worst
    first, one row and one existing page per article, nothing fetched.

Usage: check_report.py MTCHECK ARTICLE [--name FILE_NAME] [ARTICLE [--name F]]...
         (all articles on one page: one Chromium run; --name copies the
         article to a temporary folder under that name first)
       check_report.py --canary   (proves the network check catches a fetch)
Exit status 0 when every check passes; the reasons on stderr otherwise.
Run by tests/test_report_html.c (make test).
"""
import html
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio",
    # every host name fails to resolve: even a request that slipped
    # through could not reach anything
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

# What the reporter writes: tag -> allowed attributes.
COMMON = {"class", "id", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
          "role", "hidden", "tabindex", "lang"}
ALLOWED = {
    "html": {"data-js", "data-css"}, "head": set(), "body": set(), "meta": {"charset", "http-equiv", "content",
                                                               "name"},
    "title": set(), "style": set(), "script": set(), "main": set(), "footer": set(),
    "header": set(), "nav": set(), "section": set(), "article": set(), "div": set(),
    "p": set(), "h1": set(), "h2": set(), "span": {"data-cat"}, "strong": set(), "code": set(),
    "kbd": set(), "q": set(), "ins": set(), "ol": set(), "li": {"data-cat", "data-sev"},
    "a": {"href", "data-cat", "data-score"},
    "mark": {"data-rule", "data-severity", "data-category", "data-start", "data-end", "data-lab",
             "data-issue", "data-cat", "data-sev", "data-tip"},
    "form": set(), "fieldset": set(), "legend": set(), "label": set(),
    "input": {"type", "checked", "data-filter", "value"},
    "table": set(), "thead": set(), "tbody": set(), "tfoot": set(), "tr": {"data-score"},
    "th": {"scope", "colspan"}, "td": {"colspan"},
    "svg": {"viewbox", "preserveaspectratio"},
    "rect": {"x", "y", "width", "height", "data-sentence", "data-score"},
}
VOID = {"meta", "input", "br", "img", "link", "rect"}


class Dom(html.parser.HTMLParser):
    """A flat walk of the dumped DOM: tags, attributes, and the text inside
    every highlight (continuations included)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.errors = []
        self.tags = []          # (tag, attrs dict)
        self.stack = []         # open elements: (tag, attrs)
        self.issue_text = {}    # data-issue -> text
        self.heads = []         # attrs of mark[data-rule], in document order
        self.cells = 0
        self.html_attrs = {}
        self.title = ""
        self.body_text = []
        self.scripts = 0
        self.styles = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in ALLOWED:
            self.errors.append("unexpected element <%s %r>" % (tag, a))
        else:
            for name in a:
                if name not in ALLOWED[tag] and name not in COMMON:
                    self.errors.append("unexpected attribute %s on <%s>" % (name, tag))
        for name, value in a.items():
            if name.startswith("on"):
                self.errors.append("event handler attribute %s on <%s>" % (name, tag))
            if name in ("src", "srcset", "action", "formaction", "poster", "background"):
                self.errors.append("fetching attribute %s on <%s>" % (name, tag))
            if name == "href" and value is not None:
                v = value.strip().lower()
                if ":" in v.split("#")[0] or v.startswith("//"):
                    self.errors.append("href with a scheme or host: %r" % value)
        if tag == "html":
            self.html_attrs = a
        if tag == "script":
            self.scripts += 1
        if tag == "style":
            self.styles += 1
        if tag == "mark" and "data-rule" in a:
            self.heads.append((self.article(), a))
        if tag == "rect" and "cell" in (a.get("class") or "").split():
            self.cells += 1
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                return
        self.errors.append("unbalanced </%s>" % tag)

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        if "title" in tags and "svg" not in tags:
            self.title += data
        if "script" in tags or "style" in tags:
            return
        if "body" in tags:
            self.body_text.append(data)
        art = self.article()
        for t, a in self.stack:
            if t == "mark" and "data-issue" in a:
                key = (art, a["data-issue"])
                self.issue_text[key] = self.issue_text.get(key, "") + data

    def article(self):
        for t, a in self.stack:
            if t == "article":
                return a.get("id")
        return None


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, **kw)


def chromium():
    for name in ("chromium", "chromium-browser"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("check_report: chromium not found: the browser test needs Debian's `chromium` "
             "package (make deps installs it)")


def dump_dom(page, tmp):
    """Loads page in headless Chromium; returns (dom text, net log path)."""
    netlog = os.path.join(tmp, "netlog.json")
    profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
    cmd = [chromium()] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile,
                                          "--log-net-log=" + netlog,
                                          "--dump-dom", "file://" + os.path.abspath(page)]
    r = run(cmd)
    if r.returncode != 0 or not r.stdout:
        sys.exit("check_report: chromium failed (status %d): %s"
                 % (r.returncode, r.stderr.decode(errors="replace")[-2000:]))
    return r.stdout.decode("utf-8"), netlog


def page_requests(netlog):
    """URLs the page asked for (Chromium's own background requests carry the
    initiator 'not an origin'; the page's carry its file:// origin)."""
    with open(netlog, encoding="utf-8") as f:
        log = json.load(f)
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for e in log.get("events", []):
        if types.get(e.get("type")) != "URL_REQUEST_START_JOB":
            continue
        p = e.get("params", {})
        url = p.get("url", "")
        if not url or p.get("initiator") == "not an origin":
            continue
        if url.startswith("file:") or url.startswith("data:"):
            if url.startswith("data:"):
                urls.append(url)  # no images or fonts at all, not even data:
            continue
        urls.append(url)
    return urls


def canary():
    """The network check must see a page's fetch (no CSP, an <img> to a host)."""
    tmp = tempfile.mkdtemp(prefix="mtc-canary-")
    try:
        page = os.path.join(tmp, "canary.html")
        with open(page, "w") as f:
            f.write('<!DOCTYPE html><title>c</title><img src="http://canary.invalid/x.png">')
        _, netlog = dump_dom(page, tmp)
        urls = page_requests(netlog)
        if not any("canary.invalid" in u for u in urls):
            sys.exit("check_report: the net log check did not see the canary's fetch: %r" % urls)
        print("canary: the net log shows the page's fetch of %s" % urls[0])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check(mtcheck, articles):
    """articles: [(path, name or None)]; one page with every article (one
    Chromium run), compared with the JSON report of the same run."""
    tmp = tempfile.mkdtemp(prefix="mtc-browser-")
    errors = []
    try:
        srcs = []
        for article, name in articles:
            src = article
            if name:
                src = os.path.join(tmp, name)  # "<b>x</b>.txt": a folder "<b>x<", a file "b>.txt"
                os.makedirs(os.path.dirname(src), exist_ok=True)
                shutil.copyfile(article, src)
            srcs.append(src)
        jpath = os.path.join(tmp, "report.json")
        hpath = os.path.join(tmp, "report.html")
        ddir = os.path.join(tmp, "html-dir")
        for fmt, out in (("json", jpath), ("html", hpath)):
            extra = ["--html-dir", ddir] if fmt == "html" else []
            r = run([mtcheck, "--format", fmt, "--fail-on", "none", "-o", out] + extra + srcs)
            if r.returncode != 0:
                sys.exit("check_report: mtcheck --format %s failed (%d): %s"
                         % (fmt, r.returncode, r.stderr.decode(errors="replace")))
        with open(jpath, encoding="utf-8") as f:
            report = json.load(f)
        dom_text, netlog = dump_dom(hpath, tmp)
        dom = Dom()
        dom.feed(dom_text)
        dom.close()
        errors += dom.errors

        if dom.html_attrs.get("data-js") != "on":
            errors.append("the page's script did not run (CSP hash of the inline script wrong?)")
        elif dom.html_attrs.get("data-css") != "on":
            errors.append("the page's stylesheet did not apply (CSP hash of the inline style wrong?)")
        if dom.scripts != 1 or dom.styles != 1:
            errors.append("expected one <script> and one <style>, found %d and %d"
                          % (dom.scripts, dom.styles))

        issues = [i for art in report["files"] for i in art["issues"]]
        if len(dom.heads) != len(issues):
            errors.append("%d highlighted issues in the page, %d in the JSON"
                          % (len(dom.heads), len(issues)))
        for k, (want, (art_id, got)) in enumerate(zip(issues, dom.heads)):
            where = "issue %d (%s at %d)" % (k + 1, want["rule"], want["byte_start"])
            if got.get("data-rule") != want["rule"]:
                errors.append("%s: data-rule %r" % (where, got.get("data-rule")))
            if got.get("data-severity") != want["severity"]:
                errors.append("%s: data-severity %r" % (where, got.get("data-severity")))
            if (got.get("data-start"), got.get("data-end")) != (str(want["byte_start"]),
                                                                 str(want["byte_end"])):
                errors.append("%s: span %s-%s, JSON %d-%d" % (where, got.get("data-start"),
                              got.get("data-end"), want["byte_start"], want["byte_end"]))
            text = dom.issue_text.get((art_id, got.get("data-issue")), "")
            if text != want["text"]:
                errors.append("%s: highlighted text %r, JSON %r" % (where, text, want["text"]))

        n_sent = sum(len(art["sentences"]) for art in report["files"])
        if dom.cells != n_sent:
            errors.append("heat strip: %d cells for %d sentences" % (dom.cells, n_sent))

        # the article's text is in the page as text, line for line
        body = "".join(dom.body_text)
        plain = [s for s in srcs if s.lower().endswith(".txt")]  # Markdown/HTML: prose differs
        for src in plain:
            with open(src, encoding="utf-8") as f:
                for line in f.read().split("\n"):
                    line = line.strip()
                    if line and line not in body:
                        errors.append("article line not shown as text: %r" % line[:80])
        with open(srcs[0], encoding="utf-8") as f:
            first = f.read().strip().split("\n")[0].strip()
        if srcs[0] in plain and not dom.title.startswith(first[:150]):
            errors.append("page title %r does not start with the first line %r" % (dom.title, first))
        for _, name in articles:
            if name and name not in body:
                errors.append("file name %r not shown as text" % name)

        urls = page_requests(netlog)
        if urls:
            errors.append("the page fetched: %r" % urls)
        errors += check_filter(hpath, tmp)
        errors += check_index(os.path.join(ddir, "index.html"), tmp, report)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if errors:
        for e in errors:
            print("check_report: %s" % e, file=sys.stderr)
        sys.exit(1)
    print("%d article(s): %d issues highlighted at their JSON spans, %d heat cells, "
          "no foreign element or attribute, no network request" % (len(srcs), len(dom.heads), dom.cells))


def check_filter(page, tmp):
    """The filter script: the same page with its first category box
    unchecked hides exactly that category's highlights and list entries."""
    with open(page, encoding="utf-8") as f:
        text = f.read()
    key = '<input type="checkbox" checked data-filter="cat" value="'
    at = text.find(key)
    if at < 0:
        return []  # no issues, no filter
    cat = html.unescape(text[at + len(key):text.index('"', at + len(key))])
    sub = os.path.join(tmp, "filtered")
    os.makedirs(sub)
    filtered = os.path.join(sub, "report.html")
    with open(filtered, "w", encoding="utf-8") as f:
        f.write(text[:at] + key.replace(" checked", "") + text[at + len(key):])
    dom_text, _ = dump_dom(filtered, sub)

    class Filtered(html.parser.HTMLParser):
        """Checks the highlights and list entries of the first article (the
        filter works per article)."""

        def __init__(self):
            super().__init__()
            self.wrong, self.hidden, self.articles = [], 0, 0

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "article":
                self.articles += 1
            if self.articles != 1 or tag not in ("mark", "li"):
                return
            if "data-cat" in a and "data-sev" in a:
                off = "off" in (a.get("class") or "").split()
                if off != (a["data-cat"] == cat):
                    self.wrong.append((tag, a.get("data-issue") or a.get("id"), a["data-cat"], off))
                self.hidden += off

    p = Filtered()
    p.feed(dom_text)
    errs = []
    if p.wrong:
        errs.append("filter on %r: wrong elements %r" % (cat, p.wrong[:5]))
    if p.hidden == 0:
        errs.append("filter on %r hid nothing" % cat)
    return errs


def check_index(index, tmp, report):
    """The --html-dir index: only our markup, worst first, one row and one
    existing page per article, nothing fetched."""
    sub = os.path.join(tmp, "index-load")
    os.makedirs(sub)
    dom_text, netlog = dump_dom(index, sub)
    dom = Dom()
    dom.feed(dom_text)
    dom.close()
    errs = list(dom.errors)
    if dom.html_attrs.get("data-js") != "on" or dom.html_attrs.get("data-css") != "on":
        errs.append("index: script or stylesheet blocked")
    rows = [a for t, a in dom.tags if t == "tr" and "data-score" in a]
    scores = [float(a["data-score"]) for a in rows]
    if len(rows) != len(report["files"]):
        errs.append("index: %d rows for %d articles" % (len(rows), len(report["files"])))
    if scores != sorted(scores):
        errs.append("index: not ranked worst first: %r" % scores)
    want = sorted(round(f["score"], 2) for f in report["files"])
    if [round(s, 2) for s in scores] != want:
        errs.append("index: scores %r, JSON %r" % (scores, want))
    for t, a in dom.tags:
        if t == "a" and a.get("href", "").endswith(".html"):
            if not os.path.exists(os.path.join(os.path.dirname(index), a["href"])):
                errs.append("index: links to a missing page %r" % a["href"])
    body = "".join(dom.body_text)
    for f in report["files"]:
        if f["path"] not in body:
            errs.append("index: path %r not shown as text" % f["path"])
    urls = page_requests(netlog)
    if urls:
        errs.append("index: the page fetched: %r" % urls)
    return errs


def self_test():
    """The DOM check must reject injected markup."""
    for bad in ('<b onmouseover="x">b</b>', '<img src=x>', '<a href="http://e.com/">l</a>',
                '<mark data-rule="r" style="x">m</mark>', '<iframe></iframe>'):
        d = Dom()
        d.feed("<html><body>" + bad + "</body></html>")
        if not d.errors:
            sys.exit("check_report: the DOM check accepted %r" % bad)


def main(argv):
    self_test()
    if len(argv) == 2 and argv[1] == "--canary":
        canary()
        return
    if len(argv) < 3:
        sys.exit(__doc__)
    articles, args = [], argv[2:]
    while args:
        if len(args) >= 3 and args[1] == "--name":
            articles.append((args[0], args[2]))
            args = args[3:]
        else:
            articles.append((args[0], None))
            args = args[1:]
    check(argv[1], articles)


if __name__ == "__main__":
    main(sys.argv)
