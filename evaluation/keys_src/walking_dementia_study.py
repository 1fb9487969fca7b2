NAME = "walking_dementia_study"
E = [
    ("Denmark", "GPE", "Denmark"),
    ("Journal of Geriatric Neurology", "ORGANIZATION", "Journal of Geriatric Neurology"),
    ("Denmark", "GPE", "Denmark"),
    ("Sweden", "GPE", "Sweden"),
    ("Karin Lindholm", "PERSON", "Karin Lindholm"),
    ("Aarhus Institute of Public Health", "ORGANIZATION", "Aarhus Institute of Public Health"),
    ("Lindholm", "PERSON", "Karin Lindholm"),
    ("Lindholm", "PERSON", "Karin Lindholm"),
    ("Alan Mbatha", "PERSON", "Alan Mbatha"),
    ("St Columba's University", "ORGANIZATION", "St Columba's University"),
    ("Edinburgh", "GPE", "Edinburgh"),
    ("Danish Institute for Healthy Ageing", "ORGANIZATION", "Danish Institute for Healthy Ageing"),
    ("Danes", "NORP", "Danes"),
    ("Novo Vita Foundation", "ORGANIZATION", "Novo Vita Foundation"),
    ("Swedish Research Council for Health", "ORGANIZATION", "Swedish Research Council for Health"),
    ("Lindholm", "PERSON", "Karin Lindholm"),
]
Q = [
    ("Older adults who walked for at least 30 minutes a day were about a third less likely to develop dementia over the following decade than those who were largely inactive", "indirect", "", "anonymous", "reported", ""),
    ("the effect held even after the researchers accounted for age, education, smoking, diabetes and blood pressure", "indirect", "Karin Lindholm", "named", "said", ""),
    ("What surprised us was how little it took,", "direct", "Karin Lindholm", "named", "said", "in an interview"),
    ("You did not need to run marathons. People who simply walked to the shops and back every day saw most of the benefit.", "direct", "Karin Lindholm", "named", "", ""),
    ("Participants in the most active group, who averaged about 9,000 steps a day, had a 32 percent lower risk of dementia than the least active", "indirect", "Karin Lindholm", "named", "said", ""),
    ("the study was observational and could not prove that walking itself protects the brain", "indirect", "", "anonymous", "cautioned", ""),
    ("It is entirely possible that people who are already in the earliest stages of dementia simply move less,", "direct", "Alan Mbatha", "named", "said", ""),
    ("randomised trials, in which some participants are assigned to exercise programmes, would be needed to settle the question", "indirect", "Alan Mbatha", "named", "said", ""),
    ('the findings were "encouraging and very plausible," noting that exercise improves blood flow and lowers inflammation', "mixed", "Alan Mbatha", "named", "said", ""),
    ("fewer than half of Danes over 70 get the 150 minutes of moderate activity a week that health authorities recommend", "indirect", "Danish Institute for Healthy Ageing", "organization", "according to", ""),
    ("the team planned to publish results on cycling and swimming next year", "indirect", "Karin Lindholm", "named", "said", ""),
]
C = [
    "The benefit was smaller, about 18 percent, among people who already had mild memory problems when they enrolled.",
    "Dementia affects more than 55 million people worldwide, and the number is expected to nearly triple by 2050 as populations age.",
]
