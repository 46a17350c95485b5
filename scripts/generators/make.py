#!/usr/bin/env python3
"""Builds tests/fixtures/generators: CVs with known truth made by generators the parser was not built on.

Each person in tests/fixtures/generators/truth (JSON Resume; corpus people copied there by their id, plus
people of our own, bilingual ones among them) is rendered by:
  docx-word   python-docx, Word-style: name and title in the page header, contact in a text box, dated
              lines with a right tab stop, skills in a two-column table, right-to-left paragraphs in Arabic
  lo-pdf      that DOCX printed to PDF by LibreOffice (soffice --headless --convert-to pdf)
  typst-side  our Typst template: dates in a left column, Font Awesome icons (private-use glyphs) before
              the contact details, mirrored (right to left) for Arabic CVs
  typst-line  our second Typst template: one column, dates letter-spaced at the line end
  moderncv    LaTeX moderncv (classic style, XeLaTeX; Arabic runs shaped with Amiri)
  article     a plain LaTeX article CV (XeLaTeX; polyglossia right to left for Arabic CVs)
Bilingual (mixed) CVs get headings in both languages on one line ("الخبرات المهنية | Work History").
The manifest lists, per file, what its layout does not show (score.py's `hidden` keys) and its groups
(generator x language, and dev or held-out: people listed in HELD_OUT are never looked at while rules are
written, so their figure measures generalisation).

Needs: pip install python-docx typst fontawesomefree; apt-get install libreoffice-writer texlive-xetex
texlive-latex-extra texlive-lang-arabic fonts-hosny-amiri.   Usage: scripts/generators/make.py
"""
import glob, json, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fixtures/generators"
CORPUS_TRUTH = ROOT / "tests/fixtures/corpus/truth"
CORPUS_IDS = ["001", "003", "009", "012", "028", "030", "031", "038"]
HELD_OUT = {"012", "031", "g03"}  # never inspected while writing rules
sys.path.insert(0, str(ROOT / "scripts/heldout"))
from manifest import hidden_items, squash  # noqa: E402

AR = re.compile("[\u0600-\u06ff]")
HEAD = {
    "summary": ("Profile", "نبذة", "الملف الشخصي"),
    "work": ("Work History", "الخبرات المهنية", "الخبرة العملية"),
    "education": ("Education", "التعليم", "المؤهلات العلمية"),
    "skills": ("Skills", "المهارات", "المهارات"),
    "languages": ("Languages", "اللغات", "اللغات"),
    "certificates": ("Certifications", "الشهادات", "الشهادات المهنية"),
}
MONTHS_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]


def heading(key, lang):
    en, ar, ar2 = HEAD[key]
    return {"en": en, "ar": ar2, "mixed": f"{ar} | {en}"}[lang]


def date(s, lang, numeric=False):
    if not s: return "حتى الآن" if lang == "ar" else "Present"
    y, m = s[:4], int(s[5:7]) if len(s) >= 7 else None
    if m is None: return y
    if numeric: return f"{y}-{m:02d}"
    return f"{MONTHS_AR[m - 1]} {y}" if lang == "ar" else f"{MONTHS_EN[m - 1]} {y}"


def period(e, lang, numeric=False):
    return f"{date(e.get('startDate'), lang, numeric)} – {date(e.get('endDate'), lang, numeric)}"


def degree(e):
    return " ".join(x for x in (e.get("studyType"), e.get("area")) if x) if AR.search(e.get("studyType", "")) is None \
        else " في ".join(x for x in (e.get("studyType"), e.get("area")) if x)


def place(b, lang):
    loc = b.get("location") or {}
    return ", ".join(x for x in (loc.get("city"), loc.get("countryCode")) if x)


def cert_line(c):
    year = (c.get("date") or "")[:4]
    return f"{c['name']}, {c['issuer']} ({year})" if c.get("issuer") else c["name"]


def lang_line(l, lang):
    return f"{l['language']} — {l['fluency']}" if l.get("fluency") else l["language"]


