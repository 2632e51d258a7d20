"""What `shuzhi batch` checks: files found in folders (recursively) and in .zip archives.

Every file found becomes an Item, including ones the reader will refuse (a .pdf becomes a row
with status 错误 rather than vanishing). Hidden files, Word lock files (~$…) and OS litter are skipped.
Archives are extracted into a working folder; members keep their names as `archive.zip/inner/path`.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_ARCHIVE_MB = 4096  # total uncompressed size accepted from one archive
MAX_NESTING = 3  # archives inside archives: deeper ones (or a zip that contains itself) are refused
UTF8_NAME_FLAG = 0x800
LITTER = {"thumbs.db", "desktop.ini", "__macosx"}


@dataclass(frozen=True)
class Item:
    """One file to check: its name in the results, where it is on disk, and which cohort it belongs to."""

    name: str
    path: str
    kind: str = "current"  # current | previous (last year's reports, used by REPEATED_PROBLEMS)
    error: str = ""  # set when the file could not even be taken out of its archive


def collect(paths: list[str], workdir: Path, kind: str = "current", exclude: tuple[Path, ...] = ()) -> list[Item]:
    """Items for folders, archives and files, sorted by name; the same file given twice counts once.

    Names are short: a folder's files are named from the folder's own name down ("cohort/sub/a.docx"), an
    archive's members from the archive's name ("cohort.zip/a.docx"); the path as given is used instead when two
    different folders or archives have the same name (the absolute path when that is taken too).
    """
    items: dict[str, Item] = {}
    labels: dict[str, Path] = {}
    excluded = {p.resolve() for p in exclude}
    for number, arg in enumerate(paths):
        path = Path(arg)
        label = _label(path, arg, labels)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if file.is_file() and not _skipped(relative.parts) and not _inside(file, excluded):
                    name = f"{label}/{relative.as_posix()}"
                    _add(items, _expand(file, name, workdir / f"{number}-{len(items)}", kind))
        elif path.suffix.lower() == ".zip" and path.is_file():
            _add(items, _expand(path, label, workdir / f"{number}", kind))
        else:
            _add(items, [Item(arg, arg, kind)])
    return sorted(items.values(), key=lambda i: i.name)


def _label(path: Path, arg: str, taken: dict[str, Path]) -> str:
    """The folder's or archive's own name; the path as given when another has that name; else the absolute path."""
    resolved = path.resolve()
    for label in (resolved.name or arg, arg):
        if taken.setdefault(label, resolved) == resolved:
            return label
    return str(resolved)


def _add(items: dict[str, Item], new: list[Item]) -> None:
    for item in new:
        items.setdefault(item.name, item)


def _skipped(parts: tuple[str, ...]) -> bool:
    return any(p.startswith((".", "~$")) or p.lower() in LITTER for p in parts)


def _inside(file: Path, excluded: set[Path]) -> bool:
    resolved = file.resolve()
    return any(resolved == e or e in resolved.parents for e in excluded)


def _expand(file: Path, name: str, workdir: Path, kind: str, depth: int = 0) -> list[Item]:
    if file.suffix.lower() != ".zip":
        return [Item(name, str(file), kind)]
    if depth > MAX_NESTING:
        return [Item(name, str(file), kind, f"压缩包嵌套超过 {MAX_NESTING} 层，已拒绝")]
    try:
        with zipfile.ZipFile(file) as archive:
            return _extract(archive, name, workdir, kind, depth)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return [Item(name, str(file), kind, f"压缩包已损坏或无法打开（{type(exc).__name__}）")]


def _extract(archive: zipfile.ZipFile, name: str, workdir: Path, kind: str, depth: int) -> list[Item]:
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if sum(i.file_size for i in infos) > MAX_ARCHIVE_MB * 1024 * 1024:
        return [Item(name, name, kind, f"压缩包解压后超过 {MAX_ARCHIVE_MB} MB，已拒绝")]
    items = []
    for number, info in enumerate(infos):
        inner = PurePosixPath(member_name(info))
        parts = tuple(p for p in inner.parts if p not in ("", ".", "..", "/"))
        if not parts or _skipped(parts):
            continue
        member = f"{name}/{'/'.join(parts)}"
        target = workdir / str(number) / parts[-1]
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with archive.open(info) as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            items.append(Item(member, str(target), kind, f"无法从压缩包中取出（{type(exc).__name__}）"))
            continue
        items.extend(_expand(target, member, workdir / f"{number}-zip", kind, depth + 1))
    return items


def member_name(info: zipfile.ZipInfo) -> str:
    """Archive member name; names written by Chinese Windows tools are GBK without the UTF-8 flag."""
    if info.flag_bits & UTF8_NAME_FLAG:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename
