"""The clinician workspace's views; thin, each guarded by `clinician_required`."""