# ---------------------------------------------------------------- DOCX (python-docx)
def make_docx(t, lang, path):
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    rtl = lang == "ar"
    d = Document()
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2)
    width = sec.page_width - sec.left_margin - sec.right_margin

    def bidi(p):
        if rtl:
            p._p.get_or_add_pPr().append(parse_xml(f"<w:bidi {nsdecls('w')}/>"))
            for r in p.runs:
                r._r.get_or_add_rPr().append(parse_xml(f"<w:rtl {nsdecls('w')}/>"))
        return p

    b = t["basics"]
    hp = sec.header.paragraphs[0]
    r = hp.add_run(b["name"]); r.bold = True; r.font.size = Pt(18)
    bidi(hp)
    bidi(sec.header.add_paragraph(b.get("label", "")))
    # contact details in a text box (VML), as Word templates often draw them
    items = [b.get("email"), b.get("phone"), place(b, lang)] + [p["url"] for p in b.get("profiles", [])]
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{esc(x)}</w:t></w:r></w:p>" for x in items if x)
    box = parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="contact" style="width:460pt;height:60pt" type="#_x0000_t202">'
        f"<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    d.paragraphs[0]._p.append(box) if d.paragraphs else d.add_paragraph()._p.append(box)

    def head(key):
        p = d.add_heading(heading(key, lang), level=1); bidi(p)

    def dated(left, right):
        p = d.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        r = p.add_run(left); r.bold = True
        p.add_run("\t" + right)
        return bidi(p)

    if b.get("summary"):
        head("summary"); bidi(d.add_paragraph(b["summary"]))
    head("work")
    for w in t.get("work", []):
        dated(f"{w['position']}, {w['name']}", period(w, lang))
        for h in w.get("highlights", []):
            bidi(d.add_paragraph(h, style="List Bullet"))
    head("education")
    for e in t.get("education", []):
        dated(e["institution"], period(e, lang))
        bidi(d.add_paragraph(degree(e)))
    if t.get("skills"):
        head("skills")
        tab = d.add_table(rows=0, cols=2)
        tab.style = "Table Grid"
        for g in t["skills"]:
            row = tab.add_row().cells
            row[0].text = g["name"]; row[1].text = ", ".join(g["keywords"]) if lang != "ar" else "، ".join(g["keywords"])
            for c in row: bidi(c.paragraphs[0])
    if t.get("languages"):
        head("languages")
        for l in t["languages"]: bidi(d.add_paragraph(lang_line(l, lang)))
    if t.get("certificates"):
        head("certificates")
        for c in t["certificates"]: bidi(d.add_paragraph(cert_line(c), style="List Bullet"))
    d.save(path)
    return "\n".join([b["name"], b.get("label", ""), "\n".join(x for x in items if x), docx_text(path)])


def docx_text(path):
    from docx import Document
    d = Document(path)
    out = [p.text for p in d.paragraphs]
    for tb in d.tables:
        for row in tb.rows: out += [c.text for c in row.cells]
    return "\n".join(out)


# ---------------------------------------------------------------- Typst
FA = {"email": "\uf0e0", "phone": "\uf095", "city": "\uf3c5", "github": "\uf09b", "linkedin": "\uf08c"}


def typ(s):
    return re.sub(r"([#@$*_\\<>\[\]`~])", r"\\\1", s)


