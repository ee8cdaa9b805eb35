<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>New action</source>
        <translation>Ny åtgärd</translation>
    </message>
    <message>
        <source>Edit action</source>
        <translation>Ändra åtgärd</translation>
    </message>
    <message>
        <source>— (the goal itself)</source>
        <translation>— (målet självt)</translation>
    </message>
    <message>
        <source>Action *</source>
        <translation>Åtgärd *</translation>
    </message>
    <message>
        <source>Sub-goal</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Responsible actor</source>
        <translation>Ansvarig aktör</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>Ansvarig person</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Klart senast</translation>
    </message>
</context>
<context>
    <name>ActorDialog</name>
    <message>
        <source>New actor</source>
        <translation>Ny aktör</translation>
    </message>
    <message>
        <source>Edit actor</source>
        <translation>Ändra aktör</translation>
    </message>
    <message>
        <source>e.g. Polisen Söderort</source>
        <translation>t.ex. Polisen Söderort</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Organisation *</source>
        <translation>Organisation *</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Changes show in every network this actor is part of.</source>
        <translation>Ändringar syns i alla nätverk som aktören ingår i.</translation>
    </message>
</context>
<context>
    <name>AddressBookColumns</name>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
</context>
<context>
    <name>AddressBookDialog</name>
    <message>
        <source>Address book</source>
        <translation>Adressbok</translation>
    </message>
    <message>
        <source>The address book is empty. Add the police, the school and the other actors you work with; they can then join any youth's network.</source>
        <translation>Adressboken är tom. Lägg till polisen, skolan och de andra aktörer du arbetar med; de kan sedan ingå i varje ungdoms nätverk.</translation>
    </message>
    <message>
        <source>&amp;New actor…</source>
        <translation>&amp;Ny aktör…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ändra…</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>What was said under this item…</source>
        <translation>Vad som sades under punkten…</translation>
    </message>
    <message>
        <source>Your items for this meeting:</source>
        <translation>Dina egna punkter för mötet:</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>&amp;Present</source>
        <extracomment>AttendanceStatus codes, in the order of the buttons.</extracomment>
        <translation>&amp;Närvarande</translation>
    </message>
    <message>
        <source>&amp;Absent</source>
        <translation>&amp;Frånvarande</translation>
    </message>
    <message>
        <source>&amp;Excused</source>
        <translation>För&amp;hinder</translation>
    </message>
    <message>
        <source>Everyone &amp;present</source>
        <translation>&amp;Alla närvarande</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up…</source>
        <extracomment>A status-bar message. An automatic backup was made (the "Att göra" warning may go). A backup was put at the caseload path: the window opens it again.</extracomment>
        <translation>&amp;Säkerhetskopiera…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>Å&amp;terställ…</translation>
    </message>
    <message>
        <source>Back up the caseload</source>
        <extracomment>The last restore's result (tests read it).</extracomment>
        <translation>Säkerhetskopiera ärendefilen</translation>
    </message>
    <message>
        <source>sigdesk backups ({pattern})</source>
        <translation>sigdesk-säkerhetskopior ({pattern})</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it with a new backup?</source>
        <translation>{name} finns redan. Vill du ersätta den med en ny säkerhetskopia?</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Säkerhetskopiera</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Säkerhetskopierar…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Säkerhetskopian är sparad: {path}</translation>
    </message>
    <message>
        <source>Automatic backup written to {folder}</source>
        <translation>Automatisk säkerhetskopia sparad i {folder}</translation>
    </message>
    <message>
        <source>The automatic backup failed: {why}</source>
        <translation>Den automatiska säkerhetskopian misslyckades: {why}</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Återställ en säkerhetskopia</translation>
    </message>
    <message>
        <source>The passphrase that was in use when the backup was made:</source>
        <translation>Lösenfrasen som gällde när säkerhetskopian gjordes:</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Kontrollerar säkerhetskopian…</translation>
    </message>
    <message>
        <source>The backup from {date} is complete and undamaged.

Replace the caseload {path} with it? The current file is kept beside it, not deleted.</source>
        <translation>Säkerhetskopian från {date} är hel och oskadad.

Vill du ersätta ärendefilen {path} med den? Den nuvarande filen sparas bredvid, den raderas inte.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Inget återställdes.</translation>
    </message>
    <message>
        <source>The backup was restored to {path}.</source>
        <translation>Säkerhetskopian är återställd till {path}.</translation>
    </message>
    <message>
        <source>The earlier file was kept as {kept}.</source>
        <translation>Den tidigare filen finns kvar som {kept}.</translation>
    </message>
    <message>
        <source>The caseload opens with the passphrase on this computer.</source>
        <translation>Ärendefilen öppnas med lösenfrasen på den här datorn.</translation>
    </message>
</context>
<context>
    <name>CancelMeetingDialog</name>
    <message>
        <source>Cancel the meeting</source>
        <translation>Ställ in mötet</translation>
    </message>
    <message>
        <source>Meeting {when} will be marked as cancelled.</source>
        <translation>Mötet {when} markeras som inställt.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
</context>
<context>
    <name>CaseloadPane</name>
    <message>
        <source>Search by name (Ctrl+F)</source>
        <translation>Sök på namn (Ctrl+F)</translation>
    </message>
    <message>
        <source>Active and proposed</source>
        <translation>Aktiva och förslag</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutade</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Only &amp;warnings</source>
        <translation>Bara &amp;varningar</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>{shown} of {total} youths shown</source>
        <translation>{shown} av {total} ungdomar visas</translation>
    </message>
    <message>
        <source>No youths yet. Add your first youth with File → New youth (Ctrl+N).</source>
        <translation>Inga ungdomar än. Lägg till din första ungdom med Arkiv → Ny ungdom (Ctrl+N).</translation>
    </message>
    <message>
        <source>No youth matches. Clear the search, or choose All and untick Only warnings.</source>
        <translation>Ingen ungdom matchar. Töm sökfältet, eller välj Alla och kryssa ur Bara varningar.</translation>
    </message>
</context>
<context>
    <name>CaseloadTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Ålder</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Spår</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nästa möte</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tidsgräns</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deadline {date} ({days} days left)</source>
        <extracomment>Swedish alphabetical order: … z, å, ä, ö (code points put ä before å). Display texts per row, made on the first repaint that shows the row; and per row (search key, closed, warning) for the proxy.</extracomment>
        <translation>Tidsgräns {date} ({days} dagar kvar)</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Byt lösenfras</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Nuvarande lösenfras</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Nothing to show for this period.</source>
        <extracomment>Dots per inch on screen: the report's 150 would draw the labels twice too large.</extracomment>
        <translation>Inget att visa för perioden.</translation>
    </message>
    <message>
        <source>No meeting was held in this period.</source>
        <translation>Inget möte genomfördes under perioden.</translation>
    </message>
    <message>
        <source>Started and closed</source>
        <translation>Påbörjade och avslutade</translation>
    </message>
    <message>
        <source>Five-week rule</source>
        <translation>Femveckorsregeln</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
</context>
<context>
    <name>CloseYouthDialog</name>
    <message>
        <source>Close the youth's SIG</source>
        <translation>Avsluta ungdomens SIG</translation>
    </message>
    <message>
        <source>empty = six months after closure (none when handed over)</source>
        <translation>tomt = sex månader efter avslut (ingen vid överlämning)</translation>
    </message>
    <message>
        <source>Looking for planned meetings…</source>
        <translation>Letar efter planerade möten…</translation>
    </message>
    <message>
        <source>Closed on *</source>
        <translation>Avslutad *</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Planned meetings</source>
        <translation>Planerade möten</translation>
    </message>
    <message>
        <source>(unfinished meeting notes: discarded)</source>
        <translation>(oavslutade mötesanteckningar: kastas)</translation>
    </message>
    <message>
        <source>Ticked meetings are cancelled (no longer exported to the calendar).</source>
        <translation>Markerade möten ställs in (exporteras inte längre till kalendern).</translation>
    </message>
    <message>
        <source>No planned meetings.</source>
        <translation>Inga planerade möten.</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>ConsentColumns</name>
    <message>
        <source>Given by</source>
        <translation>Lämnat av</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Undertecknat</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Giltigt till</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Återkallat</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Aktörer</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Blankett</translation>
    </message>
    <message>
        <source>the youth</source>
        <translation>ungdomen</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Registrera samtycke</translation>
    </message>
    <message>
        <source>e.g. 2025-01</source>
        <translation>t.ex. 2025-01</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Lämnat av</translation>
    </message>
    <message>
        <source>Signed on *</source>
        <translation>Undertecknat *</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Giltigt till</translation>
    </message>
    <message>
        <source>Form version</source>
        <translation>Blankettversion</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Gäller</translation>
    </message>
</context>
<context>
    <name>ConsentMatrixModel</name>
    <message>
        <source>Actor</source>
        <translation>Aktör</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Consent
{who}</source>
        <translation>Samtycke
{who}</translation>
    </message>
    <message>
        <source>Consent: {who}</source>
        <translation>Samtycke: {who}</translation>
    </message>
    <message>
        <source>✓ until
{day}</source>
        <translation>✓ t.o.m.
{day}</translation>
    </message>
    <message>
        <source>✓ no end
date</source>
        <translation>✓ tills
vidare</translation>
    </message>
    <message>
        <source>does not
count (18+)</source>
        <translation>gäller inte
