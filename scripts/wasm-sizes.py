"""Where a WASM client's size comes from: code bytes by crate and the
largest functions, read from the module's name section (the module as the
linker wrote it, before wasm-opt strips the names).

usage: wasm-sizes.py FILE [N]   (N largest functions, default 15)
e.g.   wasm-sizes.py "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/app.wasm"
"""
import collections
import re
import sys


def leb(data, at):
    """An unsigned LEB128 number and the offset after it."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def limits(data, at):
    flags, at = leb(data, at)
    _, at = leb(data, at)
    if flags & 1:
        _, at = leb(data, at)
    return at


def read_module(data):
    """(imported function count, code body sizes, function names, data bytes)."""
    at, imported, bodies, names, data_bytes = 8, 0, [], {}, 0
    while at < len(data):
        section = data[at]
        size, at = leb(data, at + 1)
        end = at + size
        if section == 2:  # imports: functions come first in the index space
            count, j = leb(data, at)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    length, j = leb(data, j)
                    j += length
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind == 1:
                    j = limits(data, j + 1)
                elif kind == 2:
                    j = limits(data, j)
                else:
                    j += 2
        elif section == 10:  # code
            count, j = leb(data, at)
            for _ in range(count):
                length, body = leb(data, j)
                bodies.append(length + body - j)
                j = body + length
        elif section == 11:
            data_bytes = size
        elif section == 0:  # custom: the "name" section
            length, j = leb(data, at)
            if data[j:j + length] == b"name":
                j += length
                while j < end:
                    kind = data[j]
                    sub_size, j = leb(data, j + 1)
                    if kind == 1:
                        count, k = leb(data, j)
                        for _ in range(count):
                            index, k = leb(data, k)
                            length, k = leb(data, k)
                            names[index] = data[k:k + length].decode("utf8", "replace")
                            k += length
                    j += sub_size
        at = end
    return imported, bodies, names, data_bytes


def crate_of(name):
    """The crate (or generic impl) a mangled Rust symbol belongs to."""
    legacy = re.match(r"_ZN(\d+)(.*)", name)
    if legacy:
        return legacy.group(2)[: int(legacy.group(1))]
    return name.split("::")[0][:40]


def main():
    data = open(sys.argv[1], "rb").read()
    largest = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    imported, bodies, names, data_bytes = read_module(data)
    total = sum(bodies)
    print(f"code {total} bytes in {len(bodies)} functions, data {data_bytes} bytes")
    by_crate = collections.Counter()
    functions = []
    for index, size in enumerate(bodies):
        name = names.get(imported + index, "?")
        by_crate[crate_of(name)] += size
        functions.append((size, name))
    for crate, size in by_crate.most_common(25):
        print(f"{size:9d} {100 * size / total:5.1f}% {crate}")
    print("--- largest functions")
    for size, name in sorted(functions, reverse=True)[:largest]:
        print(size, name[:160])


if __name__ == "__main__":
    main()
