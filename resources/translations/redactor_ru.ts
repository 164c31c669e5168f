<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>redactor</name>
    <message>
        <source>Change label</source>
        <translation>Изменить метку</translation>
    </message>
    <message>
        <source>Accept all occurrences</source>
        <translation>Принять все вхождения</translation>
    </message>
    <message>
        <source>Reject all occurrences</source>
        <translation>Отклонить все вхождения</translation>
    </message>
    <message>
        <source>Accept all occurrences (%1)</source>
        <translation>Принять все вхождения (%1)</translation>
    </message>
    <message>
        <source>Reject all occurrences (%1)</source>
        <translation>Отклонить все вхождения (%1)</translation>
    </message>
    <message>
        <source>Delete the box</source>
        <translation>Удалить рамку</translation>
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
        <source>Accept everything labelled %1</source>
        <translation>Принять всё с меткой %1</translation>
    </message>
    <message>
        <source>Reject everything labelled %1</source>
        <translation>Отклонить всё с меткой %1</translation>
    </message>
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
        <source>Accept all on this page</source>
        <translation>Принять всё на этой странице</translation>
    </message>
    <message>
        <source>Reject all on this page</source>
        <translation>Отклонить всё на этой странице</translation>
    </message>
    <message>
        <source>%1 findings on page %2 decided.</source>
        <translation>Решено находок на странице %2: %1.</translation>
    </message>
    <message>
        <source>Mark this page reviewed</source>
        <translation>Отметить страницу как проверенную</translation>
    </message>
    <message>
        <source>Page %1 is reviewed.</source>
        <translation>Страница %1 проверена.</translation>
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
        <source>The list of letters open before the app stopped could not be read.</source>
        <translation>Не удалось прочитать список писем, открытых до остановки программы.</translation>
    </message>
    <message>
        <source>Could not save the review: %1</source>
        <translation>Не удалось сохранить проверку: %1</translation>
    </message>
    <message>
        <source>The saved review of %1 was restored.</source>
        <translation>Сохранённая проверка письма %1 восстановлена.</translation>
    </message>
    <message>
        <source>Exported as they are, they are hidden in the copy, as the command line hides what it finds; your review is not changed.</source>
        <translation>При экспорте как есть они скрываются в копии, как командная строка скрывает всё найденное; ваша проверка не меняется.</translation>
    </message>
    <message>
        <source>Nothing was saved: the final check still found a hidden item in the copy.</source>
        <translation>Ничего не сохранено: итоговая проверка всё ещё нашла в копии скрываемый элемент.</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>стр. %1</translation>
    </message>
    <message>
        <source>pages %1</source>
        <translation>страницы %1</translation>
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
        <source>Go to them</source>
        <translation>Перейти к ним</translation>
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
        <source>Exported as they are, %1 of them are hidden in the copy, as the command line hides what it finds, and %2 notices of hidden source text or unread ink are left unboxed, as there; your review is not changed.</source>
        <translation>При экспорте как есть %1 из них скрываются в копии, как командная строка скрывает всё найденное, а %2 пометок о скрытом тексте источника или непрочитанных чернилах остаются без рамки, как и там; ваша проверка не меняется.</translation>
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
        <source>%1 pages need your eyes and are not confirmed yet: %2</source>
        <translation>Страниц, которые нужно просмотреть и которые ещё не подтверждены: %1; %2</translation>
    </message>
    <message>
        <source>A page needs your eyes and is not confirmed yet: %1</source>
        <translation>Страницу нужно просмотреть, она ещё не подтверждена: %1</translation>
    </message>
    <message>
        <source>Look at each and confirm it (C): the export waits until then.</source>
        <translation>Просмотрите каждую и подтвердите (C): до тех пор экспорт ждёт.</translation>
    </message>
    <message>
        <source>Export with them as they are</source>
        <translation>Экспортировать их как есть</translation>
    </message>
    <message>
        <source>The safe copy cannot replace the original. Choose another name.</source>
        <translation>Безопасная копия не может заменить оригинал. Выберите другое имя.</translation>
    </message>
    <message>
        <source>%1 undecided findings are hidden in the copy as they are; your review is unchanged.</source>
        <translation>Находок без решения скрыто в копии как есть: %1; ваша проверка не изменилась.</translation>
    </message>
    <message>
        <source>The places it found are marked on the pages as findings (“%1”): %2. Look at them, hide what must be hidden, and export again.</source>
        <translation>Найденные места отмечены на страницах как находки («%1»): %2. Просмотрите их, скройте то, что нужно скрыть, и экспортируйте снова.</translation>
    </message>
    <message>
        <source>Export a safe copy of %1</source>
        <translation>Экспорт безопасной копии: %1</translation>
    </message>
    <message>
        <source>(%1 places of ink no reader could read)</source>
        <translation>(мест с чернилами, которые не прочитал ни один распознаватель: %1)</translation>
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
        <source>Places the final check refused</source>
        <translation>Места, из-за которых итоговая проверка отказала</translation>
    </message>
    <message>
        <source>found in the copy by the final check</source>
        <translation>найдено в копии итоговой проверкой</translation>
    </message>
    <message>
        <source>%1 findings not decided yet: %2</source>
        <translation>Находок без решения: %1; %2</translation>
    </message>
    <message>
        <source>1 finding not decided yet: %1</source>
        <translation>Одна находка без решения: %1</translation>
    </message>
    <message>
        <source>Kept as asked: %1</source>
        <translation>Оставлено по вашему выбору: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: a page holds ink no reader could read and nobody has confirmed looking at it.</source>
        <translation>Ничего не сохранено: на странице есть чернила, которые не прочитал ни один распознаватель, и никто не подтвердил, что просмотрел её.</translation>
    </message>
    <message>
        <source>Found in the file, not on a page:</source>
        <translation>Найдено в файле, не на странице:</translation>
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
        <source>The private log could not be written: %1</source>
        <translation>Не удалось записать закрытый журнал: %1</translation>
    </message>
    <message>
        <source>Pages: %1.</source>
        <translation>Страницы: %1.</translation>
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
        <source>Accept the selected finding or term (A / Shift+A)</source>
        <translation>Принять выбранную находку или термин (A / Shift+A)</translation>
    </message>
    <message>
        <source>Reject the selected finding or term (R / Shift+R)</source>
        <translation>Отклонить выбранную находку или термин (R / Shift+R)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Условные обозначения</translation>
    </message>
    <message>
        <source>Show or hide what the colours and outlines mean</source>
        <translation>Показать или скрыть, что значат цвета и рамки</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Почему:</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Решения</translation>
    </message>
    <message>
        <source>Select a finding (J / K) to see why it was found.</source>
        <translation>Выберите находку (J / K), чтобы увидеть, почему она найдена.</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Слова:</translation>
    </message>
    <message>
        <source>%1 findings: %2 to decide, %3 accepted, %4 rejected</source>
        <translation>Находок: %1; ждут решения: %2, принято: %3, отклонено: %4</translation>
    </message>
    <message>
        <source>Right-click a box on the page or a finding in the list: accept or reject it or every occurrence of its term, change its label, delete a box you drew (a finding is never deleted, only rejected).</source>
        <translation>Щёлкните правой кнопкой по рамке на странице или по находке в списке: принять или отклонить её или все вхождения термина, изменить метку, удалить нарисованную вами рамку (находка никогда не удаляется, только отклоняется).</translation>
    </message>
    <message>
        <source>Open letters with %1, or drop files on the window: the letter just opened is shown. The left pane lists the open letters and the pages of the one shown.</source>
        <translation>Откройте письма (%1) или перетащите файлы в окно: только что открытое письмо показывается сразу. Слева — список открытых писем и страницы показанного.</translation>
    </message>
    <message>
        <source>Go through the findings: %1 next, %2 previous. Accept (%3) hides the words in the copy; reject (%4) keeps them readable. %5 and %6 decide every occurrence of the same term.</source>
        <translation>Идите по находкам: %1 — следующая, %2 — предыдущая. Принять (%3) — слова скрываются в копии; отклонить (%4) — остаются читаемыми. %5 и %6 решают все вхождения того же термина.</translation>
    </message>
    <message>
        <source>A page marked ! needs your eyes (handwriting, ink no reader could read): draw a box over every name on it (%1), then confirm you looked at it (%2).</source>
        <translation>Страница с пометкой ! требует вашего взгляда (рукопись, чернила, которые не удалось прочитать): нарисуйте рамку на каждом имени (%1), затем подтвердите просмотр (%2).</translation>
    </message>
    <message>
        <source>Mark this page reviewed (%1) accepts every finding of the page still undecided and confirms the page: its thumbnail shows ✓. Decisions already taken are kept. Accept all on this page (%2) and Reject all on this page (%3) decide the undecided findings of the page only.</source>
        <translation>«Отметить страницу как проверенную» (%1) принимает все ещё не решённые находки страницы и подтверждает её просмотр: на миниатюре появляется ✓. Уже принятые решения сохраняются. «Принять всё на этой странице» (%2) и «Отклонить всё на этой странице» (%3) решают только не решённые находки страницы.</translation>
    </message>
    <message>
        <source>Every step can be undone (%1). When nothing is left to decide, export a safe copy (%2): the copy is read again and checked before it is saved.</source>
        <translation>Любой шаг можно отменить (%1). Когда решать больше нечего, экспортируйте безопасную копию (%2): копия читается заново и проверяется перед сохранением.</translation>
    </message>
    <message>
        <source>Help and keyboard shortcuts</source>
        <translation>Справка и горячие клавиши</translation>
    </message>
    <message>
        <source>How a review goes</source>
        <translation>Как идёт проверка</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Горячие клавиши</translation>
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
        <source>Redactor finds and hides names and identifying details in letters and exports verified safe copies. It never uses the network.</source>
        <translation>Redactor находит и скрывает имена и приметы в письмах и экспортирует проверенные безопасные копии. Программа никогда не обращается к сети.</translation>
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
        <source>round stamp</source>
        <translation>круглый штамп</translation>
    </message>
    <message>
        <source>framed stamp</source>
        <translation>штамп в рамке</translation>
    </message>
    <message>
        <source>face</source>
        <translation>лицо</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>подпись</translation>
    </message>
    <message>
        <source>handwriting</source>
        <translation>рукописный текст</translation>
    </message>
    <message>
        <source>rule “%1”</source>
        <translation>правило «%1»</translation>
    </message>
    <message>
        <source>%1, found by: %2</source>
        <translation>%1, нашли: %2</translation>
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
        <source>a dark box drawn in the source</source>
        <translation>тёмная рамка в исходном файле</translation>
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
        <source>language model spaCy</source>
        <translation>языковая модель spaCy</translation>
    </message>
    <message>
        <source>drawn by hand</source>
        <translation>нарисовано вручную</translation>
    </message>
    <message>
        <source>the text layer does not say what the page shows (a font names its letters wrongly): these words were read from the page</source>
        <translation>текстовый слой говорит не то, что показывает страница (шрифт называет свои буквы неверно): эти слова прочитаны со страницы</translation>
    </message>
    <message>
        <source>text in the source file the page does not show (%1)</source>
        <translation>текст в исходном файле, которого не видно на странице (%1)</translation>
    </message>
    <message>
        <source>ink no reader could read (handwriting, a signature, a stamp, turned writing?)</source>
        <translation>чернила, которые не удалось прочитать (почерк, подпись, печать, повёрнутый текст?)</translation>
    </message>
    <message>
        <source>a word mixing letters of several scripts (look-alike letters?)</source>
        <translation>слово с буквами разных алфавитов (похожие буквы?)</translation>
    </message>
    <message>
        <source>a dark box drawn in the source file</source>
        <translation>тёмный прямоугольник, нарисованный в исходном файле</translation>
    </message>
    <message>
        <source>another place of a word found elsewhere in the letter</source>
        <translation>ещё одно место слова, найденного в другом месте письма</translation>
    </message>
    <message>
        <source>a deny or search term</source>
        <translation>запрещённое или искомое слово</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>language model natasha</source>
        <translation>языковая модель natasha</translation>
    </message>
    <message>
        <source>detector</source>
        <translation>детектор</translation>
    </message>
    <message>
        <source>another place of %1, which was found on %2</source>
        <translation>ещё одно место %1, найденного здесь: %2</translation>
    </message>
    <message>
        <source>a form of the deny or search term %1</source>
        <translation>форма запрещённого или искомого слова %1</translation>
    </message>
    <message>
        <source>another place of %1, found elsewhere in the letter</source>
        <translation>ещё одно место %1, найденного в другом месте письма</translation>
    </message>
    <message>
        <source>the deny or search term %1</source>
        <translation>запрещённое или искомое слово %1</translation>
    </message>
    <message>
        <source>Words: %1</source>
        <translation>Слова: %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
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
        <source>%1 findings on this page are undecided: the copy hides them as they are, unless you reject them.</source>
        <translation>Нерешённых находок на этой странице: %1. В копии они скрыты, пока вы их не отклоните.</translation>
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
        <source>Sandbox: %1.</source>
        <translation>Песочница: %1.</translation>
    </message>
    <message>
        <source>Sandbox: none, letters are read in the app's own process (REDACTOR_LANES)</source>
        <translation>Песочница: нет, письма читаются в процессе самой программы (REDACTOR_LANES)</translation>
    </message>
    <message>
        <source>Sandbox: unknown (the readers did not answer); run redactor --check</source>
        <translation>Песочница: неизвестно (процессы чтения не ответили); запустите redactor --check</translation>
    </message>
    <message>
        <source>network blocked</source>
        <translation>сеть закрыта</translation>
    </message>
    <message>
        <source>network not blocked</source>
        <translation>сеть не закрыта</translation>
    </message>
    <message>
        <source>programs blocked</source>
        <translation>запуск программ запрещён</translation>
    </message>
    <message>
        <source>programs not blocked</source>
        <translation>запуск программ не запрещён</translation>
    </message>
    <message>
        <source>files limited to the letter</source>
        <translation>доступ к файлам: только письмо</translation>
    </message>
    <message>
        <source>files not limited</source>
        <translation>доступ к файлам не ограничен</translation>
    </message>
    <message>
        <source>memory capped at %1 MB</source>
        <translation>память ограничена %1 МБ</translation>
    </message>
    <message>
        <source>Redactor did not close properly last time. These letters were open:</source>
        <translation>В прошлый раз Redactor не был закрыт как следует. Были открыты эти письма:</translation>
    </message>
    <message>
        <source>Reopening brings each one back with every decision made; starting again discards their saved reviews.</source>
        <translation>Повторное открытие вернёт каждое письмо со всеми принятыми решениями; начать заново — удалить их сохранённые проверки.</translation>
    </message>
    <message>
        <source>Reopen them with their reviews</source>
        <translation>Открыть их снова с проверками</translation>
    </message>
    <message>
        <source>not found where it was (moved, renamed or deleted): open it from its new place and its saved review is offered</source>
        <translation>не найдено на прежнем месте (перемещено, переименовано или удалено): откройте его из нового места, и сохранённая проверка будет предложена</translation>
    </message>
    <message>
        <source>changed since: it is read again without its saved review</source>
        <translation>с тех пор изменено: оно будет прочитано заново без сохранённой проверки</translation>
    </message>
    <message>
        <source>you rejected this before</source>
        <translation>вы это отклонили раньше</translation>
    </message>
    <message>
        <source>already hidden</source>
        <translation>уже скрыто</translation>
    </message>
    <message>
        <source>A name, number or word to hide everywhere</source>
        <translation>Имя, номер или слово, которое нужно скрыть везде</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>In every open letter</source>
        <translation>Во всех открытых письмах</translation>
    </message>
    <message>
        <source>Every form is found: case endings, hyphenation, Cyrillic/Latin look-alikes, one OCR error. Nothing is hidden until you choose.</source>
        <translation>Находятся все формы: падежные окончания, переносы, похожие буквы кириллицы и латиницы, одна ошибка распознавания. Ничего не скрывается, пока вы не выберете.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>The search could not be run.</source>
        <translation>Поиск не удалось выполнить.</translation>
    </message>
    <message>
        <source>Places found: %1. Letters: %2.</source>
        <translation>Найдено мест: %1. Писем: %2.</translation>
    </message>
    <message>
        <source>Forms matched: %1</source>
        <translation>Найденные формы: %1</translation>
    </message>
    <message>
        <source>Hide the checked (%1)</source>
        <translation>Скрыть отмеченные (%1)</translation>
    </message>
    <message>
        <source>Places hidden: %1 (Ctrl+Z undoes it).</source>
        <translation>Скрыто мест: %1 (Ctrl+Z отменяет).</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Стр.</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Контекст</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>No letter is ready to search yet.</source>
        <translation>Ни одно письмо ещё не готово к поиску.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message>
        <source>the letter was read again: search again</source>
        <translation>письмо прочитано заново: повторите поиск</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>с. %1</translation>
    </message>
    <message>
        <source>mixed scripts</source>
        <translation>смешанные алфавиты</translation>
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
        <source>For crash recovery only, and whatever this setting says: while the app runs, the letters that are open are listed in an encrypted file in the data folder (unreadable without the installation key); a proper quit deletes it.</source>
        <translation>Только для восстановления после сбоя и независимо от этой настройки: пока программа работает, открытые письма перечислены в зашифрованном файле в папке данных (его не прочитать без ключа установки); при правильном выходе он удаляется.</translation>
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
        <source>to decide: the label's outline, not filled</source>
        <translation>ждёт решения: рамка метки, без заливки</translation>
    </message>
    <message>
        <source>hidden in the copy: solid outline, tinted (black in preview, P)</source>
        <translation>скрыто в копии: сплошная рамка с заливкой (чёрная в предпросмотре, P)</translation>
    </message>
    <message>
        <source>kept readable: thin grey dashes</source>
        <translation>остаётся читаемым: тонкий серый пунктир</translation>
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
        <source>leak found at export</source>
        <translation>утечка, найденная при экспорте</translation>
    </message>
    <message>
        <source>barcode or QR code</source>
        <translation>штрихкод или QR-код</translation>
    </message>
    <message>
        <source>face in a photo</source>
        <translation>лицо на фотографии</translation>
    </message>
    <message>
        <source>stamp</source>
        <translation>штамп</translation>
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
