"""Views that travel (issue 30): a view as one self-contained, offline HTML file
(:mod:`ecotown.travel.view_html`), built from the web map and the briefing's facts; it sits
above both (:mod:`ecotown.webmap`, :mod:`ecotown.briefing`) and below the app and the
command line."""
