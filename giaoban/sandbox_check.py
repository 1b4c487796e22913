"""Is this text exactly one reading statement? Decided by DuckDB's own parser, not by regexes.

Two views must agree before a query may run: the statement type DuckDB's parser reports
(``SELECT`` or ``EXPLAIN``) and the first keyword of the text (comments skipped by DuckDB's
tokenizer). Both are needed: DuckDB rewrites ``PRAGMA x`` into a SELECT before reporting its type,
and the first keyword alone would miss a second statement hidden after a comment. ``EXPLAIN`` is
checked again on the statement it explains, because ``EXPLAIN ANALYZE`` runs it. The sandbox's
connection settings (no file access, locked configuration, read-only snapshot) are the second line
of defence; this check is the first and gives the clear message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from giaoban.sandbox_errors import SandboxError, from_duckdb
from giaoban.text import nfc

MAX_SQL_CHARS = 100_000
READ_KEYWORDS = frozenset(
    {"SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "DESC", "SHOW", "SUMMARIZE", "PIVOT", "UNPIVOT", "("}
)
_WORD = re.compile(r"\w+|\S")


@dataclass(frozen=True)
class Checked:
    """A statement that passed: its NFC text, its first keyword and its named bind parameters."""

    sql: str
    keyword: str
    params: tuple[str, ...]


def check_sql(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> Checked:
    """Accept one reading statement or raise SandboxError saying why not.

    The statement count and the first keyword are settled from tokens *before* DuckDB parses the
    text, because parsing expands PRAGMA-style statements and ``IMPORT DATABASE`` reads files while
    it does. ``con`` (the worker's locked connection) parses with file access already off.
    """
    text = nfc(sql or "").strip()
    if len(text) > MAX_SQL_CHARS:
        raise SandboxError("too_long", n=len(text), max=MAX_SQL_CHARS)
    tokens = _tokens(text)
    if not tokens:
        raise SandboxError("empty")
    pieces = _count_pieces(tokens)
    if pieces > 1:
        raise SandboxError("multiple", n=pieces)
    keyword = tokens[0][1]
    if keyword not in READ_KEYWORDS and keyword != "EXPLAIN":
        raise SandboxError("not_read", kind=keyword)
    statement = _one_statement(text, keyword, con)
    if keyword == "EXPLAIN" and statement.type == duckdb.StatementType.EXPLAIN:
        _check_explained(text, tokens, con)
    elif statement.type != duckdb.StatementType.SELECT or keyword not in READ_KEYWORDS:
        raise SandboxError("not_read", kind=keyword)
    params = tuple(sorted(statement.named_parameters))
    if any(p.isdigit() for p in params):
        raise SandboxError("positional_param")
    return Checked(text, keyword, params)


def _count_pieces(tokens: list[tuple[int, str]]) -> int:
    """Statements separated by top-level semicolons (tokens, so ';' in strings and comments do not count)."""
    pieces, current = 0, False
    for _pos, word in tokens:
        if word == ";":
            pieces += current
            current = False
        else:
            current = True
    return pieces + current


def _tokens(text: str) -> list[tuple[int, str]]:
    """(character position, upper-cased word) of every token; comments are not tokens.

    DuckDB reports UTF-8 byte offsets; Vietnamese text makes them differ from character offsets.
    """
    try:
        found = duckdb.tokenize(text)
    except duckdb.Error as err:
        raise from_duckdb(err, text) from None
    chars = _char_offsets(text)
    return [(chars[pos], _word_at(text, chars[pos])) for pos, _kind in found]


def _char_offsets(text: str) -> list[int]:
    """Character index of every UTF-8 byte offset of ``text`` (plus its end)."""
    if text.isascii():
        return list(range(len(text) + 1))
    offsets: list[int] = []
    for index, char in enumerate(text):
        offsets.extend([index] * len(char.encode("utf-8")))
    offsets.append(len(text))
    return offsets


def _word_at(text: str, pos: int) -> str:
    match = _WORD.match(text, pos)
    return match[0].upper() if match else ""


def _one_statement(text: str, keyword: str, con: duckdb.DuckDBPyConnection | None) -> duckdb.Statement:
    try:
        statements = (con or duckdb).extract_statements(text)
    except duckdb.Error as err:
        raise from_duckdb(err, text) from None
    if not statements:
        raise SandboxError("empty")
    if len(statements) > 1:
        # A PIVOT without an IN list expands to CREATE TYPE + SELECT: say what to write instead.
        if keyword in ("PIVOT", "UNPIVOT") and all(s.query == "" for s in statements):
            raise SandboxError("pivot_dynamic")
        raise SandboxError("multiple", n=len(statements))
    return statements[0]


def _check_explained(text: str, tokens: list[tuple[int, str]], con: duckdb.DuckDBPyConnection | None) -> None:
    """The statement after ``EXPLAIN [ANALYZE] [(options)]`` must itself be a reading statement."""
    i = 1
    if i < len(tokens) and tokens[i][1] == "ANALYZE":
        i += 1
    if i < len(tokens) and tokens[i][1] == "(" and not _starts_query(tokens, i + 1):
        depth = 0
        while i < len(tokens):
            depth += {"(": 1, ")": -1}.get(tokens[i][1], 0)
            i += 1
            if depth == 0:
                break
    if i >= len(tokens):
        raise SandboxError("not_read", kind="EXPLAIN")
    inner = text[tokens[i][0] :]
    if tokens[i][1] == "EXPLAIN":
        raise SandboxError("not_read", kind="EXPLAIN EXPLAIN")
    explained = check_sql(inner, con)
    if explained.keyword not in READ_KEYWORDS:
        raise SandboxError("not_read", kind="EXPLAIN " + explained.keyword)


def _starts_query(tokens: list[tuple[int, str]], i: int) -> bool:
    return i < len(tokens) and tokens[i][1] in ("SELECT", "WITH", "FROM", "VALUES", "TABLE", "(")
