<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>redactor</name>
    <message>
        <source>Change label</source>
        <translation>Белгіні өзгерту</translation>
    </message>
    <message>
        <source>Accept all occurrences</source>
        <translation>Барлық кездесуін қабылдау</translation>
    </message>
    <message>
        <source>Reject all occurrences</source>
        <translation>Барлық кездесуін қабылдамау</translation>
    </message>
    <message>
        <source>Accept all occurrences (%1)</source>
        <translation>Барлық кездесуін қабылдау (%1)</translation>
    </message>
    <message>
        <source>Reject all occurrences (%1)</source>
        <translation>Барлық кездесуін қабылдамау (%1)</translation>
    </message>
    <message>
        <source>Delete the box</source>
        <translation>Жақтауды жою</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Қабылдау</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Қабылдамау</translation>
    </message>
    <message>
        <source>Accept everything labelled %1</source>
        <translation>%1 белгісі барлардың бәрін қабылдау</translation>
    </message>
    <message>
        <source>Reject everything labelled %1</source>
        <translation>%1 белгісі барлардың бәрін қабылдамау</translation>
    </message>
    <message>
        <source>Draw box</source>
        <translation>Жақтау салу</translation>
    </message>
    <message>
        <source>Confirm page</source>
        <translation>Бетті растау</translation>
    </message>
    <message>
        <source>Search and redact</source>
        <translation>Тауып жасыру</translation>
    </message>
    <message>
        <source>Accept all on this page</source>
        <translation>Осы беттегінің бәрін қабылдау</translation>
    </message>
    <message>
        <source>Reject all on this page</source>
        <translation>Осы беттегінің бәрін қабылдамау</translation>
    </message>
    <message>
        <source>%1 findings on page %2 decided.</source>
        <translation>%2-беттегі шешілген табылғандар: %1.</translation>
    </message>
    <message>
        <source>Mark this page reviewed</source>
        <translation>Бетті тексерілді деп белгілеу</translation>
    </message>
    <message>
        <source>Page %1 is reviewed.</source>
        <translation>%1-бет тексерілді.</translation>
    </message>
    <message>
        <source>The saved review was restored.</source>
        <translation>Сақталған тексеру қалпына келтірілді.</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Табылғандар жоқ.</translation>
    </message>
    <message>
        <source>Accept term</source>
        <translation>Терминді қабылдау</translation>
    </message>
    <message>
        <source>Reject term</source>
        <translation>Терминді қабылдамау</translation>
    </message>
    <message>
        <source>Accept label</source>
        <translation>Белгіні қабылдау</translation>
    </message>
    <message>
        <source>Reject label</source>
        <translation>Белгіні қабылдамау</translation>
    </message>
    <message>
        <source>Every finding of this letter is decided.</source>
        <translation>Бұл хаттағы барлық табылғандар бойынша шешім қабылданды.</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>Жақтауды жылжыту</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>Жақтауды жою</translation>
    </message>
    <message>
        <source>No page left that needs eyes.</source>
        <translation>Қарап шығуды қажет ететін бет қалмады.</translation>
    </message>
    <message>
        <source>The list of letters open before the app stopped could not be read.</source>
        <translation>Бағдарлама тоқтағанға дейін ашық болған хаттар тізімін оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>Could not save the review: %1</source>
        <translation>Тексеруді сақтау мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>The saved review of %1 was restored.</source>
        <translation>%1 хатының сақталған тексеруі қалпына келтірілді.</translation>
    </message>
    <message>
        <source>Exported as they are, they are hidden in the copy, as the command line hides what it finds; your review is not changed.</source>
        <translation>Сол күйінде экспортталса, олар көшірмеде жасырылады, пәрмен жолы тапқанын жасырғандай; сіздің тексеруіңіз өзгермейді.</translation>
    </message>
    <message>
        <source>Nothing was saved: the final check still found a hidden item in the copy.</source>
        <translation>Ештеңе сақталмады: соңғы тексеру көшірмеден әлі де жасырылатын элементті тапты.</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>%1-бет</translation>
    </message>
    <message>
        <source>pages %1</source>
        <translation>%1 беттер</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Пішім</translation>
    </message>
    <message>
        <source>Invisible text layer (only the words left visible)</source>
        <translation>Көрінбейтін мәтін қабаты (тек көрінетін сөздер)</translation>
    </message>
    <message>
        <source>Black and white (removes printer tracking dots)</source>
        <translation>Ақ-қара (принтердің бақылау нүктелерін жояды)</translation>
    </message>
    <message>
        <source>Keep the colours as they are (printer tracking dots too)</source>
        <translation>Түстерді сол күйінде сақтау (принтердің бақылау нүктелерімен бірге)</translation>
    </message>
    <message>
        <source>Also write the private redaction log (keep it private)</source>
        <translation>Жасырудың жабық журналын да жазу (жарияламаңыз)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Before exporting</source>
        <translation>Экспорт алдында</translation>
    </message>
    <message>
        <source>Go to them</source>
        <translation>Соларға өту</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Save the safe copy as</source>
        <translation>Қауіпсіз көшірмені былай сақтау</translation>
    </message>
    <message>
        <source>Exported as they are, %1 of them are hidden in the copy, as the command line hides what it finds, and %2 notices of hidden source text or unread ink are left unboxed, as there; your review is not changed.</source>
        <translation>Сол күйінде экспортталса, олардың %1 көшірмеде жасырылады, пәрмен жолы тапқанын жасырғандай, ал бастапқы файлдағы жасырын мәтін не оқылмаған сия туралы %2 белгі қоршаусыз қалады, ондағыдай; сіздің тексеруіңіз өзгермейді.</translation>
    </message>
    <message>
        <source>Writing and checking the safe copy…</source>
        <translation>Қауіпсіз көшірме жазылып, тексерілуде…</translation>
    </message>
    <message>
        <source>Safe PDF (rebuilt from the page images)</source>
        <translation>Қауіпсіз PDF (бет суреттерінен қайта жасалады)</translation>
    </message>
    <message>
        <source>PNG images, one per page</source>
        <translation>PNG суреттері, әр бетке біреуден</translation>
    </message>
    <message>
        <source>Text, with a label in place of each hidden item</source>
        <translation>Мәтін, әр жасырылған бөліктің орнында белгі</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Былай сақтау:</translation>
    </message>
    <message>
        <source>%1 pages need your eyes and are not confirmed yet: %2</source>
        <translation>Көзбен қарауды қажет ететін, әлі расталмаған беттер: %1; %2</translation>
    </message>
    <message>
        <source>A page needs your eyes and is not confirmed yet: %1</source>
        <translation>Бетті көзбен қарау керек, ол әлі расталмаған: %1</translation>
    </message>
    <message>
        <source>Look at each and confirm it (C): the export waits until then.</source>
        <translation>Әрқайсысын қарап, растаңыз (C): оған дейін экспорт күтеді.</translation>
    </message>
    <message>
        <source>Export with them as they are</source>
        <translation>Оларды сол күйінде экспорттау</translation>
    </message>
    <message>
        <source>The safe copy cannot replace the original. Choose another name.</source>
        <translation>Қауіпсіз көшірме түпнұсқаны алмастыра алмайды. Басқа атау таңдаңыз.</translation>
    </message>
    <message>
        <source>%1 undecided findings are hidden in the copy as they are; your review is unchanged.</source>
        <translation>Шешілмеген табылымдар көшірмеде сол күйінде жасырылды: %1; тексеруіңіз өзгермеді.</translation>
    </message>
    <message>
        <source>The places it found are marked on the pages as findings (“%1”): %2. Look at them, hide what must be hidden, and export again.</source>
        <translation>Табылған орындар беттерде табылым ретінде белгіленді («%1»): %2. Оларды қарап, жасыру керегін жасырып, қайта экспорттаңыз.</translation>
    </message>
    <message>
        <source>Export a safe copy of %1</source>
        <translation>%1 қауіпсіз көшірмесін экспорттау</translation>
    </message>
    <message>
        <source>(%1 places of ink no reader could read)</source>
        <translation>(ешбір оқу құралы оқи алмаған сия орындары: %1)</translation>
    </message>
    <message>
        <source>Every page that needs eyes has been looked at</source>
        <translation>Қарап шығуды қажет ететін барлық беттер қаралды</translation>
    </message>
    <message>
        <source>Every finding is decided</source>
        <translation>Барлық табылғандар бойынша шешім қабылданды</translation>
    </message>
    <message>
        <source>Places the final check refused</source>
        <translation>Соңғы тексеру бас тартқан орындар</translation>
    </message>
    <message>
        <source>found in the copy by the final check</source>
        <translation>көшірмеден соңғы тексеру тапты</translation>
    </message>
    <message>
        <source>%1 findings not decided yet: %2</source>
        <translation>Шешілмеген табылымдар: %1; %2</translation>
    </message>
    <message>
        <source>1 finding not decided yet: %1</source>
        <translation>Бір табылым шешілмеген: %1</translation>
    </message>
    <message>
        <source>Kept as asked: %1</source>
        <translation>Таңдауыңыз бойынша қалдырылды: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: a page holds ink no reader could read and nobody has confirmed looking at it.</source>
        <translation>Ештеңе сақталмады: бетте ешбір оқу құралы оқи алмаған сия бар, және оны ешкім қарағанын растамады.</translation>
    </message>
    <message>
        <source>Found in the file, not on a page:</source>
        <translation>Файлдан табылды, беттен емес:</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Сақталды: %1.</translation>
    </message>
    <message>
        <source>Private log: %1 (do not publish it)</source>
        <translation>Жабық журнал: %1 (оны жарияламаңыз)</translation>
    </message>
    <message>
        <source>The private log could not be written: %1</source>
        <translation>Жабық журналды жазу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Pages: %1.</source>
        <translation>Беттер: %1.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Ештеңе сақталмады: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: an unexpected error (%1).</source>
        <translation>Ештеңе сақталмады: күтпеген қате (%1).</translation>
    </message>
    <message>
        <source>By term</source>
        <translation>Термин бойынша</translation>
    </message>
    <message>
        <source>By label</source>
        <translation>Белгі бойынша</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Барлық белгілер</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <source>Accept the selected finding or term (A / Shift+A)</source>
        <translation>Таңдалған табылғанды не терминді қабылдау (A / Shift+A)</translation>
    </message>
    <message>
        <source>Reject the selected finding or term (R / Shift+R)</source>
        <translation>Таңдалған табылғанды не терминді қабылдамау (R / Shift+R)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Шартты белгілер</translation>
    </message>
    <message>
        <source>Show or hide what the colours and outlines mean</source>
        <translation>Түстер мен жақтаулардың мағынасын көрсету не жасыру</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Неге:</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Шешімдер</translation>
    </message>
    <message>
        <source>Select a finding (J / K) to see why it was found.</source>
        <translation>Неге табылғанын көру үшін табылғанды таңдаңыз (J / K).</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Сөздер:</translation>
    </message>
    <message>
        <source>%1 findings: %2 to decide, %3 accepted, %4 rejected</source>
        <translation>Табылғандар: %1; шешім күтуде: %2, қабылданды: %3, қабылданбады: %4</translation>
    </message>
    <message>
        <source>Right-click a box on the page or a finding in the list: accept or reject it or every occurrence of its term, change its label, delete a box you drew (a finding is never deleted, only rejected).</source>
        <translation>Беттегі жақтауды немесе тізімдегі табылғанды тінтуірдің оң жағымен басыңыз: оны немесе терминнің барлық кездесуін қабылдау не қабылдамау, белгісін өзгерту, өзіңіз салған жақтауды жою (табылған ешқашан жойылмайды, тек қабылданбайды).</translation>
    </message>
    <message>
        <source>Open letters with %1, or drop files on the window: the letter just opened is shown. The left pane lists the open letters and the pages of the one shown.</source>
        <translation>Хаттарды ашыңыз (%1) немесе файлдарды терезеге сүйреп әкеліңіз: жаңа ашылған хат бірден көрсетіледі. Сол жақта — ашық хаттар тізімі және көрсетілген хаттың беттері.</translation>
    </message>
    <message>
        <source>Go through the findings: %1 next, %2 previous. Accept (%3) hides the words in the copy; reject (%4) keeps them readable. %5 and %6 decide every occurrence of the same term.</source>
        <translation>Табылғандарды қараңыз: %1 — келесі, %2 — алдыңғы. Қабылдау (%3) сөздерді көшірмеде жасырады; қабылдамау (%4) оларды оқылатын күйде қалдырады. %5 және %6 сол терминнің барлық кездесуін шешеді.</translation>
    </message>
    <message>
        <source>A page marked ! needs your eyes (handwriting, ink no reader could read): draw a box over every name on it (%1), then confirm you looked at it (%2).</source>
        <translation>! белгісі бар бетті өзіңіз қарауыңыз керек (қолжазба, оқылмаған сия): әр есімнің үстіне жақтау салыңыз (%1), содан кейін қарағаныңызды растаңыз (%2).</translation>
    </message>
    <message>
        <source>Mark this page reviewed (%1) accepts every finding of the page still undecided and confirms the page: its thumbnail shows ✓. Decisions already taken are kept. Accept all on this page (%2) and Reject all on this page (%3) decide the undecided findings of the page only.</source>
        <translation>«Бетті тексерілді деп белгілеу» (%1) беттің әлі шешілмеген барлық табылғанын қабылдап, бетті растайды: кішкентай суретінде ✓ шығады. Бұрын қабылданған шешімдер сақталады. «Осы беттегінің бәрін қабылдау» (%2) мен «Осы беттегінің бәрін қабылдамау» (%3) беттің тек шешілмеген табылғандарын шешеді.</translation>
    </message>
    <message>
        <source>Every step can be undone (%1). When nothing is left to decide, export a safe copy (%2): the copy is read again and checked before it is saved.</source>
        <translation>Әр қадамды болдырмауға болады (%1). Шешетін ештеңе қалмағанда, қауіпсіз көшірмені экспорттаңыз (%2): көшірме сақталмас бұрын қайта оқылып, тексеріледі.</translation>
    </message>
    <message>
        <source>Help and keyboard shortcuts</source>
        <translation>Анықтама және жылдам пернелер</translation>
    </message>
    <message>
        <source>How a review goes</source>
        <translation>Тексеру қалай жүреді</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Жылдам пернелер</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>тексерілмеген</translation>
    </message>
    <message>
        <source>analysing</source>
        <translation>тексерілуде</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>оқу мүмкін болмады</translation>
    </message>
    <message>
        <source>needs eyes</source>
        <translation>қарап шығу керек</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>тексеруді күтуде</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>тексерілді</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>экспортталды</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ашу…</translation>
    </message>
    <message>
        <source>Export safe copy…</source>
        <translation>Қауіпсіз көшірмені экспорттау…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Баптаулар…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Search and redact…</source>
        <translation>Тауып жасыру…</translation>
    </message>
    <message>
        <source>Next finding</source>
        <translation>Келесі табылған</translation>
    </message>
    <message>
        <source>Previous finding</source>
        <translation>Алдыңғы табылған</translation>
    </message>
    <message>
        <source>Accept the whole term</source>
        <translation>Терминді толық қабылдау</translation>
    </message>
    <message>
        <source>Reject the whole term</source>
        <translation>Терминді толық қабылдамау</translation>
    </message>
    <message>
        <source>Accept everything of this label</source>
        <translation>Осы белгідегінің бәрін қабылдау</translation>
    </message>
    <message>
        <source>Draw a box</source>
        <translation>Жақтау салу</translation>
    </message>
    <message>
        <source>Next page needing eyes</source>
        <translation>Қарап шығатын келесі бет</translation>
    </message>
    <message>
        <source>I have looked at this page</source>
        <translation>Бұл бетті қарап шықтым</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Жүктеуді тоқтату</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ені бойынша</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Бет толық</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Келесі бет</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Алдыңғы бет</translation>
    </message>
    <message>
        <source>Preview the export (black boxes)</source>
        <translation>Экспортты алдын ала қарау (қара жақтаулар)</translation>
    </message>
    <message>
        <source>Preview the copy</source>
        <translation>Көшірмені алдын ала қарау</translation>
    </message>
    <message>
        <source>About Redactor</source>
        <translation>Redactor туралы</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>%2 беттің %1-і</translation>
    </message>
    <message>
        <source>Restore the review</source>
        <translation>Тексеруді қалпына келтіру</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Қайта бастау</translation>
    </message>
    <message>
        <source>I have looked at this page (C)</source>
        <translation>Бұл бетті қарап шықтым (C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>Соңғы ашылғандар</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Ө&amp;ңдеу</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Тексеру</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>The password is wrong. Password:</source>
        <translation>Құпиясөз қате. Құпиясөз:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Құпиясөз:</translation>
    </message>
    <message>
        <source>%1 is encrypted</source>
        <translation>%1 шифрланған</translation>
    </message>
    <message>
        <source>Open letters</source>
        <translation>Хаттарды ашу</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Тізімді тазалау</translation>
    </message>
    <message>
        <source>The list of recent letters is cleared.</source>
        <translation>Соңғы хаттар тізімі тазаланды.</translation>
    </message>
    <message>
        <source>Settings saved. They apply to letters opened from now on.</source>
        <translation>Баптаулар сақталды. Олар бұдан кейін ашылған хаттарға қолданылады.</translation>
    </message>
    <message>
        <source>The app did not close properly last time.</source>
        <translation>Өткен жолы бағдарлама дұрыс жабылмады.</translation>
    </message>
    <message>
        <source>Not remembered (see Settings)</source>
        <translation>Есте сақталмайды (Баптауларды қараңыз)</translation>
    </message>
    <message>
        <source>Nothing to export yet: the letter is still being read.</source>
        <translation>Әзірге экспорттайтын ештеңе жоқ: хат әлі оқылуда.</translation>
    </message>
    <message>
        <source>Look for names the reader could not see, draw boxes over them (B), then confirm.</source>
        <translation>Бағдарлама оқи алмаған есімдерді тауып, оларды жақтаумен жабыңыз (B), содан соң растаңыз.</translation>
    </message>
    <message>
        <source>Redactor finds and hides names and identifying details in letters and exports verified safe copies. It never uses the network.</source>
        <translation>Redactor хаттардағы есімдер мен жеке деректерді тауып жасырады және тексерілген қауіпсіз көшірмелерді экспорттайды. Бағдарлама ешқашан желіге шықпайды.</translation>
    </message>
    <message>
        <source>A review of %1 saved at %2 was found.</source>
        <translation>%1 хатының %2 кезінде сақталған тексеруі табылды.</translation>
    </message>
    <message>
        <source>This page needs your eyes: %1</source>
        <translation>Бұл бетті қарап шығу керек: %1</translation>
    </message>
    <message>
        <source>round stamp</source>
        <translation>дөңгелек мөртаңба</translation>
    </message>
    <message>
        <source>framed stamp</source>
        <translation>жақтаулы мөртаңба</translation>
    </message>
    <message>
        <source>face</source>
        <translation>бет</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>қолтаңба</translation>
    </message>
    <message>
        <source>handwriting</source>
        <translation>қолжазба</translation>
    </message>
    <message>
        <source>rule “%1”</source>
        <translation>«%1» ережесі</translation>
    </message>
    <message>
        <source>%1, found by: %2</source>
        <translation>%1, тапқандар: %2</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>аралас</translation>
    </message>
    <message>
        <source>unread ink</source>
        <translation>оқылмаған сия</translation>
    </message>
    <message>
        <source>manual box</source>
        <translation>қолмен салынған жақтау</translation>
    </message>
    <message>
        <source>a dark box drawn in the source</source>
        <translation>бастапқы файлдағы қара жақтау</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(мәтінсіз)</translation>
    </message>
    <message>
        <source>hidden in the source: %1</source>
        <translation>бастапқы файлда жасырылған: %1</translation>
    </message>
    <message>
        <source>%1 (letters of several scripts)</source>
        <translation>%1 (әртүрлі әліпби әріптері)</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>ұсынылған</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>қабылданған</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>қабылданбаған</translation>
    </message>
    <message>
        <source>language model spaCy</source>
        <translation>spaCy тілдік моделі</translation>
    </message>
    <message>
        <source>drawn by hand</source>
        <translation>қолмен салынған</translation>
    </message>
    <message>
        <source>the text layer does not say what the page shows (a font names its letters wrongly): these words were read from the page</source>
        <translation>мәтін қабаты беттегі көрінетінді айтпайды (қаріп әріптерін қате атайды): бұл сөздер беттен оқылды</translation>
    </message>
    <message>
        <source>text in the source file the page does not show (%1)</source>
        <translation>бастапқы файлдағы бетте көрінбейтін мәтін (%1)</translation>
    </message>
    <message>
        <source>ink no reader could read (handwriting, a signature, a stamp, turned writing?)</source>
        <translation>ешбір оқу құралы оқи алмаған сия (қолжазба, қолтаңба, мөр, бұрылған жазу?)</translation>
    </message>
    <message>
        <source>a word mixing letters of several scripts (look-alike letters?)</source>
        <translation>әртүрлі әліпби әріптері аралас сөз (ұқсас әріптер?)</translation>
    </message>
    <message>
        <source>a dark box drawn in the source file</source>
        <translation>бастапқы файлда салынған қара тіктөртбұрыш</translation>
    </message>
    <message>
        <source>another place of a word found elsewhere in the letter</source>
        <translation>хаттың басқа жерінде табылған сөздің тағы бір орны</translation>
    </message>
    <message>
        <source>a deny or search term</source>
        <translation>тыйым салынған не ізделген сөз</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>language model natasha</source>
        <translation>natasha тілдік моделі</translation>
    </message>
    <message>
        <source>detector</source>
        <translation>детектор</translation>
    </message>
    <message>
        <source>another place of %1, which was found on %2</source>
        <translation>%1 тағы бір орны, ол табылған жер: %2</translation>
    </message>
    <message>
        <source>a form of the deny or search term %1</source>
        <translation>тыйым салынған не ізделген %1 сөзінің формасы</translation>
    </message>
    <message>
        <source>another place of %1, found elsewhere in the letter</source>
        <translation>хаттың басқа жерінде табылған %1 тағы бір орны</translation>
    </message>
    <message>
        <source>the deny or search term %1</source>
        <translation>тыйым салынған не ізделген сөз %1</translation>
    </message>
    <message>
        <source>Words: %1</source>
        <translation>Сөздер: %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… және тағы %1</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Табылған</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <source>Unexpected error while reading: %1</source>
        <translation>Оқу кезіндегі күтпеген қате: %1</translation>
    </message>
    <message>
        <source>%1: %2 findings to review.</source>
        <translation>%1: тексерілетін табылғандар: %2.</translation>
    </message>
    <message>
        <source>Looking for names and details in %1…</source>
        <translation>%1 ішінен есімдер мен деректер ізделуде…</translation>
    </message>
    <message>
        <source>Reading %1: page %2 of %3</source>
        <translation>%1 оқылуда: %3 беттің %2-і</translation>
    </message>
    <message>
        <source>The copy as it will be published</source>
        <translation>Жарияланатын көшірме</translation>
    </message>
    <message>
        <source>%1 findings on this page are undecided: the copy hides them as they are, unless you reject them.</source>
        <translation>Бұл беттегі шешілмеген табылғандар: %1. Оларды қабылдамасаңыз, көшірмеде жасырылады.</translation>
    </message>
    <message>
        <source>The letter is still being read.</source>
        <translation>Хат әлі оқылуда.</translation>
    </message>
    <message>
        <source>The preview of this page could not be made.</source>
        <translation>Бұл беттің алдын ала көрінісін жасау мүмкін болмады.</translation>
    </message>
    <message>
        <source>Sandbox: %1.</source>
        <translation>Құмсалғыш: %1.</translation>
    </message>
    <message>
        <source>Sandbox: none, letters are read in the app's own process (REDACTOR_LANES)</source>
        <translation>Құмсалғыш: жоқ, хаттар бағдарламаның өз процесінде оқылады (REDACTOR_LANES)</translation>
    </message>
    <message>
        <source>Sandbox: unknown (the readers did not answer); run redactor --check</source>
        <translation>Құмсалғыш: белгісіз (оқу процестері жауап бермеді); redactor --check іске қосыңыз</translation>
    </message>
    <message>
        <source>network blocked</source>
        <translation>желі жабық</translation>
    </message>
    <message>
        <source>network not blocked</source>
        <translation>желі жабылмаған</translation>
    </message>
    <message>
        <source>programs blocked</source>
        <translation>бағдарламаларды іске қосуға тыйым салынған</translation>
    </message>
    <message>
        <source>programs not blocked</source>
        <translation>бағдарламаларды іске қосуға тыйым жоқ</translation>
    </message>
    <message>
        <source>files limited to the letter</source>
        <translation>файлдарға қол жеткізу: тек хат</translation>
    </message>
    <message>
        <source>files not limited</source>
        <translation>файлдарға қол жеткізу шектелмеген</translation>
    </message>
    <message>
        <source>memory capped at %1 MB</source>
        <translation>жад %1 МБ-пен шектелген</translation>
    </message>
    <message>
        <source>Redactor did not close properly last time. These letters were open:</source>
        <translation>Өткен жолы Redactor дұрыс жабылмады. Мына хаттар ашық болған:</translation>
    </message>
    <message>
        <source>Reopening brings each one back with every decision made; starting again discards their saved reviews.</source>
        <translation>Қайта ашу әр хатты барлық қабылданған шешімдерімен қайтарады; қайта бастау олардың сақталған тексерулерін өшіреді.</translation>
    </message>
    <message>
        <source>Reopen them with their reviews</source>
        <translation>Оларды тексерулерімен қайта ашу</translation>
    </message>
    <message>
        <source>not found where it was (moved, renamed or deleted): open it from its new place and its saved review is offered</source>
        <translation>бұрынғы орнында табылмады (жылжытылған, атауы өзгертілген немесе жойылған): оны жаңа орнынан ашыңыз, сонда сақталған тексеруі ұсынылады</translation>
    </message>
    <message>
        <source>changed since: it is read again without its saved review</source>
        <translation>содан бері өзгерген: ол сақталған тексеруінсіз қайта оқылады</translation>
    </message>
    <message>
        <source>you rejected this before</source>
        <translation>бұрын мұны қабылдамадыңыз</translation>
    </message>
    <message>
        <source>already hidden</source>
        <translation>жасырылған</translation>
    </message>
    <message>
        <source>A name, number or word to hide everywhere</source>
        <translation>Барлық жерде жасырылатын есім, нөмір не сөз</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>In every open letter</source>
        <translation>Барлық ашық хаттарда</translation>
    </message>
    <message>
        <source>Every form is found: case endings, hyphenation, Cyrillic/Latin look-alikes, one OCR error. Nothing is hidden until you choose.</source>
        <translation>Барлық түрі табылады: септік жалғаулары, тасымалдау, кирилл мен латынның ұқсас әріптері, бір тану қатесі. Сіз таңдамайынша ештеңе жасырылмайды.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ізделуде…</translation>
    </message>
    <message>
        <source>The search could not be run.</source>
        <translation>Іздеу орындалмады.</translation>
    </message>
    <message>
        <source>Places found: %1. Letters: %2.</source>
        <translation>Табылған орындар: %1. Хаттар: %2.</translation>
    </message>
    <message>
        <source>Forms matched: %1</source>
        <translation>Табылған түрлері: %1</translation>
    </message>
    <message>
        <source>Hide the checked (%1)</source>
        <translation>Белгіленгендерді жасыру (%1)</translation>
    </message>
    <message>
        <source>Places hidden: %1 (Ctrl+Z undoes it).</source>
        <translation>Жасырылған орындар: %1 (Ctrl+Z болдырмайды).</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Бет</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Табылды</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Мәтінмән</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескерту</translation>
    </message>
    <message>
        <source>No letter is ready to search yet.</source>
        <translation>Іздеуге дайын хат әлі жоқ.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ештеңе табылмады.</translation>
    </message>
    <message>
        <source>the letter was read again: search again</source>
        <translation>хат қайта оқылды: қайта іздеңіз</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>%1-бет</translation>
    </message>
    <message>
        <source>mixed scripts</source>
        <translation>аралас әліпбилер</translation>
    </message>
    <message>
        <source>One term a line</source>
        <translation>Әр жолға бір термин</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>Tesseract languages joined by +, e.g. rus+kaz+eng</source>
        <translation>Tesseract тілдері + арқылы, мысалы rus+kaz+eng</translation>
    </message>
    <message>
        <source>strict: every identifying detail</source>
        <translation>қатаң: барлық жеке деректер</translation>
    </message>
    <message>
        <source>names: people's names only</source>
        <translation>есімдер: тек адам есімдері</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>Тану тілдері</translation>
    </message>
    <message>
        <source>Text language</source>
        <translation>Мәтін тілі</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Score threshold</source>
        <translation>Баға шегі</translation>
    </message>
    <message>
        <source>Working DPI</source>
        <translation>Жұмыс ажыратымдылығы (DPI)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Оқу</translation>
    </message>
    <message>
        <source>Always hide (all letters)</source>
        <translation>Әрқашан жасыру (барлық хаттар)</translation>
    </message>
    <message>
        <source>Never hide (all letters)</source>
        <translation>Ешқашан жасырмау (барлық хаттар)</translation>
    </message>
    <message>
        <source>Always hide (this project, not saved)</source>
        <translation>Әрқашан жасыру (осы жоба, сақталмайды)</translation>
    </message>
    <message>
        <source>Never hide (this project, not saved)</source>
        <translation>Ешқашан жасырмау (осы жоба, сақталмайды)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Тізімдер</translation>
    </message>
    <message>
        <source>Plain boxes</source>
        <translation>Қарапайым жақтаулар</translation>
    </message>
    <message>
        <source>Boxes and labels in the text export</source>
        <translation>Мәтіндік экспортта жақтаулар мен белгілер</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Жүйе тілі</translation>
    </message>
    <message>
        <source>Remember recently opened letters (their names and folders stay in the settings)</source>
        <translation>Жақында ашылған хаттарды есте сақтау (олардың атаулары мен қалталары баптауларда қалады)</translation>
    </message>
    <message>
        <source>Box padding (px)</source>
        <translation>Жақтау шеті (пикс.)</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>Толтыру түсі</translation>
    </message>
    <message>
        <source>Label style</source>
        <translation>Белгі түрі</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Интерфейс тілі</translation>
    </message>
    <message>
        <source>Reviewer name (private log)</source>
        <translation>Тексерушінің аты (жабық журнал)</translation>
    </message>
    <message>
        <source>Recent letters</source>
        <translation>Соңғы хаттар</translation>
    </message>
    <message>
        <source>For crash recovery only, and whatever this setting says: while the app runs, the letters that are open are listed in an encrypted file in the data folder (unreadable without the installation key); a proper quit deletes it.</source>
        <translation>Тек ақаудан кейін қалпына келтіру үшін және бұл баптауға қарамастан: бағдарлама жұмыс істеп тұрғанда ашық хаттар деректер қалтасындағы шифрланған файлда тізімделеді (орнату кілтінсіз оқылмайды); дұрыс шыққанда ол жойылады.</translation>
    </message>
    <message>
        <source>Export and interface</source>
        <translation>Экспорт және интерфейс</translation>
    </message>
    <message>
        <source>Per paragraph (automatic)</source>
        <translation>Азат жол бойынша (автоматты)</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Қара</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Ақ</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Сұр</translation>
    </message>
    <message>
        <source>to decide: the label's outline, not filled</source>
        <translation>шешім күтуде: белгінің жақтауы, боялмаған</translation>
    </message>
    <message>
        <source>hidden in the copy: solid outline, tinted (black in preview, P)</source>
        <translation>көшірмеде жасырылады: тұтас жақтау, боялған (алдын ала қарауда қара, P)</translation>
    </message>
    <message>
        <source>kept readable: thin grey dashes</source>
        <translation>оқылатын күйде қалады: жіңішке сұр үзік сызық</translation>
    </message>
    <message>
        <source>person</source>
        <translation>адам</translation>
    </message>
    <message>
        <source>place</source>
        <translation>орын</translation>
    </message>
    <message>
        <source>address</source>
        <translation>мекенжай</translation>
    </message>
    <message>
        <source>facility</source>
        <translation>мекеме</translation>
    </message>
    <message>
        <source>date</source>
        <translation>күн</translation>
    </message>
    <message>
        <source>number or ID</source>
        <translation>нөмір не сәйкестендіргіш</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. пошта</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>ұйым</translation>
    </message>
    <message>
        <source>public figure</source>
        <translation>қоғам қайраткері</translation>
    </message>
    <message>
        <source>other</source>
        <translation>басқа</translation>
    </message>
    <message>
        <source>web address</source>
        <translation>веб-мекенжай</translation>
    </message>
    <message>
        <source>search term</source>
        <translation>ізделген сөз</translation>
    </message>
    <message>
        <source>hidden text</source>
        <translation>жасырын мәтін</translation>
    </message>
    <message>
        <source>leak found at export</source>
        <translation>экспорт кезінде табылған ағып кету</translation>
    </message>
    <message>
        <source>barcode or QR code</source>
        <translation>штрихкод не QR-код</translation>
    </message>
    <message>
        <source>face in a photo</source>
        <translation>фотосуреттегі бет</translation>
    </message>
    <message>
        <source>stamp</source>
        <translation>мөртаңба</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>әлі оқылмаған</translation>
    </message>
    <message>
        <source>needs eyes: look at this page and confirm it</source>
        <translation>қарап шығу керек: бетті қарап, растаңыз</translation>
    </message>
    <message>
        <source>findings to decide</source>
        <translation>шешілмеген табылғандар бар</translation>
    </message>
    <message>
        <source>not looked at yet</source>
        <translation>әлі қаралмаған</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1-бет</translation>
    </message>
</context>
</TS>
