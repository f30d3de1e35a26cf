"""The project app has no models; this module lets `migrate` signal it (kypho/cachetable.py)."""
