"""The desk server: fact sheets shared through PostgreSQL, the local file first.

Between the window (and the command line) and the local store: it reads the
store's :class:`~newsdesk.storage.desk.DeskLedger` and talks to a PostgreSQL
server through psycopg. Nothing here imports Qt. ``config`` finds the server
(the settings file or ``NEWSDESK_SERVER``), ``server`` connects and turns
failures into messages, ``server_schema`` keeps the server's numbered
migrations, and ``engine`` syncs (push what the server lacks, pull what
others saved).
"""
