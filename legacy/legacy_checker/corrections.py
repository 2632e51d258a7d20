"""Label corrections made by reviewers: kept in SQLite, exported as corpus JSONL to retrain the model."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from legacy_checker.structures import Labeled

DB_ENV = "SHUZHI_DB"
APP_NAME = "shuzhi-checker"
DB_FILE = "corrections.sqlite"
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


def sentence_key(labeled: Labeled, index: int) -> tuple[int, int, str]:
    """(paragraph, position within paragraph, text) of a sentence: how a correction finds it again."""
    sentence = labeled.segmented.sentences[index]
    first = labeled.segmented.paragraphs[sentence.paragraph].sentences[0].index
    return sentence.paragraph, index - first, sentence.text


def correction_for(labeled: Labeled, index: int, label: str, predicted: Labeled | None = None) -> Correction:
    """A correction of sentence `index`; `predicted` holds the classifier's labels (default: `labeled`)."""
    predicted = predicted or labeled
    paragraph, position, text = sentence_key(labeled, index)
    file = labeled.segmented.document.path
    return Correction(
        report_id=report_id_of(file), paragraph=paragraph, sentence=position, text=text, label=label,
        heading=labeled.segmented.heading_of(paragraph), predicted=predicted.labels[index],
        confidence=predicted.confidences[index], file=file,
    )


class CorrectionStore:
    """A SQLite file of corrections; one row per sentence, the latest label wins."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute(SCHEMA)

    def _connect(self):
        return closing(sqlite3.connect(self.path))

    def save(self, correction: Correction) -> None:
        row = asdict(correction) | {"saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        columns = ", ".join(row)
        with self._connect() as conn, conn:
            conn.execute(f"INSERT OR REPLACE INTO corrections ({columns}) VALUES ({', '.join('?' * len(row))})",
                         tuple(row.values()))

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
