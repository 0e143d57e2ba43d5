"""Downloads of any view: CSV (every row the filter selects, read page by page), JSON and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any, Optional

from starlette.responses import Response, StreamingResponse

from dragoman.store import Page

PAGE = 5000  # rows read per query while streaming a download


def plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def json_response(payload: Any, status: int = 200, media_type: str = "application/json") -> Response:
    body = json.dumps(payload, default=plain, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status_code=status, media_type=media_type)


def all_rows(fetch: Callable[[int, Optional[str]], Page]) -> Iterator[dict[str, Any]]:
    """Every row of a listing, one page at a time (bounded memory whatever the store's size)."""
    after: Optional[str] = None
    while True:
        page = fetch(PAGE, after)
        yield from page.rows
        if page.next is None:
            return
        after = page.next


def csv_response(rows: Iterable[dict[str, Any]], filename: str) -> StreamingResponse:
    """Rows as CSV, streamed; the header is the first row's columns."""

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer: Optional[csv.DictWriter] = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: plain(v) for k, v in row.items()})
            if buffer.tell() > 65536:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers=headers)
