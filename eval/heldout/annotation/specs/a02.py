ARTS=[]
ARTS.append(dict(file='wn_03.txt', y='2019', i=11, S={
 'tusk':('Donald Tusk',['Donald Tusk','Tusk']),
 'brud':('Joachim Brudziński',['Joachim Brudziński','Brudziński']),
 'mora':('Mateusz Morawiecki',['Mateusz Morawiecki','Morawiecki']),
 'duda':('Andrzej Duda',['Andrzej Duda','Duda']),
 'stef':('Tomasz Stefaniak',['Tomasz Stefaniak','Stefaniak','Dr. Tomasz Stefaniak']),
 'szum':('Łukasz Szumowski',['Łukasz Szumowski','Szumowski']),
}, q=[
 (0,'n',None,{'note':'term from unnamed reports ("Reports on the implement used vary"); read as a quoted term, not a statement'}),
 (1,'s','tusk','Donald Tusk, the current','Donald Tusk'),
 (2,'s','brud','Joachim Brudziński called','Joachim Brudziński'),
 (3,'s','brud','He said "I can','He'),
 (4,'s','brud','Brudziński said Adamowicz','Brudziński',{'note':'one-word partial quote inside indirect speech'}),
 (5,'s','mora','Mateusz Morawiecki tweeted','Mateusz Morawiecki'),
 (6,'s','duda','Andrzej Duda remarked','Andrzej Duda'),
 (7,'s','duda','Duda told local media','Duda',{'note':'partial quote continuing indirect speech'}),
 (8,'n',None,{'note':'a name as released'}),
 (9,'s','stef','Stefaniak said','Stefaniak'),
 (10,'s','szum','Łukasz Szumowski said','Łukasz Szumowski'),
]))
ARTS.append(dict(file='wn_05.txt', y='2019', i=43, S={
 'khan':('Sadiq Khan',['Sadiq Khan','Khan']),
 'watson':('Tom Watson',['Tom Watson','Watson']),
 'sturgeon':('Nicola Sturgeon',['Nicola Sturgeon','Sturgeon']),
}, q=[
 (0,'n',None,{'note':'gloss of the word Brexit'}),
 (1,'s','khan','Sadiq Khan, tweeted','Sadiq Khan'),
 (2,'s','watson','Tom Watson called','Tom Watson'),
 (3,'s','sturgeon','Nicola Sturgeon said it was','Nicola Sturgeon'),
 (4,'s',None,'Some of the protesters Wikinews interviewed','Some of the protesters',{'note':'unnamed protesters interviewed by Wikinews; bracketed insertions'}),
 (5,'s',None,'Some of the protesters Wikinews interviewed','Some of the protesters',{'note':'unnamed protesters interviewed by Wikinews'}),
 (6,'s',None,'One MP told the BBC','One MP',{'note':'unnamed MP'}),
 (7,'x',None,{'note':'banner text in a caption'}),
 (8,'x',None,{'note':'poster text in a caption'}),
 (9,'x',None,{'note':'sign text in a caption'}),
 (10,'x',None,{'note':'banner text in a caption'}),
]))
