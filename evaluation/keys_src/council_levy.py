NAME = "council_levy"
E = [
    ("Brackford", "GPE", "Brackford"),
    ("BRACKFORD", "GPE", "Brackford"),
    ("Brackford City Council", "ORGANIZATION", "Brackford City Council"),
    ("Brackford Transit Authority", "ORGANIZATION", "Brackford Transit Authority"),
    ("BTA", "ORGANIZATION", "Brackford Transit Authority"),
    ("Denise Albright", "PERSON", "Denise Albright"),
    ("Tom Whitcombe", "PERSON", "Tom Whitcombe"),
    ("City Hall", "FACILITY", "City Hall"),
    ("Albright", "PERSON", "Denise Albright"),
    ("Democrat", "NORP", "Democrat"),
    ("BTA", "ORGANIZATION", "Brackford Transit Authority"),
    ("Priya Venkataraman", "PERSON", "Priya Venkataraman"),
    ("Harold Beaumont", "PERSON", "Harold Beaumont"),
    ("Department of Transportation", "ORGANIZATION", "Department of Transportation"),
    ("Whitcombe", "PERSON", "Tom Whitcombe"),
    ("Brackford", "GPE", "Brackford"),
    ("Oksana Melnyk", "PERSON", "Oksana Melnyk"),
]
Q = [
    ("This is the night we stopped apologising for our buses,", "direct", "Denise Albright", "named", "said", ""),
    ("People who ride the 14 to work at six in the morning have waited long enough.", "direct", "Denise Albright", "named", "", ""),
    ("the tax would fall hardest on retirees living on fixed incomes", "indirect", "Tom Whitcombe", "named", "said", ""),
    ("We are asking a widow on a pension to subsidise a system that still can’t tell her when the next bus is coming,", "direct", "Tom Whitcombe", "named", "said", ""),
    ("I support transit. I don’t support writing a blank cheque.", "direct", "Tom Whitcombe", "named", "", ""),
    ("ridership had recovered to 85 percent of its pre-pandemic level even though service was still well below it", "indirect", "Denise Albright", "named", "told", "reporters"),
    ("the average wait for a bus on weekday evenings has grown from 12 minutes to 31 minutes since 2020", "indirect", "Brackford Transit Authority", "organization", "according to", ""),
    ("the new money would let the agency hire about 90 drivers", "indirect", "Priya Venkataraman", "named", "said", ""),
    ("The first thing riders will notice is frequency. We will bring the core routes back to every 15 minutes by next summer.\n\n“After that, we look at the evenings and weekends, because that is where people who work shifts have been abandoned.\n\n“None of this happens without drivers, and none of the drivers happen without this levy.", "direct", "Priya Venkataraman", "named", "said", "In an interview on Wednesday"),
    ("it would release $22 million in matching funds once the levy was in place", "indirect", "Department of Transportation", "organization", "said", "in a statement"),
    ("they would try to put the levy to a public vote", "indirect", "", "anonymous", "said", ""),
    ("If the people of Brackford want this tax, let them say so at the ballot box.", "direct", "Tom Whitcombe", "named", "said", ""),
    ("A referendum petition would need 9,400 valid signatures within 60 days", "indirect", "Oksana Melnyk", "named", "according to", ""),
]
C = [
    "Nearly 2,000 residents signed a petition against the levy, and about 300 people packed the council chamber and an overflow room at City Hall for Tuesday’s meeting.",
]
