"""What `shuzhi batch` checks: files found in folders (recursively) and in .zip archives.

Every file found becomes an Item, including ones the reader will refuse (a .pdf becomes a row
with status 错误 rather than vanishing). Hidden files, Word lock files (~$…) and OS litter are skipped; a
symbolic link that leads out of its input folder is a row saying so, never read. Archives are extracted into a
working folder; members keep their names as `archive.zip/inner/path`. What archives may unpack is capped in
total across every archive and nesting level (Budget): a member that would pass the cap is an error row and
the other members are still extracted.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_UNPACKED_MB = 4096  # total uncompressed size accepted from all archives of a run, nested ones included
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


class Budget:
    """Bytes the archives of one run may still unpack."""

    def __init__(self, megabytes: float | None = None):
        self.megabytes = MAX_UNPACKED_MB if megabytes is None else megabytes
        self.left = int(self.megabytes * 1024 * 1024)

    def take(self, size: int) -> bool:
        if size > self.left:
            return False
        self.left -= size
        return True


def collect(paths: list[str], workdir: Path, kind: str = "current", exclude: tuple[Path, ...] = (),
            budget: Budget | None = None) -> list[Item]:
    """Items for folders, archives and files, sorted by name; the same file given twice counts once.

    Names are short: a folder's files are named from the folder's own name down ("cohort/sub/a.docx"), an
    archive's members from the archive's name ("cohort.zip/a.docx"); the path as given is used instead when two
    different folders or archives have the same name (the absolute path when that is taken too).
    """
    items: dict[str, Item] = {}
    labels: dict[str, Path] = {}
    excluded = {p.resolve() for p in exclude}
    budget = budget or Budget()
    for number, arg in enumerate(paths):
        path = Path(arg)
        label = _label(path, arg, labels)
        if path.is_dir():
            root = path.resolve()
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if not file.is_file() or _skipped(relative.parts) or _inside(file, excluded):
                    continue
                name = f"{label}/{relative.as_posix()}"
                if file.is_symlink() and root not in file.resolve().parents:
                    _add(items, [Item(name, str(file), kind, "这是指向输入文件夹之外的符号链接，为安全起见未读取")])
                else:
                    _add(items, _expand(file, name, workdir / f"{number}-{len(items)}", kind, budget))
        elif path.suffix.lower() == ".zip" and path.is_file():
            _add(items, _expand(path, label, workdir / f"{number}", kind, budget))
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


def _expand(file: Path, name: str, workdir: Path, kind: str, budget: Budget, depth: int = 0) -> list[Item]:
    if file.suffix.lower() != ".zip":
        return [Item(name, str(file), kind)]
    if depth > MAX_NESTING:
        return [Item(name, str(file), kind, f"压缩包嵌套超过 {MAX_NESTING} 层，已拒绝")]
    try:
        with zipfile.ZipFile(file) as archive:
            return _extract(archive, name, workdir, kind, budget, depth)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return [Item(name, str(file), kind, f"压缩包已损坏或无法打开（{type(exc).__name__}）")]


def _extract(archive: zipfile.ZipFile, name: str, workdir: Path, kind: str, budget: Budget,
             depth: int) -> list[Item]:
    infos = [i for i in archive.infolist() if not i.is_dir()]
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
            if not _copy_capped(archive, info, target, budget):
                target.unlink(missing_ok=True)
                items.append(Item(member, str(target), kind,
                                  f"解压后超过本次允许的总量（{budget.megabytes:g} MB），疑似压缩炸弹，已跳过"))
                continue
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, zlib.error) as exc:
            target.unlink(missing_ok=True)
            items.append(Item(member, str(target), kind, f"无法从压缩包中取出（{type(exc).__name__}）"))
            continue
        items.extend(_expand(target, member, workdir / f"{number}-zip", kind, budget, depth + 1))
    return items


def _copy_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: Budget) -> bool:
    """Extract one member while the budget lasts (the declared size is not trusted); False when it ran out."""
    with archive.open(info) as source, target.open("wb") as sink:
        while chunk := source.read(1024 * 1024):
            if not budget.take(len(chunk)):
                return False
            sink.write(chunk)
    return True


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
