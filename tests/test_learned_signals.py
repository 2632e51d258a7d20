"""The learned sentence signals beside the rules (checker.measure.learned): numpy reads what scikit-learn
fitted, `shuzhi train` reproduces the shipped models, and each raises on sentences the rules miss (stock
sentences, concrete cases, blame on others), beside close sentences where it does not."""

import numpy as np
import pytest

from checker.errors import ModelError
from checker.measure.learned import SIGNAL_MODELS, first_clause, load_signal_model, signal_model
from checker.measure.lexicons import Lexicons
from checker.measure.signals import text_signals, with_learned_signals
from checker.profile import load_profile
from checker.training.signal_models import TARGETS, fit_signal_model, tuning_items

LEXICONS = Lexicons(load_profile("default").lexicons)


@pytest.mark.parametrize("name", SIGNAL_MODELS)
def test_numpy_reads_the_fitted_model_as_scikit_learn_does(name):
    model = signal_model(name)
    texts = [i["text"] for i in tuning_items(TARGETS[name][0])][:300] + ["", "  ", "我"]
    dense = np.zeros(model.width)
    dense[model.columns_] = model.weights_
    assert np.allclose(model.decision_function(texts), model.features(texts) @ dense + model.intercept_, atol=1e-9)


@pytest.mark.parametrize("name", SIGNAL_MODELS)
def test_training_reproduces_the_shipped_model(name):
    fitted, shipped = fit_signal_model(name), signal_model(name)
    assert np.array_equal(fitted.columns_, shipped.columns_)
    assert np.allclose(fitted.weights_, shipped.weights_) and fitted.threshold == shipped.threshold


@pytest.mark.parametrize("text, stock", [
    ("支部工作开局良好、势头强劲。", True),  # no lexicon phrase: the model's
    ("对上级部署存在上热中温下冷的情况。", True),
    ("3月5日，我们给村东的6户困难党员送去了米和油。", False),
    ("全年发展党员2名，转正3名。", False),
])
def test_stock_sentences_the_rules_miss(text, stock):
    found = text_signals(text, LEXICONS)["empty_words"]
    assert found == ([first_clause(text)] if stock else [])


@pytest.mark.parametrize("text, case", [
    ("我们把老粮站改成了村史馆。", True),  # an identifiable building, no name the rules know
    ("幺妹带着留守妇女做起了竹编。", True),  # a person called by a nickname
    ("组织党员开展了集中学习。", False),
    ("每月开展一次主题党日活动。", False),
])
def test_concrete_cases_the_rules_miss(text, case):
    assert text_signals(text, LEXICONS, learned=False)["examples"] == []
    assert text_signals(text, LEXICONS)["examples"] == ([first_clause(text)] if case else [])


@pytest.mark.parametrize("text, others", [
    ("村两委有个委员把集体的旧桌椅搬回了自己家。", True),  # a misdeed told without a failing word
    ("承包食堂的老板三次催要整改都推说没空。", True),
    ("受台风影响，今年来村里的游客反而更多了。", False),  # an excuse word, no failing
    ("这一年，支委们跟着我跑遍了全村的角角落落。", False),
])
def test_blame_on_others_the_rules_miss(text, others):
    assert text_signals(text, LEXICONS, learned=False)["blame"] == "none"
    found = text_signals(text, LEXICONS)
    assert (found["blame"], found["others"]) == (("others", [first_clause(text)]) if others else ("none", []))


def test_blame_is_learned_only_where_it_was_read():
    text = "村两委有个委员把集体的旧桌椅搬回了自己家。"
    found = [{"blame": "none", "others": [], "empty_words": [], "examples": []}]
    assert with_learned_signals([dict(found[0])], [text], [False])[0]["blame"] == "none"
    assert with_learned_signals([dict(found[0])], [text], [True])[0]["blame"] == "others"


def test_the_first_clause_is_a_stretch_of_the_sentence():
    assert first_clause("支部工作开局良好，势头强劲。") == "支部工作开局良好"
    long = "党员教育管理工作在全镇范围内取得了前所未有的显著成效。"
    assert long.startswith(first_clause(long)) and len(first_clause(long)) == 20


def test_a_damaged_model_file_is_a_model_error(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a numpy archive")
    with pytest.raises(ModelError, match="无法加载"):
        load_signal_model(path)
