-- A crashed run's archived pages are loaded by the next run of its sources (flows/resume.py).
COMMENT ON COLUMN runs.status IS 'running, ok, failed, crashed (killed before it could record its end), or recovered (crashed, and a later run loaded the pages it had archived).';
