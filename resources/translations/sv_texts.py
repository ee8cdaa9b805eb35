"""Swedish for every English source string of the UI (used by update.py to fill the .ts).

Keys are the English source texts; `BY_CONTEXT` holds the few that read differently in
one context. Placeholders in braces ({n}, {day}…) must stay as they are.
"""

from __future__ import annotations

SV: dict[str, str] = {
    # --- menus, window --------------------------------------------------------------
    "&File": "&Arkiv",
    "&Go": "&Gå till",
    "&Help": "&Hjälp",
    "&New youth…": "&Ny ungdom…",
    "&Find youth": "&Sök ungdom",
    "&Address book…": "&Adressbok…",
    "&Export planned meetings (.ics)…": "&Exportera planerade möten (.ics)…",
    "&Settings…": "&Inställningar…",
    "&Lock": "&Lås",
    "&Quit": "A&vsluta",
    "Caseload &list": "Ärende&listan",
    "&To do": "&Att göra",
    "&Youth detail": "&Ungdomen",
    "&About sigdesk": "&Om sigdesk",
    "About sigdesk": "Om sigdesk",
    "sigdesk — SIG caseload": "sigdesk — SIG-ärenden",
    "sigdesk — DEMO with fictional youths": "sigdesk — DEMO med påhittade ungdomar",
    "Demo: every person here is fictional. Nothing is saved after you quit.": (
        "Demo: alla personer här är påhittade. Inget sparas när du avslutar."
    ),
    "Opening the caseload…": "Öppnar ärendefilen…",
    "Working…": "Arbetar…",
    "Note": "Observera",
    "{overdue} overdue and {soon} soon: see To do.": (
        "{overdue} försenade och {soon} snart: se Att göra."
    ),
    "Export all planned meetings": "Exportera alla planerade möten",
    "Calendar files (*.ics)": "Kalenderfiler (*.ics)",
    "sigdesk {version}\n\nA working tool for SIG network meetings: caseload, network, consent, "
    "action plans and the five-week deadline.\n\nsigdesk is not the official record. The "
    "official record is the journal system; file the exported documents there. Exported "
    "documents are not encrypted.": (
        "sigdesk {version}\n\nEtt arbetsverktyg för SIG-nätverksmöten: ärenden, nätverk, "
        "samtycke, åtgärdsplaner och femveckorsgränsen.\n\nsigdesk är inte den officiella "
        "dokumentationen. Den officiella dokumentationen är journalsystemet; lägg de "
        "exporterade dokumenten där. Exporterade dokument är inte krypterade."
    ),
    # --- caseload list --------------------------------------------------------------
    "Name": "Namn",
    "Age": "Ålder",
    "Track": "Spår",
    "Next meeting": "Nästa möte",
    "Deadline": "Tidsgräns",
    "Status": "Status",
    "Deadline {date} ({days} days left)": "Tidsgräns {date} ({days} dagar kvar)",
    "Search by name (Ctrl+F)": "Sök på namn (Ctrl+F)",
    "Active and proposed": "Aktiva och förslag",
    "Closed": "Avslutade",
    "All": "Alla",
    "Only &warnings": "Bara &varningar",
    "Caseload": "Ärenden",
    "{shown} of {total} youths shown": "{shown} av {total} ungdomar visas",
    "No youths yet. Add your first youth with File → New youth (Ctrl+N).": (
        "Inga ungdomar än. Lägg till din första ungdom med Arkiv → Ny ungdom (Ctrl+N)."
    ),
    "No youth matches. Clear the search, or choose All and untick Only warnings.": (
        "Ingen ungdom matchar. Töm sökfältet, eller välj Alla och kryssa ur Bara varningar."
    ),
    # --- to do ----------------------------------------------------------------------
    "To do": "Att göra",
    "To do ({n})": "Att göra ({n})",
    "Loading…": "Hämtar…",
    "Nothing to do right now: every active youth has a meeting in time, and consent and "
    "networks are complete.": (
        "Inget att göra just nu: alla aktiva ungdomar har ett möte i tid, och samtycken och "
        "nätverk är kompletta."
    ),
    "What": "Vad",
    "Youth": "Ungdom",
    "Date": "Datum",
    "Details": "Detaljer",
    "Overdue": "Försenat",
    "Soon": "Snart",
    "Planned too late": "Planerat för sent",
    "Meeting not recorded": "Möte ej registrerat",
    "Consent ending": "Samtycke upphör",
    "Consent missing": "Samtycke saknas",
    "Actor missing": "Aktör saknas",
    "Follow-up after closure": "Uppföljning efter avslut",
    # --- youth detail ---------------------------------------------------------------
    "Select a youth in the list to see the network, consent, plan and meetings.": (
        "Välj en ungdom i listan för att se nätverk, samtycke, plan och möten."
    ),
    "&Overview": "Ö&versikt",
    "Network && &consent": "Nätverk && &samtycke",
    "Action &plan": "Åtgärds&plan",
    "&Meetings": "&Möten",
    "&Log": "&Logg",
    "{age} years": "{age} år",
    "{n} days overdue": "{n} dagar försenat",
    "{n} days left": "{n} dagar kvar",
    "Deadline {day}": "Senast {day}",
    "Next meeting: {when}": "Nästa möte: {when}",
    "No meeting planned": "Inget möte planerat",
    # overview
    "&Edit…": "&Ändra…",
    "Edit the youth (Ctrl+E)": "Ändra ungdomens uppgifter (Ctrl+E)",
    "Close SIG…": "Avsluta SIG…",
    "Guardians": "Vårdnadshavare",
    "Add guardian…": "Lägg till vårdnadshavare…",
    "Edit guardian…": "Ändra vårdnadshavare…",
    "Remove guardian": "Ta bort vårdnadshavare",
    "Remove {name} as a guardian of this youth?": (
        "Ta bort {name} som vårdnadshavare för ungdomen?"
    ),
    "Personnummer": "Personnummer",
    "Date of birth": "Födelsedatum",
    "Gender": "Kön",
    "School": "Skola",
    "District": "Stadsdel",
    "Meeting interval": "Mötesintervall",
    "Notes": "Anteckningar",
    "Proposed by": "Föreslagen av",
    "Assessed on": "Bedömd",
    "Decision": "Beslut",
    "Court": "Tingsrätt",
    "Start date": "Startdatum",
    " ({age} years)": " ({age} år)",
    "{days} days": "{days} dagar",
    "Closed on {day}: {reason}": "Avslutad {day}: {reason}",
    "No statement to the district court": "Inget yttrande till tingsrätten",
    "In a statement to the district court": "I yttrande till tingsrätten",
    "judgment {day}": "dom {day}",
    "Relation": "Relation",
    "Phone": "Telefon",
    "E-mail": "E-post",
    "Custody": "Vårdnad",
    "Yes": "Ja",
    "No": "Nej",
    # network and consent
    "Network": "Nätverk",
    "Consent": "Samtycke",
    "&Add from address book…": "&Lägg till från adressboken…",
    "&New actor…": "&Ny aktör…",
    "Edit actor…": "Ändra aktör…",
    "Remove from network": "Ta bort ur nätverket",
    "Remove {actor} from this network?": "Ta bort {actor} ur nätverket?",
    "&Record consent…": "&Registrera samtycke…",
    "&Withdraw consent…": "Åter&kalla samtycke…",
    "Type": "Typ",
    "Organisation": "Organisation",
    "Contact person": "Kontaktperson",
    "Consent today": "Samtycke i dag",
    "Consent: {who}": "Samtycke: {who}",
    "No valid consent covers this actor today": "Inget giltigt samtycke omfattar aktören i dag",
    "No actors in the network yet. Add the police and the school first (Add from address book "
    "or New actor), then record consent.": (
        "Inga aktörer i nätverket än. Lägg först till polisen och skolan (Lägg till från "
        "adressboken eller Ny aktör), registrera sedan samtycke."
    ),
    "Network and consent": "Nätverk och samtycke",
    "Consent forms": "Samtyckesblanketter",
    "yes": "ja",
    "NO": "NEJ",
    "Given by": "Lämnat av",
    "Signed": "Undertecknat",
    "Valid until": "Giltigt till",
    "Withdrawn": "Återkallat",
    "Actors": "Aktörer",
    "Form": "Blankett",
    "the youth": "ungdomen",
    "does not count (18+)": "gäller inte (18+)",
    "withdrawn {day}": "återkallat {day}",
    "ended {day}": "upphört {day}",
    "{who} missing from the network. Police and school must take part in SIG.": (
        "{who} saknas i nätverket. Polis och skola ska delta i SIG."
    ),
    "Add the actors of the network first, then record consent.": (
        "Lägg först till nätverkets aktörer, registrera sedan samtycke."
    ),
    "A valid consent covers {n} of {total} actors today ({day}).": (
        "Ett giltigt samtycke omfattar {n} av {total} aktörer i dag ({day})."
    ),
    "No valid consent for: {actors}": "Inget giltigt samtycke för: {actors}",
    # plan
    "Goal / sub-goal / action": "Mål / delmål / åtgärd",
    "Responsible": "Ansvarig",
    "Done by": "Klart senast",
    "Latest follow-up": "Senaste uppföljning",
    "Meeting": "Möte",
    "Item": "Punkt",
    "Comment": "Kommentar",
    "No goals yet. Agree the first goal with the youth and add it with New goal.": (
        "Inga mål än. Kom överens med ungdomen om det första målet och lägg till det med Nytt mål."
    ),
    "New &goal…": "Nytt &mål…",
    "New &sub-goal…": "Nytt &delmål…",
    "New &action…": "Ny å&tgärd…",
    "Set status": "Sätt status",
    "F2 or a click on the selected cell edits the words or the status here; "
    "a double-click opens every field.": (
        "F2 eller ett klick på den markerade cellen ändrar texten eller statusen här; "
        "ett dubbelklick öppnar alla fält."
    ),
    "Follow-up history of the selected goal": "Uppföljningshistorik för det valda målet",
    "Goal": "Mål",
    "Sub-goal": "Delmål",
    "Action": "Åtgärd",
    # meetings
    "When": "När",
    "Minutes": "Minuter",
    "Place": "Plats",
    "No meetings yet. Plan the first network meeting with Plan meeting; the proposed date "
    "keeps within five weeks.": (
        "Inga möten än. Planera det första nätverksmötet med Planera möte; det föreslagna "
        "datumet håller sig inom fem veckor."
    ),
    "&Plan meeting…": "&Planera möte…",
    "&Move…": "&Flytta…",
    "&Cancel meeting…": "Ställ &in möte…",
    "E&xport to calendar (.ics)…": "E&xportera till kalender (.ics)…",
    "The youth's SIG is closed; no meetings to plan.": (
        "Ungdomens SIG är avslutad; inga möten att planera."
    ),
    "Proposed next meeting: {when}. {reason}": "Förslag på nästa möte: {when}. {reason}",
    "No date proposed: {reason}": "Inget datum föreslaget: {reason}",
    "Blue: planned meeting. Green: held meeting.": "Blått: planerat möte. Grönt: genomfört möte.",
    "Red, underlined: the deadline {day}.": "Rött och understruket: tidsgränsen {day}.",
    "Export meetings to a calendar file": "Exportera möten till en kalenderfil",
    "Wrote {n} planned meetings to {file}. The file is not encrypted.": (
        "Skrev {n} planerade möten till {file}. Filen är inte krypterad."
    ),
    # weekdays
    "Monday": "måndag",
    "Tuesday": "tisdag",
    "Wednesday": "onsdag",
    "Thursday": "torsdag",
    "Friday": "fredag",
    "Saturday": "lördag",
    "Sunday": "söndag",
    # log
    # (When/What/Details above)
    # --- fit and finish (issue 12: hints, overall goal, closure, wizard, matrix) -------
    "New to sigdesk? Add your first youth with New youth (Ctrl+N).": (
        "Ny i sigdesk? Lägg till din första ungdom med Ny ungdom (Ctrl+N)."
    ),
    "Next meeting planned: {when}.": "Nästa möte är planerat: {when}.",
    "Comment: {comment}": "Kommentar: {comment}",
    "&Finish": "&Slutför",
    "Wrote 1 planned meeting to {file}. The file is not encrypted.": (
        "Skrev 1 planerat möte till {file}. Filen är inte krypterad."
    ),
    "Actor": "Aktör",
    "Contact": "Kontakt",
    "Consent\n{who}": "Samtycke\n{who}",
    "✓ until\n{day}": "✓ t.o.m.\n{day}",
    "✓ no end\ndate": "✓ tills\nvidare",
    "does not\ncount (18+)": "gäller inte\n(18+)",
    "withdrawn\n{day}": "återkallat\n{day}",
    "ended\n{day}": "upphört\n{day}",
    "No consent of theirs covers this actor.": "Inget samtycke härifrån täcker aktören.",
    "Signed {signed}, valid until {day}.": "Undertecknat {signed}, gäller till och med {day}.",
    "Signed {signed}, no end date.": "Undertecknat {signed}, gäller tills vidare.",
    "Signed {signed}, withdrawn {day}.": "Undertecknat {signed}, återkallat {day}.",
    "Signed {signed}, ended {day}.": "Undertecknat {signed}, upphörde {day}.",
    "Signed {signed}; a guardian's consent does not count once the youth is 18.": (
        "Undertecknat {signed}; vårdnadshavares samtycke gäller inte när ungdomen fyllt 18."
    ),
    "<b>Overall goal:</b> {goal}": "<b>Övergripande mål:</b> {goal}",
    "<b>Overall goal:</b> not written yet (Overview → Edit).": (
        "<b>Övergripande mål:</b> inte skrivet ännu (Översikt → Ändra)."
    ),
    # --- when a youth leaves the caseload (issue 13: closure, reopening, deletion, gallring)
    "Looking for planned meetings…": "Letar efter planerade möten…",
    "Planned meetings": "Planerade möten",
    "(unfinished meeting notes: discarded)": "(oavslutade mötesanteckningar: kastas)",
    "Ticked meetings are cancelled (no longer exported to the calendar).": (
        "Markerade möten ställs in (exporteras inte längre till kalendern)."
    ),
    "No planned meetings.": "Inga planerade möten.",
    "Delete youth": "Radera ungdom",
    "Delete {name} and everything about them: guardians, network, consent, plan, meetings "
    "with notes, an unfinished meeting, closures and the event log. This cannot be undone. "
    "The event log keeps only that a youth was deleted, without a name.\n\nOlder backups "
    "still hold the youth until they rotate out.": (
        "Radera {name} och allt om ungdomen: vårdnadshavare, nätverk, samtycken, plan, möten "
        "med anteckningar, ett oavslutat möte, avslut och händelseloggen. Det går inte att "
        "ångra. Loggen behåller bara att en ungdom raderades, utan namn.\n\nÄldre "
        "säkerhetskopior innehåller ungdomen tills de roteras bort."
    ),
    "Type the full name *": "Skriv hela namnet *",
    "Delete": "Radera",
    "Done on *": "Uppföljd den *",
    "Outcome": "Resultat",
    "{name} is not closed.": "{name} är inte avslutad.",
    "{name}, closed on {day} ({reason}).": "{name}, avslutad {day} ({reason}).",
    "Gallring": "Gallring",
    "&Gallring…": "&Gallring…",
    "Looking for closed youths…": "Letar efter avslutade ungdomar…",
    "Secure deletion: the youths are removed and the caseload file is rewritten so that "
    "nothing of them remains in it. Older backups still hold them until they rotate out "
    "(7 daily and 4 weekly).": (
        "Säker radering: ungdomarna tas bort och ärendefilen skrivs om så att inget av dem "
        "finns kvar i den. Äldre säkerhetskopior innehåller dem tills de roteras bort "
        "(7 dagliga och 4 veckovisa)."
    ),
    "Delete securely": "Radera säkert",
    "{name} — closed on {day} ({reason})": "{name} — avslutad {day} ({reason})",
    "{n} closed youths whose closure is older than {months} months:": (
        "{n} avslutade ungdomar med avslut äldre än {months} månader:"
    ),
    "An interrupted gallring has not rewritten the file yet: finish it now.": (
        "En avbruten gallring har inte skrivit om filen än: slutför den nu."
    ),
    "Finish the gallring": "Slutför gallringen",
    "Nothing to delete: no closed youth's closure is older than {months} months.": (
        "Inget att gallra: ingen avslutad ungdom har avslut äldre än {months} månader."
    ),
    "Delete {n} youths and everything about them? This cannot be undone.": (
        "Radera {n} ungdomar och allt om dem? Det går inte att ångra."
    ),
    "Deleting {n} youths…": "Raderar {n} ungdomar…",
    "Done: the file is rewritten ({before} → {after} pages) and holds nothing of the "
    "deleted youths.": (
        "Klart: filen är omskriven ({before} → {after} sidor) och innehåller inget av de "
        "raderade ungdomarna."
    ),
    "Not saved: the meeting is no longer in the caseload (was the youth deleted?).": (
        "Inte sparat: mötet finns inte längre i ärendefilen (har ungdomen raderats?)."
    ),
    "Follow-up after closure…": "Uppföljning efter avslut…",
    "Reopen SIG…": "Återuppta SIG…",
    "Delete youth…": "Radera ungdom…",
    "Only for a youth entered by mistake": "Bara för en ungdom som registrerats av misstag",
    "SIG periods": "SIG-perioder",
    "Reopen SIG": "Återuppta SIG",
    "A new SIG period begins. The period that ended on {day} stays in the history; the "
    "five-week deadline counts from the new start.": (
        "En ny SIG-period börjar. Perioden som avslutades {day} finns kvar i historiken; "
        "femveckorsgränsen räknas från den nya starten."
    ),
    "New start *": "Ny start *",
    "Note on the new period": "Anteckning",
    " months": " månader",
    "Closed youths whose closure is older than this are offered for secure deletion in "
    "To do.": (
        "Avslutade ungdomar med avslut äldre än så erbjuds för säker radering i Att göra."
    ),
    "Gallring after closure": "Gallring efter avslut",
    "Reopen the SIG with Reopen SIG… on the Overview tab.": (
        "Återuppta SIG med Återuppta SIG… på fliken Översikt."
    ),
    "Followed up on {day}: {outcome}": "Uppföljd {day}: {outcome}",
    "Follow-up after closure due on {day}.": "Uppföljning efter avslut senast {day}.",
    "No SIG period yet (no start date).": "Ingen SIG-period än (inget startdatum).",
    "{n}. {start} – ongoing": "{n}. {start} – pågår",
    "{n}. {start} – {end}: {reason}": "{n}. {start} – {end}: {reason}",
    "; followed up: {outcome}": "; uppföljd: {outcome}",
    "; reopened on {day}": "; återupptagen {day}",

    # --- the Uppföljning view (issue 14: period statistics in the window) ----------------
    "Follow-&up and statistics…": "&Uppföljning och statistik…",
    "Follow-up — sigdesk": "Uppföljning — sigdesk",
    "Nothing to show for this period.": "Inget att visa för perioden.",
    "No meeting was held in this period.": "Inget möte genomfördes under perioden.",
    "Started and closed": "Påbörjade och avslutade",
    "Five-week rule": "Femveckorsregeln",
    "Attendance": "Närvaro",
    "Youths": "Ungdomar",
    "Closure reasons": "Avslutsorsaker",
    "Age at start": "Ålder vid start",
    "Meetings": "Möten",
    "Delmål and after closure": "Delmål och efter avslut",
    "Click a count to list the youths behind it.": (
        "Klicka på ett antal för att se vilka ungdomar som ligger bakom det."
    ),
    "Export…": "Exportera…",
    "Uppföljningsrapport (Word)…": "Uppföljningsrapport (Word)…",
    "Figures as CSV (Excel)…": "Siffrorna som CSV (Excel)…",
    "Figures as JSON (for the district's merge)…": (
        "Siffrorna som JSON (för stadsdelens sammanställning)…"
    ),
    "Period:": "Period:",
    "Reading the figures…": "Läser siffrorna…",
    "Follow-up {period} ({start} – {end})": "Uppföljning {period} ({start} – {end})",
    "Follow-up {period}": "Uppföljning {period}",
    "No youth stands behind this figure.": "Ingen ungdom ligger bakom den här siffran.",
    "{figure}, {dimension}: 1 youth (double-click opens it)": (
        "{figure}, {dimension}: 1 ungdom (dubbelklicka för att öppna den)"
    ),
    "{figure}, {dimension}: {n} youths (double-click opens one)": (
        "{figure}, {dimension}: {n} ungdomar (dubbelklicka för att öppna en)"
    ),
    "January": "januari",
    "February": "februari",
    "March": "mars",
    "April": "april",
    "May": "maj",
    "June": "juni",
    "July": "juli",
    "August": "augusti",
    "September": "september",
    "October": "oktober",
    "November": "november",
    "December": "december",
    "This year so far": "I år hittills",
    "Year": "År",
    "Half-year": "Halvår",
    "Quarter": "Kvartal",
    "Month": "Månad",
    "From – to": "Från – till",
    "Part of the year": "Del av året",
    "First day": "Första dagen",
    "Last day (included)": "Sista dagen (räknas med)",
    "First half": "Första halvåret",
    "Second half": "Andra halvåret",
    "Quarter {n}": "Kvartal {n}",
    "The first day is after the last day.": "Första dagen ligger efter den sista.",
    "{n} of {d}": "{n} av {d}",
    "Click to list the youths.": "Klicka för att se ungdomarna.",
    "Export the follow-up": "Exportera uppföljningen",
    "CSV files (*.csv)": "CSV-filer (*.csv)",
    "JSON files (*.json)": "JSON-filer (*.json)",
    "Wrote {file}. The file is not encrypted; it holds no names.": (
        "Skrev {file}. Filen är inte krypterad; den innehåller inga namn."
    ),

    # --- statistics budgets (issue 14: settings, chart loading) ------------------------
    'Print counts of 1–2 as they are in the Uppföljningsrapport (otherwise "<3")': (
        'Skriv ut antal 1–2 som de är i Uppföljningsrapporten (annars "<3")'
    ),
    'Off: the report\'s tables and charts show a count of 1 or 2 as "<3", so that no single '
    "youth can be recognised in a small group.": (
        'Av: rapportens tabeller och diagram visar antalet 1 eller 2 som "<3", så att ingen '
        "enskild ungdom kan kännas igen i en liten grupp."
    ),
    "The charts could not be shown; the figures are complete.": (
        "Diagrammen kunde inte visas; siffrorna är fullständiga."
    ),

    # --- dialogs ---------------------------------------------------------------------
    "Unsaved changes": "Osparade ändringar",
    "You have changes that are not saved. Discard them?": (
        "Du har ändringar som inte är sparade. Vill du kasta dem?"
    ),
    "YYYY-MM-DD": "ÅÅÅÅ-MM-DD",
    "Enter a date.": "Ange ett datum.",
    "Write the date as YYYY-MM-DD, e.g. 2026-11-22.": (
        "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22."
    ),
    "New youth": "Ny ungdom",
    "Edit youth": "Ändra ungdom",
    "First name *": "Förnamn *",
    "Last name *": "Efternamn *",
    "Decided on": "Beslutsdatum",
    "Kind of decision": "Beslutstyp",
    "Written into a statement to the district court": "Ingår i ett yttrande till tingsrätten",
    "Date of judgment": "Domdatum",
    "Started": "Start",
    " days": " dagar",
    " min": " min",
    "* required. Dates as YYYY-MM-DD. At most five weeks between meetings.": (
        "* obligatoriskt. Datum som ÅÅÅÅ-MM-DD. Högst fem veckor mellan mötena."
    ),
    "New guardian": "Ny vårdnadshavare",
    "Edit guardian": "Ändra vårdnadshavare",
    "e.g. mother, father": "t.ex. mamma, pappa",
    "Has custody": "Har vårdnad",
    "Name *": "Namn *",
    "New actor": "Ny aktör",
    "Edit actor": "Ändra aktör",
    "e.g. Polisen Söderort": "t.ex. Polisen Söderort",
    "Organisation *": "Organisation *",
    "Changes show in every network this actor is part of.": (
        "Ändringar syns i alla nätverk som aktören ingår i."
    ),
    "Add actors to the network": "Lägg till aktörer i nätverket",
    "Every actor in the address book is already in this network. Use New actor.": (
        "Alla aktörer i adressboken finns redan i nätverket. Använd Ny aktör."
    ),
    "New actor…": "Ny aktör…",
    "Address book": "Adressbok",
    "Tick at least one actor.": "Kryssa i minst en aktör.",
    "Record consent": "Registrera samtycke",
    "e.g. 2025-01": "t.ex. 2025-01",
    "Signed on *": "Undertecknat *",
    "Form version": "Blankettversion",
    "Covers": "Gäller",
    "Withdraw consent": "Återkalla samtycke",
    "Withdrawn on *": "Återkallat *",
    "Close the youth's SIG": "Avsluta ungdomens SIG",
    "empty = six months after closure (none when handed over)": (
        "tomt = sex månader efter avslut (ingen vid överlämning)"
    ),
    "Closed on *": "Avslutad *",
    "Reason": "Orsak",
    "Follow-up on": "Uppföljning",
    "New goal": "Nytt mål",
    "Edit goal": "Ändra mål",
    "What the youth says, in their own words": "Vad ungdomen säger, med egna ord",
    "Life area": "Livsområde",
    "Goal *": "Mål *",
    "In own words": "Med egna ord",
    "Current situation": "Nuläge",
    "New sub-goal": "Nytt delmål",
    "Edit sub-goal": "Ändra delmål",
    "Sub-goal *": "Delmål *",
    "New action": "Ny åtgärd",
    "Edit action": "Ändra åtgärd",
    "— (the goal itself)": "— (målet självt)",
    "Action *": "Åtgärd *",
    "Responsible actor": "Ansvarig aktör",
    "Responsible person": "Ansvarig person",
    "Plan a network meeting": "Planera ett nätverksmöte",
    "Move the meeting": "Flytta mötet",
    "Date *": "Datum *",
    "Starts at": "Börjar",
    "Length": "Längd",
    "Chair": "Ordförande",
    "Note-taker": "Antecknare",
    "Proposed: {when}. {reason}": "Förslag: {when}. {reason}",
    "Cancel the meeting": "Ställ in mötet",
    "Meeting {when} will be marked as cancelled.": "Mötet {when} markeras som inställt.",
    "The address book is empty. Add the police, the school and the other actors you work "
    "with; they can then join any youth's network.": (
        "Adressboken är tom. Lägg till polisen, skolan och de andra aktörer du arbetar med; "
        "de kan sedan ingå i varje ungdoms nätverk."
    ),
    # settings
    "Settings": "Inställningar",
    "My details (printed on documents)": "Mina uppgifter (skrivs ut på dokument)",
    "Role": "Roll",
    "Administration": "Förvaltning",
    "sigdesk on this computer": "sigdesk på den här datorn",
    "never": "aldrig",
    "empty = the built-in templates": "tomt = de inbyggda mallarna",
    "Browse…": "Bläddra…",
    "Print the personnummer in the full action plan": (
        "Skriv ut personnumret i den fullständiga åtgärdsplanen"
    ),
    "Language": "Språk",
    "A new language shows the next time sigdesk starts.": (
        "Ett nytt språk visas nästa gång sigdesk startar."
    ),
    "Default meeting interval": "Mötesintervall för nya ungdomar",
    "Warn this many days before": "Varna så här många dagar före",
    "Lock after idle": "Lås efter inaktivitet",
    "Template folder": "Mallmapp",
    "Change passphrase…": "Byt lösenfras…",
    "The settings could not be saved ({error}).": "Inställningarna kunde inte sparas ({error}).",
    # passphrase
    "Passphrase": "Lösenfras",
    "Repeat it": "Upprepa den",
    "Too short: at least 8 characters.": "För kort: minst 8 tecken.",
    "Weak: a phrase of four or more words is easier to remember and harder to guess.": (
        "Svag: en fras med fyra eller fler ord är lättare att minnas och svårare att gissa."
    ),
    "Fair: a few more words make it stronger.": "Godtagbar: några ord till gör den starkare.",
    "Strong.": "Stark.",
    "The passphrase needs at least 8 characters.": "Lösenfrasen måste ha minst 8 tecken.",
    "The two passphrases are not the same.": "De två lösenfraserna är inte lika.",
    "Change passphrase": "Byt lösenfras",
    "Current passphrase": "Nuvarande lösenfras",
    # unlock
    "The caseload is locked": "Ärendefilen är låst",
    "Enter your passphrase to open the caseload. It is encrypted on this computer.": (
        "Ange din lösenfras för att öppna ärendefilen. Den är krypterad på den här datorn."
    ),
    "&Unlock": "&Lås upp",
    "File: {path}": "Fil: {path}",
    "Opening…": "Öppnar…",
    "&Remember on this computer (in the system keyring)": (
        "&Kom ihåg på den här datorn (i systemets nyckelring)"
    ),
    "The next start opens the caseload without asking for the passphrase.": (
        "Nästa start öppnar ärendefilen utan att fråga efter lösenfrasen."
    ),
    "The key is stored in the system keyring: the next start opens without the passphrase.": (
        "Nyckeln är sparad i systemets nyckelring: nästa start öppnar utan lösenfras."
    ),
    "Opened, but the key could not be stored: {why}": (
        "Öppnad, men nyckeln kunde inte sparas: {why}"
    ),
    # --- the lock and the clipboard (issue 11) ---------------------------------------
    "Lock after idle in meeting mode": "Lås efter inaktivitet i mötesläget",
    "Click to close": "Klicka för att stänga",
    "Demo: the passphrase is “sigdesk-demo”.": "Demo: lösenfrasen är ”sigdesk-demo”.",
    "The changes in “{title}” were discarded when sigdesk locked.": (
        "Ändringarna i ”{title}” kastades när sigdesk låstes."
    ),
    "Meeting mode was closed when sigdesk locked. Everything typed is kept as a draft in the "
    "caseload: start the meeting again to go on.": (
        "Mötesläget stängdes när sigdesk låstes. Allt du skrev finns kvar som utkast i "
        "ärendefilen: starta mötet igen för att fortsätta."
    ),
    "Meeting mode was closed when sigdesk locked; its last changes could not be saved.": (
        "Mötesläget stängdes när sigdesk låstes; de senaste ändringarna kunde inte sparas."
    ),
    "Copy &personnummer": "Kopiera &personnummer",
    "Copied for 30 seconds; then the clipboard is emptied.": (
        "Kopieras i 30 sekunder; sedan töms urklippet."
    ),
    "Personnummer copied; the clipboard is emptied in 30 seconds.": (
        "Personnumret är kopierat; urklippet töms om 30 sekunder."
    ),
    # wizard
    "sigdesk — first start": "sigdesk — första start",
    "Welcome to sigdesk": "Välkommen till sigdesk",
    "sigdesk keeps your SIG caseload — youths, networks, consent, action plans and network "
    "meetings — encrypted on this computer, and warns you before the five-week meeting "
    "deadline.": (
        "sigdesk håller dina SIG-ärenden — ungdomar, nätverk, samtycken, åtgärdsplaner och "
        "nätverksmöten — krypterade på den här datorn, och varnar dig före femveckorsgränsen "
        "för mötena."
    ),
    "sigdesk is your working tool. The official record is the journal system: file the "
    "documents you export from sigdesk there. Exported documents are not encrypted.": (
        "sigdesk är ditt arbetsverktyg. Den officiella dokumentationen är journalsystemet: "
        "lägg dokumenten du exporterar från sigdesk där. Exporterade dokument är inte "
        "krypterade."
    ),
    "Your details": "Dina uppgifter",
    "Printed on agendas, minutes and plans. You can change them later.": (
        "Skrivs ut på dagordningar, minnesanteckningar och planer. Du kan ändra dem senare."
    ),
    "Enter your name.": "Ange ditt namn.",
    "Choose a passphrase": "Välj en lösenfras",
    "Four or more words you can remember, e.g. a short sentence.": (
        "Fyra eller fler ord som du kan minnas, t.ex. en kort mening."
    ),
    "Nothing can recover the caseload without this passphrase or this computer's keyring — "
    "not sigdesk, not IT support. Keep the passphrase somewhere safe.": (
        "Ingenting kan återställa ärendefilen utan den här lösenfrasen eller datorns "
        "nyckelring — inte sigdesk, inte IT-supporten. Förvara lösenfrasen på ett säkert ställe."
    ),
    "I have kept the passphrase somewhere safe": (
        "Jag har förvarat lösenfrasen på ett säkert ställe"
    ),
    "This computer's keyring will unlock sigdesk when you log in; you type the passphrase "
    "only when the keyring cannot.": (
        "Datorns nyckelring låser upp sigdesk när du loggar in; du skriver lösenfrasen bara "
        "när nyckelringen inte kan."
    ),
    "No safe keyring on this computer ({problem}): you will type the passphrase each time "
    "sigdesk starts.": (
        "Ingen säker nyckelring på den här datorn ({problem}): du skriver lösenfrasen varje "
        "gång sigdesk startar."
    ),
    "Where the caseload lives": "Var ärendefilen sparas",
    "The caseload is one encrypted file. A key file (same name, ending in .key) is kept "
    "beside it: back up both, and keep them on this computer, not on a shared drive.": (
        "Ärendefilen är en krypterad fil. En nyckelfil (samma namn, slutar på .key) ligger "
        "bredvid: säkerhetskopiera båda, och ha dem på den här datorn, inte på en delad enhet."
    ),
    "Caseload file": "Ärendefil",
    "Caseloads (*.sigdesk)": "Ärendefiler (*.sigdesk)",
    "Choose where to keep the caseload.": "Välj var ärendefilen ska sparas.",
    "A file is already there; sigdesk never creates a caseload over it. Choose another name.": (
        "Det finns redan en fil där; sigdesk skapar aldrig en ärendefil över den. "
        "Välj ett annat namn."
    ),
    "Create the caseload": "Skapa ärendefilen",
    "sigdesk will create an encrypted caseload at\n{path}\nfor {name}. Press {button} to "
    "create it.": (
        "sigdesk skapar en krypterad ärendefil i\n{path}\nför {name}. Tryck på {button} för "
        "att skapa den."
    ),
    "Creating the caseload…": "Skapar ärendefilen…",
    "The caseload could not be created.": "Ärendefilen kunde inte skapas.",
    # --- dates, deadlines and proposals (issue 12) -------------------------------------
    "{day} is {name}, a half-day: the meeting ends after 14:00.": (
        "{day} är {name}, en halvdag: mötet slutar efter kl. 14.00."
    ),
    "{day} is {name}, not a working day.": "{day} är {name}, ingen arbetsdag.",
    "Plan the meeting on that day anyway?": "Vill du ändå lägga mötet den dagen?",
    "Not a working day": "Ingen arbetsdag",
    "Choose another day.": "Välj en annan dag.",
    "Proposals: margin before the deadline": "Förslag: marginal före tidsgränsen",
    "Proposed meetings keep this many days before the deadline, so that a cancelled meeting "
    "can still be moved in time.": (
        "Föreslagna möten läggs så många dagar före tidsgränsen, så att ett inställt möte "
        "ännu kan flyttas i tid."
    ),
    "Proposed meeting after this one (item 8): {when}. {reason}": (
        "Förslag på mötet därefter (punkt 8): {when}. {reason}"
    ),
    "The date {date} does not exist: the month has {n} days.": (
        "Datumet {date} finns inte: månaden har {n} dagar."
    ),
    "The date {date} does not exist: the month must be 01–12.": (
        "Datumet {date} finns inte: månaden ska vara 01–12."
    ),
    # --- backups and restore (issue 11) ---------------------------------------------
    "&Back up…": "&Säkerhetskopiera…",
    "&Restore a backup…": "Å&terställ…",
    "Restore a &backup…": "Återställ en &säkerhetskopia…",
    "Back up the caseload": "Säkerhetskopiera ärendefilen",
    "Back up": "Säkerhetskopiera",
    "sigdesk backups ({pattern})": "sigdesk-säkerhetskopior ({pattern})",
    "{name} already exists. Replace it with a new backup?": (
        "{name} finns redan. Vill du ersätta den med en ny säkerhetskopia?"
    ),
    "Backing up…": "Säkerhetskopierar…",
    "Backup written: {path}": "Säkerhetskopian är sparad: {path}",
    "Automatic backup written to {folder}": "Automatisk säkerhetskopia sparad i {folder}",
    "The automatic backup failed: {why}": "Den automatiska säkerhetskopian misslyckades: {why}",
    "Restore a backup": "Återställ en säkerhetskopia",
    "The passphrase that was in use when the backup was made:": (
        "Lösenfrasen som gällde när säkerhetskopian gjordes:"
    ),
    "Checking the backup…": "Kontrollerar säkerhetskopian…",
    "The backup from {date} is complete and undamaged.\n\nReplace the caseload {path} with it? "
    "The current file is kept beside it, not deleted.": (
        "Säkerhetskopian från {date} är hel och oskadad.\n\nVill du ersätta ärendefilen "
        "{path} med den? Den nuvarande filen sparas bredvid, den raderas inte."
    ),
    "Nothing was restored.": "Inget återställdes.",
    "The backup was restored to {path}.": "Säkerhetskopian är återställd till {path}.",
    "The earlier file was kept as {kept}.": "Den tidigare filen finns kvar som {kept}.",
    "The caseload opens with the passphrase on this computer.": (
        "Ärendefilen öppnas med lösenfrasen på den här datorn."
    ),
    "Backup": "Säkerhetskopia",
    "Backup folder": "Mapp för säkerhetskopior",
    "Choose another drive, such as your home share (H:), so that a lost or broken laptop does "
    "not take the backups with it. Backups are encrypted; 7 daily and 4 weekly are kept.": (
        "Välj en annan enhet, till exempel din hemkatalog (H:), så att en förlorad eller "
        "trasig dator inte tar säkerhetskopiorna med sig. Kopiorna är krypterade; 7 dagliga "
        "och 4 veckovisa sparas."
    ),
    "The backup is damaged": "Säkerhetskopian är skadad",
    "A backup of another caseload": "En säkerhetskopia av en annan ärendefil",
    "Choose another file": "Välj en annan fil",
    "The folder cannot be written": "Det går inte att skriva i mappen",
    "Not a sigdesk backup": "Inte en sigdesk-säkerhetskopia",
    # --- handover (överlämning, issue 13) -------------------------------------------------
    "&Hand over…": "&Överlämna…",
    "Receive a &handover…": "Ta e&mot överlämning…",
    "Hand over": "Överlämna",
    "Hand over {n} youth(s)": "Överlämna {n} ungdom(ar)",
    "Handover files ({pattern})": "Överlämningsfiler ({pattern})",
    "Select the youths to hand over in the caseload list first (Ctrl+click or Shift+click "
    "selects several).": (
        "Markera först ungdomarna som ska överlämnas i ärendelistan (Ctrl+klick eller "
        "Skift+klick markerar flera)."
    ),
    "Writing the handover file…": "Skriver överlämningsfilen…",
    "Handover file written: {path}": "Överlämningsfilen är sparad: {path}",
    "Handover passphrase": "Överlämningens lösenfras",
    "The handover file {file} is written ({names}).": (
        "Överlämningsfilen {file} är sparad ({names})."
    ),
    "One-time passphrase": "Engångslösenfras",
    "Write the six words down now: they are shown only this once. Give them to the receiver "
    "another way than the file (by phone or in person, not in the same e-mail). Anyone with "
    "both the file and the words can read everything in it.": (
        "Skriv ner de sex orden nu: de visas bara den här gången. Ge dem till mottagaren på "
        "annat sätt än filen (per telefon eller personligen, inte i samma e-post). Den som har "
        "både filen och orden kan läsa allt i den."
    ),
    "{n} unfinished meeting draft(s) stay here: finish those meetings first if their notes "
    "should go along.": (
        "{n} oavslutade mötesutkast stannar här: avsluta de mötena först om anteckningarna "
        "ska följa med."
    ),
    "I have written the words down": "Jag har skrivit ner orden",
    "After the handover": "Efter överlämningen",
    'Close the SIG of the {n} youth(s) as "Handed over to another worker", dated today '
    "(their planned meetings are cancelled)? Or delete them from this caseload?": (
        "Avsluta SIG för {n} ungdom(ar) med skälet ”Överlämnad till annan handläggare”, "
        "med dagens datum (planerade möten ställs in)? Eller radera dem ur ärendefilen?"
    ),
    "&Close as handed over": "&Avsluta som överlämnade",
    "&Keep them as they are": "&Behåll dem som de är",
    "&Delete them…": "&Radera dem…",
    "Delete the {n} youth(s) and everything about them from this caseload? This cannot be "
    "undone; the colleague has them in the handover file. Older backups still hold them "
    "until they rotate out.": (
        "Radera {n} ungdom(ar) och allt om dem ur den här ärendefilen? Det går inte att "
        "ångra; kollegan har dem i överlämningsfilen. Äldre säkerhetskopior innehåller dem "
        "tills de roteras bort."
    ),
    "{n} youth(s) deleted from this caseload.": "{n} ungdom(ar) raderade ur ärendefilen.",
    "Deleting…": "Raderar…",
    "{n} youth(s) closed as handed over.": "{n} ungdom(ar) avslutade som överlämnade.",
    "Receive a handover": "Ta emot överlämning",
    "The six words you got from the sender for {file}:": (
        "De sex orden du fick av avsändaren för {file}:"
    ),
    "Opening the handover file…": "Öppnar överlämningsfilen…",
    "Handover file made {date}.": "Överlämningsfilen gjordes {date}.",
    "Youths ({n})": "Ungdomar ({n})",
    "Actors ({n})": "Aktörer ({n})",
    ", {age} years": ", {age} år",
    "already in your caseload ({name}): not imported": (
        "finns redan i din ärendefil ({name}): importeras inte"
    ),
    "in your address book": "finns i adressboken",
    "added to it": "läggs till i adressboken",
    "&Import": "&Importera",
    "This handover was already received on {date}: nothing to import.": (
        "Den här överlämningen togs emot {date}: inget att importera."
    ),
    "Every youth in the file is already in your caseload.": (
        "Alla ungdomar i filen finns redan i din ärendefil."
    ),
    "Received {n} youth(s): {names}.": "Tog emot {n} ungdom(ar): {names}.",
    "{name} is already in your caseload as {here}: not imported.": (
        "{name} finns redan i din ärendefil som {here}: importerades inte."
    ),
    "Actors: {added} added to the address book, {matched} already in it.": (
        "Aktörer: {added} tillagda i adressboken, {matched} fanns redan där."
    ),
    # --- one window per caseload; output files (issue 11) ------------------------------
    "The caseload is open in another sigdesk window. Switch to that window, or close it and "
    "start sigdesk again.": (
        "Ärendefilen är öppen i ett annat sigdesk-fönster. Gå till det fönstret, eller stäng "
        "det och starta sigdesk igen."
    ),
    # --- errors ----------------------------------------------------------------------
    "sigdesk": "sigdesk",
    "Wrong passphrase": "Fel lösenfras",
    "Check Caps Lock and the keyboard layout, then try again.": (
        "Kontrollera Caps Lock och tangentbordslayouten och försök igen."
    ),
    "Passphrase needed": "Lösenfras behövs",
    "The keyring holds a key for another caseload.": (
        "Nyckelringen har en nyckel till en annan ärendefil."
    ),
    "The key file is missing": "Nyckelfilen saknas",
    "The key file is damaged": "Nyckelfilen är skadad",
    "The caseload has not been changed.": "Ärendefilen har inte ändrats.",
    "The caseload file is incomplete": "Ärendefilen är ofullständig",
    "The file has not been changed.": "Filen har inte ändrats.",
    "Not a sigdesk caseload": "Inte en sigdesk-ärendefil",
    "The caseload cannot be read": "Ärendefilen kan inte läsas",
    "The caseload cannot be opened": "Ärendefilen kan inte öppnas",
    "Made by a newer sigdesk": "Skapad av en nyare sigdesk",
    "No caseload found": "Ingen ärendefil hittades",
    "A file is already there": "Det finns redan en fil där",
    "Check the input": "Kontrollera uppgifterna",
    "Not found": "Hittades inte",
    "Something went wrong": "Något gick fel",
    "sigdesk: unexpected error": "sigdesk: oväntat fel",
    "sigdesk ran into an error it did not expect. Work that was saved before is safe. If it "
    "happens again, copy the report below and send it to IT support: it names places in the "
    "program only, never case data.": (
        "sigdesk stötte på ett fel som inte var väntat. Det som sparats tidigare är i "
        "säkerhet. Om det händer igen, kopiera rapporten nedan och skicka den till "
        "IT-supporten: den nämner bara platser i programmet, aldrig ärendeuppgifter."
    ),
    "The report is also in the log: %1": "Rapporten finns också i loggen: %1",
    "Copy report": "Kopiera rapporten",
    "Copied": "Kopierad",
    "sigdesk ran into an unexpected error. Your caseload has not been changed by it. If it "
    "happens again, send the details below to IT support; they contain no case data.": (
        "sigdesk stötte på ett oväntat fel. Din ärendefil har inte ändrats av det. Om det "
        "händer igen, skicka detaljerna nedan till IT-supporten; de innehåller inga "
        "ärendeuppgifter."
    ),
    # --- honest errors and data-key rotation (issue 11) ----------------------------
    "The caseload is damaged": "Ärendefilen är skadad",
    "The disk is full": "Disken är full",
    "Change data key…": "Byt datanyckel…",
    "Change data key": "Byt datanyckel",
    "A new random key re-encrypts the whole caseload. Backups made before keep the old key "
    "and still open with the passphrase they were made with. If the computer stops midway, "
    "the caseload opens with the old or the new key.": (
        "En ny slumpad nyckel krypterar om hela ärendefilen. Säkerhetskopior som gjorts "
        "tidigare behåller den gamla nyckeln och öppnas fortfarande med lösenfrasen de "
        "gjordes med. Om datorn stannar mitt i öppnas ärendefilen med den gamla eller den "
        "nya nyckeln."
    ),
    "Enter the passphrase.": "Ange lösenfrasen.",
    "Re-encrypting the caseload…": "Krypterar om ärendefilen…",
    "Done: the caseload is encrypted with a new data key.": (
        "Klart: ärendefilen är krypterad med en ny datanyckel."
    ),
    # --- documents and the confidentiality rule (issue 12) ------------------------
    "Your items for this meeting:": "Dina egna punkter för mötet:",
    "Saved {name}.\n\nThe Word file is not encrypted: keep it where your city's rules allow "
    "and file it in the journal system.": (
        "{name} är sparat.\n\nWord-filen är inte krypterad: förvara den där stadens regler "
        "tillåter och lägg in den i journalsystemet."
    ),
    "Open it now?": "Öppna den nu?",
    "Items of your own for this meeting, one per line (taken up under Övrigt)": (
        "Egna punkter för just det här mötet, en per rad (tas upp under Övrigt)"
    ),
    "Extra agenda items:": "Egna punkter på dagordningen:",
    "Written: {files}": "Skrivet: {files}",
    "Not written (you kept the existing file): {files}": (
        "Inte skrivet (du behöll den befintliga filen): {files}"
    ),
    "No valid consent on the meeting day covers {names}, marked present: share nothing about "
    "the youth while they are in the room. They are left out of the minutes.": (
        "Inget samtycke som gäller mötesdagen omfattar {names}, markerad som närvarande: dela "
        "inget om ungdomen medan de är i rummet. De utelämnas ur minnesanteckningarna."
    ),
    "Consent ended": "Samtycke upphört",
    # --- meeting mode (issue 6) ----------------------------------------------------
    "What was said under this item…": "Vad som sades under punkten…",
    "&Present": "&Närvarande",
    "&Absent": "&Frånvarande",
    "&Excused": "För&hinder",
    "Everyone &present": "&Alla närvarande",
    "Save the Word document (not encrypted)": "Spara Word-dokumentet (inte krypterat)",
    "Word documents (*.docx)": "Word-dokument (*.docx)",
    "Replace the file?": "Ersätta filen?",
    "{files} already exists. Replace it?": "{files} finns redan. Vill du ersätta den?",
    "The template cannot be used": "Mallen går inte att använda",
    "Use the built-in template this time?": "Använda den inbyggda mallen den här gången?",
    "Document saved": "Dokumentet är sparat",
    "Saved {name}.\n\nThe Word file is not encrypted: keep it where your city's rules allow "
    "and file it in the journal system.\n\nOpen it now?": (
        "{name} är sparat.\n\nWord-filen är inte krypterad: förvara den där stadens regler "
        "tillåter och lägg in den i journalsystemet.\n\nÖppna den nu?"
    ),
    "&Documents": "&Dokument",
    "Action plan (Word)…": "Åtgärdsplan (Word)…",
    "Action plan, short (Word)…": "Åtgärdsplan, kort (Word)…",
    "Invitation to the next meeting (Word)…": "Kallelse till nästa möte (Word)…",
    "Agenda of the next meeting (Word)…": "Dagordning för nästa möte (Word)…",
    "Minutes of the selected held meeting (Word)…": (
        "Minnesanteckningar från valt genomfört möte (Word)…"
    ),
    "Word files are not encrypted.": "Word-filer är inte krypterade.",
    "Saved {file}. The Word file is not encrypted.": (
        "{file} är sparat. Word-filen är inte krypterad."
    ),
    "The meeting is recorded.": "Mötet är registrerat.",
    "Next meeting: {when}, {place}.": "Nästa möte: {when}, {place}.",
    "No next meeting was planned here.": "Inget nästa möte planerades här.",
    "Word and calendar files are not encrypted: they leave the caseload's protection. Save "
    "them where your city's rules allow, and file the minutes in the journal system.": (
        "Word- och kalenderfiler är inte krypterade: de lämnar ärendefilens skydd. Spara dem "
        "där stadens regler tillåter och lägg in minnesanteckningarna i journalsystemet."
    ),
    "&Minutes (Word)": "&Minnesanteckningar (Word)",
    "Updated action &plan (Word)": "Uppdaterad åtgärds&plan (Word)",
    "Updated action plan, &short version (Word)": "Uppdaterad åtgärdsplan, &kort version (Word)",
    "Next meeting for the &calendar (.ics)": "Nästa möte till &kalendern (.ics)",
    "&Save the files…": "&Spara filerna…",
    "&Close": "S&täng",
    "Saved:\n{files}": "Sparat:\n{files}",
    "Achieved": "Uppnått",
    "Partly achieved": "Delvis uppnått",
    "Not achieved": "Ej uppnått",
    "Ongoing": "Pågår",
    "Cancelled": "Avbrutet",
    "— status —": "— status —",
    "No open goals or actions to follow up.": "Inga öppna mål eller åtgärder att följa upp.",
    "Network meeting — {name} — {when}": "Nätverksmöte — {name} — {when}",
    "One decision per line": "Ett beslut per rad",
    "Consent changes, new actors": "Ändringar i samtycket, nya aktörer",
    "Decisions": "Beslut",
    "◀ &Back": "◀ &Föregående",
    "&Next item ▶": "&Nästa punkt ▶",
    "&Finish meeting": "&Avsluta möte",
    "&Discard notes…": "&Kasta anteckningarna…",
    "Throw away everything typed in this meeting; the meeting stays planned.": (
        "Kasta allt som skrivits under mötet; mötet ligger kvar som planerat."
    ),
    "Throw away everything typed in this meeting (attendance, follow-ups, notes, decisions)? "
    "The meeting stays planned; nothing is recorded as held.": (
        "Kasta allt som skrivits under mötet (närvaro, uppföljning, anteckningar, beslut)? "
        "Mötet ligger kvar som planerat; inget registreras som genomfört."
    ),
    "Discard the meeting notes": "Kasta mötesanteckningarna",
    "Network meeting": "Nätverksmöte",
    "Every actor in the network is covered by a valid consent today.": (
        "Alla aktörer i nätverket omfattas av ett giltigt samtycke i dag."
    ),
    "Not covered by a valid consent on the meeting day (left off the minutes' "
    "distribution): {actors}": (
        "Omfattas inte av ett giltigt samtycke på mötesdagen (står inte på "
        "minnesanteckningarnas sändlista): {actors}"
    ),
    "(new)": "(ny)",
    "Who does what by when:": "Vem gör vad till när:",
    "Resumed from the saved draft.": "Återupptaget från det sparade utkastet.",
    "Not saved yet…": "Inte sparat än…",
    "Saved in the encrypted caseload at {time}.": "Sparat i den krypterade ärendefilen {time}.",
    "Not finished yet — {field}: {message}": "Inte klart än — {field}: {message}",
    "&Start meeting": "&Starta möte",
    "P&repare meeting…": "&Förbered möte…",
    "A meeting was started and not finished; what was typed is saved. Start meeting resumes it.": (
        "Ett möte startades men avslutades inte; det som skrevs är sparat. Starta möte "
        "fortsätter där du var."
    ),
    "The meeting is planned for {day}. Move it to today and start it now?": (
        "Mötet är planerat till {day}. Flytta det till i dag och starta det nu?"
    ),
    "Start the meeting": "Starta mötet",
    "The goal, in the youth's words if possible": "Målet, gärna med ungdomens egna ord",
    "Add &goal": "Lägg till &mål",
    "What is to be done": "Vad ska göras",
    "(no actor)": "(ingen aktör)",
    "Add a&ction": "Lägg till å&tgärd",
    "&Remove selected": "&Ta bort markerad",
    "Person (optional)": "Person (valfritt)",
    "Write the goal first.": "Skriv målet först.",
    "Choose the goal and write what is to be done.": "Välj mål och skriv vad som ska göras.",
    "New: {goal}": "Nytt: {goal}",
    "Goal ({area}): {text}": "Mål ({area}): {text}",
    "Action: {what} · {who} · {due}": "Åtgärd: {what} · {who} · {due}",
    "&Plan the next meeting now": "&Planera nästa möte nu",
    "Use the &proposal": "Använd &förslaget",
    "I &confirm: the meeting is held after the deadline": (
        "Jag &bekräftar: mötet hålls efter tidsgränsen"
    ),
    "Why? (goes into the decisions)": "Varför? (kommer med i besluten)",
    "Deadline (five weeks): {day}.": "Tidsgräns (fem veckor): {day}.",
    "Already planned: {when}.": "Redan planerat: {when}.",
    "{day} is after the deadline {deadline}: the five-week rule is broken. Confirm and give "
    "a reason.": (
        "{day} ligger efter tidsgränsen {deadline}: femveckorsregeln bryts. Bekräfta och "
        "ange ett skäl."
    ),
    "The next meeting cannot be in the past.": "Nästa möte kan inte ligga bakåt i tiden.",
    "Prepare the meeting": "Förbered mötet",
    "Meeting {when}, {place}": "Möte {when}, {place}",
    "Writes the invitation (kallelse) and the agenda (dagordning) as Word files. They are "
    "not encrypted; send them only to those listed.": (
        "Skriver kallelsen och dagordningen som Word-filer. De är inte krypterade; skicka "
        "dem bara till dem som står i listan."
    ),
    "&Write invitation and agenda…": "&Skriv kallelse och dagordning…",
    "Invited (send to):": "Inbjudna (skickas till):",
    "No valid consent on the meeting day — left off the distribution:\n{actors}": (
        "Inget giltigt samtycke på mötesdagen — står inte på sändlistan:\n{actors}"
    ),
    "&Write again…": "&Skriv igen…",
    "The network meeting of {when} was started and not finished (saved {saved}). Go on "
    "with it now? Everything typed so far is kept.": (
        "Nätverksmötet {when} startades men avslutades inte (sparat {saved}). Fortsätta "
        "med det nu? Allt som skrivits hittills finns kvar."
    ),
    "Unfinished meeting": "Oavslutat möte",
    "Last time": "Förra gången",
    # (the youth dialog's new field; added here so the translation stays complete)
    "Overall goal": "Övergripande mål",
}

#: (context, source) → Swedish, where one context needs other words.
BY_CONTEXT: dict[tuple[str, str], str] = {
    ("MeetingColumns", "Note"): "Anteckning",
    ("OverviewTab", "Court"): "Tingsrätt",
    ("YouthDialog", "Court"): "Tingsrätt",
    ("LogColumns", "What"): "Händelse",
    ("CaseloadTableModel", "Deadline"): "Tidsgräns",
    ("FollowUpColumns", "Meeting"): "Möte",
}
