"""Zip archives with the same bytes for the same content: every entry carries one time
stamp and one permission (XLSX downloads, the comparison workbook, the import templates)."""

from __future__ import annotations

import zipfile

__all__ = ["ZIP_TIME", "FixedTimeZip"]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


class FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry the same time stamp and permissions."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIME)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as handle:  # openpyxl writes worksheets via temp files
            self.writestr(arcname or str(filename), handle.read(), compress_type,
                          compresslevel)
