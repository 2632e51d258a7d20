"""述职报告质量检查 — the review page: a Streamlit shell over checker.review and checker.render.

Started by `shuzhi serve` (bound to 127.0.0.1, no usage statistics, no outbound connection); `streamlit run
app.py` from the repository runs the same page.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

import pandas as pd
import streamlit as st

from checker.cohort.similarity import with_cohort_flags
from checker.errors import ProfileError
from checker.limits import Limits
from checker.pipeline import Checker
from checker.profile import builtin_names
from checker.render import charts
from checker.render.excel_out import SHARES, workbook_bytes
from checker.render.html_out import flag_targets_html, report_html
from checker.render.json_out import report_json
from checker.render.page import (cohort_rows, flag_title, key_figures, page_names, sample_paths, sentence_choices,
                                 share_rule)
from checker.review.access import password_matches
from checker.review.corrections import CorrectionStore, StoreError, default_db_path
from checker.review.serve import PASSWORD_ENV, UPLOAD_CEILING_MB
from checker.review.session import UPLOAD_TYPES, Review, ReviewSession, Unreadable
from checker.doc import LABEL_NAMES, LABELS
from checker.summary import ReportSummary

VERDICT_BOXES = {"通过": st.success, "建议修改": st.warning, "退回修改": st.error}
FIGURES_PER_ROW = 6


@st.cache_resource(show_spinner="正在加载分类模型……")
def checker_for(profile: str) -> Checker:
    return Checker(profile, limits=Limits.from_env())


def session_for(profile: str) -> ReviewSession:
    """One review session per profile, kept across reruns, with the corrections store of this machine."""
    sessions = st.session_state.setdefault("sessions", {})
    if profile not in sessions:
        try:
            store = CorrectionStore(default_db_path())
        except StoreError as exc:
            store = None
            st.sidebar.error(f"{exc}；本次更正不会保存。")
        sessions[profile] = ReviewSession(checker_for(profile), store)
    return sessions[profile]


def sidebar() -> str:
    with st.sidebar:
        st.header("设置")
        names = builtin_names()
        profile = st.selectbox("检查配置", names, index=names.index("default") if "default" in names else 0)
        st.header("示例报告")
        samples = {p.name: p for p in sample_paths()}
        if samples:
            chosen = st.selectbox("选择示例", list(samples), key="sample_choice")
            opened = st.session_state.setdefault("samples", [])
            if st.button("打开示例", key="open_sample") and chosen not in opened:
                opened.append(chosen)
            if opened and st.button("关闭已打开的示例", key="close_samples"):
                opened.clear()
    return profile


def opened_files() -> list[tuple[str, bytes]]:
    limit = Limits().max_file_mb
    uploads = st.file_uploader(
        f"上传述职报告（{'、'.join('.' + t for t in UPLOAD_TYPES)}，可多选；每个文件不超过 {limit:g} MB）",
        type=list(UPLOAD_TYPES), accept_multiple_files=True, max_upload_size=UPLOAD_CEILING_MB, key="uploads",
        help=f"超过 {limit:g} MB 的文件不予检查，请压缩图片或删去附件后再试。",
    )
    samples = {p.name: p for p in sample_paths()}
    files = [(u.name, u.getvalue()) for u in uploads or []]
    files += [(name, samples[name].read_bytes()) for name in st.session_state.get("samples", []) if name in samples]
    return files


def correction_widgets(session: ReviewSession, review: Review, data: dict) -> None:
    st.subheader("更正句子分类")
    choices = sentence_choices(data)
    if not choices:
        return
    sentence_key = f"sentence:{review.name}"
    index = st.selectbox("选择句子（？表示分类把握不足）", list(choices), format_func=choices.get, key=sentence_key)
    current = list(review.doc.sents)[index]._.label
    label_key = f"label:{review.name}:{index}"
    st.radio("正确的分类", LABELS, index=LABELS.index(current), format_func=LABEL_NAMES.get, horizontal=True,
             key=label_key)

    def apply() -> None:
        try:
            session.correct(review, st.session_state[sentence_key], st.session_state[label_key])
        except StoreError as exc:
            st.session_state["store_error"] = str(exc)

    st.button("应用更正", key=f"apply:{review.name}", on_click=apply, type="primary")
    if st.session_state.pop("store_error", None):
        st.warning("纠正记录数据库正忙或无法写入，这条更正已在本页生效，但没有保存，请稍后再试。")
    if review.corrections:
        saved = "，已保存到纠正记录数据库" if session.store is not None else ""
        st.caption(f"本报告已人工更正 {len(review.corrections)} 句{saved}。")


def show_figures(data: dict, rule) -> None:
    figures = key_figures(data, rule)
    for start in range(0, len(figures), FIGURES_PER_ROW):
        for column, (name, value) in zip(st.columns(FIGURES_PER_ROW), figures[start:start + FIGURES_PER_ROW]):
            column.metric(name, value)


def show_report(session: ReviewSession, review: Review, summary: ReportSummary) -> None:
    data = report_json(review.doc, summary)
    st.html(f'<h2 class="shuzhi-title">{escape(data["title"] or review.name)}</h2>'
            f'<p class="shuzhi-byline">{escape("　".join(x for x in (review.name, data["author"]) if x))}</p>')
    VERDICT_BOXES[data["verdict"]](f"结论：{data['verdict']}")
    if data["fix_first"]:
        st.markdown("**优先修改：**")
        st.html("<ol>" + "".join(f"<li>{escape(item)}</li>" for item in data["fix_first"]) + "</ol>")
    rule = share_rule(session.checker.profile)
    show_figures(data, rule)
    text_column, side_column = st.columns([3, 2], gap="large")
    with side_column:
        st.subheader(f"篇幅占比（{rule.of}）")
        st.altair_chart(charts.shares_chart(rule.shares(data), rule.limit, rule.limit_text), width="stretch")
        st.subheader(f"问题清单（{len(data['flags'])}）")
        if not data["flags"]:
            st.success("未发现问题。")
        for flag in data["flags"]:
            with st.expander(flag_title(flag), expanded=flag["severity"] == "error"):
                if flag["suggestion"]:
                    st.markdown(f"建议：{flag['suggestion']}")
                targets = flag_targets_html(data, flag)
                if targets:
                    st.html(targets)
                else:
                    st.caption("针对全文。")
        correction_widgets(session, review, data)
        st.subheader("下载")
        stem = Path(review.name).stem
        st.download_button("带批注的 Word 文档（.docx）", review.annotated_docx(summary), file_name=f"{stem}-批注.docx",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        st.download_button("检查结果（JSON）", json.dumps(data, ensure_ascii=False, indent=2),
                           file_name=f"{stem}.json", mime="application/json")
    with text_column:
        st.subheader("正文（按句着色）")
        st.html(report_html(data))


def show_cohort(session: ReviewSession, summaries: list[ReportSummary], failed: list[Unreadable]) -> None:
    profile = session.checker.profile
    rule, names = share_rule(profile), page_names(profile)
    rows = pd.DataFrame(cohort_rows(summaries, rule, names))
    st.subheader("报告一览（点击列名排序）")
    percent = {name: st.column_config.NumberColumn(name, format="percent") for name in SHARES}
    st.dataframe(rows, column_config=percent, hide_index=True, width="stretch")
    st.subheader(f"成绩占{rule.of}比例的分布")
    st.altair_chart(charts.share_histogram(rows["成绩占比"].tolist(), rule.limit, rule.limit_text), width="stretch")
    unreadable = [ReportSummary.unreadable(f.name, f.reason) for f in failed]
    workbook = workbook_bytes(summaries + unreadable, names, rule.basis)
    st.download_button("汇总表（Excel）", workbook, file_name="述职报告检查汇总.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def corrections_panel(session: ReviewSession) -> None:
    with st.sidebar.expander("高级设置"):
        if session.store is None:
            st.caption("纠正记录数据库不可用，本次更正不会保存。")
            return
        count = len(session.store)
        st.caption(f"纠正记录数据库：{session.store.path}（共 {count} 条；由管理员通过环境变量 SHUZHI_DB 设置）")
        if count:
            st.download_button("导出纠正记录（用于重新训练）", session.store.export_jsonl(), file_name="corrections.jsonl",
                               mime="application/jsonl")


def signed_in() -> bool:
    """On a LAN server (`shuzhi serve --lan`) the page asks for the reviewers' password first."""
    expected = os.environ.get(PASSWORD_ENV)
    if not expected or st.session_state.get("signed_in"):
        return True
    given = st.text_input("请输入审阅密码", type="password", key="password")
    if given and password_matches(given, expected):
        st.session_state["signed_in"] = True
        st.rerun()
    elif given:
        st.error("密码不正确。")
    return False