(18+)</translation>
    </message>
    <message>
        <source>withdrawn
{day}</source>
        <translation>återkallat
{day}</translation>
    </message>
    <message>
        <source>ended
{day}</source>
        <translation>upphört
{day}</translation>
    </message>
    <message>
        <source>No consent of theirs covers this actor.</source>
        <translation>Inget samtycke härifrån täcker aktören.</translation>
    </message>
    <message>
        <source>Signed {signed}, valid until {day}.</source>
        <translation>Undertecknat {signed}, gäller till och med {day}.</translation>
    </message>
    <message>
        <source>Signed {signed}, no end date.</source>
        <translation>Undertecknat {signed}, gäller tills vidare.</translation>
    </message>
    <message>
        <source>Signed {signed}, withdrawn {day}.</source>
        <translation>Undertecknat {signed}, återkallat {day}.</translation>
    </message>
    <message>
        <source>Signed {signed}, ended {day}.</source>
        <translation>Undertecknat {signed}, upphörde {day}.</translation>
    </message>
    <message>
        <source>Signed {signed}; a guardian's consent does not count once the youth is 18.</source>
        <translation>Undertecknat {signed}; vårdnadshavares samtycke gäller inte när ungdomen fyllt 18.</translation>
    </message>
    <message>
        <source>No valid consent covers this actor today</source>
        <translation>Inget giltigt samtycke omfattar aktören i dag</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>sigdesk: unexpected error</source>
        <translation>sigdesk: oväntat fel</translation>
    </message>
    <message>
        <source>sigdesk ran into an error it did not expect. Work that was saved before is safe. If it happens again, copy the report below and send it to IT support: it names places in the program only, never case data.</source>
        <translation>sigdesk stötte på ett fel som inte var väntat. Det som sparats tidigare är i säkerhet. Om det händer igen, kopiera rapporten nedan och skicka den till IT-supporten: den nämner bara platser i programmet, aldrig ärendeuppgifter.</translation>
    </message>
    <message>
        <source>The report is also in the log: %1</source>
        <translation>Rapporten finns också i loggen: %1</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Kopiera rapporten</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopierad</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create the caseload</source>
        <translation>Skapa ärendefilen</translation>
    </message>
    <message>
        <source>sigdesk will create an encrypted caseload at
{path}
for {name}. Press {button} to create it.</source>
        <translation>sigdesk skapar en krypterad ärendefil i
{path}
för {name}. Tryck på {button} för att skapa den.</translation>
    </message>
    <message>
        <source>Creating the caseload…</source>
        <translation>Skapar ärendefilen…</translation>
    </message>
    <message>
        <source>The caseload could not be created.</source>
        <translation>Ärendefilen kunde inte skapas.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>Ange ett datum.</translation>
    </message>
    <message>
        <source>The date {date} does not exist: the month has {n} days.</source>
        <translation>Datumet {date} finns inte: månaden har {n} dagar.</translation>
    </message>
    <message>
        <source>The date {date} does not exist: the month must be 01–12.</source>
        <translation>Datumet {date} finns inte: månaden ska vara 01–12.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2026-11-22.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.</translation>
    </message>
</context>
<context>
    <name>DeleteYouthDialog</name>
    <message>
        <source>Delete youth</source>
        <translation>Radera ungdom</translation>
    </message>
    <message>
        <source>Delete {name} and everything about them: guardians, network, consent, plan, meetings with notes, an unfinished meeting, closures and the event log. This cannot be undone. The event log keeps only that a youth was deleted, without a name.

Older backups still hold the youth until they rotate out.</source>
        <translation>Radera {name} och allt om ungdomen: vårdnadshavare, nätverk, samtycken, plan, möten med anteckningar, ett oavslutat möte, avslut och händelseloggen. Det går inte att ångra. Loggen behåller bara att en ungdom raderades, utan namn.

Äldre säkerhetskopior innehåller ungdomen tills de roteras bort.</translation>
    </message>
    <message>
        <source>Type the full name *</source>
        <translation>Skriv hela namnet *</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Radera</translation>
    </message>
</context>
<context>
    <name>DocumentExporter</name>
    <message>
        <source>Save the Word document (not encrypted)</source>
        <extracomment>What the confidentiality rule left out of the documents just written ("" if nothing). Asks where to save (suggested file path) → the chosen path or None. Opens a written document in the default program (Word).</extracomment>
        <translation>Spara Word-dokumentet (inte krypterat)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Ersätta filen?</translation>
    </message>
    <message>
        <source>{files} already exists. Replace it?</source>
        <translation>{files} finns redan. Vill du ersätta den?</translation>
    </message>
    <message>
        <source>The template cannot be used</source>
        <translation>Mallen går inte att använda</translation>
    </message>
    <message>
        <source>Use the built-in template this time?</source>
        <translation>Använda den inbyggda mallen den här gången?</translation>
    </message>
    <message>
        <source>Document saved</source>
        <translation>Dokumentet är sparat</translation>
    </message>
    <message>
        <source>Saved {name}.

The Word file is not encrypted: keep it where your city's rules allow and file it in the journal system.</source>
        <translation>{name} är sparat.

Word-filen är inte krypterad: förvara den där stadens regler tillåter och lägg in den i journalsystemet.</translation>
    </message>
    <message>
        <source>Open it now?</source>
        <translation>Öppna den nu?</translation>
    </message>
</context>
<context>
    <name>DocumentsButton</name>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <source>Action plan (Word)…</source>
        <translation>Åtgärdsplan (Word)…</translation>
    </message>
    <message>
        <source>Action plan, short (Word)…</source>
        <translation>Åtgärdsplan, kort (Word)…</translation>
    </message>
    <message>
        <source>Invitation to the next meeting (Word)…</source>
        <translation>Kallelse till nästa möte (Word)…</translation>
    </message>
    <message>
        <source>Agenda of the next meeting (Word)…</source>
        <translation>Dagordning för nästa möte (Word)…</translation>
    </message>
    <message>
        <source>Minutes of the selected held meeting (Word)…</source>
        <translation>Minnesanteckningar från valt genomfört möte (Word)…</translation>
    </message>
    <message>
        <source>Word files are not encrypted.</source>
        <translation>Word-filer är inte krypterade.</translation>
    </message>
    <message>
        <source>Saved {file}. The Word file is not encrypted.</source>
        <translation>{file} är sparat. Word-filen är inte krypterad.</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Wrong passphrase</source>
        <extracomment>(title, advice) per error class, most specific first.</extracomment>
        <translation>Fel lösenfras</translation>
    </message>
    <message>
        <source>Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Kontrollera Caps Lock och tangentbordslayouten och försök igen.</translation>
    </message>
    <message>
        <source>Passphrase needed</source>
        <translation>Lösenfras behövs</translation>
    </message>
    <message>
        <source>The keyring holds a key for another caseload.</source>
        <translation>Nyckelringen har en nyckel till en annan ärendefil.</translation>
    </message>
    <message>
        <source>The key file is missing</source>
        <translation>Nyckelfilen saknas</translation>
    </message>
    <message>
        <source>The caseload has not been changed.</source>
        <translation>Ärendefilen har inte ändrats.</translation>
    </message>
    <message>
        <source>The key file is damaged</source>
        <translation>Nyckelfilen är skadad</translation>
    </message>
    <message>
        <source>The caseload file is incomplete</source>
        <translation>Ärendefilen är ofullständig</translation>
    </message>
    <message>
        <source>The file has not been changed.</source>
        <translation>Filen har inte ändrats.</translation>
    </message>
    <message>
        <source>Not a sigdesk caseload</source>
        <translation>Inte en sigdesk-ärendefil</translation>
    </message>
    <message>
        <source>The caseload cannot be read</source>
        <translation>Ärendefilen kan inte läsas</translation>
    </message>
    <message>
        <source>The caseload is damaged</source>
        <translation>Ärendefilen är skadad</translation>
    </message>
    <message>
        <source>The caseload cannot be opened</source>
        <translation>Ärendefilen kan inte öppnas</translation>
    </message>
    <message>
        <source>Made by a newer sigdesk</source>
        <translation>Skapad av en nyare sigdesk</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Disken är full</translation>
    </message>
    <message>
        <source>The backup is damaged</source>
        <translation>Säkerhetskopian är skadad</translation>
    </message>
    <message>
        <source>A backup of another caseload</source>
        <translation>En säkerhetskopia av en annan ärendefil</translation>
    </message>
    <message>
        <source>Choose another file</source>
        <translation>Välj en annan fil</translation>
    </message>
    <message>
        <source>The folder cannot be written</source>
        <translation>Det går inte att skriva i mappen</translation>
    </message>
    <message>
        <source>Not a sigdesk backup</source>
        <translation>Inte en sigdesk-säkerhetskopia</translation>
    </message>
    <message>
        <source>No caseload found</source>
        <translation>Ingen ärendefil hittades</translation>
    </message>
    <message>
        <source>A file is already there</source>
        <translation>Det finns redan en fil där</translation>
    </message>
    <message>
        <source>Check the input</source>
        <translation>Kontrollera uppgifterna</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Hittades inte</translation>
    </message>
    <message>
        <source>sigdesk</source>
        <translation>sigdesk</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <extracomment>Tests set this to False to record without opening boxes.</extracomment>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>sigdesk ran into an unexpected error. Your caseload has not been changed by it. If it happens again, send the details below to IT support; they contain no case data.</source>
        <translation>sigdesk stötte på ett oväntat fel. Din ärendefil har inte ändrats av det. Om det händer igen, skicka detaljerna nedan till IT-supporten; de innehåller inga ärendeuppgifter.</translation>
    </message>