def make_typst(t, lang, path, variant):
    import typst
    rtl = lang == "ar"
    b = t["basics"]
    font = '("Libertinus Serif", "Amiri")'
    lines = [f'#set page(paper: "a4", margin: 1.6cm)',
             f'#set text(font: {font}, size: 10pt, lang: "{"ar" if rtl else "en"}"{", dir: rtl" if rtl else ""})',
             '#let icon(c) = text(font: ("Font Awesome 6 Free", "Font Awesome 6 Brands"), weight: 900, size: 8pt, c)',
             '#let sechead(t) = block(above: 1.1em, below: 0.5em)[#text(size: 12pt, weight: "bold", t) #line(length: 100%, stroke: 0.5pt)]']
    lines.append(f'#align(center)[#text(size: 20pt, weight: "bold")[{typ(b["name"])}] \\ {typ(b.get("label", ""))}]')
    contact = [("email", b.get("email")), ("phone", b.get("phone")), ("city", place(b, lang))]
    contact += [(p["network"].lower(), p["url"]) for p in b.get("profiles", [])]
    parts = [f'#icon("{FA.get(k, FA["city"])}") {typ(v)}' for k, v in contact if v]
    lines.append("#align(center)[" + " #h(1em) ".join(parts) + "]")

    def entry(when, title, where, extra, bullets):
        if variant == "side":
            body = f"*{typ(title)}* \\ _{typ(where)}_" + (f" \\ {typ(extra)}" if extra else "")
            body += "".join(f"\n  - {typ(h)}" for h in bullets)
            return f"#grid(columns: (3.2cm, 1fr), column-gutter: 0.5cm, [{typ(when)}], [{body}\n])"
        spaced = f'#text(tracking: 2pt)[{typ(when)}]'
        body = f"*{typ(title)}*, {typ(where)} #h(1fr) {spaced}" + (f" \\ {typ(extra)}" if extra else "")
        body += "".join(f"\n- {typ(h)}" for h in bullets)
        return body + "\n"

    if b.get("summary"):
        lines += [f'#sechead[{typ(heading("summary", lang))}]', typ(b["summary"])]
    lines.append(f'#sechead[{typ(heading("work", lang))}]')
    for w in t.get("work", []):
        lines.append(entry(period(w, lang, numeric=variant == "line"), w["position"], w["name"], "", w.get("highlights", [])))
    lines.append(f'#sechead[{typ(heading("education", lang))}]')
    for e in t.get("education", []):
        lines.append(entry(period(e, lang, numeric=variant == "line"), degree(e), e["institution"], "", []))
    if t.get("skills"):
        lines.append(f'#sechead[{typ(heading("skills", lang))}]')
        sep = "، " if rtl else ", "
        lines += [f'*{typ(g["name"])}:* {typ(sep.join(g["keywords"]))} \\' for g in t["skills"]]
    if t.get("languages"):
        lines.append(f'#sechead[{typ(heading("languages", lang))}]')
        lines.append(" #h(1.5em) ".join(typ(lang_line(l, lang)) for l in t["languages"]))
    if t.get("certificates"):
        lines.append(f'#sechead[{typ(heading("certificates", lang))}]')
        lines += [f"- {typ(cert_line(c))}" for c in t["certificates"]]
    src = "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory() as td:
        p = Path(td) / "cv.typ"; p.write_text(src, encoding="utf-8")
        typst.compile(str(p), output=str(path), font_paths=font_dirs())
    return src


def font_dirs():
    import fontawesomefree
    fa = Path(fontawesomefree.__file__).parent / "static/fontawesomefree/webfonts"
    return [str(fa), "/usr/share/fonts/opentype/fonts-hosny-amiri"]


# ---------------------------------------------------------------- LaTeX
def tex(s):
    s = s.replace("\\", "\\textbackslash{}")
    s = re.sub(r"([&%$#_{}])", r"\\\1", s)
    return s.replace("~", "\\textasciitilde{}").replace("–", "--")


def tex_mixed(s):
    """Latin text with Arabic runs: each Arabic run set right to left in the Arabic font."""
    return re.sub(r"([\u0600-\u06ff][\u0600-\u06ff\s\d%.,،]*[\u0600-\u06ff%]|[\u0600-\u06ff])",
                  lambda m: "{\\arabicfont\\beginR " + m.group(1) + "\\endR}", tex(s))


def tex_rtl(s):
    """Arabic text with Latin runs: each Latin run in English (left to right, in a Latin font)."""
    return re.sub(r"([A-Za-z][A-Za-z0-9 .+#/&\\-]*[A-Za-z0-9+#]|[A-Za-z])", lambda m: "\\textenglish{" + m.group(1) + "}", tex(s))


