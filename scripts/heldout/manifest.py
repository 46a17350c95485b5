"""Writes OUT/manifest.json for the held-out set: per document, the truth items its layout does not show
(in score.py's `hidden` keys), found by looking for each item's text in the rendered HTML."""
import glob, html as H, json, os, re, sys
from html.parser import HTMLParser


class Text(HTMLParser):
    def __init__(self):
        super().__init__(); self.out = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"): self.skip -= 1
    def handle_data(self, d):
        if not self.skip: self.out.append(d)


def squash(s): return re.sub(r"\s+", "", H.unescape(s or "").lower())


def visible(path):
    t = Text(); t.feed(open(path, encoding="utf-8").read()); return squash(" ".join(t.out))


def hidden_items(tr, text):
    shown = lambda s: not s or squash(s) in text
    hid, bs = [], tr["basics"]
    for k in ("name", "email", "phone"):
        if not shown(bs.get(k, "")): hid.append(k)
    # The city counts only where it is not just part of a school's or employer's name.
    rest = text
    others = [e.get("institution", "") for e in tr.get("education", [])] + [w.get("name", "") for w in tr.get("work", [])]
    others += [bs.get("summary", "")] + [h for w in tr.get("work", []) for h in w.get("highlights", [])]
    others += [a.get("title", "") + " " + a.get("awarder", "") for a in tr.get("awards", [])]
    others += [p.get("description", "") for p in tr.get("projects", [])]
    for o in sorted(others, key=len, reverse=True):
        if o: rest = rest.replace(squash(o), "")
    city = (bs.get("location") or {}).get("city", "")
    if city and squash(city) not in rest: hid.append("city")
    for i, c in enumerate(tr.get("certificates", [])):
        if not shown(c.get("name", "")): hid.append(f"cert:{i}")
    for i, e in enumerate(tr.get("education", [])):
        if not shown(e.get("institution", "")): hid.append(f"edu:{i}")
        if not shown(e.get("studyType", "")) and not shown(e.get("area", "")): hid.append(f"edu:{i}:degree")
    for i, w in enumerate(tr.get("work", [])):
        if not shown(w.get("name", "")): hid.append(f"work:{i}:company")
        if not shown(w.get("position", "")): hid.append(f"work:{i}:position")
        for j, h in enumerate(w.get("highlights", [])):
            if not shown(h): hid.append(f"hl:{i}:{j}")
    for i, l in enumerate(tr.get("languages", [])):
        if not shown(l.get("language", "")): hid.append(f"lang:{i}")
    for g in tr.get("skills", []):
        for k in g.get("keywords", []):
            if not shown(k): hid.append("skill:" + squash(k))
    return hid


def main(out):
    truth, html = os.environ["TRUTH_DIR"], os.environ["HTML_DIR"]
    docs = []
    for f in sorted(glob.glob(os.path.join(out, "files", "*"))):
        b = os.path.basename(f); cid, theme = b.split("__")[0], b.split("__")[1].split(".")[0]
        tr = json.load(open(os.path.join(truth, cid + ".json"), encoding="utf-8"))
        docs.append(dict(file="files/" + b, cv_id=cid, language=tr["meta"]["language"], format=f.rsplit(".", 1)[1],
                         theme=theme, hidden=hidden_items(tr, visible(os.path.join(html, f"{cid}__{theme}.html")))))
    json.dump(dict(documents=docs), open(os.path.join(out, "manifest.json"), "w", encoding="utf-8"), indent=1, ensure_ascii=False)
    print(len(docs), "documents")


if __name__ == "__main__":
    main(sys.argv[1])
