"""mirror: pulls release artefacts from FTP and mails a report."""
