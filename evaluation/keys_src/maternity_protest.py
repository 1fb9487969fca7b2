NAME = "maternity_protest"
E = [
    ("Velmont", "GPE", "Velmont"),
    ("VELMONT", "GPE", "Velmont"),
    ("Velmont", "GPE", "Velmont"),
    ("Velmont General Hospital", "FACILITY", "Velmont General Hospital"),
    ("Velmont and District Health Trust", "ORGANIZATION", "Velmont and District Health Trust"),
    ("Kingsford Royal Hospital", "FACILITY", "Kingsford Royal Hospital"),
    ("Velmont", "GPE", "Velmont"),
    ("Kingsford", "GPE", "Kingsford"),
    ("Hannah Price", "PERSON", "Hannah Price"),
    ("Save Our Births", "ORGANIZATION", "Save Our Births"),
    ("Parliament", "ORGANIZATION", "Parliament"),
    ("Gareth Lowe", "PERSON", "Gareth Lowe"),
    ("Velmont", "GPE", "Velmont"),
    ("Fiona Garvey", "PERSON", "Fiona Garvey"),
    ("Kingsford", "GPE", "Kingsford"),
]
Q = [
    ("The crowd numbered about 6,000", "indirect", "", "organization", "according to", ""),
    ("more than 15,000 people took part", "indirect", "", "anonymous", "said", ""),
    ("it would move all births to the larger Kingsford Royal Hospital, 40 miles away, from January", "indirect", "Velmont and District Health Trust", "organization", "announced", ""),
    ("My daughter was born here 40 minutes after the first contraction. If we had had to drive to Kingsford, I would have given birth on the motorway,", "direct", "Hannah Price", "named", "said", ""),
    ("the group had collected 42,000 signatures on a petition to the health secretary and would deliver it to Parliament next month", "indirect", "Hannah Price", "named", "said", ""),
    ('the decision was "a false economy that will cost lives"', "mixed", "Gareth Lowe", "named", "told", "the crowd"),
    ('the safety of mothers and babies was its "first and only priority"', "mixed", "Velmont and District Health Trust", "organization", "said", "In a statement"),
    ("We understand how strongly people in Velmont feel, and we share their frustration,", "direct", "Velmont and District Health Trust", "organization", "said", ""),
    ("But we cannot run a safe service with the staff we have. Over the past year, a third of our planned shifts on the unit had to be covered by agency staff.", "direct", "Velmont and District Health Trust", "organization", "", ""),
    ("recruitment efforts had failed despite bonuses of up to £10,000 for midwives who moved to the area", "indirect", "Fiona Garvey", "named", "said", ""),
    ('morale among staff was "the lowest I have ever seen."', "mixed", "", "anonymous", "said", ""),
    ("the march passed off peacefully and no arrests were made", "indirect", "", "organization", "said", ""),
]
C = [
    "Nationally, nearly one in five maternity units has closed temporarily at least once in the past two years because of staff shortages.",
]
