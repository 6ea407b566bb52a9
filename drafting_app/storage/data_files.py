"""Files the app keeps for the drafter in its data and config folders (settings, recovery
snapshots, the My clauses collection), read so that no damage can stop the app starting.

Such a file can be cut off by a full disk, garbled by a sync tool or written by hand. It is
read with a size cap and a JSON parse that turns every failure — bad UTF-8, bad JSON,
nesting a hundred thousand levels deep (Python's parser gives up with a RecursionError, not
a ValueError), too many values to hold in memory — into one :class:`DamagedFile` error with
a plain reason. The caller then sets the file aside under a dated name
(:func:`set_aside`): never deleted, never overwritten by the next save, and named to the
drafter so that it can be sent to support or put back.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from drafting_app.errors import DraftingError
from drafting_app.storage.atomic import move_aside

# Every value of a JSON text costs a Python object (a list of a million empty objects
# ``[{},{},…]`` fits in 3 MB and takes 60 MB); a comma or an opening bracket stands
# before each value but the first, so their count bounds the work before it is done.
MAX_JSON_VALUES = 2_000_000


class DamagedFile(DraftingError):
    """A data-folder file that cannot be read as what it should be."""


def parse_json(data: bytes, max_values: int = MAX_JSON_VALUES) -> Any:
    """The JSON value of ``data`` (UTF-8, a BOM allowed); :class:`DamagedFile` with the
    reason for anything else."""
    values = data.count(b",") + data.count(b"[") + data.count(b"{")
    if values > max_values:
        raise DamagedFile(f"it holds more than {max_values:,} values")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DamagedFile("it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise DamagedFile(f"it is cut off or damaged near line {exc.lineno}") from None
    except RecursionError:
        raise DamagedFile("its parts are nested far too deeply") from None
    except (ValueError, MemoryError) as exc:  # e.g. an integer of 10,000 digits
        raise DamagedFile(f"it is not readable JSON ({exc})") from None


def read_json(path: Path, max_bytes: int) -> Any:
    """The JSON value held by ``path``; :class:`DamagedFile` when the file is larger than
    ``max_bytes`` (checked before reading) or damaged. OSError passes through."""
    size = path.stat().st_size
    if size > max_bytes:
        raise DamagedFile(f"it is {size:,} bytes, far larger than such a file ever is")
    return parse_json(path.read_bytes())


def set_aside(path: Path) -> Path | None:
    """Rename a damaged ``path`` to ``name.damaged-YYYYMMDD-HHMMSS`` beside it (a counter
    added when that is taken); the new path, or None when it could not be moved (it is
    then left where it is: still never deleted)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        extra = f"-{n}" if n else ""
        target = path.with_name(f"{path.name}.damaged-{stamp}{extra}")
        if target.exists():
            continue
        return target if move_aside(path, target) else None
    return None
