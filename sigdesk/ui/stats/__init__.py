"""The Uppföljning view (SPEC §6): a period's figures in tables and charts, each count traced
to the youths behind it, and the period's report, CSV and JSON exported.

`view.FollowupView` is the window (opened from the main window's menus); it imports
matplotlib's QtAgg canvas, so nothing here is imported before the view opens.
"""
