#!/usr/bin/env python3
# test-xlsx-workbook.py: the workbook of `keikaku --export-xlsx`, read back part by part
#
# A workbook is a zip of XML parts (Office Open XML, ECMA-376); Python's
# zipfile and ElementTree read them without a spreadsheet program, so that
# this checks what Excel will find: both sheets, numbers that are numbers
# with the plan's format, the font, the frozen header row and widths that
# hold their texts.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import unittest
import xml.etree.ElementTree as ET
import zipfile

NS = {
    'm': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'rel': 'http://schemas.openxmlformats.org/package/2006/relationships',
}
AMOUNT_FORMAT = '#,##0;"▲ "#,##0'
FONT = 'BIZ UDゴシック'
PROGRAM_HEADER = ['番号', '事業名', '施策の柱', '財源', '事業費(千円)', '前年度事業名',
                  '前年度事業費(千円)', '増減(千円)', '継続・新規', '確認状況', '主担当課', '担当課',
                  '関係機関等']
KPI_HEADER = ['事業番号', '成果指標', '区分', '単位', '以上・以下', '年度', '種別', '数値',
              '時点', '備考']
SMALL_PLAN = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)),
                          'data', 'small.json')


def text_width(text):
    """Half-width characters, as a fixed-pitch Japanese face shows them."""
    widths = [0]
    for c in text:
        if c == '\n':
            widths.append(0)
        elif unicodedata.combining(c):
            continue
        else:
            widths[-1] += 2 if unicodedata.east_asian_width(c) in 'WFA' else 1
    return max(widths)


def column_index(ref):
    letters = ''.join(c for c in ref if c.isalpha())
    index = 0
    for c in letters:
        index = index * 26 + ord(c) - ord('A') + 1
    return index - 1


class Workbook:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.strings = [''.join(t.text or '' for t in si.iter('{%s}t' % NS['m']))
                        for si in self.xml('xl/sharedStrings.xml').findall('m:si', NS)]
        styles = self.xml('xl/styles.xml')
        self.formats = {int(f.get('numFmtId')): f.get('formatCode')
                        for f in styles.findall('m:numFmts/m:numFmt', NS)}
        self.fonts = styles.findall('m:fonts/m:font', NS)
        self.xfs = styles.findall('m:cellXfs/m:xf', NS)
        rels = {r.get('Id'): r.get('Target')
                for r in self.xml('xl/_rels/workbook.xml.rels').findall('rel:Relationship', NS)}
        self.sheets = {}
        for sheet in self.xml('xl/workbook.xml').findall('m:sheets/m:sheet', NS):
            target = rels[sheet.get('{%s}id' % NS['r'])]
            self.sheets[sheet.get('name')] = self.xml('xl/' + target)

    def xml(self, name):
        return ET.fromstring(self.zip.read(name))

    def sheet_names(self):
        return list(self.sheets)

    def rows(self, name):
        """Each row as a list of (value, style) by column; None where empty."""
        rows = []
        for row in self.sheets[name].findall('m:sheetData/m:row', NS):
            cells = {}
            for c in row.findall('m:c', NS):
                v = c.find('m:v', NS)
                if v is None:
                    continue
                if c.get('t') == 's':
                    value = self.strings[int(v.text)]
                else:
                    self.assert_numeric(c)
                    value = float(v.text)
                cells[column_index(c.get('r'))] = (value, int(c.get('s', '0')))
            width = max(cells) + 1 if cells else 0
            rows.append([cells.get(i) for i in range(width)])
        return rows

    @staticmethod
    def assert_numeric(cell):
        assert cell.get('t') in (None, 'n'), cell.attrib

    def number_format(self, style):
        return self.formats.get(int(self.xfs[style].get('numFmtId')))

    def font(self, style):
        return self.fonts[int(self.xfs[style].get('fontId'))]

    def column_widths(self, name):
        widths = {}
        for col in self.sheets[name].findall('m:cols/m:col', NS):
            for i in range(int(col.get('min')) - 1, int(col.get('max'))):
                widths[i] = float(col.get('width'))
        return widths


def export(plan=None):
    out_dir = tempfile.mkdtemp(prefix='keikaku-xlsx-test-')
    out = os.path.join(out_dir, 'plan.xlsx')
    args = [os.environ['KEIKAKU'], '--export-xlsx=' + out] + ([plan] if plan else [])
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == '', result.stderr
    return Workbook(out)


def values(row):
    return [cell[0] if cell else None for cell in row]


