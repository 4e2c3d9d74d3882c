/* kk-report-words.h: the words a printed plan puts around its data
 *
 * A printed plan is a Japanese document whatever the interface language
 * (DESIGN §6): its headings, column titles and words are the plan's, like
 * its names and texts, not the interface's. So every word a report draws
 * (the book, the division summaries, the budget table, their running
 * headers, a chart drawn for a report) is one of these constants, in the
 * plan's language, and never goes through gettext; only what the window
 * shows around a report (menus, errors) is translated. The plan format has
 * one language, Japanese; a plan in another language would choose another
 * set of these.
 *
 * Add a word here, next to the words of the same report, rather than write
 * a literal in a report file: that keeps the document's vocabulary in one
 * place (the same thing is called the same everywhere) and keeps gettext out of
 * src/render/kk-report*.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Shared by every report. */
#define KK_WORD_BUSINESS_PLAN          "事業計画書"
#define KK_WORD_BUDGET                 "事業費"
#define KK_WORD_LAST_YEAR              "前年度"
#define KK_WORD_CHANGE                 "増減"
#define KK_WORD_UNIT_CAPTION           "(単位:千円)"
#define KK_WORD_PROGRAM_COUNT          "事業数"
#define KK_WORD_TOTAL                  "合計"
#define KK_WORD_NUMBER                 "番号"
#define KK_WORD_PROGRAM                "事業名"
#define KK_WORD_PROGRAM_NUMBERS        "事業番号"
#define KK_WORD_FUNDING                "財源"
#define KK_WORD_PILLAR                 "施策の柱"
#define KK_WORD_DIVISION               "担当課"
#define KK_WORD_STATUS                 "継続・新規"
#define KK_WORD_STATUS_NEW             "新規"
#define KK_WORD_STATUS_CONTINUING      "継続"
#define KK_WORD_KPI                    "成果指標"
#define KK_WORD_TARGETS                "成果目標値"
#define KK_WORD_ACHIEVEMENT            "達成率"
#define KK_WORD_KIND_PLAN              "計画"
#define KK_WORD_KIND_TARGET            "目標"
#define KK_WORD_KIND_ACTUAL            "実績"
#define KK_WORD_KIND_FORECAST          "見込"
#define KK_WORD_AS_OF_FORMAT           "%s現在"
/* The title in the running header while a program of the plan is not yet
 * confirmed (確定) in the year's review: the pages are a draft, 案. */
#define KK_WORD_DRAFT_TITLE_FORMAT     "%s（案）"
/* A figure's note under a table: 注1, 注2 … */
#define KK_WORD_NOTE_MARK_FORMAT       "注%u"

/* The plan book. */
#define KK_WORD_PROGRAMS_BY_PILLAR     "施策の柱別事業一覧"
#define KK_WORD_DIVISION_TABLE         "担当課別事業番号"
#define KK_WORD_FISCAL_YEAR            "年度"
#define KK_WORD_BUDGET_IN_THOUSANDS    "事業費(単位:千円)"
#define KK_WORD_PREVIOUS_NAME          "前年度事業名"
#define KK_WORD_CHANGE_FROM_LAST_YEAR  "前年度比"
#define KK_WORD_UNCHANGED              "同上"
#define KK_WORD_PURPOSE                "事業の目的"
#define KK_WORD_OVERVIEW               "事業概要"
#define KK_WORD_ACTIVITIES             "取組内容"
#define KK_WORD_RELATED_BODIES         "関係機関等"
/* The part of the outline that holds the sheets. */
#define KK_WORD_PROGRAM_SHEETS         "事業別計画"
/* After a sheet's number and name on a page it runs onto. */
#define KK_WORD_CONTINUED              "（続き）"

/* The budget table. */
#define KK_WORD_BUDGET_SUMMARY         "予算総括表"
#define KK_WORD_BY_PILLAR_AND_FUNDING  "施策の柱別・財源別"
#define KK_WORD_BY_FUNDING             "財源別"

/* The division summaries. */
#define KK_WORD_DIVISION_SUMMARIES     "担当課別事業一覧"
#define KK_WORD_DIVISION_SUMMARY_FORMAT "担当課別事業一覧: %s"
#define KK_WORD_COUNTED_ONCE           "各事業は主担当課に一度だけ計上しています。"
#define KK_WORD_SUBTOTAL_FORMAT        "小計 (%u事業)"
#define KK_WORD_DIVISION_TOTALS_FORMAT "%u 事業 · 事業費 %s · 前年度 %s · 増減 %s(千円)"
#define KK_WORD_PROGRAMS_IT_LEADS      "主担当の事業"
#define KK_WORD_LEADS_NO_PROGRAM       "この課が主担当の事業はありません。"
#define KK_WORD_PROGRAMS_IT_SHARES     "共管の事業"
#define KK_WORD_LED_BY_FORMAT          "主担当: %s"
#define KK_WORD_SHARED_COUNT_ELSEWHERE "共管の事業は主担当課の小計に計上し、この課の小計には含めていません。"
#define KK_WORD_NO_FIGURES             "この課の事業には数値の成果目標がありません。"

/* The workbook (src/xlsx), which is a document like a report. */
#define KK_WORD_XLSX_PROGRAMS_SHEET    "事業一覧"
#define KK_WORD_XLSX_BUDGET            "事業費(千円)"
#define KK_WORD_XLSX_PREVIOUS_BUDGET   "前年度事業費(千円)"
#define KK_WORD_XLSX_CHANGE            "増減(千円)"
#define KK_WORD_XLSX_LEAD_DIVISION     "主担当課"
#define KK_WORD_XLSX_REVIEW_STATE      "確認状況"
#define KK_WORD_XLSX_REVIEW_DRAFT      "作成中"
#define KK_WORD_XLSX_REVIEW_PENDING    "確認待ち"
#define KK_WORD_XLSX_REVIEW_CONFIRMED  "確定"
#define KK_WORD_XLSX_GROUP             "区分"
#define KK_WORD_XLSX_UNIT              "単位"
#define KK_WORD_XLSX_COMPARATOR        "以上・以下"
#define KK_WORD_XLSX_KIND              "種別"
#define KK_WORD_XLSX_FIGURE            "数値"
#define KK_WORD_XLSX_AS_OF             "時点"
#define KK_WORD_XLSX_NOTE              "備考"
#define KK_WORD_AT_LEAST               "以上"
#define KK_WORD_AT_MOST                "以下"
