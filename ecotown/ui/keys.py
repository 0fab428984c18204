"""Every session-state key and widget key of the atlas, declared once (issue 26).

Widget keys (``W_…``) are also what AppTests and the reconnect logic address; state keys hold
what a session carries between reruns; container keys name the ``st-key-…`` class the style
sheet selects. ``tests/unit/ui/test_keys.py`` checks that the pages and ``ecotown.ui`` use
these names, not string literals, and that every key here is used."""

from __future__ import annotations

# widgets
W_LANG = "w_lang"
W_DATASET = "w_dataset"
W_COLOR = "w_color"
W_PHASE = "w_phase"
W_LEVEL = "w_level"
W_MINLEVEL = "w_minlevel"
W_REGION = "w_region"
W_PROVINCE = "w_province"
W_Q = "w_q"
W_YEAR = "w_year"
W_SINCE = "w_since"
W_PLAY = "w_play"
W_SHOW_PROGRESS = "w_show_progress"
W_SHOW_TABLE = "w_show_table"
W_BREAKDOWN = "w_breakdown"
W_CONFIRM = "w_confirm"
W_RESTORE = "w_restore"
W_RESTORE_DATASET = "w_restore_dataset"
W_REPLACE = "w_replace"
W_TITLE_TH = "w_title_th"
W_TITLE_EN = "w_title_en"
W_VERSIONS_OF = "w_versions_of"
W_TOKEN = "w_token"
W_SIGN_IN = "w_sign_in"
W_SIGN_OUT = "w_sign_out"
W_STEWARD = "w_steward"
W_TARGET = "w_target"
W_NEW_NAME = "w_new_name"
W_BASE = "w_base"
INDICATOR_FOCUS = "ecotown-indicator-focus"  # the area page's box of the chosen indicator
W_MATRIX = "w_matrix"  # the indicators page's matrix: a selected cell opens its indicator
W_DEPTH = "w_depth"  # the indicators page's depth: indicators, aspects or dimensions
W_COMPARE = "w_compare"  # the compare page's choice of areas
W_COMPARE_DOWNLOAD = "w_compare_download"  # + the format: the comparison's downloads
W_VIEW_HTML = "w_view_html"  # the download of the view as one HTML file

# session state carried between reruns
VIEW = "_view"
PLAYING = "_playing"
TICK_FROM = "_tick_from"
NEXT_YEAR = "_next_year"
GOTO_AREA = "_goto_area"
DATA_ADMIN = "_data_admin"
DATASETS = "_datasets"
STORE_PROBLEM = "_store_problem"
SIGN_IN_ATTEMPT = "_sign_in"
SNAPSHOT = "_snapshot"
ADOPT_WIDGETS = "_adopt_widgets"
DATA_DONE = "_data_done"
DATA_FAILED = "_data_failed"
DATA_PLAN = "_data_plan"
DATA_READ = "_data_read"
DATA_SIGNED_OUT = "_data_signed_out"
SESSION_KEY = "_session_key"
UPLOAD_NONCE = "_upload_nonce"
W_FILES = "w_files"  # + the upload nonce: a new uploader after each import
W_KIND = "w_kind"  # + the uploaded table: its kind

# containers whose st-key-… class the style sheet selects
A11Y_BOX = "ecotown-a11y"
FALLS_BOX = "ecotown-falls"
YEARBAR_BOX = "ecotown-yearbar"
SLIDE_ROW = "ecotown-slide-row"
# the overview's title and map rows: on a tablet or a phone the map comes right after the title
TITLE_ROW = "ecotown-title-row"
MAP_ROW = "ecotown-map-row"

WIDGETS = frozenset({
    W_LANG, W_DATASET, W_COLOR, W_PHASE, W_LEVEL, W_MINLEVEL, W_REGION, W_PROVINCE, W_Q, W_YEAR,
    W_SINCE, W_PLAY, W_SHOW_PROGRESS, W_SHOW_TABLE, W_BREAKDOWN, W_CONFIRM, W_RESTORE,
    W_RESTORE_DATASET, W_REPLACE, W_TITLE_TH, W_TITLE_EN, W_VERSIONS_OF, W_TOKEN, W_SIGN_IN,
    W_SIGN_OUT, W_STEWARD, W_TARGET, W_NEW_NAME, W_BASE,
})