class TestWorkbook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.small = export(SMALL_PLAN)
        cls.embedded = export()

    def test_two_sheets(self):
        self.assertEqual(self.small.sheet_names(), ['事業一覧', '成果目標値'])

    def test_headers(self):
        self.assertEqual(values(self.small.rows('事業一覧')[0]), PROGRAM_HEADER)
        self.assertEqual(values(self.small.rows('成果目標値')[0]), KPI_HEADER)

    def test_header_format(self):
        for name in self.small.sheet_names():
            for value, style in self.small.rows(name)[0]:
                font = self.small.font(style)
                self.assertIsNotNone(font.find('m:b', NS), value)
                self.assertEqual(self.small.xfs[style].get('applyFill'), '1')

    def test_program_rows(self):
        rows = [values(row) for row in self.small.rows('事業一覧')[1:]]
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[0], [1, '相談事業', '経営基盤の強化', '国', 1000, '同上', 1200, -200,
                                   '継続', '確定', '経営支援課', '経営支援課',
                                   '経済産業省 中部経済産業局'])
        # A new program has no previous budget; its change is its budget.
        self.assertEqual(rows[1][:9], [2, '販路, "開拓" 事業', '販路拡大', '県・自', 500, '—',
                                       None, 500, '新規'])
        self.assertEqual(rows[2][11:], ['総務企画課・経営支援課', '四日市市 工業振興課、雇用経済部'])

    def test_review_states(self):
        with open(SMALL_PLAN, encoding='utf-8') as f:
            plan = json.load(f)
        plan['programs'][0]['review_state'] = 'draft'
        plan['programs'][1]['review_state'] = 'pending'
        out_dir = tempfile.mkdtemp(prefix='keikaku-xlsx-test-')
        path = os.path.join(out_dir, 'plan.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(plan, f, ensure_ascii=False)
        rows = [values(row) for row in export(path).rows('事業一覧')[1:]]
        self.assertEqual([row[9] for row in rows], ['作成中', '確認待ち', '確定'])

    def test_amounts_are_numbers_in_thousand_yen(self):
        rows = self.small.rows('事業一覧')
        for column in (4, 6, 7):
            self.assertIn('千円', rows[0][column][0])
            for row in rows[1:]:
                if row[column] is None:
                    continue
                value, style = row[column]
                self.assertIsInstance(value, float)
                self.assertEqual(self.small.number_format(style), AMOUNT_FORMAT)

    def test_kpi_rows(self):
        rows = self.small.rows('成果目標値')[1:]
        self.assertEqual(values(rows[1]), ['1', '相談件数', None, '件', '以上', '令和5年度', '実績',
                                           123, '令和6年1月31日現在'])
        self.assertEqual(values(rows[2]), ['1', '相談件数', None, '件', '以上', '令和6年度', '目標',
                                           None, None, '未定'])
        decimal = rows[5]
        self.assertEqual(values(decimal), ['1', '平均残業時間', None, '時間', '以下', '令和6年度',
                                           '目標', 220.6])
        self.assertEqual(self.small.number_format(decimal[7][1]), '#,##0.0')
        self.assertEqual(self.small.number_format(rows[1][7][1]), '#,##0')

    def test_japanese_font_everywhere(self):
        for name in self.embedded.sheet_names():
            for row in self.embedded.rows(name):
                for cell in row:
                    if cell is None:
                        continue
                    font = self.embedded.font(cell[1])
                    self.assertEqual(font.find('m:name', NS).get('val'), FONT)

    def test_frozen_header_row(self):
        for name in self.embedded.sheet_names():
            pane = self.embedded.sheets[name].find('m:sheetViews/m:sheetView/m:pane', NS)
            self.assertEqual(pane.get('state'), 'frozen')
            self.assertEqual(pane.get('ySplit'), '1')
            self.assertIsNone(pane.get('xSplit'))
            self.assertEqual(pane.get('topLeftCell'), 'A2')

    def test_filter_on_header(self):
        sheet = self.embedded.sheets['事業一覧']
        n_rows = len(self.embedded.rows('事業一覧'))
        self.assertEqual(sheet.find('m:autoFilter', NS).get('ref'), 'A1:M%d' % n_rows)

    def test_columns_fit_their_texts(self):
        """A column is as wide as its widest text in the fixed-pitch face
        (a half-width character is 22/3 pixels at 11 pt, Excel's unit 7
        pixels), and no wider than a few characters more, up to the cap."""
        for name in self.embedded.sheet_names():
            rows = self.embedded.rows(name)
            widths = self.embedded.column_widths(name)
            for column, width in widths.items():
                texts = [self.shown(row[column]) for row in rows[1:]
                         if column < len(row) and row[column]]
                header = text_width(rows[0][column][0]) + 3
                needed = min(max([header] + [text_width(t) for t in texts]), 60)
                self.assertGreaterEqual(width * 7, needed * 22 / 3, (name, column))
                self.assertLessEqual(width * 7, needed * 22 / 3 + 14, (name, column))

    def shown(self, cell):
        value, style = cell
        if isinstance(value, str):
            return value
        if self.embedded.number_format(style) == AMOUNT_FORMAT and value < 0:
            return '▲ {:,.0f}'.format(-value)
        return '{:,}'.format(int(value) if value == int(value) else value)

    def test_embedded_plan_totals(self):
        rows = self.embedded.rows('事業一覧')[1:]
        self.assertEqual(len(rows), 25)
        self.assertEqual([int(row[0][0]) for row in rows], list(range(1, 26)))
        change = sum(row[7][0] for row in rows)
        self.assertEqual(change, sum(row[4][0] for row in rows)
                         - sum(row[6][0] for row in rows if row[6]))


if __name__ == '__main__':
    unittest.main()
