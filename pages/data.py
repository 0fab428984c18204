"""The data page: datasets, versions, the import log and templates for everyone; imports
and restores for a data steward with the admin token. Layout only: the logic is in
``ecotown.stewardship``, ``ecotown.store`` and the steward session ``ecotown.ui.steward``."""

from math import ceil

import streamlit as st

from ecotown import stewardship, store
from ecotown.analysis.urlstate import encode_view
from ecotown.i18n.labels import t
from ecotown.model.schema import TABLES
from ecotown.model.validate import DatasetError
from ecotown.stewardship import access, templates
from ecotown.store import dataset_version
from ecotown.ui import (
    keys,
    known_datasets,
    md_escape,
    page_preamble,
    sidebar_common,
    store_problem,
    uploader_in_language,
)
from ecotown.ui.steward import (
    do_import,
    do_restore,
    run_safely,
    show_messages,
    sign_in,
    sign_out,
    signed_in,
)
from ecotown.ui.steward import kind_title as _kind_title

view, _ = page_preamble(compact=False, load=False)
lang = view.lang


def kind_title(kind: str) -> str:
    return _kind_title(kind, lang)


ss = st.session_state
NEW = "\x00new"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


st.page_link("app.py", label=t("back_to_map", lang), icon=":material/arrow_back:",
             query_params=encode_view(view))
st.title(t("dp_title", lang), anchor=False)
st.caption(t("dp_intro", lang))
tab_data, tab_templates, tab_import = st.tabs(
    [t("dp_tab_datasets", lang), t("dp_tab_templates", lang), t("dp_tab_import", lang)])
store_down = store_problem()
imported = [] if store_down is not None else store.imported_names()

with tab_data:
    if store_down is not None:  # the database is down: nothing to list or write
        show_messages(store_down.messages(lang))
    else:
        st.markdown(f"**{t('dp_datasets', lang)}**")
        st.dataframe(stewardship.dataset_rows(lang), hide_index=True, width="stretch")
        damaged = store.damaged_names()
        if damaged:
            st.warning(t("d_damaged_datasets", lang, names=", ".join(damaged)),
                       icon=":material/warning:")
        st.markdown(f"**{t('dp_versions', lang)}**")
        if imported:
            shown = st.selectbox(t("dp_versions_of", lang), imported, key=keys.W_VERSIONS_OF)
            st.dataframe(stewardship.version_rows(shown, lang), hide_index=True, width="stretch")
        else:
            st.info(t("dp_no_imported", lang))
        st.markdown(f"**{t('dp_audit', lang)}**")
        audit = stewardship.audit_rows(lang)
        if audit.empty:
            st.caption(t("dp_audit_empty", lang))
        else:
            st.dataframe(audit, hide_index=True, width="stretch")

with tab_templates:
    st.caption(t("dp_templates_intro", lang))
    for tbl in TABLES:
        name_col, xlsx_col, csv_col = st.columns([4, 1, 1], vertical_alignment="center")
        name_col.markdown(md_escape(kind_title(tbl.kind)))
        xlsx_col.download_button("XLSX", templates.template_xlsx(tbl.kind), mime=XLSX,
                                 file_name=templates.template_filename(tbl.kind, "xlsx"),
                                 key=f"tpl-xlsx-{tbl.kind}", icon=":material/download:")
        csv_col.download_button("CSV", templates.template_csv(tbl.kind), mime="text/csv",
                                file_name=templates.template_filename(tbl.kind, "csv"),
                                key=f"tpl-csv-{tbl.kind}", icon=":material/download:")

