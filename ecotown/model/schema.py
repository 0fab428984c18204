"""The tables of a dataset: their files, columns, types and rules, defined once.

The same schema validates loaded files, describes the data in the docs and (later) generates
the stewards' import templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecotown.model.years import YEAR_MAX, YEAR_MIN

__all__ = [
    "BASES",
    "DIMENSION_IDS",
    "LOCATION_PRECISIONS",
    "SCOPES",
    "TABLES",
    "YEAR_MAX",
    "YEAR_MIN",
    "Column",
    "Table",
    "table",
]

SCOPES = ("province", "district", "subdistrict", "municipality", "zone")
BASES = ("stated", "inferred", "synthetic")
LOCATION_PRECISIONS = ("gazetteer", "province")
DIMENSION_IDS = ("physical", "economic", "environmental", "social", "management")
# The editions of DIW's criteria an assessment is scored on, by the B.E. year of the edition
# (first set in 2560; revised in 2565): optional data, never guessed (programme.md, facts 10-11)
CRITERIA_EDITIONS = ("2560", "2565")
QUALIFIERS = ("exact", "more_than", "less_than", "about")

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$"


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``kind`` is one of ``str``, ``int``, ``float``, ``bool``, ``province``, ``date`` (a real
    date written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or ``year`` (a fiscal year, typed in
    B.E. or C.E., stored as the C.E. year in which it ends: :mod:`ecotown.model.years`).
    """

    name: str
    kind: str = "str"
    required: bool = True
    choices: tuple[str, ...] | None = None
    min: float | None = None
    max: float | None = None
    pattern: str | None = None
    pattern_doc: str = ""
    doc_th: str = ""
    doc_en: str = ""


@dataclass(frozen=True)
class Table:
    """One table of a dataset: its kind, file name, columns and unique key."""

    kind: str
    filename: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    title_th: str = ""
    title_en: str = ""
    # Columns a file may leave out altogether (added after files were written without them).
    optional_columns: tuple[str, ...] = field(default=())
    # optional columns a written table carries only when some row has a value (added after
    # datasets were shipped: their files stay byte for byte as they were)
    sparse_columns: tuple[str, ...] = field(default=())
    # Whether a dataset may lack the file altogether (a table added after datasets existed).
    optional: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        """Names of all columns, in order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """Return the column called ``name``."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"table {self.kind!r} has no column {name!r}")


_YEAR_TH = ("ปีงบประมาณ (1 ต.ค.–30 ก.ย. ตั้งชื่อตามปีที่สิ้นสุด) พิมพ์เป็น พ.ศ. เช่น 2568"
            " หรือ ค.ศ. 2025 ก็ได้ เก็บเป็น ค.ศ.")
_YEAR_EN = ("fiscal year (1 Oct–30 Sep, named by the year it ends): type B.E. 2568 or C.E. "
            "2025; stored as C.E.")


def _year(required: bool = True, name: str = "year") -> Column:
    return Column(name, "year", required, min=YEAR_MIN, max=YEAR_MAX,
                  doc_th=_YEAR_TH, doc_en=_YEAR_EN)


# The Thai wording of ``note``; Thai pages show it, English pages show ``note``. A file may
# leave the column out (older files and templates do), and an empty cell in an import keeps
# the stored wording.
_NOTE_TH = Column("note_th", required=False, doc_th="หมายเหตุภาษาไทย (ว่างไว้ = คงค่าเดิม)",
                  doc_en="the note in Thai (empty keeps the stored one)")

