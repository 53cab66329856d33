#!/usr/bin/env python3
"""Writes the small .xlsx and .ods files of tests/agenda/data from the hand-written XML below.

The files are checked in, so that the tests need no Python; run this again after changing the
XML (python3 tests/agenda/data/make_workbooks.py). Every member has a fixed date, so the output
is the same on every machine.
"""
import pathlib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_zip(name, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(HERE / name, "w") as archive:
        for member, data in members:
            info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if member == "mimetype" else compression
            archive.writestr(info, data)


def xlsx(name, sheets, shared_strings, styles, date_1904=False):
    """sheets: [(sheet name, sheetData XML)], the first sheet first."""
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {MAIN} {RELS}>'
                + ('<workbookPr date1904="1"/>' if date_1904 else "<workbookPr/>")
                + "<sheets>"
                + "".join(f'<sheet name="{sheet}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                          for i, (sheet, _) in enumerate(sheets))
                + "</sheets></workbook>")
    parts = "".join(f'<Relationship Id="rId{i + 1}" Type="{DOC}/worksheet" '
                    f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    parts += (f'<Relationship Id="rS" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
              f'<Relationship Id="rT" Type="{DOC}/styles" Target="/xl/styles.xml"/>')
    members = [
        ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", f'<?xml version="1.0"?><Relationships {PKG}><Relationship Id="r1" '
                        f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships {PKG}>{parts}</Relationships>'),
        ("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {MAIN}>'
                                 + "".join(f"<si>{s}</si>" for s in shared_strings) + "</sst>"),
        ("xl/styles.xml", f'<?xml version="1.0"?><styleSheet {MAIN}>{styles}</styleSheet>'),
    ]
    for i, (_, data) in enumerate(sheets):
        members.append((f"xl/worksheets/sheet{i + 1}.xml",
                        f'<?xml version="1.0"?><worksheet {MAIN}><sheetData>{data}</sheetData></worksheet>'))
    write_zip(name, members)


# Cell formats (xf index → number format): 0 General, 1 date (14), 2 "hh:mm", 3 "[h]:mm"
# (elapsed), 4 date and time (22).
STYLES = ('<numFmts><numFmt numFmtId="164" formatCode="hh:mm"/>'
          '<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>'
          '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '<xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>')

STRINGS = [
    "<t>Date</t>", "<t>Start</t>", "<t>Duration</t>", "<t>Room</t>", "<t>Title (UR)</t>",
    "<t>Title (EN)</t>", "<t>Main Hall</t>",
    "<t>افتتاحی اجلاس</t>",
    '<r><t>Opening </t></r><r><rPr><b/></rPr><t>session</t></r><rPh><t>ignored</t></rPh>',
    "<t>Speakers</t>", "<t>Ali Raza; Sara Khan</t>", "<t>End</t>",
]

# Row 2: a date (style 1), a time (style 2), a duration in elapsed hours (style 3), rich text.
# Row 3: start as date and time (style 4), the date a formula's cached value, an inline string.
PROGRAMME = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>'
    '<c r="G1" t="s"><v>9</v></c></row>'
    '<row r="2"><c r="A2" s="1"><v>45987</v></c><c r="B2" s="2"><v>0.395833333333333</v></c>'
    '<c r="C2" s="3"><v>0.0625</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" t="s"><v>7</v></c>'
    '<c r="F2" t="s"><v>8</v></c><c r="G2" t="s"><v>10</v></c></row>'
    '<row r="3"><c r="A3" s="1"><f>A2</f><v>45987</v></c><c r="B3" s="4"><v>45987.4583333333</v></c>'
    '<c r="C3"><v>30</v></c><c r="D3" t="s"><v>6</v></c>'
    '<c r="F3" t="inlineStr"><is><t>Tea break</t></is></c></row>'
)
NOTES = '<row r="1"><c r="A1" t="inlineStr"><is><t>Notes for the team</t></is></c></row>'
xlsx("typed-cells.xlsx", [("Notes", NOTES), ("Programme", PROGRAMME)], STRINGS, STYLES)

# The 1904 date system: day 44525 is 2025-11-26.
xlsx("date-1904.xlsx", [("Sheet1",
     '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
     '<c r="D1" t="s"><v>3</v></c><c r="F1" t="s"><v>5</v></c></row>'
     '<row r="2"><c r="A2" s="1"><v>44525</v></c><c r="B2" s="2"><v>0.375</v></c><c r="C2"><v>45</v></c>'
     '<c r="D2" t="s"><v>6</v></c><c r="F2" t="inlineStr"><is><t>Opening</t></is></c></row>')],
     STRINGS, STYLES, date_1904=True)

# Day 60 of the 1900 system is Excel's 1900-02-29, which never was.
xlsx("no-such-day.xlsx", [("Programme",
     '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>11</v></c>'
     '<c r="D1" t="s"><v>3</v></c><c r="F1" t="s"><v>5</v></c></row>'
     '<row r="2"><c r="A2" s="1"><v>60</v></c><c r="B2" s="2"><v>0.375</v></c><c r="C2" s="2"><v>0.4</v></c>'
     '<c r="D2" t="s"><v>6</v></c><c r="F2" t="inlineStr"><is><t>Leap day</t></is></c></row>'
     '<row r="3"><c r="A3" s="1"><v>45987</v></c><c r="B3" t="inlineStr"><is><t>nine</t></is></c>'
     '<c r="C3" s="2"><v>0.4</v></c><c r="D3" t="s"><v>6</v></c>'
     '<c r="F3" t="inlineStr"><is><t>Bad start</t></is></c></row>')],
     STRINGS, STYLES)

# Two sessions in one room at once: the validator's warning names the later one's cell (B3).
xlsx("overlapping-sessions.xlsx", [("Programme",
     '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>11</v></c>'
     '<c r="D1" t="s"><v>3</v></c><c r="F1" t="s"><v>5</v></c></row>'
     '<row r="2"><c r="A2" s="1"><v>45987</v></c><c r="B2" s="2"><v>0.375</v></c>'
     '<c r="C2" s="2"><v>0.4166666666666667</v></c><c r="D2" t="s"><v>6</v></c>'
     '<c r="F2" t="inlineStr"><is><t>Opening</t></is></c></row>'
     '<row r="3"><c r="A3" s="1"><v>45987</v></c><c r="B3" s="2"><v>0.3958333333333333</v></c>'
     '<c r="C3" s="2"><v>0.4375</v></c><c r="D3" t="s"><v>6</v></c>'
     '<c r="F3" t="inlineStr"><is><t>Keynote</t></is></c></row>')],
     STRINGS, STYLES)

# A sheet whose XML is cut short.
write_zip("damaged.xlsx", [
    ("[Content_Types].xml", "<Types/>"),
    ("xl/workbook.xml", f'<workbook {MAIN} {RELS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    ("xl/_rels/workbook.xml.rels", f'<Relationships {PKG}><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    ("xl/worksheets/sheet1.xml", f'<worksheet {MAIN}><sheetData><row r="1"><c r="A1"><v>1</v>'),
])

# A zip bomb: 65 MiB of zeros as the sheet, a few kilobytes packed.
write_zip("zip-bomb.xlsx", [
    ("[Content_Types].xml", "<Types/>"),
    ("xl/workbook.xml", f'<workbook {MAIN} {RELS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    ("xl/_rels/workbook.xml.rels", f'<Relationships {PKG}><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    ("xl/worksheets/sheet1.xml", b"\0" * (65 << 20)),
])

ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"')


def ods(name, tables):
    body = "".join(f'<table:table table:name="{table}">{rows}</table:table>' for table, rows in tables)
    write_zip(name, [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}>'
                        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
                        "</office:document-content>"),
        ("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    ])


def text(value):
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


HEADER = ("<table:table-row>" + "".join(text(h) for h in
          ["Datum", "Beginn", "Dauer", "Raum", "Titel (UR)", "Titel (EN)", "Referent"]) +
          '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>')
ROWS = (
    # A date, a time, a duration as a time, text with a comment and spaces, a covered cell.
    '<table:table-row><table:table-cell office:value-type="date" office:date-value="2025-11-26"><text:p>26.11.25</text:p></table:table-cell>'
    '<table:table-cell office:value-type="time" office:time-value="PT09H30M00S"><text:p>09:30</text:p></table:table-cell>'
    '<table:table-cell office:value-type="time" office:time-value="PT01H30M00S"><text:p>01:30</text:p></table:table-cell>'
    + text("Main Hall") +
    '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Sara</dc:creator><text:p>check the room</text:p></office:annotation><text:p>افتتاحی اجلاس</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>Opening<text:s text:c="2"/>session</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>Ali Raza</text:p><text:p>Sara Khan</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
    # Empty rows repeated, as LibreOffice writes them, move the row numbers on.
    '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    # The same talk twice in a row: a repeated row with content is two sessions.
    '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="date" office:date-value="2025-11-27T00:00:00"><text:p>27.11.25</text:p></table:table-cell>'
    '<table:table-cell office:value-type="time" office:time-value="PT14H00M00S"><text:p>14:00</text:p></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="45"><text:p>45</text:p></table:table-cell>'
    + text("Room 2") + "<table:covered-table-cell/>" + text("Workshop") +
    '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
)
ods("typed-cells.ods", [("Notes", "<table:table-row>" + text("Notes for the team") + "</table:table-row>"),
                        ("Schedule", HEADER + ROWS)])

# A content row repeated past the row limit.
ods("too-many-rows.ods", [("Programme", HEADER +
    '<table:table-row table:number-rows-repeated="200000"><table:table-cell office:value-type="date" '
    'office:date-value="2025-11-26"/><table:table-cell office:value-type="time" office:time-value="PT09H00M00S"/>'
    '<table:table-cell office:value-type="float" office:value="30"/>' + text("Hall") +
    text("x") + text("x") + "</table:table-row>")])

# A zip that is a text document, not a spreadsheet.
write_zip("text-document.odt", [
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("content.xml", f"<office:document-content {ODF}/>"),
])