def main() -> None:
    st.set_page_config(page_title="述职报告质量检查", layout="wide")
    st.title("述职报告质量检查")
    if not signed_in():
        st.stop()
    st.caption("离线检查抓基层党建工作述职报告：按句区分成绩、问题、打算，对照通知要求给出问题清单和修改建议。")
    profile = sidebar()
    try:
        session = session_for(profile)
    except ProfileError as exc:
        st.error(str(exc))
        st.stop()
    opened = [session.open(name, data) for name, data in opened_files()]
    failed = [o for o in opened if isinstance(o, Unreadable)]
    if failed:
        st.subheader("无法检查的文件")
        for item in failed:
            st.error(f"{item.name}：{item.reason}")
    reviews = [o for o in opened if isinstance(o, Review)]
    summaries = with_cohort_flags([r.summary for r in reviews], session.checker.profile) if reviews else []
    if not reviews:
        st.info("请上传述职报告，或在左侧打开一份示例报告。")
    elif len(reviews) == 1:
        show_report(session, reviews[0], summaries[0])
    else:
        single, cohort = st.tabs(["单篇报告", f"批次概况（{len(reviews)} 份）"])
        with single:
            names = [r.name for r in reviews]
            chosen = st.selectbox("选择报告", range(len(reviews)), format_func=names.__getitem__, key="report_choice")
            show_report(session, reviews[chosen], summaries[chosen])
        with cohort:
            show_cohort(session, summaries, failed)
    corrections_panel(session)


if __name__ == "__main__":
    main()