TABLES: tuple[Table, ...] = (
    Table(
        "areas", "areas.csv",
        (
            Column("area_id", pattern=_ID, pattern_doc="A-Z a-z 0-9 _ . -, ≤ 40",
                   doc_th="รหัสพื้นที่ (ไม่ซ้ำ)", doc_en="area id (unique)"),
            Column("name_th", doc_th="ชื่อภาษาไทย", doc_en="Thai name"),
            Column("name_en", doc_th="ชื่อภาษาอังกฤษ", doc_en="English name"),
            Column("province_code", "province", doc_th="รหัสจังหวัด 2 หลัก (กรมการปกครอง)",
                   doc_en="two-digit DOPA province code"),
            Column("scope", choices=SCOPES, doc_th="ขอบเขตพื้นที่", doc_en="scope of the area"),
            Column("admin_code", required=False, pattern=r"^\d{2}(\d{2}(\d{2})?)?$",
                   pattern_doc="2, 4 or 6 digits", doc_th="รหัสพื้นที่ปกครอง",
                   doc_en="DOPA province, district or subdistrict code"),
            Column("phase", "int", min=1, max=3, doc_th="ระยะที่เข้าร่วม", doc_en="phase joined"),
            Column("phase_basis", choices=BASES, doc_th="ที่มาของระยะ", doc_en="basis of phase"),
            Column("joined_year", "year", False, min=YEAR_MIN, max=YEAR_MAX,
                   doc_th="ปีงบประมาณที่เข้าร่วมโครงการ (ว่าง = ไม่ทราบ)",
                   doc_en="fiscal year the area joined (empty: not known)"),
            Column("lat", "float", min=5.0, max=21.0, doc_th="ละติจูด", doc_en="latitude"),
            Column("lon", "float", min=97.0, max=106.0, doc_th="ลองจิจูด", doc_en="longitude"),
            Column("location_precision", choices=LOCATION_PRECISIONS,
                   doc_th="ที่มาของพิกัด", doc_en="where the point comes from"),
            Column("sources", doc_th="URL แหล่งที่มา คั่นด้วยช่องว่าง",
                   doc_en="source URLs, space-separated"),
            Column("note", required=False, doc_th="หมายเหตุ (ตามที่แหล่งที่มาเขียน)",
                   doc_en="note (as its source writes it)"),
            _NOTE_TH,
        ),
        key=("area_id",), title_th="พื้นที่", title_en="Areas",
        optional_columns=("note_th", "joined_year"),
    ),
    Table(
        "assessments", "assessments.csv",
        (
            Column("area_id", doc_th="รหัสพื้นที่", doc_en="area id"),
            _year(),
            Column("level", "int", min=1, max=5, doc_th="ระดับ 1–5", doc_en="level 1–5"),
            Column("basis", choices=BASES, doc_th="ที่มาของระดับ", doc_en="basis of the level"),
            Column("source", doc_th="URL แหล่งที่มา", doc_en="source URL(s)"),
            Column("note", required=False, doc_th="หมายเหตุ (เช่น เหตุผลที่ระดับลดลง)",
                   doc_en="note (e.g. why a level went down)"),
            _NOTE_TH,
            Column("criteria", choices=CRITERIA_EDITIONS, required=False,
                   doc_th="ฉบับของเกณฑ์ที่ใช้ประเมิน (พ.ศ. 2560 หรือ 2565) เว้นว่างถ้าไม่ทราบ",
                   doc_en="edition of the criteria scored on (B.E. 2560 or 2565); empty if "
                          "not known"),
        ),
        key=("area_id", "year"), title_th="ผลการประเมินระดับ", title_en="Level assessments",
        optional_columns=("note_th", "criteria"), sparse_columns=("criteria",),
    ),
    Table(
        "levels", "levels.csv",
        (
            Column("level", "int", min=1, max=5, doc_th="ระดับ", doc_en="level"),
            Column("name_th", required=False, doc_th="ชื่อระดับภาษาไทย", doc_en="Thai name"),
            Column("name_en", required=False, doc_th="ชื่อระดับภาษาอังกฤษ", doc_en="English name"),
            Column("source", required=False, doc_th="แหล่งที่มา", doc_en="source"),
        ),
        key=("level",), title_th="ระดับ", title_en="Levels",
    ),
    Table(
        "dimensions", "dimensions.csv",
        (
            Column("dimension_id", choices=DIMENSION_IDS, doc_th="รหัสมิติ", doc_en="dimension id"),
            Column("name_th", doc_th="ชื่อมิติภาษาไทย", doc_en="Thai name"),
            Column("name_en", doc_th="ชื่อมิติภาษาอังกฤษ", doc_en="English name"),
            Column("source", doc_th="แหล่งที่มา", doc_en="source"),
        ),
        key=("dimension_id",), title_th="มิติ", title_en="Dimensions",
    ),
    Table(
        "indicators", "indicators.csv",
        (
            Column("indicator_id", pattern=_ID, pattern_doc="A-Z a-z 0-9 _ . -, ≤ 40",
                   doc_th="รหัสตัวชี้วัด", doc_en="indicator id"),
            Column("dimension_id", doc_th="รหัสมิติ", doc_en="dimension id"),
            Column("aspect_id", pattern=_ID, pattern_doc="A-Z a-z 0-9 _ . -, ≤ 40",
                   doc_th="รหัสด้าน", doc_en="aspect id"),
            Column("aspect_th", doc_th="ชื่อด้านภาษาไทย", doc_en="Thai aspect name"),
            Column("aspect_en", doc_th="ชื่อด้านภาษาอังกฤษ", doc_en="English aspect name"),
            Column("name_th", doc_th="ชื่อตัวชี้วัดภาษาไทย", doc_en="Thai indicator name"),
            Column("name_en", doc_th="ชื่อตัวชี้วัดภาษาอังกฤษ", doc_en="English indicator name"),
            Column("unit_th", doc_th="หน่วยภาษาไทย", doc_en="Thai unit"),
            Column("unit_en", doc_th="หน่วยภาษาอังกฤษ", doc_en="English unit"),
            Column("higher_is_better", "bool", doc_th="ค่ามากดีกว่า (true/false)",
                   doc_en="higher is better (true/false)"),
            Column("scale_min", "float", doc_th="ค่าต่ำสุดของสเกลคะแนน",
                   doc_en="value scoring 0 (or 100 if lower is better)"),
            Column("scale_max", "float", doc_th="ค่าสูงสุดของสเกลคะแนน",
                   doc_en="value scoring 100 (or 0 if lower is better)"),
            Column("source", doc_th="แหล่งที่มา", doc_en="source"),
        ),
        key=("indicator_id",), title_th="บัญชีตัวชี้วัด", title_en="Indicator catalogue",
    ),
    Table(
        "indicator_values", "indicator_values.csv",
        (
            Column("area_id", doc_th="รหัสพื้นที่", doc_en="area id"),
            _year(),
            Column("indicator_id", doc_th="รหัสตัวชี้วัด", doc_en="indicator id"),
            Column("value", "float", doc_th="ค่า", doc_en="value"),
            Column("source", doc_th="แหล่งที่มา", doc_en="source"),
        ),
        key=("area_id", "year", "indicator_id"), title_th="ค่าตัวชี้วัด",
        title_en="Indicator values",
    ),
    Table(
        "programme_figures", "programme_figures.csv",
        (
            Column("figure_id", pattern=_ID, pattern_doc="A-Z a-z 0-9 _ . -, ≤ 40",
                   doc_th="รหัสตัวเลข", doc_en="figure id"),
            Column("label_th", doc_th="คำอธิบายภาษาไทย", doc_en="Thai label"),
            Column("label_en", doc_th="คำอธิบายภาษาอังกฤษ", doc_en="English label"),
            Column("value", "float", doc_th="ค่า", doc_en="value"),
            Column("qualifier", choices=QUALIFIERS, doc_th="ค่าที่แน่นอน/มากกว่า",
                   doc_en="exact, more_than, less_than or about"),
            Column("unit_th", required=False, doc_th="หน่วยภาษาไทย", doc_en="Thai unit"),
            Column("unit_en", required=False, doc_th="หน่วยภาษาอังกฤษ", doc_en="English unit"),
            Column("as_of", "date", pattern_doc="YYYY[-MM[-DD]]",
                   doc_th="ข้อมูล ณ วันที่", doc_en="as-of date"),
            Column("source", doc_th="แหล่งที่มา", doc_en="source"),
            # A count of areas at some levels in one fiscal year: the reference points of the
            # programme's chart and the aggregates a dataset must agree with.
            Column("year", "year", False, min=YEAR_MIN, max=YEAR_MAX,
                   doc_th="ปีงบประมาณที่ตัวเลขนับ (ว่าง = ไม่ใช่จำนวนพื้นที่ตามระดับ)",
                   doc_en="fiscal year the figure counts (empty: not a count by level)"),
            Column("level_min", "int", False, min=1, max=5, doc_th="ระดับต่ำสุดที่นับ",
                   doc_en="lowest level counted"),
            Column("level_max", "int", False, min=1, max=5, doc_th="ระดับสูงสุดที่นับ",
                   doc_en="highest level counted"),
            Column("phase", "int", False, min=1, max=3, doc_th="นับเฉพาะระยะ (ว่าง = ทุกระยะ)",
                   doc_en="only this phase (empty: all phases)"),
            Column("basis", required=False, choices=BASES, doc_th="ที่มา (stated/inferred)",
                   doc_en="basis (stated or inferred)"),
        ),
        key=("figure_id",), title_th="ตัวเลขภาพรวมของโครงการ", title_en="Programme figures",
        optional_columns=("year", "level_min", "level_max", "phase", "basis"),
    ),
    Table(
        "events", "events.csv",
        (
            Column("event_id", pattern=_ID, pattern_doc="A-Z a-z 0-9 _ . -, ≤ 40",
                   doc_th="รหัสเหตุการณ์", doc_en="event id"),
            _year(),
            Column("date", "date", False, pattern_doc="YYYY[-MM[-DD]]",
                   doc_th="วันที่ (ถ้าทราบ)", doc_en="date (where known)"),
            Column("label_th", doc_th="สิ่งที่เกิดขึ้น ภาษาไทย", doc_en="what happened, in Thai"),
            Column("label_en", doc_th="สิ่งที่เกิดขึ้น ภาษาอังกฤษ",
                   doc_en="what happened, in English"),
            Column("basis", choices=BASES, doc_th="ที่มา", doc_en="basis"),
            Column("source", doc_th="URL แหล่งที่มา", doc_en="source URL(s)"),
        ),
        key=("event_id",), title_th="เหตุการณ์ของโครงการ", title_en="Programme events",
        optional=True,
    ),
)


def table(kind: str) -> Table:
    """Return the table definition of ``kind`` (e.g. ``"areas"``)."""
    for tbl in TABLES:
        if tbl.kind == kind:
            return tbl
    raise KeyError(f"unknown table kind {kind!r}; expected one of {[t.kind for t in TABLES]}")
