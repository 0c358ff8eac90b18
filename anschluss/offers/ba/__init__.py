"""Import of the Bundesagentur für Arbeit's public Jobsuche API: apprenticeships and internships near the city."""
