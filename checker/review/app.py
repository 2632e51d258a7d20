"""述职报告质量检查 — the review page: a Streamlit shell over checker.review and checker.render.

Started by `shuzhi serve` (bound to 127.0.0.1, no usage statistics, no outbound connection); `streamlit run
app.py` from the repository runs the same page. The report's text is a component (REPORT_JS): clicking a
sentence offers its labels and a choice re-judges the report at once.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

import pandas as pd
import streamlit as st

from checker.cohort.fingerprint import normalize
from checker.cohort.similarity import Cohort, cohort_of, with_cohort_flags
from checker.doc import LABEL_NAMES, LABELS
from checker.errors import ProfileError
from checker.limits import Limits
from checker.pipeline import Checker
from checker.profile import builtin_names
from checker.render import charts
from checker.render.docx_out import annotated_name
from checker.render.excel_out import SHARES, VERDICT_FILLS, workbook_bytes
from checker.render.html_out import MENU_TEXTS, REPORT_JS, flag_targets_html, report_html
from checker.render.json_out import report_json
from checker.render.page import (cohort_rows, flag_title, key_figures, page_names, profile_title, sample_reports,
                                 share_rule, shared_problems)
from checker.review.access import password_matches
from checker.review.corrections import CorrectionStore, StoreError, default_db_path
from checker.review.serve import PASSWORD_ENV, UPLOAD_CEILING_MB
from checker.review.session import Review, ReviewSession, Unreadable, merge_duplicates, upload_types
from checker.summary import ReportSummary

VERDICT_BOXES = {"通过": st.success, "建议修改": st.warning, "退回修改": st.error, "非述职报告": st.error}
FIGURES_PER_ROW = 6
SINGLE_VIEW = "单篇报告"
REPORT_VIEW = st.components.v2.component("shuzhi.report", js=REPORT_JS, isolate_styles=False)
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def page_css(limit_mb: float, ceiling_mb: float) -> str:
    """Chinese text for the uploader's own English labels: each label is hidden (font-size 0) and a ::after
    pseudo-element shows ours. Only presentation changes; the widget works as before. The uploader's only
    client-side errors (with no type filter) are a file above the ceiling and a failed upload. The toolbars
    of tables and charts (English tooltips only) are hidden."""
    button = '[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p'
    hint = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    error = '[data-testid="stTooltipErrorContent"]'
    texts = {button: ("选择文件", ".95rem"), hint: (f"或把文件拖到这里（每个文件不超过 {limit_mb:g} MB）", ".875rem"),
             error: (f"无法上传：文件超过 {ceiling_mb:g} MB，或网络中断，请检查后重试", ".875rem")}
    rules = [f"{where}, {where} * {{ font-size: 0 !important; }} {where}::after {{ content: \"{text}\"; "
             f"font-size: {size}; }}" for where, (text, size) in texts.items()]
    rules.append('[data-testid="stElementToolbar"] { display: none; }')  # English tooltips; the workbook downloads
    return "<style>" + "\n".join(rules) + "</style>"


@st.cache_resource(show_spinner="正在加载分类模型……")
def checker_for(profile: str) -> Checker:
    return Checker(profile, limits=Limits.from_env())


@st.cache_data(show_spinner=False)
def samples() -> dict[str, Path]:
    return sample_reports()


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
        profile = st.selectbox("检查依据", names, index=names.index("default") if "default" in names else 0,
                               format_func=profile_title)
        st.header("示例报告")
        titles = list(samples())
        if titles:
            chosen = st.selectbox("选择示例", titles, key="sample_choice")
            opened = st.session_state.setdefault("samples", [])
            if st.button("打开示例", key="open_sample") and chosen not in opened:
                opened.append(chosen)
            if opened and st.button("关闭已打开的示例", key="close_samples"):
                opened.clear()
    return profile


def opened_files() -> list[tuple[str, bytes]]:
    """Uploads (any file type: the reader refuses others in Chinese) and the samples opened, by name."""
    limit = Limits().max_file_mb
    formats = "、".join("." + t for t in upload_types())
    uploads = st.file_uploader(
        f"上传述职报告（{formats}，可多选）", accept_multiple_files=True, max_upload_size=UPLOAD_CEILING_MB,
        key="uploads", help=f"每个文件不超过 {limit:g} MB，超过的不予检查，请压缩图片或删去附件后再试。",
    )
    shipped = samples()
    files = [(u.name, u.getvalue()) for u in uploads or []]
    files += [(f"{title}.docx", shipped[title].read_bytes()) for title in st.session_state.get("samples", [])
              if title in shipped]
    return files


def relabel(session: ReviewSession, review: Review, key: str) -> None:
    """The component's "relabel" trigger: set that sentence's label and keep the correction."""
    request = (st.session_state.get(key) or {}).get("relabel") or {}
    index, label = request.get("sentence"), request.get("label")
    if label not in LABELS or not isinstance(index, int) or not 0 <= index < sum(1 for _ in review.doc.sents):
        return
    try:
        session.correct(review, index, label)
    except StoreError:
        st.session_state["store_error"] = True


def show_text(session: ReviewSession, review: Review, data: dict) -> None:
    key = f"report:{review.name}"
    view = {"html": report_html(data, set(review.corrections)), "labels": [[k, LABEL_NAMES[k]] for k in LABELS],
            **MENU_TEXTS}
    REPORT_VIEW(key=key, data=view, on_relabel_change=lambda: relabel(session, review, key))


def correction_notes(session: ReviewSession, review: Review) -> None:
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


def show_flags(data: dict) -> None:
    st.subheader(f"问题清单（{len(data['flags'])}）")
    if not data["flags"]:
        st.success("未发现问题。")
    for index, flag in enumerate(data["flags"]):
        with st.expander(flag_title(flag), expanded=flag["severity"] == "error"):
            if flag["suggestion"]:
                st.html(f"<p>建议：{escape(flag['suggestion'])}</p>")
            targets = flag_targets_html(data, flag, index)
            if targets:
                st.html(targets)
            else:
                st.caption("针对全文。")


def show_report(session: ReviewSession, review: Review, summary: ReportSummary) -> None:
    data = report_json(review.doc, summary)
    st.html(f'<h2 class="shuzhi-title">{escape(data["title"] or review.name)}</h2>'
            f'<p class="shuzhi-byline">{escape("　".join(x for x in (review.name, data["author"]) if x))}</p>')
    VERDICT_BOXES.get(data["verdict"], st.info)(f"结论：{data['verdict']}")
    if data["fix_first"]:
        st.markdown("**优先修改：**")
        st.html("<ol>" + "".join(f"<li>{escape(item)}</li>" for item in data["fix_first"]) + "</ol>")
    rule = share_rule(session.checker.profile)
    show_figures(data, rule)
    text_column, side_column = st.columns([3, 2], gap="large")
    with side_column:
        st.subheader(f"篇幅占比（{rule.of}）")
        st.altair_chart(charts.shares_chart(rule.shares(data), rule.limit, rule.limit_text), width="stretch")
        show_flags(data)
        st.subheader("下载")
        st.download_button("带批注的报告（.docx）", review.annotated_docx(summary), mime=DOCX_MIME,
                           file_name=annotated_name(review.name))
        st.download_button("检查结果数据（.json）", json.dumps(data, ensure_ascii=False, indent=2),
                           file_name=f"{Path(review.name).stem}.json", mime="application/json")
    with text_column:
        st.subheader("正文（按句着色，点击句子可更正分类）")
        correction_notes(session, review)
        show_text(session, review, data)


def open_row() -> None:
    """A click on a row of the cohort table opens that report in the single view."""
    rows = st.session_state["cohort_table"]["selection"]["rows"]
    if rows:
        st.session_state["report_choice"] = rows[0]
        st.session_state["view"] = SINGLE_VIEW


def show_cohort(session: ReviewSession, reviews: list[Review], summaries: list[ReportSummary],
                failed: list[Unreadable], cohort: Cohort) -> None:
    profile = session.checker.profile
    rule, names = share_rule(profile), page_names(profile)
    rows = pd.DataFrame(cohort_rows(summaries, rule, names))
    st.subheader("报告一览")
    st.caption("点击一行打开该报告；点击列名排序。")
    config = {name: st.column_config.Column(width="small") for name in ["结论", "问题数", "字数", *SHARES]}
    config |= {"报告": st.column_config.Column(width="large"), "问题": st.column_config.Column(width="medium")}
    styled = (rows.style.map(lambda v: f"background-color: {VERDICT_FILLS.get(v, '')}", subset=["结论"])
              .format({name: "{:.0%}" for name in SHARES}))
    st.dataframe(styled, column_config=config, hide_index=True, width="stretch", key="cohort_table",
                 on_select=open_row, selection_mode="single-row")
    st.subheader(f"成绩占{rule.of}比例的分布")
    st.altair_chart(charts.share_histogram(rows["成绩占比"].tolist(), rule.limit, rule.limit_text), width="stretch")
    originals = {normalize(s.text): s.text for r in reviews for s in r.doc.sents}
    unreadable = [ReportSummary.unreadable(f.name, f.reason) for f in failed]
    workbook = workbook_bytes(summaries + unreadable, names, rule.basis,
                              common_problems=shared_problems(cohort, originals))
    st.download_button("汇总表（.xlsx）", workbook, file_name="述职报告检查汇总.xlsx", mime=XLSX_MIME)


def corrections_panel(session: ReviewSession) -> None:
    with st.sidebar.expander("高级设置"):
        if session.store is None:
            st.caption("纠正记录数据库不可用，本次更正不会保存。")
            return
        count = len(session.store)
        st.caption(f"纠正记录数据库：{session.store.path}（共 {count} 条；由管理员通过环境变量 SHUZHI_DB 设置）")
        if count:
            st.download_button("导出纠正记录（用于重新训练模型）", session.store.export_jsonl(),
                               file_name="纠正记录.jsonl", mime="application/jsonl")


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


def show_unreadable(failed: list[Unreadable], duplicates: list[tuple[str, str]]) -> None:
    if duplicates:
        st.info("内容相同的文件只检查一次：" + "；".join(f"{a}（与 {b} 相同）" for a, b in duplicates))
    if failed:
        st.subheader("无法检查的文件")
        for item in failed:
            st.error(f"{item.name}：{item.reason}")


def main() -> None:
    st.set_page_config(page_title="述职报告质量检查", layout="wide")
    st.html(page_css(Limits().max_file_mb, UPLOAD_CEILING_MB))
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
    files, duplicates = merge_duplicates(opened_files())
    opened = [session.open(name, data) for name, data in files]
    failed = [o for o in opened if isinstance(o, Unreadable)]
    show_unreadable(failed, duplicates)
    reviews = [o for o in opened if isinstance(o, Review)]
    cohort = cohort_of([r.summary for r in reviews], session.checker.profile)
    summaries = with_cohort_flags([r.summary for r in reviews], session.checker.profile, cohort=cohort)
    if not reviews:
        st.info("请上传述职报告，或在左侧打开一份示例报告。")
    elif len(reviews) == 1:
        show_report(session, reviews[0], summaries[0])
    else:
        single_tab, cohort_tab = st.tabs([SINGLE_VIEW, f"批次概况（{len(reviews)} 份）"], key="view", on_change="rerun")
        with single_tab:
            names = [r.name for r in reviews]
            if st.session_state.get("report_choice", 0) >= len(reviews):
                st.session_state["report_choice"] = 0
            chosen = st.selectbox("选择报告", range(len(reviews)), format_func=names.__getitem__, key="report_choice")
            show_report(session, reviews[chosen], summaries[chosen])
        with cohort_tab:
            show_cohort(session, reviews, summaries, failed, cohort)
    corrections_panel(session)


if __name__ == "__main__":
    main()
