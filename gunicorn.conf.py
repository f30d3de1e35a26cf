"""How gunicorn serves Kypho in production; gunicorn reads this file from its working folder.

Threaded workers (gthread): each worker's main loop accepts connections and waits for
their first bytes without holding a thread, and a thread serves each request, so a few
slow or idle clients cannot tie up the site as they could with two sync workers. Threads
still wait for a client that sends half a request, so production puts nginx in front
(README), which buffers whole requests before passing them on.

Override any value on the command line or with GUNICORN_CMD_ARGS; WEB_CONCURRENCY sets
the workers (about two per core) and GUNICORN_THREADS the threads in each.
"""

import os

wsgi_app = "kypho.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A request may take this long before its worker is restarted; an idle kept-alive
# connection is closed after `keepalive` seconds.
timeout = 30
graceful_timeout = 30
keepalive = 5
# The access log (when turned on with --access-logfile) records who asked for which path,
# the status and the time taken: never the query string (it can hold a search id or
# filters) and never the response's size, which would tell the urgent advice page (shown
# at the next step's address) from the question page a patient without a red flag gets.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(M)sms'
# No runtime control socket: nothing manages this server but its service manager.
control_socket_disable = True
