"""Date and time formats for the clinic's language, found through `FORMAT_MODULE_PATH`."""
