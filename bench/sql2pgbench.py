#!/usr/bin/env python3
"""Turns the SQL one activation executed (the service's own Hibernate SQL log, with bound
parameters) into a pgbench script that runs exactly those statements in one transaction, on a
random card of the seeded range.

usage: sql2pgbench.py <service log> <card id> <card number> > activation.sql
"""
import re
import sys

log, card_id, card_number = sys.argv[1], sys.argv[2], sys.argv[3]

statements = []  # [sql, [(type, value), ...]]
continues = False  # the last line logged a statement, which may go on over lines of its own
for line in open(log, encoding="utf-8"):
    sql = re.search(r"org\.hibernate\.SQL\s*:\s(.*)$", line)
    if sql:
        statements.append([sql.group(1).strip(), []])
        continues = True
        continue
    if continues and not re.match(r"\d{4}-\d\d-\d\dT", line):
        statements[-1][0] += " " + line.strip()
        continue
    continues = False
    bind = re.search(r"binding parameter \((\d+):(\w+)\) <- \[(.*)\]$", line)
    if bind and statements:
        statements[-1][1].append((bind.group(2), bind.group(3)))

# Keep the last request's statements: from the last row lock of a card to the end.
start = max(i for i, (sql, _) in enumerate(statements) if "for no key update" in sql)
statements = statements[start:]


def literal(kind, value):
    if value == card_number:
        return "'B' || lpad(:id::text, 8, '0')"
    if kind == "BIGINT" and value == card_id:
        return ":id"
    if value == "null":
        return "null"
    if kind == "VARBINARY":
        data = bytes(int(b) & 0xFF for b in re.findall(r"-?\d+", value))
        return "'\\x" + data.hex() + "'::bytea"
    if kind in ("BIGINT", "INTEGER"):
        return value
    return "'" + value.replace("'", "''") + "'"


print(r"\set id random(1, :cards)")
print("BEGIN;")
for sql, binds in statements:
    parts = sql.split("?")
    if len(parts) - 1 != len(binds):
        sys.exit(f"parameter count mismatch in: {sql}")
    out = parts[0]
    for (kind, value), rest in zip(binds, parts[1:]):
        out += literal(kind, value) + rest
    print(out + ";")
print("COMMIT;")