def make_moderncv(t, lang, path):
    b = t["basics"]
    x = tex_mixed
    first, _, last = b["name"].partition(" ")
    lines = [r"\documentclass[11pt,a4paper,sans]{moderncv}", r"\moderncvstyle{classic}", r"\moderncvcolor{blue}",
             r"\usepackage[scale=0.8]{geometry}", r"\usepackage{fontspec}",
             r"\newfontfamily\arabicfont[Script=Arabic]{Amiri}",
             rf"\name{{{x(first)}}}{{{x(last)}}}", rf"\title{{{x(b.get('label', ''))}}}",
             rf"\address{{{x(place(b, lang))}}}{{}}{{}}", rf"\phone[mobile]{{{tex(b['phone'])}}}", rf"\email{{{tex(b['email'])}}}"]
    for p in b.get("profiles", []):
        net = {"github": "github", "linkedin": "linkedin"}.get(p["network"].lower())
        if net: lines.append(rf"\social[{net}]{{{tex(p['username'])}}}")
    # TeX--XeT (\beginR … \endR) only takes effect when switched on inside the document.
    lines += [r"\begin{document}", r"\TeXXeTstate=1", r"\makecvtitle"]
    if b.get("summary"):
        lines += [rf"\section{{{x(heading('summary', lang))}}}", rf"\cvitem{{}}{{{x(b['summary'])}}}"]
    lines.append(rf"\section{{{x(heading('work', lang))}}}")
    for w in t.get("work", []):
        items = "".join(rf"\item {x(h)} " for h in w.get("highlights", []))
        lines.append(rf"\cventry{{{x(period(w, lang))}}}{{{x(w['position'])}}}{{{x(w['name'])}}}{{}}{{}}"
                     rf"{{\begin{{itemize}}{items}\end{{itemize}}}}")
    lines.append(rf"\section{{{x(heading('education', lang))}}}")
    for e in t.get("education", []):
        lines.append(rf"\cventry{{{x(period(e, lang))}}}{{{x(degree(e))}}}{{{x(e['institution'])}}}{{}}{{}}{{}}")
    if t.get("skills"):
        lines.append(rf"\section{{{x(heading('skills', lang))}}}")
        lines += [rf"\cvitem{{{x(g['name'])}}}{{{x(', '.join(g['keywords']))}}}" for g in t["skills"]]
    if t.get("languages"):
        lines.append(rf"\section{{{x(heading('languages', lang))}}}")
        lines += [rf"\cvitemwithcomment{{{x(l['language'])}}}{{{x(l.get('fluency', ''))}}}{{}}" for l in t["languages"]]
    if t.get("certificates"):
        lines.append(rf"\section{{{x(heading('certificates', lang))}}}")
        lines += [rf"\cvitem{{{(c.get('date') or '')[:4]}}}{{{x(c['name'])}, {x(c.get('issuer', ''))}}}" for c in t["certificates"]]
    lines.append(r"\end{document}")
    return run_latex("\n".join(lines) + "\n", path) + "\n" + b["name"]  # \name{first}{last} shows it whole


