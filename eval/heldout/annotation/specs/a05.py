ARTS=[]
ARTS.append(dict(file='wn_13.txt', y='2020', i=15, S={
 'amman':('Sudesh Amman',['Sudesh Amman','Amman']),
 'boon':('Alexis Boon',['Alexis Boon','Boon']),
 'khan':('Sadiq Khan',['Sadiq Khan','Khan']),
 'johnson':('Boris Johnson',['Boris Johnson','Johnson']),
}, q=[
 (0,'s',None,'the police declared','the police',{'note':'partial quote: the police\'s classification; "the police" as an unnamed body'}),
 (1,'s',None,'An eyewitness described','An eyewitness',{'note':'unnamed eyewitness'}),
 (2,'s',None,{'note':'unattributed partial quote from the reports ("according to the reports"); judgement call, could be read as a term'}),
 (3,'s',None,'by the police','the police',{'note':'partial quote, the police as an unnamed body'}),
 (4,'n',None,{'note':'a term (Arabic word) glossed in parentheses'}),
 (5,'s','amman','He told her on one occasion','He',{'note':'a message he sent; bracketed insertion'}),
 (6,'s','boon','Alexis Boon, the head','Alexis Boon'),
 (7,'n',None,{'note':'heading he wrote in a notepad, nested; a term'}),
 (8,'n',None,{'note':'a term, nested'}),
 (9,'s','khan','Sadiq Khan, thanked','Sadiq Khan',{'note':'partial quote; an earlier pull-quote line "—The mayor of London, Sadiq Khan" lost its quote in the source'}),
 (10,'s','khan','said Khan','Khan'),
 (11,'s','khan','said Khan','Khan',{'note':'quote resumes after the attribution'}),
 (12,'s','johnson','Boris Johnson, tweeted','Boris Johnson'),
]))
ARTS.append(dict(file='wn_14.txt', y='2020', i=18, S={
 'parmet':('Wendy Parmet',['Wendy Parmet','Parmet']),
 'schoch':('Monica Schoch-Spana',['Monica Schoch-Spana','Schoch-Spana']),
}, q=[
 (0,'n',None,{'note':'name of the disease'}),
 (1,'n',None,{'note':'name'}),
 (2,'n',None,{'note':'name'}),
 (3,'n',None,{'note':'name of the virus'}),
 (4,'n',None,{'note':'part of a name'}),
 (5,'n',None,{'note':'a letter'}),
 (6,'n',None,{'note':'word glossing a letter'}),
 (7,'n',None,{'note':'part of a name'}),
 (8,'n',None,{'note':'common name of a disease'}),
 (9,'s','parmet','Wendy Parmet said','Wendy Parmet'),
 (10,'s','parmet','She went on to say','She'),
 (11,'s','schoch','Monica Schoch-Spana told','Monica Schoch-Spana'),
]))
ARTS.append(dict(file='wn_15.txt', y='2020', i=39, S={
 'om':('Om Prakash',['Om Prakash','Prakash']),
 'chak':('Swami Chakrapani',['Swami Chakrapani','Chakrapani']),
 'who':('World Health Organization',['World Health Organization','WHO']),
 'suman':('Suman Haripriya',['Suman Haripriya','Haripriya']),
}, q=[
 (0,'s','om','attendee Om Prakash said','Om Prakash'),
 (1,'s','chak','ABHM president Chakrapani said','Chakrapani'),
 (2,'s','chak','In February, Chakrapani said','Chakrapani'),
 (3,'s','who','by the World Health Organization (WHO)','World Health Organization',{'note':'one-word partial quote of an organisation\'s declaration'}),
 (4,'s','who',"The WHO's website said",'WHO',{'note':'an organisation\'s website'}),
 (5,'s','chak','Chakrapani proposed','Chakrapani'),
 (6,'s','chak','Chakrapani had said','Chakrapani',{'note':'followed by the Hindi original, not in quote marks'}),
 (7,'s','chak','Chakrapani told ThePrint','Chakrapani'),
 (8,'s','suman','Suman Haripriya of the Hajo','Suman Haripriya'),
]))
ARTS.append(dict(file='wn_16.txt', y='2020', i=88, S={
 'coogler':('Ryan Coogler',['Ryan Coogler','Coogler']),
 'denzel':('Denzel Washington',['Denzel Washington','Washington']),
 'frederick':('Wayne A. I. Frederick',['Wayne A. I. Frederick','Frederick','Wayne Frederick']),
 'downey':('Robert Downey Jr.',['Robert Downey Jr.','Robert Downey Jr','Robert Downey','Downey']),
}, q=[
 (0,'n',None,{'note':'programme title'}),
 (1,'s','coogler','Ryan Coogler, the director','Ryan Coogler'),
 (2,'s','coogler','Ryan Coogler, the director','Ryan Coogler',{'note':'quote resumes after "recalling their first meeting"'}),
 (3,'s','denzel','Actor Denzel Washington','Denzel Washington'),
 (4,'s','frederick','Wayne A. I. Frederick, president','Wayne A. I. Frederick'),
 (5,'n',None,{'note':'award name'}),
 (6,'n',None,{'note':'programme title'}),
 (7,'s','downey','Downey said of Boseman','Downey',{'note':'named earlier in a list as Robert Downey Jr.'}),
]))
