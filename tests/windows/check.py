#!/usr/bin/env python3
"""Helpers of tests/windows/run.sh (standard library only).

  check.py same-analyses LINUX_DIR WINDOWS_DIR   every <file>.json: the same structured_data, score and checks
  check.py same-states LINUX_JSONL WINDOWS_JSONL  builder sessions: the same states, progress and CV
  check.py limit ERROR_JSON                        prints details.limit of a CLI error answer
  check.py worker EXE CV [WINE...]                 asks EXE --jobgate-worker (framed JSON on stdin/stdout, as
                                                   crates/engine/src/bounded.rs) to analyse CV; prints the score
"""
import json, struct, subprocess, sys
from pathlib import Path

# What differs between two runs of the same analysis and is not the analysis.
VOLATILE = {"analysis_id", "cv_id", "version_id", "timestamp", "created_at", "analyzed_at", "duration_ms",
            "processing_time", "processing_time_ms", "session_id"}


def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in VOLATILE}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v


def same_analyses(linux_dir, windows_dir):
    linux, windows = Path(linux_dir), Path(windows_dir)
    names = sorted(p.name for p in linux.glob("*.json"))
    bad = []
    if names != sorted(p.name for p in windows.glob("*.json")):
        bad.append("different sets of files")
    for name in names:
        a = strip(json.loads((linux / name).read_text(encoding="utf-8")))
        w = windows / name
        b = strip(json.loads(w.read_text(encoding="utf-8"))) if w.exists() else None
        if a != b:
            keys = [k for k in (a or {}) if not b or a.get(k) != b.get(k)]
            bad.append(f"{name}: differs in {keys}")
    print(f"{len(names) - len(bad)} of {len(names)} analyses identical")
    for b in bad[:10]:
        print("  " + b)
    return not bad and len(names) > 0


def same_states(linux_jsonl, windows_jsonl):
    def load(p):
        return [strip(json.loads(line)) for line in Path(p).read_text(encoding="utf-8").splitlines() if line.strip()]
    a, b = load(linux_jsonl), load(windows_jsonl)
    same = a == b
    print(f"{len(a)} builder answers on Linux, {len(b)} on Windows, {'identical' if same else 'DIFFERENT'}; "
          f"last state {b[-1].get('current_state') if b else None}")
    if not same:
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print(f"  first difference at answer {i}: {[k for k in x if x.get(k) != y.get(k)]}")
                break
    return same and len(b) > 0


def frame(body):
    return b"JGW1" + struct.pack("<I", len(body)) + body


def worker(exe, cv, *wine):
    task = json.dumps({"Analyse": {"lang": None, "today": None}}).encode()
    args = [*wine, exe, "--jobgate-worker", "--memory-bytes=268435456", "--stack-bytes=8388608", "--cpu-seconds=60"]
    run = subprocess.run(args, input=frame(task) + frame(Path(cv).read_bytes()), capture_output=True, timeout=120)
    out = run.stdout
    if out[:4] != b"JGW1":
        print(f"no framed answer (exit {run.returncode}): {out[:200]!r} {run.stderr[-500:]!r}")
        return False
    (n,) = struct.unpack("<I", out[4:8])
    reply = json.loads(out[8:8 + n])
    if "Analysed" not in reply:
        print(f"worker answered {str(reply)[:300]}")
        return False
    print(f"worker analysed {Path(cv).name}: ats_score {reply['Analysed']['analysis']['ats_score']}")
    return True


def main():
    cmd, *args = sys.argv[1:]
    if cmd == "same-analyses":
        ok = same_analyses(*args)
    elif cmd == "same-states":
        ok = same_states(*args)
    elif cmd == "limit":
        print(json.loads(Path(args[0]).read_text(encoding="utf-8"))["details"]["limit"])
        ok = True
    elif cmd == "worker":
        ok = worker(*args)
    else:
        raise SystemExit(__doc__)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
