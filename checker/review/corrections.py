"""Label corrections made by reviewers: kept in SQLite, exported as corpus JSONL to retrain the model."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from spacy.tokens import Doc, Span

from checker.doc import heading_of, paragraphs

DB_ENV = "SHUZHI_DB"
APP_NAME = "shuzhi-checker"
DB_FILE = "corrections.sqlite"
BUSY_SECONDS = 5
CORPUS_FIELDS = ("report_id", "paragraph", "sentence", "text", "label", "heading")
SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    report_id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    heading TEXT NOT NULL,
    predicted TEXT NOT NULL,
    confidence REAL NOT NULL,
    file TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (report_id, paragraph, sentence, text)
)
"""


def default_db_path() -> Path:
    """$SHUZHI_DB, else corrections.sqlite in the user's data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE


def report_id_of(file: str) -> str:
    return Path(file).stem


@dataclass
class Correction:
    """One sentence as a person labelled it; paragraph/sentence/heading as in corpus/sentences.jsonl."""

    report_id: str
    paragraph: int
    sentence: int  # position within its paragraph
    text: str
    label: str
    heading: str
    predicted: str
    confidence: float
    file: str

    @property
    def key(self) -> tuple[int, int, str]:
        return self.paragraph, self.sentence, self.text


def _sentence(doc: Doc, index: int) -> Span:
    return next(s for n, s in enumerate(doc.sents) if n == index)


def sentence_key(doc: Doc, index: int) -> tuple[int, int, str]:
    """(paragraph, position within paragraph, text) of a sentence: how a correction finds it again."""
    sentence = _sentence(doc, index)
    first = next(iter(paragraphs(doc)[sentence._.paragraph].sents))._.number
    return sentence._.paragraph, index - first, sentence.text


def correction_for(doc: Doc, index: int, label: str, predicted: Doc | None = None) -> Correction:
    """A correction of sentence `index`; `predicted` holds the classifier's labels (default: `doc`)."""
    paragraph, position, text = sentence_key(doc, index)
    guess = _sentence(predicted if predicted is not None else doc, index)
    file = doc._.source.path
    return Correction(
        report_id=report_id_of(file), paragraph=paragraph, sentence=position, text=text, label=label,
        heading=heading_of(doc, paragraph), predicted=guess._.label, confidence=guess._.confidence, file=file,
    )


class StoreError(Exception):
    """The corrections database cannot be opened or written (locked by another reviewer, read-only, …)."""


class CorrectionStore:
    """A SQLite file of corrections; one row per sentence, the latest label wins. A locked database is waited
    for (BUSY_SECONDS), then a StoreError with a Chinese message."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_db_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as conn:
                conn.execute(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"无法打开纠正记录数据库 {self.path}（{exc}）") from exc

    def _connect(self):
        return closing(sqlite3.connect(self.path, timeout=BUSY_SECONDS))

    def save(self, correction: Correction) -> None:
        row = asdict(correction) | {"saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        columns = ", ".join(row)
        try:
            with self._connect() as conn, conn:
                conn.execute(f"INSERT OR REPLACE INTO corrections ({columns}) VALUES ({', '.join('?' * len(row))})",
                             tuple(row.values()))
        except sqlite3.Error as exc:
            raise StoreError(f"纠正记录数据库 {self.path} 正忙或无法写入（{exc}）") from exc

    def corrections(self, report_id: str | None = None) -> list[Correction]:
        fields = ", ".join(Correction.__dataclass_fields__)
        query = f"SELECT {fields} FROM corrections"
        args: tuple = ()
        if report_id is not None:
            query, args = query + " WHERE report_id = ?", (report_id,)
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY report_id, paragraph, sentence", args).fetchall()
        return [Correction(*row) for row in rows]

    def __len__(self) -> int:
        with self._connect() as conn:
            return conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0]

    def export_jsonl(self) -> str:
        """Every correction as a line of corpus/sentences.jsonl (split: train)."""
        lines = []
        for c in self.corrections():
            record = {name: getattr(c, name) for name in CORPUS_FIELDS} | {"split": "train"}
            lines.append(json.dumps(record, ensure_ascii=False))
        return "".join(line + "\n" for line in lines)
