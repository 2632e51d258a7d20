"""The learned sentence signal beside the rules (checker.measure.learned): numpy reads what scikit-learn
fitted, `shuzhi train` reproduces the shipped model, and it raises on stock sentences the rules miss, beside
close sentences where it does not."""

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


def test_the_first_clause_is_a_stretch_of_the_sentence():
    assert first_clause("支部工作开局良好，势头强劲。") == "支部工作开局良好"
    long = "党员教育管理工作在全镇范围内取得了前所未有的显著成效。"
    assert long.startswith(first_clause(long)) and len(first_clause(long)) == 20


def test_a_damaged_model_file_is_a_model_error(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a numpy archive")
    with pytest.raises(ModelError, match="无法加载"):
        load_signal_model(path)
