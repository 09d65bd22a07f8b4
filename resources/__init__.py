"""Files newsdesk ships: sample articles, style sheets, print CSS and icons."""
