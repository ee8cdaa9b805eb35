"""The documents sigdesk writes (SPEC §5): Word files and the calendar.

- `context`: the documents' contexts, plain dataclasses (the contract with the templates);
- `render`: a context into a `.docx` through its template, and the safe write to disk;
- `builders` and `meetings`: the contexts built from the caseload, and the export in one call;
- `ics`: planned meetings as an iCalendar file.
"""