with tab_import:
    if store_down is not None:  # the database is down: nothing to list or write
        show_messages(store_down.messages(lang))
    else:
        expected = access.configured_token(st.secrets)
        if not expected:
            st.info(t("dp_no_token", lang, n=access.MIN_TOKEN_LENGTH), icon=":material/lock:")
        elif not signed_in(expected):
            if ss.get(keys.DATA_ADMIN) or ss.pop(keys.DATA_SIGNED_OUT, False):
                ss[keys.DATA_ADMIN] = ""
                st.warning(t("dp_token_rotated", lang), icon=":material/lock_reset:")
            st.text_input(t("dp_token", lang), type="password", key=keys.W_TOKEN, max_chars=1000)
            st.button(t("dp_sign_in", lang), on_click=sign_in, args=(expected, lang),
                      key=keys.W_SIGN_IN)
            attempt = ss.pop(keys.SIGN_IN_ATTEMPT, None)
            if attempt is not None and attempt.problems:
                st.error(t("dp_failed", lang))
                show_messages(list(attempt.problems))
            elif attempt is not None and attempt.throttled:
                st.warning(t("dp_token_wait", lang, seconds=ceil(attempt.wait)))
            elif attempt is not None and not attempt.ok:
                st.error(t("dp_token_wrong", lang))
        else:
            # the attempt that signed in: nothing to say after sign-out
            ss.pop(keys.SIGN_IN_ATTEMPT, None)
            head, out = st.columns([5, 1], vertical_alignment="center")
            head.success(t("dp_signed_in", lang), icon=":material/verified_user:")
            out.button(t("dp_sign_out", lang), on_click=sign_out, key=keys.W_SIGN_OUT)
            done = ss.pop(keys.DATA_DONE, None)
            if done:
                st.success(done[0])
                st.page_link("app.py", label=t("dp_open_dataset", lang), icon=":material/map:",
                             query_params={**encode_view(view), "dataset": done[1]})
            failed = ss.pop(keys.DATA_FAILED, None)
            if failed:
                st.error(t("dp_failed", lang))
                show_messages(failed)

            st.text_input(t("dp_steward", lang), key=keys.W_STEWARD,
                          max_chars=stewardship.MAX_STEWARD)
            target = st.selectbox(t("dp_target", lang), [NEW, *imported], key=keys.W_TARGET,
                                  format_func=lambda n: t("dp_new_dataset", lang)
                                  if n == NEW else n)
            files = st.file_uploader(t("dp_upload", lang), type=["csv", "xlsx"],
                                     accept_multiple_files=True,
                                     key=f"{keys.W_FILES}_{ss.get(keys.UPLOAD_NONCE, 0)}")
            uploader_in_language(lang, "CSV, XLSX")
            if target == NEW:  # the preview shows on upload, under a name the steward can change
                name_col, base_col = st.columns(2)
                typed = name_col.text_input(t("dp_new_name", lang), key=keys.W_NEW_NAME,
                                            max_chars=31,
                                            placeholder=t("dp_name_placeholder", lang)).strip()
                base = base_col.selectbox(t("dp_base", lang), known_datasets(), key=keys.W_BASE)
                name = typed or (stewardship.default_name([f.name for f in files],
                                                          known_datasets()) if files else "")
                if files and not typed:
                    st.caption(t("dp_default_name", lang, name=md_escape(name)))
                th_col, en_col = st.columns(2)
                th_col.text_input(t("dp_title_th", lang), key=keys.W_TITLE_TH,
                                  max_chars=stewardship.MAX_TITLE)
                en_col.text_input(t("dp_title_en", lang), key=keys.W_TITLE_EN,
                                  max_chars=stewardship.MAX_TITLE)
            else:
                name, base = target, None
            replace = st.multiselect(t("dp_replace", lang), stewardship.KINDS, key=keys.W_REPLACE,
                                     format_func=kind_title,
                                     placeholder=t("dp_replace_none", lang))
            if files and name:
                uploads = [stewardship.Upload.from_bytes(f.name, f.getvalue()) for f in files]
                read_key = tuple(u.sha256 for u in uploads)
                if ss.get(keys.DATA_READ, (None,))[0] != read_key:
                    ss[keys.DATA_READ] = (read_key, *stewardship.read_files(uploads))
                _, raws, read_problems = ss[keys.DATA_READ]
                chosen = {}
                for raw in raws:
                    detected = stewardship.detect_kind(raw.header, raw.hint)
                    picked = st.selectbox(
                        t("dp_kind_for", lang, file=md_escape(raw.key)), [None, *stewardship.KINDS],
                        key=f"{keys.W_KIND}_{raw.key}",
                        format_func=lambda k, d=detected: kind_title(k) if k else
                        f"{t('dp_kind_auto', lang)}: {kind_title(d) if d else '?'}")
                    if picked:
                        chosen[raw.key] = picked
                try:
                    plan_key = (read_key, name, store.latest_version(name), base,
                                dataset_version(base) if base else "", sorted(chosen.items()),
                                replace)
                    if ss.get(keys.DATA_PLAN, (None,))[0] != plan_key:  # preview once per choice
                        ss[keys.DATA_PLAN] = (plan_key, stewardship.preview_tables(
                            raws, read_problems, name, uploads=uploads, base=base, kinds=chosen,
                            replace=replace))
                    plan = ss[keys.DATA_PLAN][1]
                except DatasetError as exc:
                    plan = None
                    st.error(t("dp_failed", lang))
                    show_messages(exc.messages(lang))
                if plan is not None and plan.problems:
                    st.error(t("dp_problems", lang, n=len(plan.problems)))
                    st.dataframe(stewardship.problem_rows(plan.problems, lang), hide_index=True,
                                 width="stretch")
                elif plan is not None:
                    st.markdown(f"**{t('dp_preview', lang)}**")
                    for line in stewardship.preview_lines(plan, lang)[:1] + \
                            [t(n, lang) for n in plan.notes]:
                        st.caption(md_escape(line.strip()))
                    st.dataframe(stewardship.change_rows(plan, lang), hide_index=True,
                                 width="stretch")
                    areas = stewardship.area_change_rows(plan, lang)
                    if not areas.empty:
                        st.dataframe(areas, hide_index=True, width="stretch")
                    cells, more = stewardship.cell_change_rows(plan, lang)
                    if not cells.empty:
                        st.markdown(f"**{t('dp_changed_cells', lang)}**")
                        st.dataframe(cells, hide_index=True, width="stretch")
                        if more:
                            st.caption(t("d_more_changes", lang, n=f"{more:,}"))
                    if plan.new or plan.changed:
                        st.button(t("dp_confirm", lang), type="primary", key=keys.W_CONFIRM,
                                  on_click=run_safely, args=(lang, do_import, plan),
                                  icon=":material/upload:")
                    else:
                        st.info(t("d_no_changes", lang).strip())
            elif name:
                try:
                    store.check_name(name)
                except DatasetError as exc:
                    show_messages(exc.messages(lang))

            if imported:
                st.markdown(f"**{t('dp_restore', lang)}**")
                ds_col, ver_col, go_col = st.columns([2, 2, 3], vertical_alignment="bottom")
                restore_name = ds_col.selectbox(t("dp_versions_of", lang), imported,
                                                key=keys.W_RESTORE_DATASET)
                older = [v["version"] for v in store.list_versions(restore_name) if not v["latest"]]
                # a new key on a new version
                version_key = f"w_restore_version_{restore_name}_{len(older)}"
                old = ver_col.selectbox(t("dp_restore_version", lang), older, key=version_key)
                go_col.button(t("dp_restore_button", lang), disabled=not old, key=keys.W_RESTORE,
                              on_click=run_safely, args=(lang, do_restore, version_key),
                              icon=":material/history:")

sidebar_common(view, known_datasets())
