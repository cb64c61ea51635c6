"""`newsevents code` and `newsevents evaluate` as a user runs them (a real subprocess)."""
import json
import subprocess
import sys

from tests.conftest import need_shared


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsevents", *args], capture_output=True, text=True, cwd=cwd)


def test_code_writes_jsonl_and_reports_bad_lines_with_file_and_line(tmp_path):
    good = tmp_path / "news.jsonl"
    good.write_text(json.dumps({"id": "a", "date": "2023-03-10", "language": "en",
                                "text": "Russia attacked Ukraine on Thursday."}) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = run("code", str(good), "-f", "jsonl", "-o", str(out), "--no-progress")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(e["doc_id"], e["type"], e["date"]["start"]) for e in events] == [("a", "ASSAULT", "2023-03-09")]
    assert "E004" in result.stderr and f"{good}:2" in result.stderr


def test_evaluate_prints_the_judges_figures(tmp_path):
    gold = need_shared("seed", "000_4c8c988737874f2a.gold.json")
    seed = need_shared("seed", "000_4c8c988737874f2a.txt")
    out = tmp_path / "seed.jsonl"
    assert run("code", str(seed), "-f", "jsonl", "-o", str(out), "--no-progress").returncode == 0
    ours = json.loads(run("evaluate", str(gold), str(out), "--json").stdout)
    judge = subprocess.run([sys.executable, str(need_shared("tools", "score_events.py")), str(gold), str(out), "--json"],
                           capture_output=True, text=True, check=True).stdout
    assert ours == json.loads(judge)
    assert ours["must_not_violations"] == 0 and ours["must_recall"] >= 0.8