def make_article(t, lang, path):
    b = t["basics"]
    rtl = lang == "ar"
    x = tex_rtl if rtl else tex_mixed
    pre = [r"\documentclass[10pt,a4paper]{article}", r"\usepackage[margin=2cm]{geometry}", r"\usepackage{fontspec}",
           r"\usepackage{enumitem}", r"\setlist{nosep}", r"\pagestyle{empty}", r"\setlength{\parindent}{0pt}"]
    if rtl:
        pre += [r"\usepackage{polyglossia}", r"\setmainlanguage{arabic}", r"\setotherlanguage{english}",
                r"\newfontfamily\arabicfont[Script=Arabic]{Amiri}", r"\setmainfont{Amiri}",
                r"\newfontfamily\englishfont{Latin Modern Roman}"]
    else:
        pre += [r"\newfontfamily\arabicfont[Script=Arabic]{Amiri}"]
    L = lambda s: (r"\textenglish{" + tex(s) + "}") if rtl else tex(s)  # Latin-only text
    body = [r"\begin{document}", r"\TeXXeTstate=1", rf"{{\LARGE\bfseries {x(b['name'])}}}\\[2pt]", x(b.get("label", "")) + r"\\[2pt]",
            " \\textbar{} ".join([L(b["email"]), L(b["phone"]), x(place(b, lang))] + [L(p["url"]) for p in b.get("profiles", [])]),
            r"\par\medskip"]
    sec = lambda k: rf"\section*{{{x(heading(k, lang))}}}"
    if b.get("summary"): body += [sec("summary"), x(b["summary"])]
    body.append(sec("work"))
    for w in t.get("work", []):
        body.append(rf"\textbf{{{x(w['position'])}}} \hfill {x(period(w, lang, numeric=True))}\\ \textit{{{x(w['name'])}}}")
        if w.get("highlights"):
            body.append(r"\begin{itemize}" + "".join(rf"\item {x(h)} " for h in w["highlights"]) + r"\end{itemize}")
        body.append(r"\smallskip")
    body.append(sec("education"))
    for e in t.get("education", []):
        body.append(rf"\textbf{{{x(degree(e))}}} \hfill {x(period(e, lang, numeric=True))}\\ {x(e['institution'])}\par\smallskip")
    if t.get("skills"):
        body.append(sec("skills"))
        sep = "، " if rtl else ", "
        body += [rf"\textbf{{{x(g['name'])}:}} {x(sep.join(g['keywords']))}\\" for g in t["skills"]]
    if t.get("languages"):
        body += [sec("languages"), ", ".join(x(lang_line(l, lang)) for l in t["languages"])]
    if t.get("certificates"):
        body.append(sec("certificates"))
        body.append(r"\begin{itemize}" + "".join(rf"\item {x(cert_line(c))} " for c in t["certificates"]) + r"\end{itemize}")
    body.append(r"\end{document}")
    return run_latex("\n".join(pre + body) + "\n", path)


# Debian ships fontawesome5.sty only in texlive-fonts-extra (500 MB); this stand-in draws the same icons
# from the Font Awesome fonts of the fontawesomefree wheel, as private-use glyphs like the real package.
FA_SOLID = dict(Asterisk="f069", BabyCarriage="f77d", Circle="f111", Envelope="f0e0", Fax="f1ac", Globe="f0ac",
                GlobeAfrica="f57c", GlobeAmericas="f57d", GlobeAsia="f57e", GlobeEurope="f7a2", Home="f015",
                Inbox="f01c", Mobile="f3ce", Phone="f095", Print="f02f")
FA_BRANDS = dict(Bitbucket="f171", Github="f09b", GithubSquare="f092", Gitlab="f296", Linkedin="f08c",
                 LinkedinIn="f0e1", Orcid="f8d2", Researchgate="f4f8", Skype="f17e", StackOverflow="f16c",
                 Telegram="f2c6", Twitter="f099", TwitterSquare="f081", Whatsapp="f232", Xing="f168", XingSquare="f169")


def fontawesome5_sty():
    d = font_dirs()[0] + "/"
    out = [r"\ProvidesPackage{fontawesome5}", r"\RequirePackage{fontspec}", r"\RequirePackage{xparse}",
           rf"\newfontfamily\FAsolid[Path={d}]{{fa-solid-900.ttf}}",
           rf"\newfontfamily\FAbrands[Path={d}]{{fa-brands-400.ttf}}"]
    # like fontawesome5's commands: a star form and an optional style ("\\faCircle[regular]")
    out += ["\\NewDocumentCommand\\fa%s{s o}{{\\FAsolid\\char\"%s}}" % (k, v.upper()) for k, v in FA_SOLID.items()]
    out += ["\\NewDocumentCommand\\fa%s{s o}{{\\FAbrands\\char\"%s}}" % (k, v.upper()) for k, v in FA_BRANDS.items()]
    return "\n".join(out) + "\n"


