"""The search text of the household list as SQL: the WHERE clause over households ``h``.

One condition per word of the search text (all must match):

* two or more digits (``0026``, ``20026``, ``…002X``): the end of any member's ID number. An
  expression index on the reversed ID number (migration 0002) turns "ends with" into a range search.
  A single digit is ignored (it would match a tenth of everyone and only slow typing down).
* latin letters (``wxx``): the start of the pinyin initials of the head's name (吴晓霞 → wxx).
* one other character (``吴``): part of any member's name.
* two or more (``晓霞``, ``七星村``, ``和平``): part of any member's name, or of the village (村/社区)
  or town (乡镇/街道) name. (One character would match every 村 and 镇.)

The SQL runs on SQLite and PostgreSQL. On SQLite (``fast``: :data:`.household_list.SQLITE_SPEEDUPS`)
prefixes are range searches on the indexes of migration 0002 (``ix_households_list``,
``ix_members_name_list``, ``ix_members_id_reversed``, which holds the household since migration
0017); a name part is looked for on the indexes of the name's characters at places 2–4 and of long
names (migration 0013, :func:`_name_part`; ``INDEXED BY``, ``instr``), the village and town among
the distinct names of the places (:func:`_place_part`). The portable path says the same with
``LIKE`` (whose meaning does not depend on the database's collation).
"""

from __future__ import annotations

import re
from typing import Any

# The member's ID number reversed, written with builtin functions only so that every SQLite
# connection (also tools without our functions) can maintain the index on it.
ID_REVERSED = "||".join(f"substr(id_number,{i},1)" for i in range(18, 0, -1))
ID_MAX_LEN = 18

_DIGITS = re.compile(r"^\d{1,17}[\dXx]?$")
_LETTERS = re.compile(r"^[A-Za-z]+$")
_PAST_DIGITS = "\uffff"  # sorts after every digit and X: ``rev <= x < rev + this`` is "x starts with rev"


def _like(term: str) -> str:
    """``term`` for ``LIKE … ESCAPE '!'``: its wildcards taken literally."""
    return term.replace("!", "!!").replace("%", "!%").replace("_", "!_")


LIVE_ONLY = "h.deleted_at IS NULL"

# The characters of a name at these places have an index each (migration 0013), and so have the
# names longer than the last of them: with the name index for the first character, every place a
# part of a name can start at is a search on an index, not a scan of every member.
NAME_CHAR_PLACES = (2, 3, 4)
_AFTER_ALL = "\U0010ffff"  # sorts after every character: ``name < term + this`` is "starts with term"


def _name_part(key: str, term: str, params: dict[str, Any]) -> str:
    """Household ids of the live members whose name contains ``term`` (SQLite): the names that
    start with it (a range on ``ix_members_name_list``), those where its first character stands
    at place 2, 3 or 4 and that contain it, and the long names that contain it."""
    params[key + "_end"], params[key + "_first"] = term + _AFTER_ALL, term[0]
    live = "WHERE deleted_at IS NULL AND"
    parts = [f"SELECT household_id FROM members INDEXED BY ix_members_name_list {live} "
             f"name >= :{key} AND name < :{key}_end"]
    parts += [f"SELECT household_id FROM members INDEXED BY ix_members_name_{place} {live} "
              f"substr(name, {place}, 1) = :{key}_first AND instr(name, :{key}) > 0" for place in NAME_CHAR_PLACES]
    parts.append(f"SELECT household_id FROM members INDEXED BY ix_members_name_long {live} "
                 f"length(name) > {NAME_CHAR_PLACES[-1]} AND instr(name, :{key}) > 0")
    return " UNION ALL ".join(parts)


_PLACES = (("village", "ix_households_list"), ("town", "ix_households_town"))  # each place column, its index


def _place_names(key: str, column: str, index: str) -> str:
    """The names of the places (village or town ``column``) that contain the term (SQLite): found one
    after the other along ``index`` (about a hundred seeks, not a read of every household)."""
    live = f"FROM households INDEXED BY {index} WHERE deleted_at IS NULL"
    return (f"WITH RECURSIVE place(name) AS (SELECT (SELECT min({column}) {live}) UNION ALL "
            f"SELECT (SELECT min({column}) {live} AND {column} > place.name) FROM place "
            f"WHERE place.name IS NOT NULL) "
            f"SELECT name FROM place WHERE instr(name, :{key}) > 0")


def _place_part(key: str, column: str, index: str) -> str:
    """Ids of the live households whose ``column`` (village or town) contains the term (SQLite): the
    places' names (:func:`_place_names`), their households read as ranges of ``index``."""
    return f"SELECT id FROM households INDEXED BY {index} WHERE deleted_at IS NULL AND {column} IN " \
           f"({_place_names(key, column, index)})"