</context>
<context>
    <name>FinishPanel</name>
    <message>
        <source>The meeting is recorded.</source>
        <translation>Mötet är registrerat.</translation>
    </message>
    <message>
        <source>Next meeting: {when}, {place}.</source>
        <translation>Nästa möte: {when}, {place}.</translation>
    </message>
    <message>
        <source>No next meeting was planned here.</source>
        <translation>Inget nästa möte planerades här.</translation>
    </message>
    <message>
        <source>Word and calendar files are not encrypted: they leave the caseload's protection. Save them where your city's rules allow, and file the minutes in the journal system.</source>
        <translation>Word- och kalenderfiler är inte krypterade: de lämnar ärendefilens skydd. Spara dem där stadens regler tillåter och lägg in minnesanteckningarna i journalsystemet.</translation>
    </message>
    <message>
        <source>&amp;Minutes (Word)</source>
        <translation>&amp;Minnesanteckningar (Word)</translation>
    </message>
    <message>
        <source>Updated action &amp;plan (Word)</source>
        <translation>Uppdaterad åtgärds&amp;plan (Word)</translation>
    </message>
    <message>
        <source>Updated action plan, &amp;short version (Word)</source>
        <translation>Uppdaterad åtgärdsplan, &amp;kort version (Word)</translation>
    </message>
    <message>
        <source>Next meeting for the &amp;calendar (.ics)</source>
        <translation>Nästa möte till &amp;kalendern (.ics)</translation>
    </message>
    <message>
        <source>&amp;Save the files…</source>
        <translation>&amp;Spara filerna…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <source>Saved:
{files}</source>
        <translation>Sparat:
{files}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>sigdesk — first start</source>
        <translation>sigdesk — första start</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Slutför</translation>
    </message>
