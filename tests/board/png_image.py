"""PNG pictures for the board test: reading the emulator's screendumps and ijlas's headless shots
(8-bit RGB or RGBA, not interlaced: what QEMU and ijlas write), comparing two of them, and
writing a picture of where they differ. Python's standard library only, as CI has nothing else.

    python3 png_image.py A.png B.png [DIFF.png]   compares two pictures as the board test does
"""

import struct
import sys
import zlib


class Picture:
    def __init__(self, width, height, rgb):
        self.width, self.height, self.rgb = width, height, rgb  # rgb: bytes, 3 per pixel


def read_png(path):
    with open(path, "rb") as file:
        data = file.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    position, idat, header = 8, [], None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, color, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are read here")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1 : offset + 1 + stride])
        offset += 1 + stride
        unfilter(kind, line, previous, channels)
        rows.append(line)
        previous = line
    pixels = b"".join(rows)
    if channels == 4:  # drop alpha: both sides are opaque screens
        rgb = bytearray(width * height * 3)
        for c in range(3):
            rgb[c::3] = pixels[c::4]
        pixels = bytes(rgb)
    return Picture(width, height, pixels)


def read_ppm(path):
    """A binary PPM (P6, maxval 255): QEMU's screendump."""
    with open(path, "rb") as file:
        data = file.read()
    fields, position = [], 0
    while len(fields) < 4:
        while data[position : position + 1].isspace():
            position += 1
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not a P6 PPM with 8-bit channels")
    width, height = int(fields[1]), int(fields[2])
    return Picture(width, height, data[position + 1 : position + 1 + width * height * 3])


def read_picture(path):
    return read_ppm(path) if str(path).endswith(".ppm") else read_png(path)


def unfilter(kind, line, previous, bpp):
    if kind == 0:
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
        elif kind == 4:
            corner = previous[i - bpp] if i >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[i] = (line[i] + predictor) & 0xFF
        else:
            raise ValueError(f"unknown PNG filter {kind}")


def write_png(path, picture):
    stride = picture.width * 3
    raw = b"".join(
        b"\x00" + picture.rgb[y * stride : (y + 1) * stride] for y in range(picture.height)
    )

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", picture.width, picture.height, 8, 2, 0, 0, 0)
    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header))
        file.write(chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


# Two renderers (llvmpipe's GLES on the board, ijlas's software renderer for the shot) blend the
# edges of glyphs a little differently: a pixel counts as different only when a channel differs
# by more than CHANNEL_TOLERANCE, and the pictures match while no TILE×TILE square holds more than
# TILE_PIXELS such pixels: fewer than the ink of the smallest text on the screens (a full stop of
# the 14 px caption font covers about 20), so a missing, added or moved word always fails.
CHANNEL_TOLERANCE = 64
TILE = 16
TILE_PIXELS = 12


DIM = bytes(c // 4 for c in range(256))


class Comparison:
    def __init__(self, matches, reason, worst_tile, different_pixels, diff):
        self.matches, self.reason = matches, reason
        self.worst_tile, self.different_pixels, self.diff = worst_tile, different_pixels, diff


def compare(a, b):
    if (a.width, a.height) != (b.width, b.height):
        return Comparison(False, f"sizes differ: {a.width}×{a.height} and {b.width}×{b.height}",
                          None, 0, None)
    width, height = a.width, a.height
    tiles_across = (width + TILE - 1) // TILE
    counts = [0] * (tiles_across * ((height + TILE - 1) // TILE))
    diff = bytearray(len(a.rgb))
    different = 0
    ra, rb = a.rgb, b.rgb
    stride = width * 3
    for y in range(height):
        row = slice(y * stride, (y + 1) * stride)
        if ra[row] == rb[row]:  # most rows: one comparison, a dimmed copy in the diff picture
            diff[row] = ra[row].translate(DIM)
            continue
        for x in range(width):
            index = y * stride + x * 3
            if ra[index : index + 3] == rb[index : index + 3] or max(
                abs(ra[index + c] - rb[index + c]) for c in range(3)
            ) <= CHANNEL_TOLERANCE:
                diff[index : index + 3] = ra[index : index + 3].translate(DIM)
                continue
            counts[(y // TILE) * tiles_across + x // TILE] += 1
            diff[index : index + 3] = b"\xff\x00\xff"
            different += 1
    worst = max(range(len(counts)), key=counts.__getitem__)
    worst_xy = ((worst % tiles_across) * TILE, (worst // tiles_across) * TILE, counts[worst])
    matches = counts[worst] <= TILE_PIXELS
    reason = (
        f"{different} pixels differ by more than {CHANNEL_TOLERANCE}; the worst {TILE}×{TILE} "
        f"square, at x={worst_xy[0]} y={worst_xy[1]}, has {worst_xy[2]} (at most {TILE_PIXELS})"
    )
    return Comparison(matches, reason, worst_xy, different, Picture(width, height, bytes(diff)))


def distinct_colours(picture, limit=64):
    """How many colours a picture has, counted up to limit: a black or blank screen has one."""
    seen = set()
    for index in range(0, len(picture.rgb), 3 * 97):
        seen.add(picture.rgb[index : index + 3])
        if len(seen) >= limit:
            break
    return len(seen)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    result = compare(read_png(sys.argv[1]), read_png(sys.argv[2]))
    print(("match: " if result.matches else "DIFFERENT: ") + result.reason)
    if len(sys.argv) == 4 and result.diff:
        write_png(sys.argv[3], result.diff)
    sys.exit(0 if result.matches else 1)