def place_terms(text: str) -> list[tuple[int, str]]:
    """The words of the search text that may name a village or town: (their place, the word)."""
    return [(n, term) for n, term in enumerate(text.split())
            if len(term) > 1 and not _DIGITS.match(term) and not _LETTERS.match(term)]


def _reversed(digits: str) -> str:
    """The end of an ID number as the start of the reversed number (the index's key)."""
    return digits.upper()[::-1]


def id_terms(text: str) -> list[tuple[int, str]]:
    """The words of the search text looked for as the end of an ID number: (their place, the word)."""
    return [(n, term) for n, term in enumerate(text.split()) if len(term) > 1 and _DIGITS.match(term)]


def id_members_sql(digits: str) -> tuple[str, dict[str, str]]:
    """SQL (SQLite) and its parameters: how many live members' ID numbers end with ``digits``,
    counted up to ``:enough`` (on the ID index alone)."""
    rev = _reversed(digits)
    return (f"SELECT count(*) FROM (SELECT 1 FROM members WHERE deleted_at IS NULL AND {ID_REVERSED} >= :rev "
            f"AND {ID_REVERSED} < :rev_end LIMIT :enough)", {"rev": rev, "rev_end": rev + _PAST_DIGITS})


def place_households_sql(key: str) -> str:
    """SQL (SQLite): how many live households a village or town containing ``:key`` holds, counted
    up to ``:enough`` (a household whose village and town both contain it may count twice)."""
    rows = " UNION ALL ".join(f"SELECT 1 FROM households INDEXED BY {index} WHERE deleted_at IS NULL AND {column} IN "
                              f"({_place_names(key, column, index)})" for column, index in _PLACES)
    return f"SELECT count(*) FROM ({rows} LIMIT :enough)"


def search_where(text: str, fast: bool, broad: frozenset[int] = frozenset()) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (over households ``h``) and its parameters for the search text. ``broad``:
    the places (in :func:`place_terms` or :func:`id_terms`) of words whose villages or towns hold
    many households, or whose ID-number ending many members have (SQLite): their matches are tested
    on each household row, so that the list's index is walked and the first page comes without
    reading every match; the other words' households are looked up by their ids, which is quicker
    when they are few."""
    clauses = [LIVE_ONLY]
    params: dict[str, Any] = {}
    for n, term in enumerate(text.split()):
        key = f"t{n}"
        if _DIGITS.match(term):
            if len(term) < 2:
                continue
            rev = _reversed(term)
            if fast:
                params[key], params[key + "_end"] = rev, rev + _PAST_DIGITS
                match = f"{ID_REVERSED} >= :{key} AND {ID_REVERSED} < :{key}_end"
            else:
                params[key] = rev + "%"
                match = f"{ID_REVERSED} LIKE :{key}"
            # broad (many matches): the unary + keeps SQLite from looking the households up by id,
            # so that it walks the list's index and tests each household against the matches
            plus = "+" if fast and n in broad else ""
            clauses.append(f"{plus}h.id IN (SELECT household_id FROM members WHERE deleted_at IS NULL AND {match})")
        elif _LETTERS.match(term):
            low = term.lower()
            if fast:
                params[key], params[key + "_end"] = low, low + "\uffff"
                clauses.append(f"(h.head_initials >= :{key} AND h.head_initials < :{key}_end)")
            else:
                params[key] = low + "%"
                clauses.append(f"h.head_initials LIKE :{key}")
        elif fast and n in broad and len(term) > 1:
            params[key] = term
            clauses.append(f"(h.id IN ({_name_part(key, term, params)}) "
                           f"OR h.village IN ({_place_names(key, 'village', 'ix_households_list')}) "
                           f"OR h.town IN ({_place_names(key, 'town', 'ix_households_town')}))")
        elif fast:
            params[key] = term
            names = _name_part(key, term, params)
            places = f" UNION ALL {_place_part(key, 'village', 'ix_households_list')}" \
                     f" UNION ALL {_place_part(key, 'town', 'ix_households_town')}"
            clauses.append(f"h.id IN ({names}{places if len(term) > 1 else ''})")
        else:
            params[key] = f"%{_like(term)}%"
            names = f"SELECT household_id FROM members WHERE deleted_at IS NULL AND name LIKE :{key} ESCAPE '!'"
            places = (f" UNION ALL SELECT id FROM households WHERE deleted_at IS NULL "
                      f"AND (village LIKE :{key} ESCAPE '!' OR town LIKE :{key} ESCAPE '!')")
            clauses.append(f"h.id IN ({names}{places if len(term) > 1 else ''})")
    return " AND ".join(clauses), params
