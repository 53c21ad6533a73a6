"""Date mentions: constructions, look-alikes, offsets, fuzzing and the gold standard."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpusstats as cs
from corpusstats import _dates_eval as E
from corpusstats.dates import (
    COLUMNS,
    DateView,
    date_mentions,
    find_dates,
    fold,
    highlight_html,
    mention_periods,
    month_source_counts,
)

from .conftest import DATA, ROOT, SEEDS

REF = "2016-03-01"  # a Tuesday


def found(text: str, ref: str | None = REF) -> list[tuple[str, str, str | None]]:
    return [(d["text"], d["type"], d["value"]) for d in find_dates(text, ref)]


# --- one test per construction -------------------------------------------------------------

CASES = [
    # Gregorian month systems, alone and paired
    (
        "زار الأسد موسكو يوم الثلاثاء 20 أكتوبر - تشرين الأول",
        "2015-10-22",
        [("يوم الثلاثاء 20 أكتوبر - تشرين الأول", "DATE", "2015-10-20")],
    ),
    ("أعلنت الوزارة في كانون الثاني/يناير 2016 عن خطة.", REF, [("كانون الثاني/يناير 2016", "DATE", "2016-01")]),
    ("وقع الاتفاق في 14 حزيران (يونيو) 2015 في فيينا.", REF, [("14 حزيران (يونيو) 2015", "DATE", "2015-06-14")]),
    (
        "بدأت الغارات نهاية شهر سبتمبر/أيلول الماضي.",
        "2015-10-21",
        [("نهاية شهر سبتمبر/أيلول الماضي", "DATE", "2015-09")],
    ),
    ("تنتهي المهلة في 31 كانون الأول/ديسمبر 2016.", REF, [("31 كانون الأول/ديسمبر 2016", "DATE", "2016-12-31")]),
    ("جرت الانتخابات في 2 يونيو حزيران 2014.", REF, [("2 يونيو حزيران 2014", "DATE", "2014-06-02")]),
    # Maghrebi names
    ("ستنطلق الامتحانات يوم 12 جوان 2016.", REF, [("يوم 12 جوان 2016", "DATE", "2016-06-12")]),
    ("ارتفعت الأسعار في جانفي الماضي.", REF, [("جانفي الماضي", "DATE", "2016-01")]),
    ("تجرى الانتخابات في ماي المقبل.", "2016-02-10", [("ماي المقبل", "DATE", "2016-05")]),
    ("احتفلت الجزائر في 5 جويلية 2015.", REF, [("5 جويلية 2015", "DATE", "2015-07-05")]),
    # month alone / with الماضي، المقبل، الجاري
    ("سيطرت الفصائل على البلدة في كانون الأول الماضي.", REF, [("كانون الأول الماضي", "DATE", "2015-12")]),
    ("تأجلت القمة إلى نوفمبر المقبل.", "2025-10-14", [("نوفمبر المقبل", "DATE", "2025-11")]),
    ("تشن روسيا غارات منذ ايلول.", "2015-12-14", [("ايلول", "DATE", "2015-09")]),
    (
        "عقد الاجتماع في 7 تشرين الأول/أكتوبر الجاري.",
        "2016-10-20",
        [("7 تشرين الأول/أكتوبر الجاري", "DATE", "2016-10-07")],
    ),
    ("قتل ثلاثة جنود في 12 كانون الأول الماضي.", "2016-02-15", [("12 كانون الأول الماضي", "DATE", "2015-12-12")]),
    ("في شباط عام 2012.", REF, [("شباط عام 2012", "DATE", "2012-02")]),
    ("منذ ايلول العام 2014.", REF, [("ايلول العام 2014", "DATE", "2014-09")]),
    ("خلال شهر تموز 2014.", REF, [("شهر تموز 2014", "DATE", "2014-07")]),
    # ordinal days
    ("ستعقد القمة في الأول من نوفمبر المقبل.", "2016-09-20", [("الأول من نوفمبر المقبل", "DATE", "2016-11-01")]),
    ("في الثالث عشر من نوفمبر الماضي.", "2015-12-14", [("الثالث عشر من نوفمبر الماضي", "DATE", "2015-11-13")]),
    ("في الخامس عشر من مارس 2011.", REF, [("الخامس عشر من مارس 2011", "DATE", "2011-03-15")]),
    ("في الحادي والعشرين من آذار.", REF, [("الحادي والعشرين من آذار", "DATE", "2016-03-21")]),
    ("في 20 الجاري.", REF, [("20 الجاري", "DATE", "2016-03-20")]),
    ("في الخامس عشر من الشهر الماضي.", REF, [("الخامس عشر من الشهر الماضي", "DATE", "2016-02-15")]),
    # Hijri
    ("وزعت المساعدات في 15 رمضان 1436 هـ.", REF, [("15 رمضان 1436 هـ", "DATE", "2015-07-02")]),
    ("صدر المرسوم بتاريخ 10 محرم 1437هـ.", REF, [("10 محرم 1437هـ", "DATE", "2015-10-23")]),
    ("الأول من ذي الحجة 1437 هـ", REF, [("الأول من ذي الحجة 1437 هـ", "DATE", "2016-09-02")]),
    # numeric dates, Western and Arabic-Indic digits
    ("وقعت الحادثة بتاريخ ٢٠/١٠/٢٠١٥ في حلب.", REF, [("٢٠/١٠/٢٠١٥", "DATE", "2015-10-20")]),
    ("يبدأ العمل اعتبارا من 01/03/2016.", REF, [("01/03/2016", "DATE", "2016-03-01")]),
    ("نشر التقرير بتاريخ 2019.08.19.", REF, [("2019.08.19", "DATE", "2019-08-19")]),
    ("صدر القرار في 2015/12/10.", REF, [("2015/12/10", "DATE", "2015-12-10")]),
    ("رئيس التحرير\n2019.08.19 20:06\n", REF, [("2019.08.19 20:06", "TIME", "2019-08-19T20:06")]),
    ("نشر البيان في 15-02-2016.", REF, [("15-02-2016", "DATE", "2016-02-15")]),
    # years
    ("تم التوصل إليها بإجماع دولي عام 2012.", REF, [("عام 2012", "DATE", "2012")]),
    ("منذ اندلاع النزاع في 2011.", REF, [("2011", "DATE", "2011")]),
    ("منذ اندلاع انتفاضة 2011.", REF, [("2011", "DATE", "2011")]),
    ("في العام 2013.", REF, [("العام 2013", "DATE", "2013")]),
    ("بين عامي 2011 و2015.", REF, [("عامي 2011", "DATE", "2011"), ("و2015", "DATE", "2015")]),
    ("في مطلع 2016.", REF, [("مطلع 2016", "DATE", "2016")]),
    ("منذ عام 2011 قتل الآلاف.", REF, [("عام 2011", "DATE", "2011")]),
    ("في 1437 هـ", REF, [("1437 هـ", "DATE", "2016")]),
    # quarters, halves, seasons, decades
    ("في الربع الأخير من 2014.", REF, [("الربع الأخير من 2014", "DATE", "2014-Q4")]),
    ("خلال الربع الأول من العام الجاري.", "2016-06-01", [("الربع الأول من العام الجاري", "DATE", "2016-Q1")]),
    ("في النصف الثاني من العام المقبل.", REF, [("النصف الثاني من العام المقبل", "DATE", "2017-H2")]),
    ("في صيف 2015.", REF, [("صيف 2015", "DATE", "2015-SU")]),
    ("في شتاء هذا العام.", REF, [("شتاء هذا العام", "DATE", "2016-WI")]),
    ("في تسعينيات القرن الماضي.", REF, [("تسعينيات القرن الماضي", "DATE", "199")]),
    ("في منتصف التسعينيات.", REF, [("منتصف التسعينيات", "DATE", "199")]),
    # relative words and parts of the day
    ("زار الأسد موسكو أمس.", "2015-10-21", [("أمس", "DATE", "2015-10-20")]),
    ("نتائج زيارة الأسد بالأمس إلى موسكو.", "2015-10-21", [("بالأمس", "DATE", "2015-10-20")]),
    ("بحثا الوضع اليوم الأربعاء.", "2015-10-21", [("اليوم الأربعاء", "DATE", "2015-10-21")]),
    ("يتوجه الرئيس غداً الأربعاء إلى موسكو.", "2025-10-14", [("غداً الأربعاء", "DATE", "2025-10-15")]),
    ("يزور الوفد سوريا غد الخميس.", "2015-10-21", [("غد الخميس", "DATE", "2015-10-22")]),
    ("التقى بوتين أمس الثلاثاء.", "2015-10-21", [("أمس الثلاثاء", "DATE", "2015-10-20")]),
    ("يلقي الرئيس خطابا الليلة.", REF, [("الليلة", "TIME", "2016-03-01TNI")]),
    ("استقبل الرئيس صباح اليوم وفدا.", REF, [("صباح اليوم", "TIME", "2016-03-01TMO")]),
    ("وصل الرئيس مساء أمس إلى باريس.", REF, [("مساء أمس", "TIME", "2016-02-29TEV")]),
    ("يبدأ الاجتماع صباح غد.", REF, [("صباح غد", "TIME", "2016-03-02TMO")]),
    ("نفت الوزارة مساء الثلاثاء سقوط خسائر.", "2015-10-22", [("مساء الثلاثاء", "TIME", "2015-10-20TEV")]),
    ("تمت الزيارة ليلة الثلاثاء الأربعاء.", "2015-10-22", [("ليلة الثلاثاء الأربعاء", "TIME", "2015-10-20TNI")]),
    (
        "في وقت متأخر من ليل الأربعاء- الخميس.",
        "2015-12-14",
        [("وقت متأخر من ليل الأربعاء- الخميس", "TIME", "2015-12-09TNI")],
    ),
    ("شنت الطائرات غارات فجر الخميس.", "2016-03-04", [("فجر الخميس", "TIME", "2016-03-03TMO")]),
    ("بعد ظهر اليوم.", REF, [("بعد ظهر اليوم", "TIME", "2016-03-01TAF")]),
    ("تصل الشحنة بعد غد.", REF, [("بعد غد", "DATE", "2016-03-03")]),
    ("أفرجت السلطات أول أمس عن معتقلين.", REF, [("أول أمس", "DATE", "2016-02-28")]),
    ("يوم أمس وصل الوفد.", REF, [("يوم أمس", "DATE", "2016-02-29")]),
    # clock times
    ("يبدأ حظر التجول الساعة 8 مساء اليوم.", REF, [("الساعة 8 مساء اليوم", "TIME", "2016-03-01T20:00")]),
    ("وقع الانفجار قرابة الساعة 10:30 صباحا.", REF, [("قرابة الساعة 10:30 صباحا", "TIME", "2016-03-01T10:30")]),
    ("في الساعة الثالثة فجرا.", REF, [("الساعة الثالثة فجرا", "TIME", "2016-03-01T03:00")]),
    # relative periods
    ("زيارة كيري الثانية خلال العام الجاري.", "2015-12-14", [("العام الجاري", "DATE", "2015")]),
    ("ارتفع التضخم الشهر الماضي.", REF, [("الشهر الماضي", "DATE", "2016-02")]),
    ("تعتزم الحكومة رفع الأجور العام المقبل.", REF, [("العام المقبل", "DATE", "2017")]),
    ("يصل المبعوث خلال الأسبوع الجاري.", REF, [("الأسبوع الجاري", "DATE", "2016-W09")]),
    ("التقى الوزير نظيره الأسبوع الماضي.", REF, [("الأسبوع الماضي", "DATE", "2016-W08")]),
    ("بدأت غارات في سوريا هذا الشهر.", "2015-12-14", [("هذا الشهر", "DATE", "2015-12")]),
    ("الاتفاق الذي تم مطلع الشهر الحالي.", "2015-12-14", [("مطلع الشهر الحالي", "DATE", "2015-12")]),
    ("منذ مطلع العام حتى شهر تموز.", "2015-12-14", [("مطلع العام", "DATE", "2015"), ("شهر تموز", "DATE", "2015-07")]),
    ("في أواخر العام الماضي.", REF, [("أواخر العام الماضي", "DATE", "2015")]),
    # ago
    ("منذ اندلاع الأزمة قبل نحو 5 سنوات.", "2015-10-22", [("قبل نحو 5 سنوات", "DATE", "2010")]),
    ("بدأت الأزمة قبل أكثر من 4 سنوات.", "2015-10-21", [("قبل أكثر من 4 سنوات", "DATE", "2011")]),
    ("أشار إليها موقع الديار قبل شهر.", "2015-10-21", [("قبل شهر", "DATE", "2015-09")]),
    ("غادر السفير البلاد قبل ثلاثة أيام.", REF, [("قبل ثلاثة أيام", "DATE", "2016-02-27")]),
    ("اندلعت الحرب قبل عامين.", REF, [("قبل عامين", "DATE", "2014")]),
    # durations
    ("فرضت السلطات حظرا لمدة 24 ساعة.", REF, [("24 ساعة", "DURATION", "PT24H")]),
    ("استمر الحصار ثلاثة أشهر.", REF, [("ثلاثة أشهر", "DURATION", "P3M")]),
    ("قضى الصحفي عامين في السجن.", REF, [("عامين", "DURATION", "P2Y")]),
    ("استغرق الاجتماع نحو نصف ساعة.", REF, [("نحو نصف ساعة", "DURATION", "PT30M")]),
    ("استمرت المعارك بضعة أيام.", REF, [("بضعة أيام", "DURATION", "PXD")]),
    ("كانت تحارب الإرهاب خلال عدة سنوات.", REF, [("عدة سنوات", "DURATION", "PXY")]),
    ("النزاع المتواصل منذ حوالى 5 سنوات.", REF, [("حوالى 5 سنوات", "DURATION", "P5Y")]),
    ("ضربت 83 هدفا في الساعات الـ 24 الماضية.", REF, [("الساعات الـ 24 الماضية", "DURATION", "PT24H")]),
    ("بعد ثلاثة أسابيع من إسقاط الطائرة.", REF, [("ثلاثة أسابيع", "DURATION", "P3W")]),
    ("ويأتي الاجتماع بعد يوم من طلب تقدم به.", REF, [("يوم", "DURATION", "P1D")]),
    ("لم يعلن عنها إلا بعد يوم واحد من إتمامها.", REF, [("يوم واحد", "DURATION", "P1D")]),
    ("محادثات على مدى يومين في الرياض.", REF, [("يومين", "DURATION", "P2D")]),
    ("معاهدة لمدة 15 سنة.", REF, [("15 سنة", "DURATION", "P15Y")]),
    ("يعيش اللاجئون في المخيم منذ عشر سنوات.", REF, [("عشر سنوات", "DURATION", "P10Y")]),
    ("خلال الأيام الثلاثة الماضية.", REF, [("الأيام الثلاثة الماضية", "DURATION", "P3D")]),
    ("استمر خمسة وعشرين يوما.", REF, [("خمسة وعشرين يوما", "DURATION", "P25D")]),
    # sets
    ("تعبر الشاحنات الحدود كل يوم.", REF, [("كل يوم", "SET", "P1D")]),
    ("تعقد اللجنة اجتماعا أسبوعيا.", REF, [("أسبوعيا", "SET", "P1W")]),
    ("يتظاهر السكان كل يوم جمعة.", REF, [("كل يوم جمعة", "SET", "XXXX-WXX-5")]),
    # more constructions
    ("قصفت الطائرات المدينة الليلة الماضية.", REF, [("الليلة الماضية", "TIME", "2016-02-29TNI")]),
    ("وصل الوفد هذا المساء.", REF, [("هذا المساء", "TIME", "2016-03-01TEV")]),
    ("نشرت الصحيفة تقريرها يوم الجمعة 26/2/2016.", REF, [("يوم الجمعة 26/2/2016", "DATE", "2016-02-26")]),
    ("في الساعات الأولى من صباح الأحد.", REF, [("الساعات الأولى من صباح الأحد", "TIME", "2016-02-28TMO")]),
    ("الساعة الخامسة من صباح اليوم", REF, [("الساعة الخامسة من صباح اليوم", "TIME", "2016-03-01T05:00")]),
    ("ستجرى الانتخابات في تشرين الأول.", REF, [("تشرين الأول", "DATE", "2016-10")]),
    ("جرت الانتخابات في تشرين الأول.", REF, [("تشرين الأول", "DATE", "2015-10")]),
    ("منذ يوم الجمعة.", REF, [("يوم الجمعة", "DATE", "2016-02-26")]),
    ("استمر الحصار لعدة أشهر.", REF, [("لعدة أشهر", "DURATION", "PXM")]),
    ("بقي في المنصب عاما ونصف.", REF, [("عاما ونصف", "DURATION", "P18M")]),
    ("في منتصف شعبان.", REF, [("منتصف شعبان", "DATE", "2016-05")]),
    ("في غرة شوال 1437.", REF, [("غرة شوال 1437", "DATE", "2016-07-06")]),
    ("في الفترة بين 2011 و2014.", REF, [("2011", "DATE", "2011"), ("و2014", "DATE", "2014")]),
    ("خلال الفترة 2011-2014.", REF, [("2011", "DATE", "2011"), ("2014", "DATE", "2014")]),
    ("في عام 1436 هـ", REF, [("عام 1436 هـ", "DATE", "2015")]),
    ("تبدأ غدا الجولة الثانية من المفاوضات.", REF, [("غدا", "DATE", "2016-03-02")]),
    ("يصل الوفد غداً الأربعاء 2 آذار إلى بيروت.", REF, [("غداً الأربعاء 2 آذار", "DATE", "2016-03-02")]),
    ("الثلاثاء 01 مارس 2016 - 10:35", REF, [("الثلاثاء 01 مارس 2016 - 10:35", "TIME", "2016-03-01T10:35")]),
    ("خلال الشهرين الماضيين.", REF, [("الشهرين الماضيين", "DURATION", "P2M")]),
    ("خلال الـ24 ساعة الماضية.", REF, [("الـ24 ساعة الماضية", "DURATION", "PT24H")]),
    ("في شهر 3 الماضي.", REF, [("شهر 3 الماضي", "DATE", "2015-03")]),
    ("في 14 يوليوز 2015.", REF, [("14 يوليوز 2015", "DATE", "2015-07-14")]),
    # ranges: two mentions
    (
        "تستضيف الرياض المؤتمر بين 20 و22 أكتوبر المقبل.",
        "2016-09-01",
        [("20", "DATE", "2016-10-20"), ("و22 أكتوبر المقبل", "DATE", "2016-10-22")],
    ),
    (
        "ينظم المهرجان من 25 فيفري إلى 2 مارس.",
        "2017-01-15",
        [("25 فيفري", "DATE", "2017-02-25"), ("2 مارس", "DATE", "2017-03-02")],
    ),
    ("بين 20 و21 أكتوبر 2015.", REF, [("20", "DATE", "2015-10-20"), ("و21 أكتوبر 2015", "DATE", "2015-10-21")]),
]


@pytest.mark.parametrize(("text", "ref", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_construction(text, ref, expected):
    assert found(text, ref) == expected


# --- weekdays and tense ----------------------------------------------------------------------

WEEKDAYS = [
    # past verb: on or before the anchor (a Friday)
    ("اجتمع مجلس الوزراء الاربعاء لمناقشة الموازنة.", "2016-03-04", "2016-03-02"),
    ("وصل الوفد إلى عمّان الأحد.", "2016-03-02", "2016-02-28"),
    ("أعلن الكرملين الاربعاء أن الرئيسين تحادثا.", "2015-10-21", "2015-10-21"),
    # future: سـ, سوف, clause-initial imperfect, المقبل
    ("سيلتقي الرئيس نظيره الفرنسي الاثنين المقبل.", "2016-03-04", "2016-03-07"),
    ("يزور وزير الخارجية الأميركي موسكو الثلاثاء في مهمة.", "2015-12-14", "2015-12-15"),
    ("قال إن الوزير سيزور القاهرة الخميس.", REF, "2016-03-03"),
    ("سوف يجتمع المجلس السبت لبحث الأزمة.", REF, "2016-03-05"),
    ("التقى الوزيران الخميس الماضي في عمان.", REF, "2016-02-25"),
    ("والاثنين التقى وزير الخارجية.", "2016-03-02", "2016-02-29"),
]


@pytest.mark.parametrize(("text", "ref", "value"), WEEKDAYS)
def test_weekday_resolution(text, ref, value):
    ds = find_dates(text, ref)
    assert len(ds) == 1 and ds[0]["value"] == value, ds


# --- context: what one mention lends another ------------------------------------------------
# Hand-written sentences, one group per rule (see DATES_GUIDELINES.md §4).

CONTEXT = [
    # A. a clock time takes its day from a day named earlier in the sentence, else the anchor
    (
        "تقام المباراة النهائية يوم السبت 12 أبريل عند الساعة الثامنة مساءً على ملعب المدينة.",
        "2025-04-01",
        [("يوم السبت 12 أبريل", "DATE", "2025-04-12"), ("الساعة الثامنة مساءً", "TIME", "2025-04-12T20:00")],
    ),
    (
        "وصل الوزير أمس إلى بيروت، وعقد مؤتمراً صحفياً في الساعة 17:45 بمقر الوزارة.",
        "2025-04-01",
        [("أمس", "DATE", "2025-03-31"), ("الساعة 17:45", "TIME", "2025-03-31T17:45")],
    ),
    (
        "غداً الأحد، تنطلق القمة عند الساعة العاشرة صباحاً.",
        "2025-04-05",
        [("غداً الأحد", "DATE", "2025-04-06"), ("الساعة العاشرة صباحاً", "TIME", "2025-04-06T10:00")],
    ),
    (
        "صباح الغد تبدأ الامتحانات الرسمية ابتداء من الساعة الثامنة.",
        "2025-04-01",
        [("صباح الغد", "TIME", "2025-04-02TMO"), ("الساعة الثامنة", "TIME", "2025-04-02T08:00")],
    ),
    (  # the part of day of the named day applies to the hour: 9 in the evening
        "وصلت الطائرة مساء الخميس، وهبطت في الساعة التاسعة بمطار القاهرة.",
        "2025-04-05",
        [("مساء الخميس", "TIME", "2025-04-03TEV"), ("الساعة التاسعة", "TIME", "2025-04-03T21:00")],
    ),
    (  # a day in another sentence does not count
        "وصل الوفد أمس. ويعقد اجتماعاً الساعة 10:00 بتوقيت بيروت.",
        "2025-04-01",
        [("أمس", "DATE", "2025-03-31"), ("الساعة 10:00", "TIME", "2025-04-01T10:00")],
    ),
    (  # أعلن أمس أن ...: the day of the statement, not of the event
        "أعلنت الشرطة أمس أن الحادث وقع عند الساعة 03:15 فجراً.",
        "2025-04-01",
        [("أمس", "DATE", "2025-03-31"), ("الساعة 03:15 فجراً", "TIME", "2025-04-01T03:15")],
    ),
    (
        "تقام الصلاة يوم الجمعة 6 رمضان 1446 هـ عند الساعة 12:30.",
        "2025-03-03",
        [("يوم الجمعة 6 رمضان 1446 هـ", "DATE", "2025-03-06"), ("الساعة 12:30", "TIME", "2025-03-06T12:30")],
    ),
    # B. direction: this month in a future clause; the bare end of a range; forecasts
    ("ومن المقرر أن تصدر الأرقام النهائية في شهر مارس.", "2025-03-10", [("شهر مارس", "DATE", "2025-03")]),
    (
        "ارتفعت الصادرات بين مارس وسبتمبر 2023 بنسبة طفيفة.",
        "2025-03-10",
        [("مارس", "DATE", "2023-03"), ("وسبتمبر 2023", "DATE", "2023-09")],
    ),
    (
        "تراجعت الأسعار من نوفمبر 2024 إلى فبراير.",
        "2025-06-10",
        [("نوفمبر 2024", "DATE", "2024-11"), ("فبراير", "DATE", "2025-02")],
    ),
    (
        "توقعت الأرصاد هطول أمطار غزيرة، مع رياح قوية ليلة الأحد.",
        "2025-04-02",
        [("ليلة الأحد", "TIME", "2025-04-06TNI")],
    ),
    ("يتواصل الحداد الرسمي حتى مساء الأحد.", "2025-04-02", [("مساء الأحد", "TIME", "2025-04-06TEV")]),
    (
        "رجحت النشرة الجوية أن تشتد الرياح صباح الاثنين.",
        "2025-04-02",
        [("صباح الاثنين", "TIME", "2025-04-07TMO")],
    ),
    # ... but the bare weekday right after a forecast verb dates the forecast itself
    ("توقعت وزارة المالية الأحد أن ينمو الاقتصاد.", "2025-04-02", [("الأحد", "DATE", "2025-03-30")]),
    # C. hours without الساعة, seasons, العام الجديد, accusative durations, quarters, frequencies
    (
        "يفتح المعرض أبوابه من العاشرة صباحاً حتى الثامنة مساءً.",
        "2025-04-02",
        [("العاشرة صباحاً", "TIME", "2025-04-02T10:00"), ("الثامنة مساءً", "TIME", "2025-04-02T20:00")],
    ),
    (
        "يستمر البث المباشر من الثامنة حتى الحادية عشرة ليلاً.",
        "2025-04-02",
        [("الثامنة", "TIME", "2025-04-02T20:00"), ("الحادية عشرة ليلاً", "TIME", "2025-04-02T23:00")],
    ),
    (
        "تراجعت السياحة خلال فصل الشتاء، ويتوقع أن تنتعش الصيف المقبل وهذا الخريف.",
        "2025-04-02",
        [
            ("فصل الشتاء", "DATE", "2025-WI"),
            ("الصيف المقبل", "DATE", "2025-SU"),
            ("وهذا الخريف", "DATE", "2025-FA"),
        ],
    ),
    ("سيكون الشتاء المقبل أكثر برودة.", "2026-01-15", [("الشتاء المقبل", "DATE", "2026-WI")]),
    ("تستعد المدينة للاحتفال مع حلول العام الجديد.", "2025-12-28", [("العام الجديد", "DATE", "2026")]),
    ("تبدأ الخطة الخمسية في العام الجديد.", "2025-01-09", [("العام الجديد", "DATE", "2025")]),
    (
        "أجّل القاضي الجلسة شهراً، بعدما انتظر المحامون ساعةً كاملة.",
        "2025-04-02",
        [("شهراً", "DURATION", "P1M"), ("ساعةً كاملة", "DURATION", "PT1H")],
    ),
    ("أغلقت السلطات المعبر أسبوعاً ثم أعادت فتحه.", "2025-04-02", [("أسبوعاً", "DURATION", "P1W")]),
    ("ظل المصنع مغلقاً عاماً كاملاً.", "2025-04-02", [("عاماً كاملاً", "DURATION", "P1Y")]),
    (
        "بلغ النمو 3% في الربع الأول من 2025، مقابل 2.5% في الربع السابق.",
        "2025-06-02",
        [("الربع الأول من 2025", "DATE", "2025-Q1"), ("الربع السابق", "DATE", "2024-Q4")],
    ),
    ("تحسن أداء الشركة في الربع الماضي.", "2025-08-02", [("الربع الماضي", "DATE", "2025-Q2")]),
    (
        "تجتمع اللجنة ثلاث مرات في الشهر، ومرة واحدة في السنة مع الجمعية العامة.",
        "2025-04-02",
        [("ثلاث مرات في الشهر", "SET", "P1M"), ("ومرة واحدة في السنة", "SET", "P1Y")],
    ),
    ("يتدرب الفريق مرتين يومياً.", "2025-04-02", [("مرتين يومياً", "SET", "P1D")]),
    # D. spans: the hour with its day, Maghrebi متم / الفاتح / فاتح / السداسي, fiscal years
    ("انطلقت القافلة في الخامسة صباح أمس.", "2025-04-02", [("الخامسة صباح أمس", "TIME", "2025-04-01T05:00")]),
    (
        "أقفلت الحسابات في متم السنة الماضية، وسيصدر التقرير عند متم شهر يونيو.",
        "2025-04-02",
        [("متم السنة الماضية", "DATE", "2024"), ("متم شهر يونيو", "DATE", "2025-06")],
    ),
    (
        "يبدأ العمل بالقرار ابتداء من فاتح ماي 2025، وينتهي في الفاتح من نوفمبر.",
        "2025-04-02",
        [("فاتح ماي 2025", "DATE", "2025-05-01"), ("الفاتح من نوفمبر", "DATE", "2025-11-01")],
    ),
    (
        "ارتفع العجز خلال السداسي الثاني من السنة الماضية والثلاثي الأول من 2025.",
        "2025-04-02",
        [
            ("السداسي الثاني من السنة الماضية", "DATE", "2024-H2"),
            ("والثلاثي الأول من 2025", "DATE", "2025-Q1"),
        ],
    ),
    (
        "رصدت الحكومة في مشروع قانون المالية للسنة المالية 2027 مبالغ إضافية.",
        "2025-04-02",
        [("للسنة المالية 2027", "DATE", "2027")],
    ),
]


@pytest.mark.parametrize(("text", "ref", "expected"), CONTEXT, ids=[c[0][:40] for c in CONTEXT])
def test_context_rules(text, ref, expected):
    assert found(text, ref) == expected


def test_hijri_calendar_survives_a_leading_weekday_or_relative_word():
    text = "أعلنت الرئاسة أمس الأحد 2 رمضان 1446 هـ عطلة، وتعقد غداً الثلاثاء 4 رمضان 1446هـ جلسة."
    ds = find_dates(text, "2025-03-03")
    assert [(d["text"], d["value"], d["calendar"]) for d in ds] == [
        ("أمس الأحد 2 رمضان 1446 هـ", "2025-03-02", "hijri"),
        ("غداً الثلاثاء 4 رمضان 1446هـ", "2025-03-04", "hijri"),
    ]
    ds = find_dates("تقام الصلاة يوم الجمعة 6 رمضان 1446 هـ عند الساعة 12:30.", "2025-03-03")
    assert [d["calendar"] for d in ds] == ["hijri", "hijri"]


CONTEXT_NEGATIVES = [
    # E. غدا "became" before its subject, after قد
    "لقد غدا اللاعب سعيد أحد أبرز نجوم الفريق.",
    "وقد غدا عمر قائداً للمنتخب.",
    # ordinals that are not hours
    "فاز الفريق في المباراة الثانية صباحاً أمام جمهوره.",
    "حل العداء في المرتبة الثالثة.",
    # accusative units that are not durations
    "كان ذلك يوماً حزيناً، وسنلتقي يوماً ما.",
    "لم يكن يوماً من أنصار الحكومة.",
    "سافرت يوماً إلى باريس.",
    "تتحسن الحالة عاماً بعد عام.",
    # seasons only with a head noun, a demonstrative, a modifier or a year
    "شهدت المنطقة ما عرف بالربيع العربي، وكتب الشاعر عن الخريف.",
    "أعيد انتخاب المجلس الثلاثي الأول في البلدية.",
]


@pytest.mark.parametrize("text", CONTEXT_NEGATIVES, ids=[t[:30] for t in CONTEXT_NEGATIVES])
def test_context_look_alikes_do_not_fire(text):
    assert found(text, "2025-04-02") == []


# --- look-alikes -------------------------------------------------------------------------------

NEGATIVES = [
    "أثبتت الاحداث أن الأزمة أعمق مما كان متوقعا.",
    "حفر المزارعون آبارا جديدة لري أراضيهم، وكان كل ما قصفناه آبار نفط.",
    "انتقدت المنظمة الحقوقية ممارسة التعذيب.",
    "مارس الحزب ضغوطا كبيرة على الحكومة.",
    "وقتل ثلاثة أشخاص وأصيب خمسة آخرون.",
    "قال مصدر مطلع إن المفاوضات ما زالت متعثرة.",
    "ضربت الطائرات 83 هدفا ونفذت 46 طلعة قتالية.",
    "يسيطر التنظيم على نحو 70 بالمائة و70 في المئة من الأراضي.",
    "قالت الشابة (28 عاما) إنها فقدت منزلها.",
    "تسلم الجيش مقاتلات من طراز ميغ 31 ومنظومات إس 300 وتو - 160.",
    "التقت رئيسة الوزراء البريطانية تيريزا ماي نظيرها الفرنسي.",
    "دعا المبعوث إلى تطبيق بيان جنيف 1 أساسا للحل.",
    "تقع القرية على بعد 55 كيلومترا ويقطنها 220 شخصا.",
    "أعرب الأمين العام عن قلقه إزاء الوضع الراهن، ونفت القيادة العامة ذلك.",
    "صرح المتحدث محمد جمعة بأن التحقيقات مستمرة.",
    "اكتسب الفنان شهرة واسعة.",
    "ذكرت صحيفة الأيام أن اللقاء سيعقد في موعد لم يحدد.",
    "تعمل الحكومة حاليا على خطة، وقد شهدت البلاد مؤخرا تحسنا، والآن يتطلع الشباب إلى المستقبل.",
    "وصل عدد اللاجئين إلى 2000.",
    "قرار مجلس الأمن رقم 2254 يدعو إلى وقف إطلاق النار.",
    "اعتقل 1500 شخص وسقط 2015 قتيلا.",
    "من عهد الرسل والخلفاء إلى اليوم والأديان كلها تحترم.",
    "I بوتين والأسد\n\n25188\n",
    "1. العمليات الحربية 2. العلاقات الروسية 3. الحل السياسي",
    "في الفترة الأخيرة وفي الآونة الأخيرة وفي وقت لاحق وفي الوقت نفسه.",
    "قد تزيد من جعل يومك جيداً.",
    "يجب أن يكون ما يريد الشعب رؤيته في مستقبل بلده.",
    "وبعد اليوم التالي للهجوم عاد الهدوء.",
    "بين الاثنين خلاف كبير.",
    "سجلت البورصة ارتفاعا وبلغ المؤشر 2015 نقطة.",
    "أدى المصلون صلاة الجمعة في المسجد، وأعلن حزب الأحد موقفه.",
    "تتحسن الأوضاع يوما بعد يوم.",
    "قتل بين 50 و60 شخصا.",
    "ارتفع الإنتاج 2000 في المئة.",
    "ولد في صفر ورمضان أبو جزر ورجب طيب أردوغان.",
    "قالت إن أب وأم الضحية وصلا.",
    "وغدا الوضع أكثر تعقيدا، وقد غدا الأمر واضحا.",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:30] for t in NEGATIVES])
def test_look_alikes_do_not_fire(text):
    assert found(text) == []


def test_menu_line_today_is_not_a_date():
    text = "حول العالم لبنان سورية صحة بيئه ابراج نهفة اليوم\n  ذكور ضفادع"
    assert found(text) == []


# --- offsets point into the original text ------------------------------------------------------


def test_offsets_survive_diacritics_tatweel_and_digits():
    text = "وصَلَ الوفدُ غـداً الأربعاءَ، وعاد يومَ ٣ نوفمبر ٢٠١٥ بعد 24 ساعةً"
    ds = find_dates(text, "2015-10-20")
    assert [d["text"] for d in ds] == ["غـداً الأربعاءَ", "يومَ ٣ نوفمبر ٢٠١٥", "24 ساعةً"]
    for d in ds:
        assert text[d["start"] : d["end"]] == d["text"]
    assert [d["value"] for d in ds] == ["2015-10-21", "2015-11-03", "PT24H"]


def test_offsets_with_bidi_controls_and_presentation_forms():
    text = "\u200fقال \ufefbحقا\u200f يوم الثلاثاء 20 أكتوبر\u200e."
    ds = find_dates(text, "2015-10-22")
    assert len(ds) == 1
    assert text[ds[0]["start"] : ds[0]["end"]] == ds[0]["text"] == "يوم الثلاثاء 20 أكتوبر"


def test_fold_keeps_an_offset_map():
    folded, omap = fold("أَمْسِ ٢٠")
    assert folded == "امس 20"
    assert len(omap) == len(folded)
    assert omap == [0, 2, 4, 6, 7, 8]


def test_hamza_less_and_egyptian_spellings():
    assert found("قال الاربعاء إن الاثنين", "2015-10-21")[0] == ("الاربعاء", "DATE", "2015-10-21")
    assert found("فى شهر ابريل الماضى", "2015-10-21") == [("شهر ابريل الماضى", "DATE", "2015-04")]


# --- the DataFrame API -----------------------------------------------------------------------


def test_string_input_columns_and_types():
    df = date_mentions("زار الأسد موسكو أمس، وقال إن الحرب بدأت قبل نحو 5 سنوات.", reference_date="2015-10-21")
    assert list(df.columns) == COLUMNS
    assert df["text"].tolist() == ["أمس", "قبل نحو 5 سنوات"]
    assert df["doc_id"].isna().all()
    assert df["relative"].tolist() == [True, True]
    assert (df["anchor"] == pd.Timestamp("2015-10-21")).all()
    assert df["calendar"].tolist() == ["gregorian", "gregorian"]
    assert df["granularity"].tolist() == ["day", "year"]


def test_empty_and_unanchored():
    df = date_mentions("لا شيء هنا")
    assert list(df.columns) == COLUMNS and df.empty
    un = date_mentions("وصل أمس في 20 أكتوبر 2015")
    assert un["value"].tolist() == [None, "2015-10-20"]
    assert un["anchor"].isna().all()


def test_dataframe_input_uses_anchor_date_then_date_then_reference():
    docs = pd.DataFrame(
        {
            "doc_id": ["b", "a", "c"],
            "source": ["s2", "s1", "s3"],
            "date": pd.to_datetime(["2019-08-19", "2015-10-22", None]),
            "anchor_date": pd.to_datetime(["2015-10-21", None, None]),
            "text": ["زار موسكو أمس", "زار موسكو أمس", "زار موسكو أمس"],
        }
    )
    df = date_mentions(docs, reference_date="2000-01-02")
    assert df["doc_id"].tolist() == ["a", "b", "c"]
    assert df["value"].tolist() == ["2015-10-21", "2015-10-20", "2000-01-01"]
    assert df["source"].tolist() == ["s1", "s2", "s3"]


def test_rejects_other_inputs():
    with pytest.raises(TypeError):
        date_mentions(42)


def test_seed_corpus(seeds_corpus):
    df = cs.date_mentions(seeds_corpus)
    assert list(df.columns) == COLUMNS
    assert df["doc_id"].is_monotonic_increasing
    for _doc_id, group in df.groupby("doc_id"):
        assert group["start"].is_monotonic_increasing
    texts = seeds_corpus.documents.set_index("doc_id")["text"]
    for r in df.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.text
    # 003 is anchored on its anchor_date (2015-10-21), not on its 2019 header
    d3 = df[df["doc_id"].str.startswith("003")]
    assert (d3["anchor"] == pd.Timestamp("2015-10-21")).all()
    assert "2019-08-19T20:06" in d3["value"].tolist()
    assert d3.loc[d3["text"] == "أمس", "value"].iloc[0] == "2015-10-20"


def test_lexicons_are_loaded_lazily():
    code = "import corpusstats, corpusstats.dates as d; print(d._lex.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "0"


# --- aggregations and the HTML view -------------------------------------------------------------


def test_mention_periods_and_month_source_counts():
    docs = pd.DataFrame(
        {
            "doc_id": ["1", "2"],
            "source": ["x", "y"],
            "date": pd.to_datetime(["2015-10-22", "2015-12-14"]),
            "text": [
                "يوم الثلاثاء 20 أكتوبر ومساء الثلاثاء وعام 2012 ولمدة 3 ساعات",
                "في 30 أيلول الماضي والربع الأخير من 2014",
            ],
        }
    )
    m = date_mentions(docs)
    per = mention_periods(m)
    assert "DURATION" not in set(per["type"])
    q4 = per[per["value"] == "2014-Q4"].iloc[0]
    assert q4["period_start"] == pd.Timestamp("2014-10-01") and q4["period_end"] == pd.Timestamp("2014-12-31")
    counts = month_source_counts(m)
    assert list(counts.columns) == ["month", "source", "count"]
    assert counts.to_dict("records") == [
        {"month": "2015-09", "source": "y", "count": 1},
        {"month": "2015-10", "source": "x", "count": 2},
    ]
    assert month_source_counts(m.iloc[0:0]).empty


def test_highlight_html_is_rtl_with_values_on_hover():
    text = "زار الأسد موسكو أمس <b>"
    html = highlight_html(text, reference_date="2015-10-21")
    assert 'dir="rtl"' in html
    assert 'title="DATE: 2015-10-20"' in html
    assert "<mark" in html and ">أمس</mark>" in html
    assert "&lt;b&gt;" in html


def test_dateview_repr_html(seeds_corpus):
    view = DateView(seeds_corpus, doc_ids=["002_e8b7268e21593458.txt"])
    out = view._repr_html_()
    assert out.count('dir="rtl"') == 1
    assert "غداً الأربعاء" in out and "2025-10-15" in out
    assert "DateView(1 documents" in repr(view)


def test_cli_dates(capsys):
    from corpusstats.cli import main

    one = str(SEEDS / "002_e8b7268e21593458.txt")  # a lone file has no manifest date
    assert main(["dates", one, "--format", "jsonl", "--reference-date", "2025-10-14"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["text"] == "غداً الأربعاء" and rows[0]["value"] == "2025-10-15"
    assert main(["dates", str(SEEDS), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(COLUMNS)


# --- fuzzing -----------------------------------------------------------------------------------

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "أإآىةءئؤ" + "ًٌٍَُِّْـ" + "٠١٢٣٤٥٦٧٨٩" + "0123456789" + ' \n.,،:/-()«»"' + "\u200f\ufefb"
)
WORDS = [
    "أمس",
    "اليوم",
    "غداً",
    "الثلاثاء",
    "الاربعاء",
    "الاثنين",
    "أكتوبر",
    "تشرين",
    "الأول",
    "الثاني",
    "كانون",
    "هـ",
    "رمضان",
    "عام",
    "العام",
    "الماضي",
    "المقبل",
    "الجاري",
    "قبل",
    "منذ",
    "نحو",
    "سنوات",
    "ساعة",
    "الـ",
    "يوم",
    "مساء",
    "ليلة",
    "كل",
    "بين",
    "و",
    "من",
    "إلى",
    "الربع",
    "الأخير",
    "صيف",
    "عامي",
    "الساعة",
    "نصف",
    "2015",
    "20",
    "1437",
    "٢٠١٥",
    "31",
    "99999",
    "13/13/2015",
    "2019.08.19",
    "20:06",
    ":",
    "/",
    "-",
]
fuzz_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, max_size=6)), max_size=30).map(
    " ".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=fuzz_text,
    ref=st.one_of(
        st.none(), st.dates(min_value=pd.Timestamp("1950-01-01").date(), max_value=pd.Timestamp("2090-12-31").date())
    ),
)
def test_fuzz_never_crashes_and_spans_are_inside(text, ref):
    ds = find_dates(text, ref)
    last_end = 0
    for d in ds:
        assert 0 <= d["start"] < d["end"] <= len(text)
        assert text[d["start"] : d["end"]] == d["text"]
        assert d["start"] >= last_end  # no overlaps, in order
        last_end = d["end"]
        assert d["type"] in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=80))
def test_fuzz_any_unicode(text):
    for d in find_dates(text, "2016-03-01"):
        assert text[d["start"] : d["end"]] == d["text"]


# --- the gold standard -------------------------------------------------------------------------
# Scores reached when these tests were written (see README "## Dates"): seeds 1.000 / 1.000,
# held-out 1.000 / 1.000.  The thresholds leave a small margin for deliberate trade-offs.


@pytest.fixture(scope="module")
def seed_score():
    gold = E.load_seed_gold(DATA / "dates_gold.jsonl")
    return E.score(gold, E.run_on_seeds(E.ours, SEEDS))


@pytest.fixture(scope="module")
def heldout_score():
    items = E.load_heldout(DATA / "dates_heldout.jsonl")
    return E.score(E.heldout_gold(items), E.run_on_heldout(E.ours, items))


def test_gold_seeds(seed_score):
    d = seed_score.as_dict()
    assert d["gold"] >= 90
    assert d["overlap_f1"] >= 0.97, seed_score.errors
    assert d["exact_f1"] >= 0.95, seed_score.errors
    assert d["value_acc"] >= 0.97, seed_score.errors
    assert d["value_recall"] >= 0.95, seed_score.errors


def test_gold_heldout(heldout_score):
    d = heldout_score.as_dict()
    assert d["gold"] >= 60
    assert d["overlap_f1"] >= 0.96, heldout_score.errors
    assert d["exact_f1"] >= 0.93, heldout_score.errors
    assert d["value_acc"] >= 0.95, heldout_score.errors


#: Blind sets, annotated by people who never saw the extractor, scored once before any change:
#: blind (164 mentions) gave overlap F1 0.962 / value 0.882, then the extractor was fixed on its
#: errors (so it is blind no more); blind2 (167 mentions) gave overlap F1 0.964, exact F1 0.929,
#: value 0.963 and nothing was tuned on it. Thresholds: those numbers less a small margin.
BLIND_THRESHOLDS = {
    "dates_blind.jsonl": {"overlap_f1": 0.97, "exact_f1": 0.95, "value_acc": 0.95},
    "dates_blind2.jsonl": {"overlap_f1": 0.95, "exact_f1": 0.91, "value_acc": 0.95},
}


@pytest.mark.parametrize("name", sorted(BLIND_THRESHOLDS))
def test_blind_sets(name):
    items = E.load_heldout(DATA / name)
    for it in items:
        for m in it["mentions"]:
            assert it["text"][m["start"] : m["end"]] == m["text"]
    s = E.score(E.heldout_gold(items), E.run_on_heldout(E.ours, items))
    d = s.as_dict()
    assert d["gold"] >= 150
    for key, floor in BLIND_THRESHOLDS[name].items():
        assert d[key] >= floor, (key, d[key], s.errors)


def test_gold_files_match_the_seed_texts():
    for g in E.load_seed_gold(DATA / "dates_gold.jsonl"):
        assert (SEEDS / g.doc).read_text(encoding="utf-8")[g.start : g.end] == g.text
    for it in E.load_heldout(DATA / "dates_heldout.jsonl"):
        for m in it["mentions"]:
            assert it["text"][m["start"] : m["end"]] == m["text"]


def test_scorer_counts_overlaps_one_to_one():
    gold = [E.Span("d", 0, 10, "2015"), E.Span("d", 20, 25, "P1D")]
    pred = [E.Span("d", 0, 4, "2015"), E.Span("d", 5, 10, "2016"), E.Span("d", 30, 31, None)]
    s = E.score(gold, pred)
    assert (s.exact, s.overlap, s.value_ok) == (0, 1, 0)  # the larger overlap wins the match
    p, r, f = s.overlap_prf
    assert (round(p, 3), r) == (0.333, 0.5)
