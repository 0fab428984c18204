"""The six geographic regions of Thailand and the region of each province.

The scheme is the six-region geographic division adopted by the National Geographical
Committee (คณะกรรมการภูมิศาสตร์แห่งชาติ) in 1977 and used in Thai school geography and by
the Royal Institute: North, Northeast, Central, East, West and South. It is a physical
geography scheme, not an administrative one; it differs from the four-region scheme
(North, Northeast, Central, South) used in many government statistics, chiefly in that
the lower-north provinces Kamphaeng Phet, Nakhon Sawan, Phichit, Phitsanulok, Phetchabun,
Sukhothai and Uthai Thani belong to the Central region here. Bueng Kan (code ``38``),
created in 2011 from Nong Khai, is placed in the Northeast like its parent province.

Provinces are identified by their two-digit DOPA code (Department of Provincial
Administration, as in the PyPI package ``geothai``), e.g. ``"10"`` Bangkok, ``"21"`` Rayong.
The counts are North 9, Northeast 20, Central 22 (with Bangkok), East 7, West 5 and
South 14, 77 provinces in all.

This module has no dependencies beyond the standard library, so it can be imported
without Streamlit or geopandas.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["PROVINCE_REGION", "REGIONS", "region_of"]

#: Region id -> (Thai name, English name), in the conventional north-to-south order.
REGIONS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "north": ("ภาคเหนือ", "North"),
    "northeast": ("ภาคตะวันออกเฉียงเหนือ", "Northeast"),
    "central": ("ภาคกลาง", "Central"),
    "east": ("ภาคตะวันออก", "East"),
    "west": ("ภาคตะวันตก", "West"),
    "south": ("ภาคใต้", "South"),
})

_MEMBERS: dict[str, tuple[str, ...]] = {
    "north": ("50", "57", "52", "51", "58", "55", "56", "54", "53"),
    "northeast": ("37", "38", "31", "36", "46", "40", "42", "44", "49", "48",
                  "30", "39", "43", "45", "47", "33", "32", "34", "41", "35"),
    "central": ("15", "10", "18", "62", "16", "26", "73", "60", "12", "13", "67",
                "66", "65", "14", "11", "74", "75", "19", "17", "64", "72", "61"),
    "east": ("24", "22", "20", "25", "21", "27", "23"),
    "west": ("71", "76", "77", "70", "63"),
    "south": ("86", "81", "80", "96", "94", "82", "93", "83", "85", "91", "90", "84",
              "92", "95"),
}

#: DOPA province code -> region id, all 77 provinces, sorted by code.
PROVINCE_REGION: Mapping[str, str] = MappingProxyType(dict(sorted(
    (code, region) for region, codes in _MEMBERS.items() for code in codes
)))

if len(PROVINCE_REGION) != sum(len(codes) for codes in _MEMBERS.values()):
    raise RuntimeError("a province code is listed in more than one region")


def region_of(province_code: str) -> str:
    """Return the region id of a province.

    Parameters
    ----------
    province_code : str
        Two-digit DOPA province code, e.g. ``"21"`` for Rayong.

    Returns
    -------
    str
        One of the keys of :data:`REGIONS`, e.g. ``"east"``.

    Raises
    ------
    ValueError
        If ``province_code`` is not one of the 77 province codes; the message names it.
    """
    region = PROVINCE_REGION.get(province_code) if isinstance(province_code, str) else None
    if region is None:
        raise ValueError(
            f"unknown province code {province_code!r}: expected one of the 77 two-digit "
            "DOPA codes as a string, e.g. '10' (Bangkok) or '21' (Rayong)"
        )
    return region