ACADEMICONS = "".join(rf"\newcommand\ai{k}{{}}" for k in
                      ("GoogleScholar", "Orcid", "ResearchGate", "ResearchGateSquare", "ResearcherID", "ResearcherIDSquare"))


def run_latex(src, path):
    with tempfile.TemporaryDirectory() as td:
        (Path(td) / "fontawesome5.sty").write_text(fontawesome5_sty(), encoding="utf-8")
        (Path(td) / "academicons.sty").write_text(r"\ProvidesPackage{academicons}" + ACADEMICONS + "\n", encoding="utf-8")
        (Path(td) / "cv.tex").write_text(src, encoding="utf-8")
        r = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=td,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(r.stdout[-3000:])
        shutil.copy(Path(td) / "cv.pdf", path)
    src = re.sub(r"\{\\arabicfont\\beginR (.*?)\\endR\}", r"\1", src).replace("\\textenglish{", "")
    return src.replace("--", "–")


# ---------------------------------------------------------------- main
def visible(src):
    return squash(re.sub(r"\\(?=[^a-zA-Z])", "", src))


def main():
    only = set(sys.argv[1:])  # generators to remake (default: all); the manifest is always rewritten
    truth = OUT / "truth"
    for cid in CORPUS_IDS:
        shutil.copy(CORPUS_TRUTH / f"{cid}.json", truth / f"{cid}.json")
    files = OUT / "files"
    if not only: shutil.rmtree(files, ignore_errors=True)
    files.mkdir(parents=True, exist_ok=True)
    docs = []
    gens = [("docx-word", "docx"), ("typst-side", "pdf"), ("typst-line", "pdf"), ("moderncv", "pdf"), ("article", "pdf")]
    for tf in sorted(truth.glob("*.json")):
        t = json.loads(tf.read_text(encoding="utf-8")); cid = tf.stem; lang = t["meta"]["language"]
        for gen, ext in gens:
            if gen == "moderncv" and lang == "ar": continue  # moderncv has no right-to-left layout
            out = files / f"{cid}__{gen}.{ext}"
            if only and gen not in only:  # kept as made; its text comes from the same renderer
                out = Path(tempfile.mkdtemp()) / out.name
            src = {"docx-word": lambda: make_docx(t, lang, out),
                   "typst-side": lambda: make_typst(t, lang, out, "side"),
                   "typst-line": lambda: make_typst(t, lang, out, "line"),
                   "moderncv": lambda: make_moderncv(t, lang, out),
                   "article": lambda: make_article(t, lang, out)}[gen]()
            made = [(files / out.name, gen, ext)]
            if gen == "docx-word":
                lo = files / f"{cid}__lo-pdf.pdf"; made.append((lo, "lo-pdf", "pdf"))
                if out.parent == files:
                    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(files), str(out)],
                                   check=True, capture_output=True)
                    (files / f"{cid}__docx-word.pdf").rename(lo)
            hid = hidden_items(t, visible(src))
            if gen == "moderncv" and AR.search(t["basics"]["name"]):
                # moderncv sets the name in its title box, where TeX--XeT does not apply: the PDF draws
                # the Arabic words of the name left to right, so no reader can get their order back.
                hid.append("name")
            split = "heldout" if cid in HELD_OUT else "dev"
            for f, g, e in made:
                docs.append(dict(file="files/" + f.name, cv_id=cid, language=lang, format=e, theme=g, hidden=hid,
                                 groups=[f"gen={g}&lang={lang}", f"split={split}"]))
            print(cid, gen, "hidden:", hid, flush=True)
    (OUT / "manifest.json").write_text(json.dumps(dict(documents=docs), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(len(docs), "documents")


if __name__ == "__main__":
    main()
