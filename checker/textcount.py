"""Character counting (字数) as offices mean it.

`count_chars`: Chinese characters, Latin letters and digits; whitespace and punctuation are not counted.
`count_with_punct`: every character except whitespace (closer to Word's 字数 with punctuation).
"""

from __future__ import annotations

import re

COUNTED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def count_chars(text: str) -> int:
    return len(COUNTED.findall(text))


def count_with_punct(text: str) -> int:
    return len("".join(text.split()))
