ARTS=[]
ARTS.append(dict(file='wn_17.txt', y='2020', i=27, S={
 'fern':('Alberto Fernández',['Alberto Fernández','Fernández','President Fernández']),
 'belski':('Mariela Belski',['Mariela Belski','Belski']),
 'sch':('Jorge Eduardo Scheinig',['Jorge Eduardo Scheinig','Scheinig','Monsenor Jorge Eduardo Scheinig']),
}, q=[
 (0,'s','fern','The president had previously','The president',{'note':'descriptor resolved to the president named in the previous sentence'}),
 (1,'s','fern','", Fernández said','Fernández'),
 (2,'s','fern','Fernández said the law','Fernández'),
 (3,'s','fern','President Fernández elaborated','Fernández',{'note':'partial quote in a participle clause ("Saying …") before the attribution; Spanish original follows unquoted'}),
 (4,'s','fern','President Fernández elaborated','Fernández',{'note':'contains the Spanish original of its last sentence inside the marks'}),
 (5,'s','belski','Mariela Belski, said','Mariela Belski'),
 (6,'s','sch','the archbishop said','the archbishop',{'note':'partial quote in a participle clause; descriptor resolved to the archbishop named in the previous sentence'}),
 (7,'s','sch','the archbishop said','the archbishop'),
]))
ARTS.append(dict(file='wn_18.txt', y='2020', i=35, S={
 'tedros':('Tedros Adhanom Ghebreyesus',['Tedros Adhanom Ghebreyesus','Ghebreyesus','Tedros']),
 'frieden':('Tom Frieden',['Tom Frieden','Frieden','Dr. Tom Frieden']),
 'fauci':('Anthony Fauci',['Anthony Fauci','Fauci','Dr. Anthony Fauci']),
}, q=[
 (0,'n',None,{'note':'a word mentioned as a word ("the word")'}),
 (1,'s','tedros','said Tedros Adhanom Ghebreyesus','Tedros Adhanom Ghebreyesus',{'note':'introduced as what "the WHO noted"; the quote is the Director-General\'s'}),
 (2,'s','tedros','said Tedros Adhanom Ghebreyesus','Tedros Adhanom Ghebreyesus',{'note':'quote resumes after the attribution'}),
 (3,'s','frieden','Dr. Tom Frieden, formerly','Tom Frieden'),
 (4,'s','frieden','He said, in remarks','He'),
 (5,'s','tedros','Ghebreyesus expressed a similar view','Ghebreyesus'),
 (6,'s','tedros','He continued, "[a]nd','He'),
 (7,'s','fauci','Dr. Anthony Fauci, said','Anthony Fauci'),
]))
ARTS.append(dict(file='wn_19.txt', y='2020', i=85, S={
 'myers':('Matt Myers',['Matt Myers','Myers']),
 'kid':('Jarrod Kidston',['Jarrod Kidston','Kidston']),
}, q=[
 (0,'s','myers','Wynnum coach Matt Myers said','Matt Myers'),
 (1,'s','myers','Wynnum coach Matt Myers said','Matt Myers',{'note':'quote resumes after the attribution'}),
 (2,'s','myers','after their first two", Myers said','Myers'),
 (3,'s','myers','after their first two", Myers said','Myers'),
 (4,'s','kid','in a while", Kidston said','Kidston'),
 (5,'s','kid','in a while", Kidston said','Kidston'),
 (6,'s','myers','for a couple", Myers said','Myers',{'note':'Myers again after a Kidston passage'}),
 (7,'s','myers','for a couple", Myers said','Myers'),
 (8,'s','kid','back end", he said','he',{'note':'he = Kidston, named in the sentence before'}),
]))
ARTS.append(dict(file='wn_20.txt', y='2019', i=137, S={
 'johnson':('Boris Johnson',['Boris Johnson','Johnson','Prime Minister Johnson','Prime Minister Boris Johnson']),
 'sacoolas':('Anne Sacoolas',['Anne Sacoolas','Sacoolas']),
 'state':('United States Department of State',['United States Department of State','State Department','Department of State']),
 'charles':('Charlotte Charles',['Charlotte Charles','Charles']),
}, q=[
 (0,'s','johnson','He said, "I think','He'),
 (1,'s','johnson','Johnson continued','Johnson'),
 (2,'s','sacoolas','She informed police','She',{'note':'partial quote continuing indirect speech (what she told police)'}),
 (3,'s','state','The State Department gave','State Department',{'note':'a government department speaking'}),
 (4,'s','state','The State Department gave','State Department'),
 (5,'s','charles','Charlotte Charles, said on TV','Charlotte Charles'),
 (6,'s','charles','Charles told the Daily Mail','Charles'),
]))
