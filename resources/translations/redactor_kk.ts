<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>redactor</name>
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
        <source>The saved review was restored.</source>
        <translation>Сақталған тексеру қалпына келтірілді.</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Табылғандар жоқ.</translation>
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
        <source>Accept all</source>
        <translation>Барлығын қабылдау</translation>
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
        <source>Could not save the review: %1</source>
        <translation>Тексеруді сақтау мүмкін болмады: %1</translation>
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
        <source>Export anyway: accept every finding still undecided</source>
        <translation>Бәрібір экспорттау: шешілмеген табылғандардың бәрін қабылдау</translation>
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
        <source>The safe copy cannot replace the original. Choose another name.</source>
        <translation>Қауіпсіз көшірме түпнұсқаны алмастыра алмайды. Басқа атау таңдаңыз.</translation>
    </message>
    <message>
        <source>Export a safe copy of %1</source>
        <translation>%1 қауіпсіз көшірмесін экспорттау</translation>
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
        <source>Nothing was saved: the check found something of a hidden item.</source>
        <translation>Ештеңе сақталмады: тексеру жасырылған бөліктің ізін тапты.</translation>
    </message>
    <message>
        <source>Kept as asked: %1</source>
        <translation>Таңдауыңыз бойынша қалдырылды: %1</translation>
    </message>
    <message>
        <source>Pages that need your eyes are not confirmed yet: %1</source>
        <translation>Қарап шығуды қажет ететін беттер әлі расталмаған: %1</translation>
    </message>
    <message>
        <source>%1 findings are still undecided</source>
        <translation>Шешілмеген табылғандар: %1</translation>
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
        <source>Nothing was saved: %1</source>
        <translation>Ештеңе сақталмады: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: an unexpected error (%1).</source>
        <translation>Ештеңе сақталмады: күтпеген қате (%1).</translation>
    </message>
    <message>
        <source>The private log could not be written: %1</source>
        <translation>Жабық журналды жазу мүмкін болмады: %1</translation>
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
        <source>Accept the selected finding or term (A / Shift+A)</source>
        <translation>Таңдалған табылғанды не терминді қабылдау (A / Shift+A)</translation>
    </message>
    <message>
        <source>Reject the selected finding or term (R / Shift+R)</source>
        <translation>Таңдалған табылғанды не терминді қабылдамау (R / Shift+R)</translation>
    </message>
    <message>
        <source>term</source>
        <translation>термин</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>табылғанды</translation>
    </message>
    <message>
        <source>Accept this %1</source>
        <translation>Осы %1 қабылдау</translation>
    </message>
    <message>
        <source>Reject this %1</source>
        <translation>Осы %1 қабылдамау</translation>
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
        <source>%1 findings: %2 to decide, %3 accepted, %4 rejected</source>
        <translation>Табылғандар: %1; шешім күтуде: %2, қабылданды: %3, қабылданбады: %4</translation>
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
        <source>Delete the box</source>
        <translation>Жақтауды жою</translation>
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
        <source>Redactor finds and hides names and identifying details in letters and exports verified safe copies. It never uses the network.</source>
        <translation>Redactor хаттардағы есімдер мен жеке деректерді тауып жасырады және тексерілген қауіпсіз көшірмелерді экспорттайды. Бағдарлама ешқашан желіге шықпайды.</translation>
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
        <source>A review of %1 saved at %2 was found.</source>
        <translation>%1 хатының %2 кезінде сақталған тексеруі табылды.</translation>
    </message>
    <message>
        <source>This page needs your eyes: %1</source>
        <translation>Бұл бетті қарап шығу керек: %1</translation>
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
        <source>detector</source>
        <translation>детектор</translation>
    </message>
    <message>
        <source>term list</source>
        <translation>терминдер тізімі</translation>
    </message>
    <message>
        <source>drawn by hand</source>
        <translation>қолмен салынған</translation>
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
        <source>score %1</source>
        <translation>бағасы %1</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>%1-бет</translation>
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
        <source>%1 findings on this page are undecided: they are hidden only if accepted.</source>
        <translation>Бұл беттегі шешілмеген табылғандар: %1. Олар қабылданса ғана жасырылады.</translation>
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
        <source>A name, number or word to hide everywhere</source>
        <translation>Барлық жерде жасырылатын есім, нөмір не сөз</translation>
    </message>
    <message>
        <source>In every open letter</source>
        <translation>Барлық ашық хаттарда</translation>
    </message>
    <message>
        <source>Every form is found: case endings, hyphenation, Cyrillic/Latin look-alikes, one OCR error.</source>
        <translation>Барлық түрі табылады: септік жалғаулары, тасымалдау, ұқсас кирилл және латын әріптері, бір тану қатесі.</translation>
    </message>
    <message>
        <source>Hide everywhere</source>
        <translation>Барлық жерде жасыру</translation>
    </message>
    <message>
        <source>Nothing new found.</source>
        <translation>Жаңа ештеңе табылмады.</translation>
    </message>
    <message>
        <source>%1 new boxes added and accepted (Ctrl+Z undoes it).</source>
        <translation>Жаңа жақтаулар қосылып, қабылданды: %1 (Ctrl+Z болдырмайды).</translation>
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
        <source>mixed scripts</source>
        <translation>аралас әліпбилер</translation>
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