</context>
<context>
    <name>FollowUpColumns</name>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>Follow-up after closure</source>
        <translation>Uppföljning efter avslut</translation>
    </message>
    <message>
        <source>Done on *</source>
        <translation>Uppföljd den *</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>{name} is not closed.</source>
        <translation>{name} är inte avslutad.</translation>
    </message>
    <message>
        <source>{name}, closed on {day} ({reason}).</source>
        <translation>{name}, avslutad {day} ({reason}).</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>Achieved</source>
        <extracomment>PlanStatus codes as offered in the follow-up.</extracomment>
        <translation>Uppnått</translation>
    </message>
    <message>
        <source>Partly achieved</source>
        <translation>Delvis uppnått</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>Ej uppnått</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbrutet</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>Förra gången</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>— status —</source>
        <translation>— status —</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>No open goals or actions to follow up.</source>
        <translation>Inga öppna mål eller åtgärder att följa upp.</translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message>
        <source>Youths</source>
        <extracomment>The tables, each a tab: its title and its figures (rows).</extracomment>
        <translation>Ungdomar</translation>
    </message>
    <message>
        <source>Closure reasons</source>
        <translation>Avslutsorsaker</translation>
    </message>
    <message>
        <source>Age at start</source>
        <translation>Ålder vid start</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>Delmål and after closure</source>
        <translation>Delmål och efter avslut</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Follow-up — sigdesk</source>
        <translation>Uppföljning — sigdesk</translation>
    </message>
    <message>
        <source>Click a count to list the youths behind it.</source>
        <translation>Klicka på ett antal för att se vilka ungdomar som ligger bakom det.</translation>
    </message>
    <message>
        <source>The charts could not be shown; the figures are complete.</source>
        <translation>Diagrammen kunde inte visas; siffrorna är fullständiga.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportera…</translation>
    </message>
    <message>
        <source>Uppföljningsrapport (Word)…</source>
        <translation>Uppföljningsrapport (Word)…</translation>
    </message>
    <message>
        <source>Figures as CSV (Excel)…</source>
        <translation>Siffrorna som CSV (Excel)…</translation>
    </message>
    <message>
        <source>Figures as JSON (for the district's merge)…</source>
        <translation>Siffrorna som JSON (för stadsdelens sammanställning)…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Läser siffrorna…</translation>
    </message>
    <message>
        <source>Follow-up {period}</source>
        <translation>Uppföljning {period}</translation>
    </message>
    <message>
        <source>Follow-up {period} ({start} – {end})</source>
        <translation>Uppföljning {period} ({start} – {end})</translation>
    </message>
    <message>
        <source>No youth stands behind this figure.</source>
        <translation>Ingen ungdom ligger bakom den här siffran.</translation>
    </message>
    <message>
        <source>{figure}, {dimension}: 1 youth (double-click opens it)</source>
        <translation>{figure}, {dimension}: 1 ungdom (dubbelklicka för att öppna den)</translation>
    </message>
    <message>
        <source>{figure}, {dimension}: {n} youths (double-click opens one)</source>
        <translation>{figure}, {dimension}: {n} ungdomar (dubbelklicka för att öppna en)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Unsaved changes</source>
        <extracomment>Asks whether to drop unsaved edits; tests replace it.</extracomment>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>You have changes that are not saved. Discard them?</source>
        <translation>Du har ändringar som inte är sparade. Vill du kasta dem?</translation>
    </message>
</context>
<context>
    <name>GallringDialog</name>
    <message>
        <source>Gallring</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>Looking for closed youths…</source>
        <translation>Letar efter avslutade ungdomar…</translation>
    </message>
    <message>
        <source>Secure deletion: the youths are removed and the caseload file is rewritten so that nothing of them remains in it. Older backups still hold them until they rotate out (7 daily and 4 weekly).</source>
        <translation>Säker radering: ungdomarna tas bort och ärendefilen skrivs om så att inget av dem finns kvar i den. Äldre säkerhetskopior innehåller dem tills de roteras bort (7 dagliga och 4 veckovisa).</translation>
    </message>
    <message>
        <source>Delete securely</source>
        <translation>Radera säkert</translation>
    </message>
    <message>
        <source>{name} — closed on {day} ({reason})</source>
        <translation>{name} — avslutad {day} ({reason})</translation>
    </message>
    <message>
        <source>{n} closed youths whose closure is older than {months} months:</source>
        <translation>{n} avslutade ungdomar med avslut äldre än {months} månader:</translation>
    </message>
    <message>
        <source>An interrupted gallring has not rewritten the file yet: finish it now.</source>
        <translation>En avbruten gallring har inte skrivit om filen än: slutför den nu.</translation>
    </message>
    <message>
        <source>Finish the gallring</source>
        <translation>Slutför gallringen</translation>
    </message>
    <message>
        <source>Nothing to delete: no closed youth's closure is older than {months} months.</source>
        <translation>Inget att gallra: ingen avslutad ungdom har avslut äldre än {months} månader.</translation>
    </message>
    <message>
        <source>Delete {n} youths and everything about them? This cannot be undone.</source>
        <translation>Radera {n} ungdomar och allt om dem? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Deleting {n} youths…</source>
        <translation>Raderar {n} ungdomar…</translation>
    </message>
    <message>
        <source>Done: the file is rewritten ({before} → {after} pages) and holds nothing of the deleted youths.</source>
        <translation>Klart: filen är omskriven ({before} → {after} sidor) och innehåller inget av de raderade ungdomarna.</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>New goal</source>
        <translation>Nytt mål</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Ändra mål</translation>
    </message>
    <message>
        <source>What the youth says, in their own words</source>
        <translation>Vad ungdomen säger, med egna ord</translation>
    </message>
    <message>
        <source>Life area</source>
        <translation>Livsområde</translation>
    </message>
    <message>
        <source>Goal *</source>
        <translation>Mål *</translation>
    </message>
    <message>
        <source>In own words</source>
        <translation>Med egna ord</translation>
    </message>
    <message>
        <source>Current situation</source>
        <translation>Nuläge</translation>
    </message>
</context>
<context>
    <name>GuardianColumns</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Vårdnad</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>New guardian</source>
        <translation>Ny vårdnadshavare</translation>
    </message>
    <message>
        <source>Edit guardian</source>
        <translation>Ändra vårdnadshavare</translation>
    </message>
    <message>
        <source>e.g. mother, father</source>
        <translation>t.ex. mamma, pappa</translation>
    </message>
    <message>
        <source>Has custody</source>
        <translation>Har vårdnad</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Namn *</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
</context>
<context>
    <name>HandoverActions</name>
    <message>
        <source>&amp;Hand over…</source>
        <translation>&amp;Överlämna…</translation>
    </message>
    <message>
        <source>Receive a &amp;handover…</source>
        <translation>Ta e&amp;mot överlämning…</translation>
    </message>
    <message>
        <source>Hand over</source>
        <extracomment>The last results (tests read them).</extracomment>
        <translation>Överlämna</translation>
    </message>
    <message>
        <source>Select the youths to hand over in the caseload list first (Ctrl+click or Shift+click selects several).</source>
        <translation>Markera först ungdomarna som ska överlämnas i ärendelistan (Ctrl+klick eller Skift+klick markerar flera).</translation>
    </message>
    <message>
        <source>Hand over {n} youth(s)</source>
        <translation>Överlämna {n} ungdom(ar)</translation>
    </message>
    <message>
        <source>Handover files ({pattern})</source>
        <translation>Överlämningsfiler ({pattern})</translation>
    </message>
    <message>
        <source>Writing the handover file…</source>
        <translation>Skriver överlämningsfilen…</translation>
    </message>
    <message>
        <source>Handover file written: {path}</source>
        <translation>Överlämningsfilen är sparad: {path}</translation>
    </message>
    <message>
        <source>After the handover</source>
        <translation>Efter överlämningen</translation>
    </message>
    <message>
        <source>Close the SIG of the {n} youth(s) as "Handed over to another worker", dated today (their planned meetings are cancelled)? Or delete them from this caseload?</source>
        <translation>Avsluta SIG för {n} ungdom(ar) med skälet ”Överlämnad till annan handläggare”, med dagens datum (planerade möten ställs in)? Eller radera dem ur ärendefilen?</translation>
    </message>
    <message>
        <source>&amp;Close as handed over</source>
        <translation>&amp;Avsluta som överlämnade</translation>
    </message>
    <message>
        <source>&amp;Delete them…</source>
        <translation>&amp;Radera dem…</translation>
    </message>
    <message>
        <source>&amp;Keep them as they are</source>
        <translation>&amp;Behåll dem som de är</translation>
    </message>
    <message>
        <source>{n} youth(s) closed as handed over.</source>
        <translation>{n} ungdom(ar) avslutade som överlämnade.</translation>
    </message>
    <message>
        <source>Delete the {n} youth(s) and everything about them from this caseload? This cannot be undone; the colleague has them in the handover file. Older backups still hold them until they rotate out.</source>
        <translation>Radera {n} ungdom(ar) och allt om dem ur den här ärendefilen? Det går inte att ångra; kollegan har dem i överlämningsfilen. Äldre säkerhetskopior innehåller dem tills de roteras bort.</translation>
    </message>
    <message>
        <source>{n} youth(s) deleted from this caseload.</source>
        <translation>{n} ungdom(ar) raderade ur ärendefilen.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Raderar…</translation>
    </message>
    <message>
        <source>Receive a handover</source>
        <translation>Ta emot överlämning</translation>
    </message>
    <message>
        <source>The six words you got from the sender for {file}:</source>
        <translation>De sex orden du fick av avsändaren för {file}:</translation>
    </message>
    <message>
        <source>Opening the handover file…</source>
        <translation>Öppnar överlämningsfilen…</translation>
    </message>
    <message>
        <source>Received {n} youth(s): {names}.</source>
        <translation>Tog emot {n} ungdom(ar): {names}.</translation>
    </message>
    <message>
        <source>{name} is already in your caseload as {here}: not imported.</source>
        <translation>{name} finns redan i din ärendefil som {here}: importerades inte.</translation>
    </message>
    <message>
        <source>Actors: {added} added to the address book, {matched} already in it.</source>
        <translation>Aktörer: {added} tillagda i adressboken, {matched} fanns redan där.</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Where the caseload lives</source>
        <translation>Var ärendefilen sparas</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>The caseload is one encrypted file. A key file (same name, ending in .key) is kept beside it: back up both, and keep them on this computer, not on a shared drive.</source>
        <translation>Ärendefilen är en krypterad fil. En nyckelfil (samma namn, slutar på .key) ligger bredvid: säkerhetskopiera båda, och ha dem på den här datorn, inte på en delad enhet.</translation>
    </message>
    <message>
        <source>Caseload file</source>
        <translation>Ärendefil</translation>
    </message>
    <message>
        <source>Caseloads (*.sigdesk)</source>
        <translation>Ärendefiler (*.sigdesk)</translation>
    </message>
    <message>
        <source>Choose where to keep the caseload.</source>
        <translation>Välj var ärendefilen ska sparas.</translation>
    </message>
    <message>
        <source>A file is already there; sigdesk never creates a caseload over it. Choose another name.</source>
        <translation>Det finns redan en fil där; sigdesk skapar aldrig en ärendefil över den. Välj ett annat namn.</translation>
    </message>
</context>
<context>
    <name>LockDown</name>
    <message>
        <source>Demo: the passphrase is “sigdesk-demo”.</source>
        <extracomment>Shown above the workspace after an unlock that discarded or kept something.</extracomment>
        <translation>Demo: lösenfrasen är ”sigdesk-demo”.</translation>
    </message>
    <message>
        <source>The changes in “{title}” were discarded when sigdesk locked.</source>
        <translation>Ändringarna i ”{title}” kastades när sigdesk låstes.</translation>
    </message>
    <message>
        <source>Meeting mode was closed when sigdesk locked. Everything typed is kept as a draft in the caseload: start the meeting again to go on.</source>
        <translation>Mötesläget stängdes när sigdesk låstes. Allt du skrev finns kvar som utkast i ärendefilen: starta mötet igen för att fortsätta.</translation>
    </message>
    <message>
        <source>Meeting mode was closed when sigdesk locked; its last changes could not be saved.</source>
        <translation>Mötesläget stängdes när sigdesk låstes; de senaste ändringarna kunde inte sparas.</translation>
    </message>
</context>
<context>
    <name>LockNotice</name>
    <message>
        <source>Click to close</source>
        <translation>Klicka för att stänga</translation>
    </message>
</context>
<context>
    <name>LogColumns</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>sigdesk — SIG caseload</source>
        <translation>sigdesk — SIG-ärenden</translation>
    </message>
    <message>
        <source>Opening the caseload…</source>
        <translation>Öppnar ärendefilen…</translation>
    </message>
    <message>
        <source>&amp;New youth…</source>
        <translation>&amp;Ny ungdom…</translation>
    </message>
    <message>
        <source>&amp;Find youth</source>
        <translation>&amp;Sök ungdom</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The actions that work while the caseload is locked; every other one is disabled.</extracomment>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Address book…</source>
        <translation>&amp;Adressbok…</translation>
    </message>
    <message>
        <source>&amp;Export planned meetings (.ics)…</source>
        <translation>&amp;Exportera planerade möten (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå till</translation>
    </message>
    <message>
        <source>Caseload &amp;list</source>
        <translation>Ärende&amp;listan</translation>
    </message>
    <message>
        <source>&amp;To do</source>
        <translation>&amp;Att göra</translation>
    </message>
    <message>
        <source>&amp;Youth detail</source>
        <translation>&amp;Ungdomen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About sigdesk</source>
        <translation>&amp;Om sigdesk</translation>
    </message>
    <message>
        <source>&amp;Gallring…</source>
        <translation>&amp;Gallring…</translation>
    </message>
    <message>
        <source>Follow-&amp;up and statistics…</source>
        <translation>&amp;Uppföljning och statistik…</translation>
    </message>
    <message>
        <source>The key is stored in the system keyring: the next start opens without the passphrase.</source>
        <translation>Nyckeln är sparad i systemets nyckelring: nästa start öppnar utan lösenfras.</translation>
    </message>
    <message>
        <source>Opened, but the key could not be stored: {why}</source>
        <translation>Öppnad, men nyckeln kunde inte sparas: {why}</translation>
    </message>
    <message>
        <source>sigdesk — DEMO with fictional youths</source>
        <translation>sigdesk — DEMO med påhittade ungdomar</translation>
    </message>
    <message>
        <source>Demo: every person here is fictional. Nothing is saved after you quit.</source>
        <translation>Demo: alla personer här är påhittade. Inget sparas när du avslutar.</translation>
    </message>
    <message>
        <source>{overdue} overdue and {soon} soon: see To do.</source>
        <translation>{overdue} försenade och {soon} snart: se Att göra.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Observera</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>Export all planned meetings</source>
        <translation>Exportera alla planerade möten</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderfiler (*.ics)</translation>
    </message>
    <message>
        <source>About sigdesk</source>
        <translation>Om sigdesk</translation>
    </message>
    <message>
        <source>sigdesk {version}

A working tool for SIG network meetings: caseload, network, consent, action plans and the five-week deadline.

sigdesk is not the official record. The official record is the journal system; file the exported documents there. Exported documents are not encrypted.</source>
        <translation>sigdesk {version}

Ett arbetsverktyg för SIG-nätverksmöten: ärenden, nätverk, samtycke, åtgärdsplaner och femveckorsgränsen.

sigdesk är inte den officiella dokumentationen. Den officiella dokumentationen är journalsystemet; lägg de exporterade dokumenten där. Exporterade dokument är inte krypterade.</translation>
    </message>
</context>
<context>
    <name>MeetingColumns</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuter</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>{day} is {name}, a half-day: the meeting ends after 14:00.</source>
        <translation>{day} är {name}, en halvdag: mötet slutar efter kl. 14.00.</translation>
    </message>
    <message>
        <source>{day} is {name}, not a working day.</source>
        <translation>{day} är {name}, ingen arbetsdag.</translation>
    </message>
    <message>
        <source>Plan a network meeting</source>
        <translation>Planera ett nätverksmöte</translation>
    </message>
    <message>
        <source>Move the meeting</source>
        <translation>Flytta mötet</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Date *</source>
        <extracomment>Asks whether to keep a date on a weekend or holiday; tests replace it.</extracomment>
        <translation>Datum *</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ordförande</translation>
    </message>
    <message>
        <source>Note-taker</source>
        <translation>Antecknare</translation>
    </message>
    <message>
        <source>Plan the meeting on that day anyway?</source>
        <translation>Vill du ändå lägga mötet den dagen?</translation>
    </message>
    <message>
        <source>Not a working day</source>
        <translation>Ingen arbetsdag</translation>
    </message>
    <message>
        <source>No date proposed: {reason}</source>
        <translation>Inget datum föreslaget: {reason}</translation>
    </message>
    <message>
        <source>Proposed: {when}. {reason}</source>
        <translation>Förslag: {when}. {reason}</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>Ange ett datum.</translation>
    </message>
    <message>
        <source>Choose another day.</source>
        <translation>Välj en annan dag.</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>Network meeting — {name} — {when}</source>
        <extracomment>A service's field name → the agenda item (0-based) where it is put right.</extracomment>
        <translation>Nätverksmöte — {name} — {when}</translation>
    </message>
    <message>
        <source>One decision per line</source>
        <translation>Ett beslut per rad</translation>
    </message>
    <message>
        <source>Consent changes, new actors</source>
        <translation>Ändringar i samtycket, nya aktörer</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Föregående</translation>
    </message>
    <message>
        <source>&amp;Next item ▶</source>
        <translation>&amp;Nästa punkt ▶</translation>
    </message>
    <message>
        <source>&amp;Finish meeting</source>
        <translation>&amp;Avsluta möte</translation>
    </message>
    <message>
        <source>&amp;Discard notes…</source>
        <translation>&amp;Kasta anteckningarna…</translation>
    </message>
    <message>
        <source>Throw away everything typed in this meeting; the meeting stays planned.</source>
        <translation>Kasta allt som skrivits under mötet; mötet ligger kvar som planerat.</translation>
    </message>
    <message>
        <source>Network meeting</source>
        <translation>Nätverksmöte</translation>
    </message>
    <message>
        <source>Every actor in the network is covered by a valid consent today.</source>
        <translation>Alla aktörer i nätverket omfattas av ett giltigt samtycke i dag.</translation>
    </message>
    <message>
        <source>Not covered by a valid consent on the meeting day (left off the minutes' distribution): {actors}</source>
        <translation>Omfattas inte av ett giltigt samtycke på mötesdagen (står inte på minnesanteckningarnas sändlista): {actors}</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(ny)</translation>
    </message>
    <message>
        <source>Who does what by when:</source>
        <translation>Vem gör vad till när:</translation>
    </message>
    <message>
        <source>Resumed from the saved draft.</source>
        <translation>Återupptaget från det sparade utkastet.</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>Inte sparat än…</translation>
    </message>
    <message>
        <source>Not saved: the meeting is no longer in the caseload (was the youth deleted?).</source>
        <translation>Inte sparat: mötet finns inte längre i ärendefilen (har ungdomen raderats?).</translation>
    </message>
    <message>
        <source>Saved in the encrypted caseload at {time}.</source>
        <translation>Sparat i den krypterade ärendefilen {time}.</translation>
    </message>
    <message>
        <source>Throw away everything typed in this meeting (attendance, follow-ups, notes, decisions)? The meeting stays planned; nothing is recorded as held.</source>
        <translation>Kasta allt som skrivits under mötet (närvaro, uppföljning, anteckningar, beslut)? Mötet ligger kvar som planerat; inget registreras som genomfört.</translation>
    </message>
    <message>
        <source>Discard the meeting notes</source>
        <translation>Kasta mötesanteckningarna</translation>
    </message>
    <message>
        <source>Not finished yet — {field}: {message}</source>
        <translation>Inte klart än — {field}: {message}</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>No meetings yet. Plan the first network meeting with Plan meeting; the proposed date keeps within five weeks.</source>
        <extracomment>Meetings started in meeting mode and not finished (their draft is saved). The five-week deadline as of this load (active youths only), marked in the calendar.</extracomment>
        <translation>Inga möten än. Planera det första nätverksmötet med Planera möte; det föreslagna datumet håller sig inom fem veckor.</translation>
    </message>
    <message>
        <source>&amp;Plan meeting…</source>
        <translation>&amp;Planera möte…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Flytta…</translation>
    </message>
    <message>
        <source>&amp;Cancel meeting…</source>
        <translation>Ställ &amp;in möte…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar (.ics)…</source>
        <translation>E&amp;xportera till kalender (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Start meeting</source>
        <translation>&amp;Starta möte</translation>
    </message>
    <message>
        <source>P&amp;repare meeting…</source>
        <translation>&amp;Förbered möte…</translation>
    </message>
    <message>
        <source>The youth's SIG is closed; no meetings to plan.</source>
        <translation>Ungdomens SIG är avslutad; inga möten att planera.</translation>
    </message>
    <message>
        <source>Next meeting planned: {when}.</source>
        <translation>Nästa möte är planerat: {when}.</translation>
    </message>
    <message>
        <source>Proposed next meeting: {when}. {reason}</source>
        <translation>Förslag på nästa möte: {when}. {reason}</translation>
    </message>
    <message>
        <source>No date proposed: {reason}</source>
        <translation>Inget datum föreslaget: {reason}</translation>
    </message>
    <message>
        <source>A meeting was started and not finished; what was typed is saved. Start meeting resumes it.</source>
        <translation>Ett möte startades men avslutades inte; det som skrevs är sparat. Starta möte fortsätter där du var.</translation>
    </message>
    <message>
        <source>Blue: planned meeting. Green: held meeting.</source>
        <translation>Blått: planerat möte. Grönt: genomfört möte.</translation>
    </message>
    <message>
        <source>Red, underlined: the deadline {day}.</source>
        <translation>Rött och understruket: tidsgränsen {day}.</translation>
    </message>
    <message>
        <source>The meeting is planned for {day}. Move it to today and start it now?</source>
        <translation>Mötet är planerat till {day}. Flytta det till i dag och starta det nu?</translation>
    </message>
    <message>
        <source>Start the meeting</source>
        <translation>Starta mötet</translation>
    </message>
    <message>
        <source>Export meetings to a calendar file</source>
        <translation>Exportera möten till en kalenderfil</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderfiler (*.ics)</translation>
    </message>
    <message>
        <source>Wrote 1 planned meeting to {file}. The file is not encrypted.</source>
        <translation>Skrev 1 planerat möte till {file}. Filen är inte krypterad.</translation>
    </message>
    <message>
        <source>Wrote {n} planned meetings to {file}. The file is not encrypted.</source>
        <translation>Skrev {n} planerade möten till {file}. Filen är inte krypterad.</translation>
    </message>
</context>
<context>
    <name>NetworkPickerDialog</name>
    <message>
        <source>Add actors to the network</source>
        <translation>Lägg till aktörer i nätverket</translation>
    </message>
    <message>
        <source>Every actor in the address book is already in this network. Use New actor.</source>
        <translation>Alla aktörer i adressboken finns redan i nätverket. Använd Ny aktör.</translation>
    </message>
    <message>
        <source>New actor…</source>
        <translation>Ny aktör…</translation>
    </message>
    <message>
        <source>Address book</source>
        <translation>Adressbok</translation>
    </message>
    <message>
        <source>Tick at least one actor.</source>
        <translation>Kryssa i minst en aktör.</translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <source>No actors in the network yet. Add the police and the school first (Add from address book or New actor), then record consent.</source>
        <translation>Inga aktörer i nätverket än. Lägg först till polisen och skolan (Lägg till från adressboken eller Ny aktör), registrera sedan samtycke.</translation>
    </message>
    <message>
        <source>&amp;Add from address book…</source>
        <translation>&amp;Lägg till från adressboken…</translation>
    </message>
    <message>
        <source>&amp;New actor…</source>
        <translation>&amp;Ny aktör…</translation>
    </message>
    <message>
        <source>Edit actor…</source>
        <translation>Ändra aktör…</translation>
    </message>
    <message>
        <source>Remove from network</source>
        <translation>Ta bort ur nätverket</translation>
    </message>
    <message>
        <source>&amp;Record consent…</source>
        <translation>&amp;Registrera samtycke…</translation>
    </message>
    <message>
        <source>&amp;Withdraw consent…</source>
        <translation>Åter&amp;kalla samtycke…</translation>
    </message>
    <message>
        <source>Network and consent</source>
        <translation>Nätverk och samtycke</translation>
    </message>
    <message>
        <source>Consent forms</source>
        <translation>Samtyckesblanketter</translation>
    </message>
    <message>
        <source>{who} missing from the network. Police and school must take part in SIG.</source>
        <translation>{who} saknas i nätverket. Polis och skola ska delta i SIG.</translation>
    </message>
    <message>
        <source>Add the actors of the network first, then record consent.</source>
        <translation>Lägg först till nätverkets aktörer, registrera sedan samtycke.</translation>
    </message>
    <message>
        <source>A valid consent covers {n} of {total} actors today ({day}).</source>
        <translation>Ett giltigt samtycke omfattar {n} av {total} aktörer i dag ({day}).</translation>
    </message>
    <message>
        <source>No valid consent for: {actors}</source>
        <translation>Inget giltigt samtycke för: {actors}</translation>
    </message>
    <message>
        <source>Remove {actor} from this network?</source>
        <translation>Ta bort {actor} ur nätverket?</translation>
    </message>
</context>
<context>
    <name>NewItemsPanel</name>
    <message>
        <source>The goal, in the youth's words if possible</source>
        <translation>Målet, gärna med ungdomens egna ord</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Lägg till &amp;mål</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Vad ska göras</translation>
    </message>
    <message>
        <source>(no actor)</source>
        <translation>(ingen aktör)</translation>
    </message>
    <message>
        <source>Add a&amp;ction</source>
        <translation>Lägg till å&amp;tgärd</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Ta bort markerad</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nytt mål</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Ny åtgärd</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Person (optional)</source>
        <translation>Person (valfritt)</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Write the goal first.</source>
        <translation>Skriv målet först.</translation>
    </message>
    <message>
        <source>Choose the goal and write what is to be done.</source>
        <translation>Välj mål och skriv vad som ska göras.</translation>
    </message>
    <message>
        <source>New: {goal}</source>
        <translation>Nytt: {goal}</translation>
    </message>
    <message>
        <source>Goal ({area}): {text}</source>
        <translation>Mål ({area}): {text}</translation>
    </message>
    <message>
        <source>Action: {what} · {who} · {due}</source>
        <translation>Åtgärd: {what} · {who} · {due}</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Upprepa den</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>Lösenfrasen måste ha minst 8 tecken.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De två lösenfraserna är inte lika.</translation>
    </message>
</context>
<context>
    <name>NextMeetingPanel</name>
    <message>
        <source>&amp;Plan the next meeting now</source>
        <translation>&amp;Planera nästa möte nu</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Use the &amp;proposal</source>
        <translation>Använd &amp;förslaget</translation>
    </message>
    <message>
        <source>I &amp;confirm: the meeting is held after the deadline</source>
        <translation>Jag &amp;bekräftar: mötet hålls efter tidsgränsen</translation>
    </message>
    <message>
        <source>Why? (goes into the decisions)</source>
        <translation>Varför? (kommer med i besluten)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Deadline (five weeks): {day}.</source>
        <translation>Tidsgräns (fem veckor): {day}.</translation>
    </message>
    <message>
        <source>Proposed: {when}. {reason}</source>
        <translation>Förslag: {when}. {reason}</translation>
    </message>
    <message>
        <source>No date proposed: {reason}</source>
        <translation>Inget datum föreslaget: {reason}</translation>
    </message>
    <message>
        <source>Already planned: {when}.</source>
        <translation>Redan planerat: {when}.</translation>
    </message>
    <message>
        <source>{day} is after the deadline {deadline}: the five-week rule is broken. Confirm and give a reason.</source>
        <translation>{day} ligger efter tidsgränsen {deadline}: femveckorsregeln bryts. Bekräfta och ange ett skäl.</translation>
    </message>
    <message>
        <source>The next meeting cannot be in the past.</source>
        <translation>Nästa möte kan inte ligga bakåt i tiden.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>&amp;Edit…</source>
        <extracomment>A status-bar message after "Copy personnummer".</extracomment>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <source>Edit the youth (Ctrl+E)</source>
        <translation>Ändra ungdomens uppgifter (Ctrl+E)</translation>
    </message>
    <message>
        <source>Close SIG…</source>
        <translation>Avsluta SIG…</translation>
    </message>
    <message>
        <source>Follow-up after closure…</source>
        <translation>Uppföljning efter avslut…</translation>
    </message>
    <message>
        <source>Reopen SIG…</source>
        <translation>Återuppta SIG…</translation>
    </message>
    <message>
        <source>Delete youth…</source>
        <translation>Radera ungdom…</translation>
    </message>
    <message>
        <source>Only for a youth entered by mistake</source>
        <translation>Bara för en ungdom som registrerats av misstag</translation>
    </message>
    <message>
        <source>Copy &amp;personnummer</source>
        <translation>Kopiera &amp;personnummer</translation>
    </message>
    <message>
        <source>Copied for 30 seconds; then the clipboard is emptied.</source>
        <translation>Kopieras i 30 sekunder; sedan töms urklippet.</translation>
    </message>
    <message>
        <source>Add guardian…</source>
        <translation>Lägg till vårdnadshavare…</translation>
    </message>
    <message>
        <source>Edit guardian…</source>
        <translation>Ändra vårdnadshavare…</translation>
    </message>
    <message>
        <source>Remove guardian</source>
        <translation>Ta bort vårdnadshavare</translation>
    </message>
    <message>
        <source>SIG periods</source>
        <translation>SIG-perioder</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Spår</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadsdel</translation>
    </message>
    <message>
        <source>Meeting interval</source>
        <translation>Mötesintervall</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Föreslagen av</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Bedömd</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tingsrätt</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Overall goal</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source> ({age} years)</source>
        <translation> ({age} år)</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} dagar</translation>
    </message>
    <message>
        <source>No statement to the district court</source>
        <translation>Inget yttrande till tingsrätten</translation>
    </message>
    <message>
        <source>In a statement to the district court</source>
        <translation>I yttrande till tingsrätten</translation>
    </message>
    <message>
        <source>judgment {day}</source>
        <translation>dom {day}</translation>
    </message>
    <message>
        <source>Personnummer copied; the clipboard is emptied in 30 seconds.</source>
        <translation>Personnumret är kopierat; urklippet töms om 30 sekunder.</translation>
    </message>
    <message>
        <source>Remove {name} as a guardian of this youth?</source>
        <translation>Ta bort {name} som vårdnadshavare för ungdomen?</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Välj en lösenfras</translation>
    </message>
    <message>
        <source>Four or more words you can remember, e.g. a short sentence.</source>
        <translation>Fyra eller fler ord som du kan minnas, t.ex. en kort mening.</translation>
    </message>
    <message>
        <source>Nothing can recover the caseload without this passphrase or this computer's keyring — not sigdesk, not IT support. Keep the passphrase somewhere safe.</source>
        <translation>Ingenting kan återställa ärendefilen utan den här lösenfrasen eller datorns nyckelring — inte sigdesk, inte IT-supporten. Förvara lösenfrasen på ett säkert ställe.</translation>
    </message>
    <message>
        <source>I have kept the passphrase somewhere safe</source>
        <translation>Jag har förvarat lösenfrasen på ett säkert ställe</translation>
    </message>
    <message>
        <source>This computer's keyring will unlock sigdesk when you log in; you type the passphrase only when the keyring cannot.</source>
        <translation>Datorns nyckelring låser upp sigdesk när du loggar in; du skriver lösenfrasen bara när nyckelringen inte kan.</translation>
    </message>
    <message>
        <source>No safe keyring on this computer ({problem}): you will type the passphrase each time sigdesk starts.</source>
        <translation>Ingen säker nyckelring på den här datorn ({problem}): du skriver lösenfrasen varje gång sigdesk startar.</translation>
    </message>
</context>
<context>
    <name>PassphraseShownDialog</name>
    <message>
        <source>Handover passphrase</source>
        <translation>Överlämningens lösenfras</translation>
    </message>
    <message>
        <source>The handover file {file} is written ({names}).</source>
        <translation>Överlämningsfilen {file} är sparad ({names}).</translation>
    </message>
    <message>
        <source>One-time passphrase</source>
        <translation>Engångslösenfras</translation>
    </message>
    <message>
        <source>Write the six words down now: they are shown only this once. Give them to the receiver another way than the file (by phone or in person, not in the same e-mail). Anyone with both the file and the words can read everything in it.</source>
        <translation>Skriv ner de sex orden nu: de visas bara den här gången. Ge dem till mottagaren på annat sätt än filen (per telefon eller personligen, inte i samma e-post). Den som har både filen och orden kan läsa allt i den.</translation>
    </message>
    <message>
        <source>{n} unfinished meeting draft(s) stay here: finish those meetings first if their notes should go along.</source>
        <translation>{n} oavslutade mötesutkast stannar här: avsluta de mötena först om anteckningarna ska följa med.</translation>
    </message>
    <message>
        <source>I have written the words down</source>
        <translation>Jag har skrivit ner orden</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>För kort: minst 8 tecken.</translation>
    </message>
    <message>
        <source>Weak: a phrase of four or more words is easier to remember and harder to guess.</source>
        <translation>Svag: en fras med fyra eller fler ord är lättare att minnas och svårare att gissa.</translation>
    </message>
    <message>
        <source>Fair: a few more words make it stronger.</source>
        <translation>Godtagbar: några ord till gör den starkare.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>January</source>
        <translation>januari</translation>
    </message>
    <message>
        <source>February</source>
        <translation>februari</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>april</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>augusti</translation>
    </message>
    <message>
        <source>September</source>
        <translation>september</translation>
    </message>
    <message>
        <source>October</source>
        <translation>oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>november</translation>
    </message>
    <message>
        <source>December</source>
        <translation>december</translation>
    </message>
    <message>
        <source>This year so far</source>
        <translation>I år hittills</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Halvår</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kvartal</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Från – till</translation>
    </message>
    <message>
        <source>Part of the year</source>
        <translation>Del av året</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Första dagen</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>Sista dagen (räknas med)</translation>
    </message>
    <message>
        <source>First half</source>
        <translation>Första halvåret</translation>
    </message>
    <message>
        <source>Second half</source>
        <translation>Andra halvåret</translation>
    </message>
    <message>
        <source>Quarter {n}</source>
        <translation>Kvartal {n}</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>Första dagen ligger efter den sista.</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>Closed on {day}: {reason}</source>
        <translation>Avslutad {day}: {reason}</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>Kommentar: {comment}</translation>
    </message>
    <message>
        <source>Followed up on {day}: {outcome}</source>
        <translation>Uppföljd {day}: {outcome}</translation>
    </message>
    <message>
        <source>Follow-up after closure due on {day}.</source>
        <translation>Uppföljning efter avslut senast {day}.</translation>
    </message>
    <message>
        <source>No SIG period yet (no start date).</source>
        <translation>Ingen SIG-period än (inget startdatum).</translation>
    </message>
    <message>
        <source>{n}. {start} – ongoing</source>
        <translation>{n}. {start} – pågår</translation>
    </message>
    <message>
        <source>{n}. {start} – {end}: {reason}</source>
        <translation>{n}. {start} – {end}: {reason}</translation>
    </message>
    <message>
        <source>; followed up: {outcome}</source>
        <translation>; uppföljd: {outcome}</translation>
    </message>
    <message>
        <source>; reopened on {day}</source>
        <translation>; återupptagen {day}</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Goal / sub-goal / action</source>
        <translation>Mål / delmål / åtgärd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Latest follow-up</source>
        <translation>Senaste uppföljning</translation>
    </message>
    <message>
        <source>F2 or a click on the selected cell edits the words or the status here; a double-click opens every field.</source>
        <extracomment>A refresh that arrived during an in-place edit; drawn when the editor closes.</extracomment>
        <translation>F2 eller ett klick på den markerade cellen ändrar texten eller statusen här; ett dubbelklick öppnar alla fält.</translation>
    </message>
    <message>
        <source>No goals yet. Agree the first goal with the youth and add it with New goal.</source>
        <extracomment>(kind, id) → "Delmål: …", for naming items in the follow-up history.</extracomment>
        <translation>Inga mål än. Kom överens med ungdomen om det första målet och lägg till det med Nytt mål.</translation>
    </message>
    <message>
        <source>New &amp;goal…</source>
        <translation>Nytt &amp;mål…</translation>
    </message>
    <message>
        <source>New &amp;sub-goal…</source>
        <translation>Nytt &amp;delmål…</translation>
    </message>
    <message>
        <source>New &amp;action…</source>
        <translation>Ny å&amp;tgärd…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Sätt status</translation>
    </message>
    <message>
        <source>Follow-up history of the selected goal</source>
        <translation>Uppföljningshistorik för det valda målet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overall goal:&lt;/b&gt; {goal}</source>
        <translation>&lt;b&gt;Övergripande mål:&lt;/b&gt; {goal}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overall goal:&lt;/b&gt; not written yet (Overview → Edit).</source>
        <translation>&lt;b&gt;Övergripande mål:&lt;/b&gt; inte skrivet ännu (Översikt → Ändra).</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Sub-goal</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <source>Prepare the meeting</source>
        <translation>Förbered mötet</translation>
    </message>
    <message>
        <source>Meeting {when}, {place}</source>
        <translation>Möte {when}, {place}</translation>
    </message>
    <message>
        <source>Writes the invitation (kallelse) and the agenda (dagordning) as Word files. They are not encrypted; send them only to those listed.</source>
        <translation>Skriver kallelsen och dagordningen som Word-filer. De är inte krypterade; skicka dem bara till dem som står i listan.</translation>
    </message>
    <message>
        <source>Items of your own for this meeting, one per line (taken up under Övrigt)</source>
        <translation>Egna punkter för just det här mötet, en per rad (tas upp under Övrigt)</translation>
    </message>
    <message>
        <source>&amp;Write invitation and agenda…</source>
        <translation>&amp;Skriv kallelse och dagordning…</translation>
    </message>
    <message>
        <source>Invited (send to):</source>
        <translation>Inbjudna (skickas till):</translation>
    </message>
    <message>
        <source>Extra agenda items:</source>
        <translation>Egna punkter på dagordningen:</translation>
    </message>
    <message>
        <source>Proposed meeting after this one (item 8): {when}. {reason}</source>
        <translation>Förslag på mötet därefter (punkt 8): {when}. {reason}</translation>
    </message>
    <message>
        <source>No valid consent on the meeting day — left off the distribution:
{actors}</source>
        <translation>Inget giltigt samtycke på mötesdagen — står inte på sändlistan:
{actors}</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>Skrivet: {files}</translation>
    </message>
    <message>
        <source>Not written (you kept the existing file): {files}</source>
        <translation>Inte skrivet (du behöll den befintliga filen): {files}</translation>
    </message>
    <message>
        <source>&amp;Write again…</source>
        <translation>&amp;Skriv igen…</translation>
    </message>
</context>
<context>
    <name>PresenceWarning</name>
    <message>
        <source>No valid consent on the meeting day covers {names}, marked present: share nothing about the youth while they are in the room. They are left out of the minutes.</source>
        <translation>Inget samtycke som gäller mötesdagen omfattar {names}, markerad som närvarande: dela inget om ungdomen medan de är i rummet. De utelämnas ur minnesanteckningarna.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Receive a handover</source>
        <translation>Ta emot överlämning</translation>
    </message>
    <message>
        <source>Handover file made {date}.</source>
        <translation>Överlämningsfilen gjordes {date}.</translation>
    </message>
    <message>
        <source>, {age} years</source>
        <translation>, {age} år</translation>
    </message>
    <message>
        <source>already in your caseload ({name}): not imported</source>
        <translation>finns redan i din ärendefil ({name}): importeras inte</translation>
    </message>
    <message>
        <source>Youths ({n})</source>
        <translation>Ungdomar ({n})</translation>
    </message>
    <message>
        <source>Actors ({n})</source>
        <translation>Aktörer ({n})</translation>
    </message>
    <message>
        <source>in your address book</source>
        <translation>finns i adressboken</translation>
    </message>
    <message>
        <source>added to it</source>
        <translation>läggs till i adressboken</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>This handover was already received on {date}: nothing to import.</source>
        <translation>Den här överlämningen togs emot {date}: inget att importera.</translation>
    </message>
    <message>
        <source>Every youth in the file is already in your caseload.</source>
        <translation>Alla ungdomar i filen finns redan i din ärendefil.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Your details</source>
        <translation>Dina uppgifter</translation>
    </message>
    <message>
        <source>Printed on agendas, minutes and plans. You can change them later.</source>
        <translation>Skrivs ut på dagordningar, minnesanteckningar och planer. Du kan ändra dem senare.</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Namn *</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Förvaltning</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Ange ditt namn.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>Change data key</source>
        <translation>Byt datanyckel</translation>
    </message>
    <message>
        <source>A new random key re-encrypts the whole caseload. Backups made before keep the old key and still open with the passphrase they were made with. If the computer stops midway, the caseload opens with the old or the new key.</source>
        <translation>En ny slumpad nyckel krypterar om hela ärendefilen. Säkerhetskopior som gjorts tidigare behåller den gamla nyckeln och öppnas fortfarande med lösenfrasen de gjordes med. Om datorn stannar mitt i öppnas ärendefilen med den gamla eller den nya nyckeln.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Ange lösenfrasen.</translation>
    </message>
    <message>
        <source>Re-encrypting the caseload…</source>
        <translation>Krypterar om ärendefilen…</translation>
    </message>
    <message>
        <source>Done: the caseload is encrypted with a new data key.</source>
        <translation>Klart: ärendefilen är krypterad med en ny datanyckel.</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen SIG</source>
        <translation>Återuppta SIG</translation>
    </message>
    <message>
        <source>A new SIG period begins. The period that ended on {day} stays in the history; the five-week deadline counts from the new start.</source>
        <translation>En ny SIG-period börjar. Perioden som avslutades {day} finns kvar i historiken; femveckorsgränsen räknas från den nya starten.</translation>
    </message>
    <message>
        <source>New start *</source>
        <translation>Ny start *</translation>
    </message>
    <message>
        <source>Note on the new period</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>SaveTarget</name>
    <message>
        <source>Replace the file?</source>
        <translation>Ersätta filen?</translation>
    </message>
    <message>
        <source>{files} already exists. Replace it?</source>
        <translation>{files} finns redan. Vill du ersätta den?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>My details (printed on documents)</source>
        <translation>Mina uppgifter (skrivs ut på dokument)</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Namn *</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Förvaltning</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>sigdesk on this computer</source>
        <translation>sigdesk på den här datorn</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>Proposed meetings keep this many days before the deadline, so that a cancelled meeting can still be moved in time.</source>
        <translation>Föreslagna möten läggs så många dagar före tidsgränsen, så att ett inställt möte ännu kan flyttas i tid.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> månader</translation>
    </message>
    <message>
        <source>Closed youths whose closure is older than this are offered for secure deletion in To do.</source>
        <translation>Avslutade ungdomar med avslut äldre än så erbjuds för säker radering i Att göra.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>empty = the built-in templates</source>
        <translation>tomt = de inbyggda mallarna</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Print the personnummer in the full action plan</source>
        <translation>Skriv ut personnumret i den fullständiga åtgärdsplanen</translation>
    </message>
    <message>
        <source>Print counts of 1–2 as they are in the Uppföljningsrapport (otherwise "&lt;3")</source>
        <translation>Skriv ut antal 1–2 som de är i Uppföljningsrapporten (annars "&lt;3")</translation>
    </message>
    <message>
        <source>Off: the report's tables and charts show a count of 1 or 2 as "&lt;3", so that no single youth can be recognised in a small group.</source>
        <translation>Av: rapportens tabeller och diagram visar antalet 1 eller 2 som "&lt;3", så att ingen enskild ungdom kan kännas igen i en liten grupp.</translation>
    </message>
    <message>
        <source>A new language shows the next time sigdesk starts.</source>
        <translation>Ett nytt språk visas nästa gång sigdesk startar.</translation>
    </message>
    <message>
        <source>Default meeting interval</source>
        <translation>Mötesintervall för nya ungdomar</translation>
    </message>
    <message>
        <source>Warn this many days before</source>
        <translation>Varna så här många dagar före</translation>
    </message>
    <message>
        <source>Proposals: margin before the deadline</source>
        <translation>Förslag: marginal före tidsgränsen</translation>
    </message>
    <message>
        <source>Gallring after closure</source>
        <translation>Gallring efter avslut</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Lås efter inaktivitet</translation>
    </message>
    <message>
        <source>Lock after idle in meeting mode</source>
        <translation>Lås efter inaktivitet i mötesläget</translation>
    </message>
    <message>
        <source>Template folder</source>
        <translation>Mallmapp</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Mapp för säkerhetskopior</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Byt lösenfras…</translation>
    </message>
    <message>
        <source>Change data key…</source>
        <translation>Byt datanyckel…</translation>
    </message>
    <message>
        <source>Choose another drive, such as your home share (H:), so that a lost or broken laptop does not take the backups with it. Backups are encrypted; 7 daily and 4 weekly are kept.</source>
        <translation>Välj en annan enhet, till exempel din hemkatalog (H:), så att en förlorad eller trasig dator inte tar säkerhetskopiorna med sig. Kopiorna är krypterade; 7 dagliga och 4 veckovisa sparas.</translation>
    </message>
    <message>
        <source>The settings could not be saved ({error}).</source>
        <translation>Inställningarna kunde inte sparas ({error}).</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>The caseload is open in another sigdesk window. Switch to that window, or close it and start sigdesk again.</source>
        <translation>Ärendefilen är öppen i ett annat sigdesk-fönster. Gå till det fönstret, eller stäng det och starta sigdesk igen.</translation>
    </message>
</context>
<context>
    <name>StatsExport</name>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Export the follow-up</source>
        <translation>Exportera uppföljningen</translation>
    </message>
    <message>
        <source>Wrote {file}. The file is not encrypted; it holds no names.</source>
        <translation>Skrev {file}. Filen är inte krypterad; den innehåller inga namn.</translation>
    </message>
</context>
<context>
    <name>StatsTable</name>
    <message>
        <source>{n} of {d}</source>
        <translation>{n} av {d}</translation>
    </message>
    <message>
        <source>Click to list the youths.</source>
        <translation>Klicka för att se ungdomarna.</translation>
    </message>
</context>
<context>
    <name>SubGoalDialog</name>
    <message>
        <source>New sub-goal</source>
        <translation>Nytt delmål</translation>
    </message>
    <message>
        <source>Edit sub-goal</source>
        <translation>Ändra delmål</translation>
    </message>
    <message>
        <source>Sub-goal *</source>
        <translation>Delmål *</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Klart senast</translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message>
        <source>Backup</source>
        <translation>Säkerhetskopia</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenat</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Snart</translation>
    </message>
    <message>
        <source>Planned too late</source>
        <translation>Planerat för sent</translation>
    </message>
    <message>
        <source>Meeting not recorded</source>
        <translation>Möte ej registrerat</translation>
    </message>
    <message>
        <source>Consent ending</source>
        <translation>Samtycke upphör</translation>
    </message>
    <message>
        <source>Consent ended</source>
        <translation>Samtycke upphört</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <translation>Samtycke saknas</translation>
    </message>
    <message>
        <source>Actor missing</source>
        <translation>Aktör saknas</translation>
    </message>
    <message>
        <source>Follow-up after closure</source>
        <translation>Uppföljning efter avslut</translation>
    </message>
    <message>
        <source>Gallring</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>What</source>
        <extracomment>Which detail tab a todo item leads to (index in YouthDetailView.tabs).</extracomment>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Ungdom</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Att göra</translation>
    </message>
    <message>
        <source>Nothing to do right now: every active youth has a meeting in time, and consent and networks are complete.</source>
        <translation>Inget att göra just nu: alla aktiva ungdomar har ett möte i tid, och samtycken och nätverk är kompletta.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Hämtar…</translation>
    </message>
    <message>
        <source>To do ({n})</source>
        <translation>Att göra ({n})</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>The caseload is locked</source>
        <extracomment>Errors after which typing the passphrase (again) can help. "Restore a backup…" on a damaged or unreadable file.</extracomment>
        <translation>Ärendefilen är låst</translation>
    </message>
    <message>
        <source>Enter your passphrase to open the caseload. It is encrypted on this computer.</source>
        <translation>Ange din lösenfras för att öppna ärendefilen. Den är krypterad på den här datorn.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås upp</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer (in the system keyring)</source>
        <translation>&amp;Kom ihåg på den här datorn (i systemets nyckelring)</translation>
    </message>
    <message>
        <source>The next start opens the caseload without asking for the passphrase.</source>
        <translation>Nästa start öppnar ärendefilen utan att fråga efter lösenfrasen.</translation>
    </message>
    <message>
        <source>Restore a &amp;backup…</source>
        <translation>Återställ en &amp;säkerhetskopia…</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Fil: {path}</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Öppnar…</translation>
    </message>
</context>
<context>
    <name>Weekday</name>
    <message>
        <source>Monday</source>
        <translation>måndag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>tisdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>onsdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>torsdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>fredag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lördag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>söndag</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to sigdesk</source>
        <translation>Välkommen till sigdesk</translation>
    </message>
    <message>
        <source>sigdesk keeps your SIG caseload — youths, networks, consent, action plans and network meetings — encrypted on this computer, and warns you before the five-week meeting deadline.</source>
        <translation>sigdesk håller dina SIG-ärenden — ungdomar, nätverk, samtycken, åtgärdsplaner och nätverksmöten — krypterade på den här datorn, och varnar dig före femveckorsgränsen för mötena.</translation>
    </message>
    <message>
        <source>sigdesk is your working tool. The official record is the journal system: file the documents you export from sigdesk there. Exported documents are not encrypted.</source>
        <translation>sigdesk är ditt arbetsverktyg. Den officiella dokumentationen är journalsystemet: lägg dokumenten du exporterar från sigdesk där. Exporterade dokument är inte krypterade.</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Återkalla samtycke</translation>
    </message>
    <message>
        <source>Withdrawn on *</source>
        <translation>Återkallat *</translation>
    </message>
</context>
<context>
    <name>YouthDetailView</name>
    <message>
        <source>Select a youth in the list to see the network, consent, plan and meetings.</source>
        <extracomment>A short status-bar message from a tab (e.g. "Exported …"). Unfinished meetings the user chose not to resume now (asked once a session).</extracomment>
        <translation>Välj en ungdom i listan för att se nätverk, samtycke, plan och möten.</translation>
    </message>
    <message>
        <source>New to sigdesk? Add your first youth with New youth (Ctrl+N).</source>
        <translation>Ny i sigdesk? Lägg till din första ungdom med Ny ungdom (Ctrl+N).</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ö&amp;versikt</translation>
    </message>
    <message>
        <source>Network &amp;&amp; &amp;consent</source>
        <translation>Nätverk &amp;&amp; &amp;samtycke</translation>
    </message>
    <message>
        <source>Action &amp;plan</source>
        <translation>Åtgärds&amp;plan</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Möten</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Logg</translation>
    </message>
    <message>
        <source>The network meeting of {when} was started and not finished (saved {saved}). Go on with it now? Everything typed so far is kept.</source>
        <translation>Nätverksmötet {when} startades men avslutades inte (sparat {saved}). Fortsätta med det nu? Allt som skrivits hittills finns kvar.</translation>
    </message>
    <message>
        <source>Unfinished meeting</source>
        <translation>Oavslutat möte</translation>
    </message>
</context>
<context>
    <name>YouthDialog</name>
    <message>
        <source>New youth</source>
        <translation>Ny ungdom</translation>
    </message>
    <message>
        <source>Edit youth</source>
        <translation>Ändra ungdom</translation>
    </message>
    <message>
        <source>Reopen the SIG with Reopen SIG… on the Overview tab.</source>
        <translation>Återuppta SIG med Återuppta SIG… på fliken Översikt.</translation>
    </message>
    <message>
        <source>Written into a statement to the district court</source>
        <translation>Ingår i ett yttrande till tingsrätten</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>Förnamn *</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Efternamn *</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Spår</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadsdel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Föreslagen av</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Bedömd</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Beslutsdatum</translation>
    </message>
    <message>
        <source>Kind of decision</source>
        <translation>Beslutstyp</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tingsrätt</translation>
    </message>
    <message>
        <source>Date of judgment</source>
        <translation>Domdatum</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Meeting interval</source>
        <translation>Mötesintervall</translation>
    </message>
    <message>
        <source>Overall goal</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>* required. Dates as YYYY-MM-DD. At most five weeks between meetings.</source>
        <translation>* obligatoriskt. Datum som ÅÅÅÅ-MM-DD. Högst fem veckor mellan mötena.</translation>
    </message>
</context>
<context>
    <name>YouthHeader</name>
    <message>
        <source>{age} years</source>
        <translation>{age} år</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>{n} dagar försenat</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <translation>{n} dagar kvar</translation>
    </message>
    <message>
        <source>Deadline {day}</source>
        <translation>Senast {day}</translation>
    </message>
    <message>
        <source>Next meeting: {when}</source>
        <translation>Nästa möte: {when}</translation>
    </message>
    <message>
        <source>No meeting planned</source>
        <translation>Inget möte planerat</translation>
    </message>
</context>
</TS>