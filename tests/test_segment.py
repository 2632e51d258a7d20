"""Sentence splitting, character counting and tokens."""

from checker.segment import split_sentences
from checker.textcount import count_chars, count_with_punct
from checker.tokens import tokenize_many


def test_split_on_terminators_and_line_ends():
    text = "全年召开支委会12次。讲党课4次！还有差距吗？有；\n明年继续"
    assert split_sentences(text) == ["全年召开支委会12次。", "讲党课4次！", "还有差距吗？", "有；", "明年继续"]


def test_quotes_and_brackets_kept_whole():
    text = "开展“我为群众办实事。党员带头干！”活动3次。《关于加强支部建设。的通知》已印发。"
    assert split_sentences(text) == ["开展“我为群众办实事。党员带头干！”活动3次。", "《关于加强支部建设。的通知》已印发。"]


def test_closing_quote_after_terminator_stays_with_sentence():
    assert split_sentences("他说：“要带头。”我们照做。") == ["他说：“要带头。”", "我们照做。"]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = "开展“三会一课" + "专题学习。" * 60
    assert len(split_sentences(text)) > 10


def test_character_count_rule():
    text = "全年召开支委会12次，覆盖率达98%。 Party"
    assert count_chars(text) == len("全年召开支委会") + 2 + len("次覆盖率达") + 2 + 5
    assert count_with_punct(text) == count_chars(text) + 3


def test_jieba_tokens_from_spacy_blank_zh():
    (tokens,) = tokenize_many(["我亲自主持召开支委会12次。"])
    assert "亲自" in tokens and "主持" in tokens and "12" in tokens
