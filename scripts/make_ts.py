# ruff: noqa: E501
"""Regenerate resources/translations/redactor_ru.ts and redactor_kk.ts (Qt Linguist) from the
interface strings and the translations below, and compile them to .qm with pyside6-lrelease when
it is available.

    python scripts/make_ts.py [--check]

Strings are found in redactor/gui/*.py: the literal first argument of tr(), trf() and N_(),
and the text argument of MainWindow._act(). --check only reports strings without a translation
(exit 1 when there are any)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "resources" / "translations"  # the .ts/.qm files (the package redactor.resources)
GUI = ROOT / "redactor" / "gui"
CONTEXT = "redactor"

# source: (Russian, Kazakh)
T: dict[str, tuple[str, str]] = {
    "unread ink": ("непрочитанные чернила", "оқылмаған сия"),
    # label names (gui/style.py LABEL_NAME)
    "person": ("человек", "адам"),
    "place": ("место", "орын"),
    "address": ("адрес", "мекенжай"),
    "facility": ("учреждение", "мекеме"),
    "date": ("дата", "күн"),
    "number or ID": ("номер или идентификатор", "нөмір не сәйкестендіргіш"),
    "phone": ("телефон", "телефон"),
    "e-mail": ("эл. почта", "эл. пошта"),
    "organisation": ("организация", "ұйым"),
    "public figure": ("публичное лицо", "қоғам қайраткері"),
    "other": ("другое", "басқа"),
    "web address": ("веб-адрес", "веб-мекенжай"),
    "search term": ("искомое слово", "ізделген сөз"),
    "hidden text": ("скрытый текст", "жасырын мәтін"),
    "mixed scripts": ("смешанные алфавиты", "аралас әліпбилер"),
    "hidden in the source: %1": ("скрыто в исходном файле: %1", "бастапқы файлда жасырылған: %1"),
    "%1 (letters of several scripts)": (
        "%1 (буквы разных алфавитов)",
        "%1 (әртүрлі әліпби әріптері)",
    ),
    "not analysed": ("не проверено", "тексерілмеген"),
    "analysing": ("идёт проверка", "тексерілуде"),
    "could not be read": ("не удалось прочитать", "оқу мүмкін болмады"),
    "needs eyes": ("нужен просмотр", "қарап шығу керек"),
    "to review": ("ждёт проверки", "тексеруді күтуде"),
    "reviewed": ("проверено", "тексерілді"),
    "exported": ("экспортировано", "экспортталды"),
    "Cancelled.": ("Отменено.", "Тоқтатылды."),
    "Password:": ("Пароль:", "Құпиясөз:"),
    "The password is wrong. Password:": (
        "Пароль неверный. Пароль:",
        "Құпиясөз қате. Құпиясөз:",
    ),
    "%1 is encrypted": ("%1 зашифрован", "%1 шифрланған"),
    "The saved review was restored.": (
        "Сохранённая проверка восстановлена.",
        "Сақталған тексеру қалпына келтірілді.",
    ),
    "Draw box": ("Нарисовать рамку", "Жақтау салу"),
    "Confirm page": ("Подтвердить страницу", "Бетті растау"),
    "Search and redact": ("Найти и скрыть", "Тауып жасыру"),
    "No findings.": ("Находок нет.", "Табылғандар жоқ."),
    "Accept": ("Принять", "Қабылдау"),
    "Reject": ("Отклонить", "Қабылдамау"),
    "Accept term": ("Принять термин", "Терминді қабылдау"),
    "Reject term": ("Отклонить термин", "Терминді қабылдамау"),
    "Accept label": ("Принять метку", "Белгіні қабылдау"),
    "Reject label": ("Отклонить метку", "Белгіні қабылдамау"),
    "Accept all": ("Принять всё", "Барлығын қабылдау"),
    "Every finding of this letter is decided.": (
        "По всем находкам этого письма принято решение.",
        "Бұл хаттағы барлық табылғандар бойынша шешім қабылданды.",
    ),
    "Move box": ("Переместить рамку", "Жақтауды жылжыту"),
    "Delete box": ("Удалить рамку", "Жақтауды жою"),
    "No page left that needs eyes.": (
        "Страниц, требующих просмотра, не осталось.",
        "Қарап шығуды қажет ететін бет қалмады.",
    ),
    "Unexpected error while reading: %1": (
        "Непредвиденная ошибка при чтении: %1",
        "Оқу кезіндегі күтпеген қате: %1",
    ),
    "%1: %2 findings to review.": (
        "%1: находок для проверки: %2.",
        "%1: тексерілетін табылғандар: %2.",
    ),
    "Could not save the review: %1": (
        "Не удалось сохранить проверку: %1",
        "Тексеруді сақтау мүмкін болмады: %1",
    ),
    "Looking for names and details in %1…": (
        "Ищу имена и приметы в %1…",
        "%1 ішінен есімдер мен деректер ізделуде…",
    ),
    "Reading %1: page %2 of %3": ("Чтение %1: страница %2 из %3", "%1 оқылуда: %3 беттің %2-і"),
    "Format": ("Формат", "Пішім"),
    "Invisible text layer (only the words left visible)": (
        "Невидимый текстовый слой (только оставшиеся видимыми слова)",
        "Көрінбейтін мәтін қабаты (тек көрінетін сөздер)",
    ),
    "Black and white (removes printer tracking dots)": (
        "Чёрно-белый (убирает следящие точки принтера)",
        "Ақ-қара (принтердің бақылау нүктелерін жояды)",
    ),
    "Also write the private redaction log (keep it private)": (
        "Также записать закрытый журнал скрытия (не публиковать)",
        "Жасырудың жабық журналын да жазу (жарияламаңыз)",
    ),
    "Choose…": ("Выбрать…", "Таңдау…"),
    "Before exporting": ("Перед экспортом", "Экспорт алдында"),
    "Export anyway: accept every finding still undecided": (
        "Всё равно экспортировать: принять все нерешённые находки",
        "Бәрібір экспорттау: шешілмеген табылғандардың бәрін қабылдау",
    ),
    "Export": ("Экспортировать", "Экспорттау"),
    "Close": ("Закрыть", "Жабу"),
    "Save the safe copy as": ("Сохранить безопасную копию как", "Қауіпсіз көшірмені былай сақтау"),
    "Writing and checking the safe copy…": (
        "Запись и проверка безопасной копии…",
        "Қауіпсіз көшірме жазылып, тексерілуде…",
    ),
    "Safe PDF (rebuilt from the page images)": (
        "Безопасный PDF (собран заново из изображений страниц)",
        "Қауіпсіз PDF (бет суреттерінен қайта жасалады)",
    ),
    "PNG images, one per page": (
        "Изображения PNG, по одному на страницу",
        "PNG суреттері, әр бетке біреуден",
    ),
    "Text, with a label in place of each hidden item": (
        "Текст, с меткой вместо каждого скрытого фрагмента",
        "Мәтін, әр жасырылған бөліктің орнында белгі",
    ),
    "Save as:": ("Сохранить как:", "Былай сақтау:"),
    "The safe copy cannot replace the original. Choose another name.": (
        "Безопасная копия не может заменить оригинал. Выберите другое имя.",
        "Қауіпсіз көшірме түпнұсқаны алмастыра алмайды. Басқа атау таңдаңыз.",
    ),
    "Export a safe copy of %1": (
        "Экспорт безопасной копии: %1",
        "%1 қауіпсіз көшірмесін экспорттау",
    ),
    "Every page that needs eyes has been looked at": (
        "Все страницы, требующие просмотра, просмотрены",
        "Қарап шығуды қажет ететін барлық беттер қаралды",
    ),
    "Every finding is decided": (
        "По всем находкам принято решение",
        "Барлық табылғандар бойынша шешім қабылданды",
    ),
    "Nothing was saved: the check found something of a hidden item.": (
        "Ничего не сохранено: проверка нашла след скрытого фрагмента.",
        "Ештеңе сақталмады: тексеру жасырылған бөліктің ізін тапты.",
    ),
    "Pages that need your eyes are not confirmed yet: %1": (
        "Не подтверждены страницы, требующие просмотра: %1",
        "Қарап шығуды қажет ететін беттер әлі расталмаған: %1",
    ),
    "%1 findings are still undecided": ("Нерешённых находок: %1", "Шешілмеген табылғандар: %1"),
    "Saved %1.": ("Сохранено: %1.", "Сақталды: %1."),
    "Private log: %1 (do not publish it)": (
        "Закрытый журнал: %1 (не публикуйте его)",
        "Жабық журнал: %1 (оны жарияламаңыз)",
    ),
    "Nothing was saved: %1": ("Ничего не сохранено: %1", "Ештеңе сақталмады: %1"),
    "Nothing was saved: an unexpected error (%1).": (
        "Ничего не сохранено: непредвиденная ошибка (%1).",
        "Ештеңе сақталмады: күтпеген қате (%1).",
    ),
    "The private log could not be written: %1": (
        "Не удалось записать закрытый журнал: %1",
        "Жабық журналды жазу мүмкін болмады: %1",
    ),
    "By term": ("По термину", "Термин бойынша"),
    "By label": ("По метке", "Белгі бойынша"),
    "All labels": ("Все метки", "Барлық белгілер"),
    "All states": ("Все состояния", "Барлық күйлер"),
    "proposed": ("предложено", "ұсынылған"),
    "accepted": ("принято", "қабылданған"),
    "rejected": ("отклонено", "қабылданбаған"),
    "Accept the selected finding or term (A / Shift+A)": (
        "Принять выбранную находку или термин (A / Shift+A)",
        "Таңдалған табылғанды не терминді қабылдау (A / Shift+A)",
    ),
    "Reject the selected finding or term (R / Shift+R)": (
        "Отклонить выбранную находку или термин (R / Shift+R)",
        "Таңдалған табылғанды не терминді қабылдамау (R / Shift+R)",
    ),
    "term": ("термин", "термин"),
    "finding": ("находку", "табылғанды"),
    "Accept this %1": ("Принять %1", "Осы %1 қабылдау"),
    "Reject this %1": ("Отклонить %1", "Осы %1 қабылдамау"),
    "Accept everything labelled %1": (
        "Принять всё с меткой %1",
        "%1 белгісі барлардың бәрін қабылдау",
    ),
    "Reject everything labelled %1": (
        "Отклонить всё с меткой %1",
        "%1 белгісі барлардың бәрін қабылдамау",
    ),
    "%1 findings: %2 to decide, %3 accepted, %4 rejected": (
        "Находок: %1; ждут решения: %2, принято: %3, отклонено: %4",
        "Табылғандар: %1; шешім күтуде: %2, қабылданды: %3, қабылданбады: %4",
    ),
    "Open…": ("Открыть…", "Ашу…"),
    "Export safe copy…": ("Экспорт безопасной копии…", "Қауіпсіз көшірмені экспорттау…"),
    "Settings…": ("Настройки…", "Баптаулар…"),
    "Quit": ("Выход", "Шығу"),
    "Undo": ("Отменить", "Болдырмау"),
    "Redo": ("Повторить", "Қайталау"),
    "Search and redact…": ("Найти и скрыть…", "Тауып жасыру…"),
    "Next finding": ("Следующая находка", "Келесі табылған"),
    "Previous finding": ("Предыдущая находка", "Алдыңғы табылған"),
    "Accept the whole term": ("Принять весь термин", "Терминді толық қабылдау"),
    "Reject the whole term": ("Отклонить весь термин", "Терминді толық қабылдамау"),
    "Accept everything of this label": (
        "Принять всё с этой меткой",
        "Осы белгідегінің бәрін қабылдау",
    ),
    "Draw a box": ("Нарисовать рамку", "Жақтау салу"),
    "Delete the box": ("Удалить рамку", "Жақтауды жою"),
    "Next page needing eyes": ("Следующая страница для просмотра", "Қарап шығатын келесі бет"),
    "I have looked at this page": ("Я просмотрел(а) эту страницу", "Бұл бетті қарап шықтым"),
    "Cancel loading": ("Отменить загрузку", "Жүктеуді тоқтату"),
    "Zoom in": ("Увеличить", "Үлкейту"),
    "Zoom out": ("Уменьшить", "Кішірейту"),
    "Fit width": ("По ширине", "Ені бойынша"),
    "Fit page": ("Страница целиком", "Бет толық"),
    "Next page": ("Следующая страница", "Келесі бет"),
    "Previous page": ("Предыдущая страница", "Алдыңғы бет"),
    "Preview the export (black boxes)": (
        "Предпросмотр экспорта (чёрные рамки)",
        "Экспортты алдын ала қарау (қара жақтаулар)",
    ),
    "About Redactor": ("О программе Redactor", "Redactor туралы"),
    "page %1 of %2": ("страница %1 из %2", "%2 беттің %1-і"),
    "Restore the review": ("Восстановить проверку", "Тексеруді қалпына келтіру"),
    "Start again": ("Начать заново", "Қайта бастау"),
    "I have looked at this page (C)": (
        "Я просмотрел(а) эту страницу (C)",
        "Бұл бетті қарап шықтым (C)",
    ),
    "Cancel": ("Отмена", "Болдырмау"),
    "&File": ("&Файл", "&Файл"),
    "Open recent": ("Недавние", "Соңғы ашылғандар"),
    "&Edit": ("&Правка", "Ө&ңдеу"),
    "&Review": ("П&роверка", "&Тексеру"),
    "&View": ("&Вид", "&Көрініс"),
    "&Help": ("&Справка", "&Анықтама"),
    "Open letters": ("Открыть письма", "Хаттарды ашу"),
    "Redactor finds and hides names and identifying details in letters and exports verified safe copies. It never uses the network.": (
        "Redactor находит и скрывает имена и приметы в письмах и экспортирует проверенные безопасные копии. Программа никогда не обращается к сети.",
        "Redactor хаттардағы есімдер мен жеке деректерді тауып жасырады және тексерілген қауіпсіз көшірмелерді экспорттайды. Бағдарлама ешқашан желіге шықпайды.",
    ),
    "The app did not close properly last time.": (
        "В прошлый раз программа закрылась некорректно.",
        "Өткен жолы бағдарлама дұрыс жабылмады.",
    ),
    "Nothing to export yet: the letter is still being read.": (
        "Пока нечего экспортировать: письмо ещё читается.",
        "Әзірге экспорттайтын ештеңе жоқ: хат әлі оқылуда.",
    ),
    "Settings saved. They apply to letters opened from now on.": (
        "Настройки сохранены. Они действуют для писем, открытых после этого.",
        "Баптаулар сақталды. Олар бұдан кейін ашылған хаттарға қолданылады.",
    ),
    "Look for names the reader could not see, draw boxes over them (B), then confirm.": (
        "Найдите имена, которые программа не смогла прочитать, закройте их рамками (B) и подтвердите.",
        "Бағдарлама оқи алмаған есімдерді тауып, оларды жақтаумен жабыңыз (B), содан соң растаңыз.",
    ),
    "A review of %1 saved at %2 was found.": (
        "Найдена проверка %1, сохранённая %2.",
        "%1 хатының %2 кезінде сақталған тексеруі табылды.",
    ),
    "This page needs your eyes: %1": (
        "Эту страницу нужно просмотреть: %1",
        "Бұл бетті қарап шығу керек: %1",
    ),
    "mixed": ("по-разному", "аралас"),
    "manual box": ("рамка вручную", "қолмен салынған жақтау"),
    "(no text)": ("(без текста)", "(мәтінсіз)"),
    "detector": ("детектор", "детектор"),
    "term list": ("список терминов", "терминдер тізімі"),
    "drawn by hand": ("нарисовано вручную", "қолмен салынған"),
    "Finding": ("Находка", "Табылған"),
    "State": ("Состояние", "Күйі"),
    "score %1": ("оценка %1", "бағасы %1"),
    "page %1": ("стр. %1", "%1-бет"),
    "A name, number or word to hide everywhere": (
        "Имя, номер или слово, которое нужно скрыть везде",
        "Барлық жерде жасырылатын есім, нөмір не сөз",
    ),
    "In every open letter": ("Во всех открытых письмах", "Барлық ашық хаттарда"),
    "Every form is found: case endings, hyphenation, Cyrillic/Latin look-alikes, one OCR error.": (
        "Находятся все формы: падежные окончания, переносы, похожие кириллические и латинские буквы, одна ошибка распознавания.",
        "Барлық түрі табылады: септік жалғаулары, тасымалдау, ұқсас кирилл және латын әріптері, бір тану қатесі.",
    ),
    "Hide everywhere": ("Скрыть везде", "Барлық жерде жасыру"),
    "Nothing new found.": ("Ничего нового не найдено.", "Жаңа ештеңе табылмады."),
    "%1 new boxes added and accepted (Ctrl+Z undoes it).": (
        "Добавлено и принято новых рамок: %1 (Ctrl+Z отменяет).",
        "Жаңа жақтаулар қосылып, қабылданды: %1 (Ctrl+Z болдырмайды).",
    ),
    "One term a line": ("По одному термину в строке", "Әр жолға бір термин"),
    "Settings": ("Настройки", "Баптаулар"),
    "Tesseract languages joined by +, e.g. rus+kaz+eng": (
        "Языки Tesseract через +, например rus+kaz+eng",
        "Tesseract тілдері + арқылы, мысалы rus+kaz+eng",
    ),
    "strict: every identifying detail": ("строгий: все приметы", "қатаң: барлық жеке деректер"),
    "names: people's names only": ("имена: только имена людей", "есімдер: тек адам есімдері"),
    "OCR languages": ("Языки распознавания", "Тану тілдері"),
    "Text language": ("Язык текста", "Мәтін тілі"),
    "Profile": ("Профиль", "Профиль"),
    "Score threshold": ("Порог оценки", "Баға шегі"),
    "Working DPI": ("Рабочее разрешение (DPI)", "Жұмыс ажыратымдылығы (DPI)"),
    "Reading": ("Чтение", "Оқу"),
    "Always hide (all letters)": ("Всегда скрывать (все письма)", "Әрқашан жасыру (барлық хаттар)"),
    "Never hide (all letters)": (
        "Никогда не скрывать (все письма)",
        "Ешқашан жасырмау (барлық хаттар)",
    ),
    "Always hide (this project, not saved)": (
        "Всегда скрывать (этот проект, не сохраняется)",
        "Әрқашан жасыру (осы жоба, сақталмайды)",
    ),
    "Never hide (this project, not saved)": (
        "Никогда не скрывать (этот проект, не сохраняется)",
        "Ешқашан жасырмау (осы жоба, сақталмайды)",
    ),
    "Lists": ("Списки", "Тізімдер"),
    "Plain boxes": ("Простые рамки", "Қарапайым жақтаулар"),
    "Boxes and labels in the text export": (
        "Рамки и метки в текстовом экспорте",
        "Мәтіндік экспортта жақтаулар мен белгілер",
    ),
    "System language": ("Язык системы", "Жүйе тілі"),
    "Box padding (px)": ("Поля рамки (пикс.)", "Жақтау шеті (пикс.)"),
    "Fill colour": ("Цвет заливки", "Толтыру түсі"),
    "Label style": ("Вид меток", "Белгі түрі"),
    "Interface language": ("Язык интерфейса", "Интерфейс тілі"),
    "Reviewer name (private log)": (
        "Имя проверяющего (закрытый журнал)",
        "Тексерушінің аты (жабық журнал)",
    ),
    "Export and interface": ("Экспорт и интерфейс", "Экспорт және интерфейс"),
    "Per paragraph (automatic)": ("По абзацам (автоматически)", "Азат жол бойынша (автоматты)"),
    "Black": ("Чёрный", "Қара"),
    "White": ("Белый", "Ақ"),
    "Grey": ("Серый", "Сұр"),
    "not read yet": ("ещё не прочитано", "әлі оқылмаған"),
    "needs eyes: look at this page and confirm it": (
        "нужен просмотр: посмотрите страницу и подтвердите",
        "қарап шығу керек: бетті қарап, растаңыз",
    ),
    "findings to decide": ("есть нерешённые находки", "шешілмеген табылғандар бар"),
    "not looked at yet": ("ещё не просмотрено", "әлі қаралмаған"),
    "Page %1": ("Страница %1", "%1-бет"),
    "The new interface language is used from the next start.": (
        "Новый язык интерфейса будет использоваться после перезапуска.",
        "Жаңа интерфейс тілі келесі іске қосудан бастап қолданылады.",
    ),
    "Remember recently opened letters (their names and folders stay in the settings)": (
        "Запоминать недавно открытые письма (их имена и папки остаются в настройках)",
        "Жақында ашылған хаттарды есте сақтау (олардың атаулары мен қалталары баптауларда қалады)",
    ),
    "Recent letters": ("Недавние письма", "Соңғы хаттар"),
    "Not remembered (see Settings)": (
        "Не запоминаются (см. Настройки)",
        "Есте сақталмайды (Баптауларды қараңыз)",
    ),
    "Clear the list": ("Очистить список", "Тізімді тазалау"),
    "The list of recent letters is cleared.": (
        "Список недавних писем очищен.",
        "Соңғы хаттар тізімі тазаланды.",
    ),
    "Keep the colours as they are (printer tracking dots too)": (
        "Сохранить цвета как есть (вместе со следящими точками принтера)",
        "Түстерді сол күйінде сақтау (принтердің бақылау нүктелерімен бірге)",
    ),
    "Kept as asked: %1": ("Оставлено по вашему выбору: %1", "Таңдауыңыз бойынша қалдырылды: %1"),
    # view
    "Preview the copy": ("Предпросмотр копии", "Көшірмені алдын ала қарау"),
    "The copy as it will be published": (
        "Копия в том виде, в каком её опубликуют",
        "Жарияланатын көшірме",
    ),
    "%1 findings on this page are undecided: they are hidden only if accepted.": (
        "Нерешённых находок на этой странице: %1. Они скрываются, только если их принять.",
        "Бұл беттегі шешілмеген табылғандар: %1. Олар қабылданса ғана жасырылады.",
    ),
    "The letter is still being read.": ("Письмо ещё читается.", "Хат әлі оқылуда."),
    "The preview of this page could not be made.": (
        "Не удалось подготовить предпросмотр этой страницы.",
        "Бұл беттің алдын ала көрінісін жасау мүмкін болмады.",
    ),
}


def strings() -> list[str]:
    out: dict[str, None] = {}
    for f in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else getattr(fn, "attr", "")
            idx = {"tr": 0, "trf": 0, "N_": 0, "_act": 1}.get(name)
            if idx is None or len(node.args) <= idx:
                continue
            arg = node.args[idx]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out[arg.value] = None
    return list(out)


def write_ts(lang: str, col: int, sources: list[str]) -> Path:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{lang}">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for s in sources:
        tr = T.get(s)
        lines.append("    <message>")
        lines.append(f"        <source>{escape(s)}</source>")
        if tr:
            lines.append(f"        <translation>{escape(tr[col])}</translation>")
        else:
            lines.append('        <translation type="unfinished"></translation>')
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    path = HERE / f"redactor_{lang}.ts"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> int:
    sources = strings()
    missing = [s for s in sources if s not in T]
    for s in missing:
        print(f"untranslated: {s!r}", file=sys.stderr)
    if "--check" in sys.argv:
        return 1 if missing else 0
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(exe) if exe.exists() else shutil.which("pyside6-lrelease")
    for lang, col in (("ru", 0), ("kk", 1)):
        ts = write_ts(lang, col, sources)
        if lrelease:
            subprocess.run(
                [lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
            )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
