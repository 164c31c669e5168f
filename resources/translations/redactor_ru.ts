<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>redactor</name>
    <message>
        <source>Draw box</source>
        <translation>Нарисовать рамку</translation>
    </message>
    <message>
        <source>Confirm page</source>
        <translation>Подтвердить страницу</translation>
    </message>
    <message>
        <source>Search and redact</source>
        <translation>Найти и скрыть</translation>
    </message>
    <message>
        <source>The saved review was restored.</source>
        <translation>Сохранённая проверка восстановлена.</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Находок нет.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Accept term</source>
        <translation>Принять термин</translation>
    </message>
    <message>
        <source>Reject term</source>
        <translation>Отклонить термин</translation>
    </message>
    <message>
        <source>Accept label</source>
        <translation>Принять метку</translation>
    </message>
    <message>
        <source>Reject label</source>
        <translation>Отклонить метку</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Принять всё</translation>
    </message>
    <message>
        <source>Every finding of this letter is decided.</source>
        <translation>По всем находкам этого письма принято решение.</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>Переместить рамку</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>Удалить рамку</translation>
    </message>
    <message>
        <source>No page left that needs eyes.</source>
        <translation>Страниц, требующих просмотра, не осталось.</translation>
    </message>
    <message>
        <source>Could not save the review: %1</source>
        <translation>Не удалось сохранить проверку: %1</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Invisible text layer (only the words left visible)</source>
        <translation>Невидимый текстовый слой (только оставшиеся видимыми слова)</translation>
    </message>
    <message>
        <source>Black and white (removes printer tracking dots)</source>
        <translation>Чёрно-белый (убирает следящие точки принтера)</translation>
    </message>
    <message>
        <source>Keep the colours as they are (printer tracking dots too)</source>
        <translation>Сохранить цвета как есть (вместе со следящими точками принтера)</translation>
    </message>
    <message>
        <source>Also write the private redaction log (keep it private)</source>
        <translation>Также записать закрытый журнал скрытия (не публиковать)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Before exporting</source>
        <translation>Перед экспортом</translation>
    </message>
    <message>
        <source>Export anyway: accept every finding still undecided</source>
        <translation>Всё равно экспортировать: принять все нерешённые находки</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save the safe copy as</source>
        <translation>Сохранить безопасную копию как</translation>
    </message>
    <message>
        <source>Writing and checking the safe copy…</source>
        <translation>Запись и проверка безопасной копии…</translation>
    </message>
    <message>
        <source>Safe PDF (rebuilt from the page images)</source>
        <translation>Безопасный PDF (собран заново из изображений страниц)</translation>
    </message>
    <message>
        <source>PNG images, one per page</source>
        <translation>Изображения PNG, по одному на страницу</translation>
    </message>
    <message>
        <source>Text, with a label in place of each hidden item</source>
        <translation>Текст, с меткой вместо каждого скрытого фрагмента</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Сохранить как:</translation>
    </message>
    <message>
        <source>The safe copy cannot replace the original. Choose another name.</source>
        <translation>Безопасная копия не может заменить оригинал. Выберите другое имя.</translation>
    </message>
    <message>
        <source>Export a safe copy of %1</source>
        <translation>Экспорт безопасной копии: %1</translation>
    </message>
    <message>
        <source>Every page that needs eyes has been looked at</source>
        <translation>Все страницы, требующие просмотра, просмотрены</translation>
    </message>
    <message>
        <source>Every finding is decided</source>
        <translation>По всем находкам принято решение</translation>
    </message>
    <message>
        <source>Nothing was saved: the check found something of a hidden item.</source>
        <translation>Ничего не сохранено: проверка нашла след скрытого фрагмента.</translation>
    </message>
    <message>
        <source>Kept as asked: %1</source>
        <translation>Оставлено по вашему выбору: %1</translation>
    </message>
    <message>
        <source>Pages that need your eyes are not confirmed yet: %1</source>
        <translation>Не подтверждены страницы, требующие просмотра: %1</translation>
    </message>
    <message>
        <source>%1 findings are still undecided</source>
        <translation>Нерешённых находок: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
    <message>
        <source>Private log: %1 (do not publish it)</source>
        <translation>Закрытый журнал: %1 (не публикуйте его)</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Ничего не сохранено: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: an unexpected error (%1).</source>
        <translation>Ничего не сохранено: непредвиденная ошибка (%1).</translation>
    </message>
    <message>
        <source>The private log could not be written: %1</source>
        <translation>Не удалось записать закрытый журнал: %1</translation>
    </message>
    <message>
        <source>By term</source>
        <translation>По термину</translation>
    </message>
    <message>
        <source>By label</source>
        <translation>По метке</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Все состояния</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>предложено</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>Accept the selected finding or term (A / Shift+A)</source>
        <translation>Принять выбранную находку или термин (A / Shift+A)</translation>
    </message>
    <message>
        <source>Reject the selected finding or term (R / Shift+R)</source>
        <translation>Отклонить выбранную находку или термин (R / Shift+R)</translation>
    </message>
    <message>
        <source>term</source>
        <translation>термин</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>находку</translation>
    </message>
    <message>
        <source>Accept this %1</source>
        <translation>Принять %1</translation>
    </message>
    <message>
        <source>Reject this %1</source>
        <translation>Отклонить %1</translation>
    </message>
    <message>
        <source>Accept everything labelled %1</source>
        <translation>Принять всё с меткой %1</translation>
    </message>
    <message>
        <source>Reject everything labelled %1</source>
        <translation>Отклонить всё с меткой %1</translation>
    </message>
    <message>
        <source>%1 findings: %2 to decide, %3 accepted, %4 rejected</source>
        <translation>Находок: %1; ждут решения: %2, принято: %3, отклонено: %4</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>не проверено</translation>
    </message>
    <message>
        <source>analysing</source>
        <translation>идёт проверка</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>не удалось прочитать</translation>
    </message>
    <message>
        <source>needs eyes</source>
        <translation>нужен просмотр</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>ждёт проверки</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>экспортировано</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>Export safe copy…</source>
        <translation>Экспорт безопасной копии…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Search and redact…</source>
        <translation>Найти и скрыть…</translation>
    </message>
    <message>
        <source>Next finding</source>
        <translation>Следующая находка</translation>
    </message>
    <message>
        <source>Previous finding</source>
        <translation>Предыдущая находка</translation>
    </message>
    <message>
        <source>Accept the whole term</source>
        <translation>Принять весь термин</translation>
    </message>
    <message>
        <source>Reject the whole term</source>
        <translation>Отклонить весь термин</translation>
    </message>
    <message>
        <source>Accept everything of this label</source>
        <translation>Принять всё с этой меткой</translation>
    </message>
    <message>
        <source>Draw a box</source>
        <translation>Нарисовать рамку</translation>
    </message>
    <message>
        <source>Delete the box</source>
        <translation>Удалить рамку</translation>
    </message>
    <message>
        <source>Next page needing eyes</source>
        <translation>Следующая страница для просмотра</translation>
    </message>
    <message>
        <source>I have looked at this page</source>
        <translation>Я просмотрел(а) эту страницу</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Отменить загрузку</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Страница целиком</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Preview the export (black boxes)</source>
        <translation>Предпросмотр экспорта (чёрные рамки)</translation>
    </message>
    <message>
        <source>Preview the copy</source>
        <translation>Предпросмотр копии</translation>
    </message>
    <message>
        <source>About Redactor</source>
        <translation>О программе Redactor</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>страница %1 из %2</translation>
    </message>
    <message>
        <source>Restore the review</source>
        <translation>Восстановить проверку</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Начать заново</translation>
    </message>
    <message>
        <source>I have looked at this page (C)</source>
        <translation>Я просмотрел(а) эту страницу (C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>Недавние</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>П&amp;роверка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>The password is wrong. Password:</source>
        <translation>Пароль неверный. Пароль:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>%1 is encrypted</source>
        <translation>%1 зашифрован</translation>
    </message>
    <message>
        <source>Open letters</source>
        <translation>Открыть письма</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <source>The list of recent letters is cleared.</source>
        <translation>Список недавних писем очищен.</translation>
    </message>
    <message>
        <source>Settings saved. They apply to letters opened from now on.</source>
        <translation>Настройки сохранены. Они действуют для писем, открытых после этого.</translation>
    </message>
    <message>
        <source>Redactor finds and hides names and identifying details in letters and exports verified safe copies. It never uses the network.</source>
        <translation>Redactor находит и скрывает имена и приметы в письмах и экспортирует проверенные безопасные копии. Программа никогда не обращается к сети.</translation>
    </message>
    <message>
        <source>The app did not close properly last time.</source>
        <translation>В прошлый раз программа закрылась некорректно.</translation>
    </message>
    <message>
        <source>Not remembered (see Settings)</source>
        <translation>Не запоминаются (см. Настройки)</translation>
    </message>
    <message>
        <source>Nothing to export yet: the letter is still being read.</source>
        <translation>Пока нечего экспортировать: письмо ещё читается.</translation>
    </message>
    <message>
        <source>Look for names the reader could not see, draw boxes over them (B), then confirm.</source>
        <translation>Найдите имена, которые программа не смогла прочитать, закройте их рамками (B) и подтвердите.</translation>
    </message>
    <message>
        <source>A review of %1 saved at %2 was found.</source>
        <translation>Найдена проверка %1, сохранённая %2.</translation>
    </message>
    <message>
        <source>This page needs your eyes: %1</source>
        <translation>Эту страницу нужно просмотреть: %1</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>по-разному</translation>
    </message>
    <message>
        <source>unread ink</source>
        <translation>непрочитанные чернила</translation>
    </message>
    <message>
        <source>manual box</source>
        <translation>рамка вручную</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(без текста)</translation>
    </message>
    <message>
        <source>hidden in the source: %1</source>
        <translation>скрыто в исходном файле: %1</translation>
    </message>
    <message>
        <source>%1 (letters of several scripts)</source>
        <translation>%1 (буквы разных алфавитов)</translation>
    </message>
    <message>
        <source>detector</source>
        <translation>детектор</translation>
    </message>
    <message>
        <source>term list</source>
        <translation>список терминов</translation>
    </message>
    <message>
        <source>drawn by hand</source>
        <translation>нарисовано вручную</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Находка</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>оценка %1</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>стр. %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Unexpected error while reading: %1</source>
        <translation>Непредвиденная ошибка при чтении: %1</translation>
    </message>
    <message>
        <source>%1: %2 findings to review.</source>
        <translation>%1: находок для проверки: %2.</translation>
    </message>
    <message>
        <source>Looking for names and details in %1…</source>
        <translation>Ищу имена и приметы в %1…</translation>
    </message>
    <message>
        <source>Reading %1: page %2 of %3</source>
        <translation>Чтение %1: страница %2 из %3</translation>
    </message>
    <message>
        <source>The copy as it will be published</source>
        <translation>Копия в том виде, в каком её опубликуют</translation>
    </message>
    <message>
        <source>%1 findings on this page are undecided: they are hidden only if accepted.</source>
        <translation>Нерешённых находок на этой странице: %1. Они скрываются, только если их принять.</translation>
    </message>
    <message>
        <source>The letter is still being read.</source>
        <translation>Письмо ещё читается.</translation>
    </message>
    <message>
        <source>The preview of this page could not be made.</source>
        <translation>Не удалось подготовить предпросмотр этой страницы.</translation>
    </message>
    <message>
        <source>A name, number or word to hide everywhere</source>
        <translation>Имя, номер или слово, которое нужно скрыть везде</translation>
    </message>
    <message>
        <source>In every open letter</source>
        <translation>Во всех открытых письмах</translation>
    </message>
    <message>
        <source>Every form is found: case endings, hyphenation, Cyrillic/Latin look-alikes, one OCR error.</source>
        <translation>Находятся все формы: падежные окончания, переносы, похожие кириллические и латинские буквы, одна ошибка распознавания.</translation>
    </message>
    <message>
        <source>Hide everywhere</source>
        <translation>Скрыть везде</translation>
    </message>
    <message>
        <source>Nothing new found.</source>
        <translation>Ничего нового не найдено.</translation>
    </message>
    <message>
        <source>%1 new boxes added and accepted (Ctrl+Z undoes it).</source>
        <translation>Добавлено и принято новых рамок: %1 (Ctrl+Z отменяет).</translation>
    </message>
    <message>
        <source>One term a line</source>
        <translation>По одному термину в строке</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Tesseract languages joined by +, e.g. rus+kaz+eng</source>
        <translation>Языки Tesseract через +, например rus+kaz+eng</translation>
    </message>
    <message>
        <source>strict: every identifying detail</source>
        <translation>строгий: все приметы</translation>
    </message>
    <message>
        <source>names: people's names only</source>
        <translation>имена: только имена людей</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>Языки распознавания</translation>
    </message>
    <message>
        <source>Text language</source>
        <translation>Язык текста</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Score threshold</source>
        <translation>Порог оценки</translation>
    </message>
    <message>
        <source>Working DPI</source>
        <translation>Рабочее разрешение (DPI)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Чтение</translation>
    </message>
    <message>
        <source>Always hide (all letters)</source>
        <translation>Всегда скрывать (все письма)</translation>
    </message>
    <message>
        <source>Never hide (all letters)</source>
        <translation>Никогда не скрывать (все письма)</translation>
    </message>
    <message>
        <source>Always hide (this project, not saved)</source>
        <translation>Всегда скрывать (этот проект, не сохраняется)</translation>
    </message>
    <message>
        <source>Never hide (this project, not saved)</source>
        <translation>Никогда не скрывать (этот проект, не сохраняется)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Списки</translation>
    </message>
    <message>
        <source>Plain boxes</source>
        <translation>Простые рамки</translation>
    </message>
    <message>
        <source>Boxes and labels in the text export</source>
        <translation>Рамки и метки в текстовом экспорте</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Remember recently opened letters (their names and folders stay in the settings)</source>
        <translation>Запоминать недавно открытые письма (их имена и папки остаются в настройках)</translation>
    </message>
    <message>
        <source>Box padding (px)</source>
        <translation>Поля рамки (пикс.)</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>Цвет заливки</translation>
    </message>
    <message>
        <source>Label style</source>
        <translation>Вид меток</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>Reviewer name (private log)</source>
        <translation>Имя проверяющего (закрытый журнал)</translation>
    </message>
    <message>
        <source>Recent letters</source>
        <translation>Недавние письма</translation>
    </message>
    <message>
        <source>Export and interface</source>
        <translation>Экспорт и интерфейс</translation>
    </message>
    <message>
        <source>Per paragraph (automatic)</source>
        <translation>По абзацам (автоматически)</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Чёрный</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Белый</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Серый</translation>
    </message>
    <message>
        <source>person</source>
        <translation>человек</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>facility</source>
        <translation>учреждение</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>number or ID</source>
        <translation>номер или идентификатор</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>public figure</source>
        <translation>публичное лицо</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>web address</source>
        <translation>веб-адрес</translation>
    </message>
    <message>
        <source>search term</source>
        <translation>искомое слово</translation>
    </message>
    <message>
        <source>hidden text</source>
        <translation>скрытый текст</translation>
    </message>
    <message>
        <source>mixed scripts</source>
        <translation>смешанные алфавиты</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>ещё не прочитано</translation>
    </message>
    <message>
        <source>needs eyes: look at this page and confirm it</source>
        <translation>нужен просмотр: посмотрите страницу и подтвердите</translation>
    </message>
    <message>
        <source>findings to decide</source>
        <translation>есть нерешённые находки</translation>
    </message>
    <message>
        <source>not looked at yet</source>
        <translation>ещё не просмотрено</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Страница %1</translation>
    </message>
</context>
</TS>
