ARTS=[]
ARTS.append(dict(file='wn_10.txt', y='2019', i=122, S={
 'trump':('Donald Trump',['Donald Trump','Trump','President Trump','President Donald Trump']),
 'zel':('Volodymyr Zelensky',['Volodymyr Zelensky','Zelensky','President Zelensky']),
 'honig':('Elie Honig',['Elie Honig','Honig']),
 'gude':('Ken Gude',['Ken Gude','Gude']),
 'amodei':('Mark Amodei',['Mark Amodei','Amodei']),
}, q=[
 (0,'s','trump','he told the press','he'),
 (1,'s','trump','he told the press','he'),
 (2,'s','zel','President Zelensky told reporters','Zelensky'),
 (3,'s','honig','Elie Honig said','Elie Honig'),
 (4,'n',None,{'note':'nested hypothetical thought ("I\'d think"), never said'}),
 (5,'s','gude','executive Ken Gude','Ken Gude'),
 (6,'s','gude','executive Ken Gude','Ken Gude'),
 (7,'s','amodei','Mark Amodei, has publicly','Mark Amodei'),
 (8,'s','amodei','He continued by noting','He'),
]))
ARTS.append(dict(file='wn_11.txt', y='2019', i=130, S={
 'peers':('Steve Peers',['Steve Peers','Peers']),
 'daskal':('Jennifer Daskal',['Jennifer Daskal','Daskal']),
 'fb':('Facebook',['Facebook']),
}, q=[
 (0,'n',None,{'note':'name of a court case'}),
 (1,'s',None,'The comments called her','The comments',{'note':'words of an unnamed Facebook user\'s comments'}),
 (2,'s',None,'The comments called her','The comments',{'note':'words of an unnamed Facebook user\'s comments'}),
 (3,'s','peers','Steve Peers of the University','Steve Peers'),
 (4,'s','peers','Steve Peers of the University','Steve Peers',{'note':'"also observing": same attribution'}),
 (5,'s','daskal','Jennifer Daskal of American','Jennifer Daskal'),
 (6,'s','fb','Facebook released a statement','Facebook',{'note':'a company speaking'}),
 (7,'s','fb','Facebook further claimed','Facebook'),
]))
ARTS.append(dict(file='wn_12.txt', y='2019', i=163, S={
 'morgan':('Piers Morgan',['Piers Morgan','Morgan']),
 'gray':('Thomas Gray',['Thomas Gray','Gray']),
 'sadiq':('Sadiq Khan',['Sadiq Khan','Mayor of London Sadiq Khan']),
 'fischer':('Lucy Fischer',['Lucy Fischer','Fischer']),
 'wilson':('David Wilson',['David Wilson','Wilson']),
}, q=[
 (0,'n',None,{'note':'programme name'}),
 (1,'s','morgan','Piers Morgan commented','Piers Morgan'),
 (2,'n',None,{'note':'nested words that "someone says" (generic, hypothetical)'}),
 (3,'s','gray','Thomas Gray, 24','Thomas Gray',{'note':'opens with a nested saying'}),
 (4,'n',None,{'note':'a saying (rugby motto), nested'}),
 (5,'s','sadiq','Mayor of London Sadiq Khan','Sadiq Khan',{'note':'the attacker is also "Khan" throughout; bare "Khan" is not a form of the mayor'}),
 (6,'s','sadiq','Mayor of London Sadiq Khan','Sadiq Khan'),
 (7,'s','fischer','Lucy Fischer of The Times','Lucy Fischer'),
 (8,'s','wilson','professor David Wilson','David Wilson'),
 (9,'n',None,{'note':'a term, nested'}),
 (10,'s','wilson','professor David Wilson','David Wilson',{'note':'quote resumes after the attribution'}),
]))
